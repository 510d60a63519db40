"""Hand-written pages (`content/**/*.md`): refuse HTML that would run code or load from another host.

Data fields refuse all HTML (generator/fields.py). A hand-written page may use some, such as the
`<div class="grid cards" markdown>` of the home page, and Python-Markdown passes raw HTML through
untouched. So every page is read before the build, and each construct a browser would execute or
fetch is an error at its line: script-like elements, `on…=` event handlers, `javascript:`,
`vbscript:` and `data:` addresses (also when written with entities or spaces), and images, frames
or styles that load from another host, which would tell that host who reads the site. Code blocks
and inline code are shown as text, so they are left alone.

MkDocs also publishes every other file of content/ as it is, and an SVG picture or an HTML file
opened from the site runs its scripts as the site. So SVG pictures are held to the same rules, and
scripts and HTML files (other than a plain-text verification file) are not published at all.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from .problems import Problem
from .sources import read_utf8

# Elements that run code, load another document or change how the page is read.
_ACTIVE = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|form|meta|base|link|style|svg|math"
                     r"|template|portal)\b", re.IGNORECASE)
_HANDLER = re.compile(r"<[a-zA-Z][^>]*?[\s\"'/]on[a-z]+\s*=|\{[^}\n]*\bon[a-z]+\s*=", re.IGNORECASE)
_STYLE_URL = re.compile(r"\bstyle\s*=\s*[\"'][^\"']*(url\s*\(|expression\s*\()", re.IGNORECASE)
# Where an address can hide: HTML attributes, Markdown links and images, reference definitions.
_ATTRIBUTE = re.compile(r"\b(href|src|srcset|action|formaction|data|poster|background|xlink:href)\s*=\s*"
                        r"(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)
_MD_TARGET = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_LOADS = {"src", "srcset", "data", "poster", "background", "xlink:href"}
_FENCE = re.compile(r"^([ ]{0,3})(`{3,}|~{3,}).*?^\1\2[`~]*[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")


# Files MkDocs would publish as they are and a browser would run in the site's own origin.
_RUNNABLE = {".js", ".mjs", ".cjs", ".wasm", ".html", ".htm", ".xhtml", ".shtml"}
_SVG_ACTIVE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object|handler|listener)\b", re.IGNORECASE)
_CSS_URL = re.compile(r"(?:url\s*\(|@import)\s*['\"]?\s*(?:https?:)?//", re.IGNORECASE)


def check_pages(pages: dict[str, str]) -> list[Problem]:
    """Every unsafe construct in the hand-written Markdown pages (display name → text), located by line."""
    return [problem for name, text in pages.items() for problem in check_text(text, name)]


def check_files(content_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    """SVG pictures that run or load, and scripts or web pages, among the other files under `content_dir`."""
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*")) if content_dir.is_dir() else ():
        suffix = path.suffix.lower()
        if not path.is_file() or suffix not in (".svg", *_RUNNABLE):
            continue
        name = display(path)
        text = read_utf8(path, name, problems) if suffix != ".wasm" else None
        if suffix == ".svg" and text is not None:
            problems += check_svg(text, name)
        elif suffix in _RUNNABLE and (text is None or "<" in text or suffix not in (".html", ".htm")):
            problems.append(_runnable(name))
    return problems


def _runnable(name: str) -> Problem:
    """A script or web page among the originals: it would run as part of the site."""
    return Problem(name, 1, "", "runnable",
                   "ไฟล์ประเภทนี้รันโค้ดได้เมื่อเปิดจากเว็บไซต์ จึงไม่เผยแพร่ ให้ลบออก หรือเขียนเป็นหน้า Markdown (.md) แทน "
                   "(ไฟล์ .html ที่เป็นข้อความล้วน เช่น ไฟล์ยืนยันเว็บไซต์ ใช้ได้)",
                   "files of this kind run code when opened from the site and are not published; remove it or "
                   "write a Markdown page (.md) instead (a plain-text .html file, such as a site verification "
                   "file, is fine)")


def check_svg(text: str, name: str) -> list[Problem]:
    """An SVG picture is a document: refused if it would run code or load something from another host."""
    found: set[Problem] = set()

    def add(position: int, code: str, th: str, en: str) -> None:
        found.add(Problem(name, text.count("\n", 0, position) + 1, "", code, th, en))

    for m in [*_SVG_ACTIVE.finditer(text), *_HANDLER.finditer(text)]:
        add(m.start(), "html", "ภาพ SVG มีสคริปต์หรือส่วนที่รันโค้ด ให้บันทึกภาพใหม่เป็น PNG หรือ SVG แบบธรรมดา",
            "the SVG picture contains a script or something that runs code; save it again as PNG or plain SVG")
    loads = [(m.start(), m[2] or m[3] or m[4] or "") for m in _ATTRIBUTE.finditer(text)]
    for position, target in loads:
        if _scheme(target) in ("javascript:", "vbscript:", "data:", "file:") and not _clean(target).startswith(
                ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")):
            add(position, "url", "ภาพ SVG มีลิงก์ javascript: หรือ data: ให้บันทึกภาพใหม่",
                "the SVG picture links to javascript: or data:; save it again")
        elif _clean(target).startswith(("http:", "https:", "//")):
            add(position, "external", "ภาพ SVG โหลดไฟล์จากเว็บไซต์อื่น ให้บันทึกภาพใหม่โดยฝังทุกอย่างไว้ในไฟล์",
                "the SVG picture loads a file from another host; save it again with everything embedded")
    for m in _CSS_URL.finditer(text):
        add(m.start(), "external", "ภาพ SVG โหลดไฟล์จากเว็บไซต์อื่น ให้บันทึกภาพใหม่โดยฝังทุกอย่างไว้ในไฟล์",
            "the SVG picture loads a file from another host; save it again with everything embedded")
    return sorted(found)


def check_text(text: str, name: str) -> list[Problem]:
    """The unsafe constructs of one page's Markdown."""
    text = _blank_code(text)
    found: list[Problem] = []

    def add(position: int, code: str, th: str, en: str) -> None:
        found.append(Problem(name, text.count("\n", 0, position) + 1, "", code, th, en))

    for m in _ACTIVE.finditer(text):
        add(m.start(), "html", f"ห้ามใช้แท็ก <{m[1].lower()}> ในหน้าเว็บ เพราะรันโค้ดหรือโหลดเนื้อหาจากที่อื่น ให้ลบออก",
            f"the <{m[1].lower()}> element runs code or loads other content and is not allowed; remove it")
    for m in _HANDLER.finditer(text):
        add(m.start(), "html", "ห้ามใช้แอตทริบิวต์ on…= (เช่น onclick, onerror) ซึ่งรันโค้ด ให้ลบออก",
            "event-handler attributes (on…=, such as onclick or onerror) run code and are not allowed; remove them")
    for m in _STYLE_URL.finditer(text):
        add(m.start(), "html", "ห้ามใช้ url(...) หรือ expression(...) ใน style ให้ลบออก",
            "url(...) and expression(...) are not allowed in a style attribute; remove them")
    for position, target, loads in _targets(text):
        if _scheme(target) in ("javascript:", "vbscript:", "data:", "file:"):
            add(position, "url", "ลิงก์ต้องขึ้นต้นด้วย https:// หรือชี้ไปยังหน้าในเว็บไซต์ (ห้าม javascript: data: vbscript:)",
                "links must start with https:// or point inside the site (not javascript:, data: or vbscript:)")
        elif loads and _clean(target).startswith(("http:", "https:", "//")):
            add(position, "external", "รูปหรือสื่อต้องอยู่ในโฟลเดอร์ content/ ห้ามดึงจากเว็บไซต์อื่น "
                                      "(ผู้อ่านทุกคนจะถูกส่งข้อมูลไปยังเว็บไซต์นั้น) ให้ดาวน์โหลดมาไว้ใน content/files/",
                "pictures and media must be under content/, not loaded from another host (every reader would be "
                "reported to it); download the file into content/files/")
    return sorted(found)


def _targets(text: str):
    """(position, address, loads-a-resource) of every address the page writes."""
    if "<" in text:  # most pages have no HTML at all: skip the slowest search
        for m in _ATTRIBUTE.finditer(text):
            yield m.start(), m[2] or m[3] or m[4] or "", m[1].lower() in _LOADS
    if "](" in text:
        for m in _MD_TARGET.finditer(text):
            yield m.start(), m[2], m[1] == "!"
    if "]:" in text:
        for m in _REFERENCE.finditer(text):
            yield m.start(), m[1], False


def _clean(address: str) -> str:
    """The address as a browser reads it: entities decoded, spaces and control characters dropped."""
    return re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(address)).lower()


def _scheme(address: str) -> str:
    match = re.match(r"^([a-z][a-z0-9+.-]*:)", _clean(address))
    return match[1] if match else ""


def _blank_code(text: str) -> str:
    """The text with fenced blocks and code spans replaced by spaces (lines keep their numbers)."""
    blank = lambda m: re.sub(r"[^\n]", " ", m[0])  # noqa: E731
    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))
