"""The `nav` of mkdocs.yml against the pages the build will have, as MkDocs checks it (structure/nav.py).

An entry that names no page fails a strict build (`validation.nav.not_found`), and so does a page
that no entry names when `validation.nav.omitted_files` is `warn`, as in the example office. A
data file can cause either: a family's index page appears when its data does, and a draft news
post named in the nav disappears. So the nav is checked with the pages, on every run.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Protocol

from generator.pipeline.build_config import RELATIVE_TO_DOCS, BuildConfig
from generator.pipeline.links import UNPUBLISHED_EN, invalid, split, suggestion
from generator.families.news.model import is_post_uri
from generator.engine.pages import Asset, Page
from generator.base.problems import Problem



class Build(Protocol):
    """What the nav checks read of the coming build (generator/pipeline/build_checks.py makes it)."""

    files: set[str]
    unpublished: dict[str, str]
    generated: dict[str, Page | Asset]
    handwritten: dict[str, str]

    def display(self, src_uri: str) -> str: ...

# MkDocs never builds these (mkdocs/structure/files.py: _default_exclude).
_DEFAULT_EXCLUDE = re.compile(r"(^|/)\.|^templates/")


def excluded(uri: str, config: BuildConfig) -> bool:
    """Whether MkDocs leaves the content file out of the site (hidden files, templates/, exclude_docs)."""
    return bool(_DEFAULT_EXCLUDE.search(uri)) or _matches(config.exclude_docs, uri)


def check_nav(build: Build, config: BuildConfig) -> list[Problem]:
    """Nav entries that name no page (errors at their line) and pages the nav leaves out (warnings)."""
    if config.nav is None:
        return []
    problems, named = [], set()
    for entry in config.nav:
        if (parts := split(entry.path)) is None:
            finding = invalid(entry.path)
            problems.append(Problem(config.file, entry.line, "nav", finding.code, finding.th, finding.en))
            continue
        if parts.scheme or parts.netloc:
            continue
        path = entry.path
        if path.startswith("/") and config.levels["nav.absolute_links"] == RELATIVE_TO_DOCS:
            path = path.lstrip("/")
        elif path.startswith("/"):  # MkDocs takes it for another site's path (info unless set to warn)
            if config.fails("nav.absolute_links"):
                problems.append(Problem(config.file, entry.line, "nav", "nav_absolute",
                                        f"เมนู nav มี '{path}' ซึ่งขึ้นต้นด้วย / ให้เขียนชื่อไฟล์ในเว็บไซต์โดยไม่มี / "
                                        f"เช่น {path.strip('/') or 'index.md'} หรือที่อยู่เต็ม https://…",
                                        f"the nav names '{path}', which starts with /; name the site's file without "
                                        f"the /, e.g. {path.strip('/') or 'index.md'}, or write a full https:// address"))
            continue
        path = PurePosixPath(path).as_posix()
        if path in build.files:
            named.add(path)
        elif config.fails("nav.not_found"):
            problems.append(_not_found(build, config, entry.path, entry.line))
    if config.fails("nav.omitted_files"):
        problems += _omitted(build, config, named)
    return problems


def _not_found(build: Build, config: BuildConfig, path: str, line: int) -> Problem:
    target = posixpath.normpath(path)
    if target in build.unpublished:
        why = build.unpublished[target]
        return Problem(config.file, line, "nav", "nav_unpublished",
                       f"เมนู nav มี '{path}' ซึ่งยังไม่เผยแพร่ ({why}) ให้ลบบรรทัดนี้จนกว่าจะเผยแพร่",
                       f"the nav names '{path}', which is not published ({UNPUBLISHED_EN[why]}); remove the line "
                       "until it is")
    better = suggestion("", target, build.files)
    fix_th = f"ให้เขียน '{better}' แทน" if better else \
        "ให้ใช้ชื่อไฟล์ .md ใน content/ หรือของหน้าที่สร้างจากข้อมูล หรือลบบรรทัดนี้"
    fix_en = f"write '{better}' instead" if better else \
        "name a .md file under content/ or a generated page, or remove the line"
    return Problem(config.file, line, "nav", "nav_not_found",
                   f"เมนู nav มี '{path}' ซึ่งไม่ใช่หน้าในเว็บไซต์ {fix_th}",
                   f"the nav names '{path}', which is not a page of the site; {fix_en}")


def _omitted(build: Build, config: BuildConfig, named: set[str]) -> list[Problem]:
    """Pages the menu should list (generated index pages, hand-written pages) that the nav leaves out."""
    problems = []
    left_out = [uri for uri, page in build.generated.items() if isinstance(page, Page) and page.in_nav
                and uri not in named]
    if left_out:  # one problem: the fix is one edit of the nav
        lines = " ".join(f"- {uri}" for uri in left_out)
        problems.append(Problem(config.file, config.nav_line, "nav", "nav_omitted",
                                f"หน้าที่สร้างจากข้อมูลต่อไปนี้ไม่อยู่ในเมนู nav ให้เพิ่มบรรทัดเหล่านี้ใน nav: {lines}",
                                f"these generated pages are not in the nav; add these lines to the nav: {lines}",
                                "warning"))
    for uri in sorted(build.handwritten):
        if (uri in named or uri not in build.files or uri in build.generated or is_post_uri(uri)
                or not uri.endswith(".md") or excluded(uri, config) or _matches(config.not_in_nav, uri)):
            continue
        problems.append(Problem(build.display(uri), 1, "", "nav_omitted",
                                f"หน้านี้ไม่อยู่ในเมนู (nav ใน mkdocs.yml) ให้เพิ่มบรรทัด - {uri} ใน nav "
                                f"หรือเพิ่ม {uri} ใน not_in_nav ถ้าตั้งใจไม่แสดงในเมนู",
                                f"this page is not in the nav of mkdocs.yml; add a line - {uri} to the nav, or "
                                f"list {uri} under not_in_nav if it is meant to stay out of the menu", "warning"))
    return problems


def _matches(patterns: tuple[str, ...], uri: str) -> bool:
    """Whether a gitignore-style pattern list (exclude_docs, not_in_nav) matches `uri`."""
    return bool(patterns) and _spec(patterns).match_file(uri)


@lru_cache(maxsize=8)
def _spec(patterns: tuple[str, ...]):
    import pathspec  # MkDocs' own dependency, and only needed when mkdocs.yml uses these patterns

    return pathspec.gitignore.GitIgnoreSpec.from_lines(patterns)
