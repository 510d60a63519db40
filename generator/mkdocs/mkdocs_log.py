"""MkDocs' own warnings, said again in Thai first at the file and line a webmaster can open.

`check` finds what MkDocs would warn about before the build (generator/pipeline/build_checks.py), so these
warnings should never be seen. If one still is (an extension that makes links of its own, a case
nobody foresaw), it must not reach the webmaster as English about a generated page that does not
exist in the repository: a filter on MkDocs' loggers rewrites the message in place (the level stays,
so a strict build still fails), naming the data file or the hand-written page, and its line.

A warning check already gave (a page left out of the nav, a README.md beside an index.md) does not
stop the build, so MkDocs repeats it in English; that repetition is dropped.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from generator.mkdocs import host
from generator.pipeline.build_checks import lines_of
from generator.base.problems import Problem

# The loggers whose warnings are about pages, links and the nav (mkdocs/structure/*, commands/build.py),
# under the running program's name (`properdocs.structure.pages` when ProperDocs builds).
LOGGERS = host.logger_names("structure.pages", "structure.nav", "structure.files", "commands.build")
_OMITTED = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\"")
_CONFLICT = re.compile(r"Excluding '(?P<page>[^']+)' from the site because it conflicts with '(?P<url>[^']+)'")
_DOC = r"Doc file '(?P<page>[^']+)' contains "
_KNOWN = (
    (re.compile(_DOC + r"an unrecognized relative link '(?P<url>[^']*)'"),
     "ลิงก์ '{url}' ไม่ได้ระบุไฟล์ ให้ลิงก์ไปยังไฟล์ .md ของหน้านั้น เช่น ../policies/index.md"),
    (re.compile(_DOC + r"a link '(?P<url>[^']*)', but the target"),
     "ลิงก์ '{url}' ชี้ไปยังไฟล์ที่ไม่มีในเว็บไซต์ ให้ตรวจชื่อไฟล์ หรือลบลิงก์"),
    (re.compile(_DOC + r"a link '(?P<url>[^']*)', but (there is no such anchor|the doc)"),
     "ลิงก์ '{url}' ชี้ไปยังตำแหน่ง (#...) ที่ไม่มีในหน้าปลายทาง ให้ใช้หัวข้อที่มีอยู่ หรือลบ #... ออก"),
    (re.compile(_DOC + r"an absolute link '(?P<url>[^']*)'"),
     "ลิงก์ '{url}' ขึ้นต้นด้วย / ให้เขียนที่อยู่นับจากหน้านี้ เช่น ../files/2568/plan.pdf"),
    (re.compile(r"An absolute path to '(?P<url>[^']*)' is included in the 'nav'"),
     "เมนู nav ใน mkdocs.yml มี '{url}' ซึ่งขึ้นต้นด้วย / ให้เขียนชื่อไฟล์ในเว็บไซต์โดยไม่มี / หรือที่อยู่เต็ม https://…"),
    (re.compile(r"A reference to '(?P<url>[^']*)' is included in the 'nav'"),
     "เมนู nav ใน mkdocs.yml มี '{url}' ซึ่งไม่ใช่หน้าในเว็บไซต์ ให้แก้ชื่อไฟล์หรือลบบรรทัดนั้น"),
    (_OMITTED,
     "หน้าต่อไปนี้ไม่อยู่ในเมนู nav ของ mkdocs.yml ให้เพิ่มใน nav หรือใน not_in_nav"),
    (_CONFLICT,
     "หน้านี้กับ {url} ได้ที่อยู่เดียวกัน จึงไม่ถูกเผยแพร่ ให้รวมเป็นไฟล์เดียว หรือเปลี่ยนชื่อไฟล์หนึ่ง"),
    (re.compile(r"Error building page '(?P<page>[^']+)'"),
     "สร้างหน้านี้ไม่ได้ ให้ตรวจ front matter ของหน้า (template, hide, icon)"),
)
_UNKNOWN = "MkDocs แจ้งปัญหาที่ check ยังตรวจไม่พบ ให้แก้ตามข้อความภาษาอังกฤษ และแจ้งผู้ดูแลระบบ"


class Translator(logging.Filter):
    """Rewrites each warning of MkDocs' page, nav and file loggers; installed for one build."""

    def __init__(self, root: Path, docs: str, sources: dict[str, str | None], reported: list[Problem]) -> None:
        super().__init__()
        self.root, self.docs, self.sources = root, docs, sources
        self.reported = reported

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or getattr(record, "translated", False):
            return True
        message = record.getMessage()
        if self.repeated(message):
            return False
        thai, where = _UNKNOWN, ""
        for pattern, text in _KNOWN:
            if match := pattern.search(message):
                found = match.groupdict()
                thai = text.format(url=found.get("url", ""))
                where = self.where(found.get("page"), found.get("url")) + ": "
                break
        record.msg, record.args, record.translated = f"{where}{thai} / {message}", (), True
        return True

    def repeated(self, message: str) -> bool:
        """Whether check already reported this warning of MkDocs (its pages left out, or dropped)."""
        if match := _OMITTED.search(message):
            pages = re.findall(r"^  - (.+)$", message[match.end():], re.MULTILINE)
            said = [p for p in self.reported if p.code == "nav_omitted"]
            return bool(pages) and all(any(p.file == f"{self.docs}/{uri}" or f"- {uri}" in p.en for p in said)
                                       for uri in pages)
        if match := _CONFLICT.search(message):
            return any(p.code == "page_conflict" and p.file == f"{self.docs}/{match['page']}" for p in self.reported)
        return False

    def where(self, page: str | None, url: str | None) -> str:
        """`file:line` of the text behind a docs-relative page: its data file, or the page itself."""
        if page is None:
            return "mkdocs.yml"
        name = self.sources.get(page) or f"{self.docs}/{page}"
        try:
            text = (self.root / name).read_text(encoding="utf-8-sig")
        except (OSError, ValueError):
            return name
        lines = lines_of(text, url) if url else []
        return f"{name}:{lines[0] if lines else 1}"

    def install(self) -> None:
        """Start rewriting (once, even if a `serve` rebuild asks again)."""
        for name in LOGGERS:
            logger = logging.getLogger(name)
            for old in [f for f in logger.filters if isinstance(f, Translator)]:
                logger.removeFilter(old)
            logger.addFilter(self)

    def remove(self) -> None:
        """Stop rewriting: the build is over."""
        for name in LOGGERS:
            logging.getLogger(name).removeFilter(self)
