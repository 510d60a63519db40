"""Every relative link and image of every page resolved as MkDocs resolves it, located where it was written.

MkDocs checks links only while it builds, and names the page it built: for a generated page that
is a file nobody can open (`policies/x.md contains an unrecognized relative link 'x'`), in English,
without a line. The same check runs here, in `core.run`, so `check` and the build refuse the same
links, and each finding is reported where the link was typed: the line of a hand-written page, or
the line of the data file whose Markdown the generated page shows.

Speed (it runs on every build): candidates come from a regular expression over pages holding `](`
or `]:`; only a page with a candidate that looks broken is rendered (generator/pipeline/rendered.py) to keep
what Markdown really makes a link. Absolute (`/x`) and protocol-relative (`//host`) links are left
to generator/engine/page_safety.py.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import SplitResult, unquote, urlsplit

from generator.pipeline.build_config import BuildConfig
from generator.base.problems import Problem
from generator.pipeline.rendered import Renderer

_INLINE = re.compile(r"\]\(")
_SIMPLE = re.compile(r"\]\(([^\s()<>]*)\)")  # most targets: no space, parenthesis or angle bracket
_REFERENCE = re.compile(r"^[ \t>]*\[[^\]\n]+\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.MULTILINE)
_PLAIN = re.compile(r"[:#?%]")
_TITLE = re.compile(r"""\s+(?:"[^"]*"|'[^']*'|\([^)]*\))\s*$""")


@dataclass(frozen=True)
class Source:
    """A page of the build: its docs-relative path, its Markdown, and where that text was written.

    `origin` is the hand-written page itself (`content/x.md`, then `offset` is where its Markdown
    starts) or the data file a generated page shows text from; `url` is the page's address.
    """

    src_uri: str
    markdown: str
    origin: str | None
    url: str
    generated: bool = False
    offset: int = 0


@dataclass(frozen=True)
class Finding:
    """One broken link: the check whose level decides (e.g. "links.not_found") and its message."""

    check: str
    url: str
    code: str
    th: str
    en: str


def candidates(text: str) -> list[tuple[int, str]]:
    """(offset, target) of everything that may be a link or image target; more than Markdown makes links of."""
    found: list[tuple[int, str]] = []
    if "](" in text:
        for m in _INLINE.finditer(text):
            simple = _SIMPLE.match(text, m.start())
            found.append((m.end(), simple[1] if simple else _destination(text, m.end())))
    if "]:" in text:
        found += [(m.start(1), m[1].strip("<>")) for m in _REFERENCE.finditer(text)]
    return found


def _destination(text: str, start: int) -> str:
    """The target of an inline link that starts at `start` (after `](`), as Python-Markdown reads it."""
    rest = text[start:start + 2048].lstrip()
    if rest.startswith("<"):
        return rest[1:rest.find(">")] if ">" in rest else rest[1:]
    depth = 0
    for i, char in enumerate(rest):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return _TITLE.sub("", rest[:i]).strip()
            depth -= 1
        elif char == "\n" and rest[i + 1:i + 2] == "\n":
            break
    return rest.split()[0] if rest.split() else ""


def split(url: str) -> SplitResult | None:
    """The parts of `url`, or None where Python cannot read it (`http://[x`), which stops MkDocs with a traceback."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def invalid(url: str, where_th: str = "", where_en: str = "") -> Finding:
    """A target that MkDocs cannot even split into its parts: the build would stop with a traceback."""
    return Finding("invalid", url, "link_invalid",
                   f"ลิงก์ '{url}'{where_th} ไม่ใช่ที่อยู่ที่อ่านได้ (มีวงเล็บเหลี่ยม [ ] ผิดที่) "
                   "ให้เขียนที่อยู่เต็ม เช่น https://www.example.go.th/page",
                   f"the link '{url}'{where_en} is not a readable address (a misplaced [ or ]); write the full "
                   "address, e.g. https://www.example.go.th/page")


def resolve(page: Source, url: str, files: set[str], unpublished: dict[str, str]) -> Finding | None:
    """Why `url` on `page` is broken in the built site, or None (anchors are checked apart)."""
    if not _PLAIN.search(url) and url and url[0] not in "/\\":  # the usual case, without urlsplit
        if posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), url)) in files:
            return None
    if (parts := split(url)) is None:
        return invalid(url, *_where(page))
    scheme, netloc, path, _query, _anchor = parts
    if scheme or netloc or url.startswith(("/", "\\")) or not path:
        return None  # off-site, absolute (page_safety's), or an anchor on the page itself
    path = unquote(path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path)).lstrip("/")
    if target in files:
        return None
    where_th, where_en = _where(page)
    if target in unpublished:
        return Finding("links.not_found", url, "link_unpublished",
                       f"ลิงก์ '{url}'{where_th} ชี้ไปยัง {target} ซึ่งยังไม่เผยแพร่ ({unpublished[target]}) "
                       "ให้ลบลิงก์นี้ หรือเผยแพร่รายการนั้นก่อน",
                       f"the link '{url}'{where_en} points to {target}, which is not published "
                       f"({UNPUBLISHED_EN[unpublished[target]]}); remove the link or "
                       "publish that item first")
    better = suggestion(page.src_uri, target, files)
    if not posixpath.splitext(path)[1]:
        fix_th = f"ให้เขียน '{better}' แทน" if better else "ให้ลิงก์ไปยังไฟล์ .md ของหน้านั้น เช่น ../policies/index.md"
        fix_en = f"write '{better}' instead" if better else "link to the page's .md file, e.g. ../policies/index.md"
        return Finding("links.unrecognized_links", url, "link_unrecognized",
                       f"ลิงก์ '{url}'{where_th} ไม่ได้ระบุไฟล์ ระบบจึงตรวจและแปลงลิงก์ไม่ได้ {fix_th}",
                       f"the link '{url}'{where_en} does not name a file, so it cannot be checked or "
                       f"rewritten; {fix_en}")
    if "@" in url and "." in url and "/" not in url:
        better_th, better_en = f"ถ้าเป็นอีเมล ให้เขียน mailto:{url}", f"for an e-mail address write mailto:{url}"
    elif better:
        better_th, better_en = f"ให้เขียน '{better}' แทน", f"write '{better}' instead"
    else:
        better_th = "ให้ตรวจชื่อไฟล์ (ไฟล์ต้องอยู่ในโฟลเดอร์ content/ และนับที่อยู่จากหน้านี้)"
        better_en = "check the file name (the file must be under content/, the path counted from this page)"
    return Finding("links.not_found", url, "link_not_found",
                   f"ลิงก์ '{url}'{where_th} ชี้ไปยัง {target} ซึ่งไม่มีในเว็บไซต์ {better_th}",
                   f"the link '{url}'{where_en} points to {target}, which is not on the site; {better_en}")


UNPUBLISHED_EN = {"ร่าง": "a draft", "ยังไม่ถึงวันเผยแพร่": "to be published later",
                   "ถอนการเผยแพร่แล้ว": "withdrawn"}


def _where(page: Source) -> tuple[str, str]:
    """For text shown on a generated page: which page, since relative links count from it."""
    if not page.generated:
        return "", ""
    return f" (ในหน้า {page.url} ที่สร้างจากไฟล์นี้)", f" (on the page {page.url} made from this file)"


def suggestion(src_uri: str, target: str, files: set[str]) -> str | None:
    """The file the link most likely meant, written relative to the page; None if nothing is close."""
    if target == ".":
        return posixpath.basename(src_uri)  # the page itself, as MkDocs suggests
    stem = target.removesuffix(".html").removesuffix("/")
    slashes = posixpath.normpath(target.replace("\\", "/"))  # a Windows path
    for guess in (f"{stem}/index.md", f"{stem}.md", f"{target}/index.md", slashes):
        if guess in files:
            return _relative(guess, src_uri)
    folder, name = posixpath.split(target)
    siblings = [posixpath.basename(f) for f in files if posixpath.dirname(f) == folder]
    close = [posixpath.join(folder, n) for n in difflib.get_close_matches(name, siblings, n=1, cutoff=0.8)]
    return _relative(close[0], src_uri) if close else None


def _relative(target: str, src_uri: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(src_uri) or ".")


def anchor_finding(page: Source, url: str, target: str, ids: frozenset[str]) -> Finding:
    """A link to `#anchor` that the target page (`target`, docs-relative) does not have."""
    anchor = urlsplit(url).fragment
    where_th, where_en = _where(page)
    known = ", ".join(f"#{i}" for i in sorted(i for i in ids if not i.startswith(("fn", "__")))[:5])
    if anchor.startswith("fnref:"):
        return Finding("links.anchors", url, "footnote_unused",
                       f"เชิงอรรถ [^{anchor[6:]}]{where_th} ไม่มีที่อ้างถึงในเนื้อหา ให้เพิ่ม [^{anchor[6:]}] ในข้อความ "
                       "หรือลบเชิงอรรถนี้",
                       f"the footnote [^{anchor[6:]}]{where_en} is never referenced; add [^{anchor[6:]}] to "
                       "the text or remove the footnote")
    here = target == page.src_uri
    page_th, page_en = ("หน้านี้", "this page") if here else (f"หน้า {target}", f"the page {target}")
    hint_th = f"ใช้หัวข้อที่มีอยู่ เช่น {known}" if known else "ลบ #... ออกจากลิงก์"
    hint_en = f"use one that exists, such as {known}" if known else "remove the #... from the link"
    # The usual mistake under toc's own slugify, which makes no id of Thai letters (the example's
    # mkdocs.yml names generator/mkdocs/slugs.py, which keeps them: then no page's ids are all ASCII).
    if not anchor.isascii() and all(i.isascii() for i in ids):
        hint_th += " (หัวข้อภาษาไทยได้รหัส #_1 #_2 … ตามลำดับ)"
        hint_en += " (Thai headings get the ids #_1, #_2… in order)"
    return Finding("links.anchors", url, "link_anchor",
                   f"ลิงก์ '{url}'{where_th} ชี้ไปยังตำแหน่ง #{anchor} ซึ่งไม่มีใน{page_th} ให้{hint_th}",
                   f"the link '{url}'{where_en} points to #{anchor}, which is not on {page_en}; {hint_en}")


def check_links(pages: Iterable[Source], files: set[str], unpublished: dict[str, str], config: BuildConfig,
                markdown_of: Callable[[str], str | None], locate: Callable[[Source, str], list[tuple[str, int, str]]]
                ) -> list[Problem]:
    """Every broken link, image and anchor of `pages`, as Problems located by `locate`.

    Args:
        files: docs-relative paths of every file the build will have.
        unpublished: docs-relative paths of drafts, future and withdrawn items → why (Thai).
        markdown_of: the Markdown of the page at a docs-relative path (for anchors), None if not a page.
        locate: (file, line, field) of each place a link target was written.
    """
    renderer = Renderer(config.extensions, config.extension_configs)
    footnotes = "footnotes" in config.extensions
    seen: dict[tuple[str, str], bool] = {}  # thousands of pages link the same targets from the same folder
    problems: list[Problem] = []
    for page in pages:
        found = _page_findings(page, files, unpublished, config, renderer, markdown_of, footnotes, seen)
        for finding in found:
            for file, line, field in locate(page, finding.url):
                problems.append(Problem(file, line, field, finding.code, finding.th, finding.en))
    return problems


def _page_findings(page: Source, files: set[str], unpublished: dict[str, str], config: BuildConfig,
                   renderer: Renderer, markdown_of: Callable[[str], str | None], footnotes: bool,
                   seen: dict[tuple[str, str], bool]) -> list[Finding]:
    """The broken links of one page; the page is rendered only when a candidate looks broken."""
    text = page.markdown
    suspect = footnotes and "[^" in text
    folder = posixpath.dirname(page.src_uri)
    for _offset, url in candidates(text) if not suspect else ():
        key = (page.src_uri if url.startswith("#") else folder, url)
        if key not in seen:
            seen[key] = _broken(page, url, files, unpublished, config, renderer, markdown_of) is not None
        if seen[key]:
            suspect = True
            break
    if not suspect:
        return []
    findings: dict[str, Finding] = {}
    for url in renderer.render(page.src_uri, text).links:
        if url not in findings and (finding := _broken(page, url, files, unpublished, config, renderer, markdown_of)):
            findings[url] = finding
    return list(findings.values())


def _broken(page: Source, url: str, files: set[str], unpublished: dict[str, str], config: BuildConfig,
            renderer: Renderer, markdown_of: Callable[[str], str | None]) -> Finding | None:
    """The finding for one target, if the office's validation levels make it fail a strict build."""
    finding = resolve(page, url, files, unpublished)
    if finding:
        return finding if finding.check == "invalid" or config.fails(finding.check) else None
    parts = urlsplit(url)  # resolve has read it
    if not parts.fragment or parts.scheme or parts.netloc or url.startswith(("/", "\\")):
        return None
    if not config.fails("links.anchors"):
        return None
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path)).lstrip("/") if path \
        else page.src_uri
    text = page.markdown if target == page.src_uri else markdown_of(target)
    if text is None:
        return None  # not a page (a PDF's #page=2): MkDocs does not check it either
    ids = renderer.render(target, text).ids
    return None if parts.fragment in ids else anchor_finding(page, url, target, ids)
