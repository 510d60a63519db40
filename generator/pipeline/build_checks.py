"""What a strict MkDocs build would refuse in the pages themselves, found before it runs.

`core.run` calls `check_build` once the pages are made, for `check` and for the plugin alike, so
both refuse the same site. It works out the files the build will have (content/ minus what is not
published, plus the generated pages) and checks, each located where the webmaster can fix it:

- links, images and anchors in every page (generator/pipeline/links.py);
- the `nav` of mkdocs.yml and pages left out of it (generator/pipeline/nav_checks.py);
- hand-written pages that MkDocs would drop (two files for one address, or a generated page in
  their place) or whose front matter would crash the theme (a missing `template` or `icon`).
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import Any

from generator.pipeline.build_config import BuildConfig
from generator.pipeline.links import Source, check_links
from generator.engine.data import Data, Project
from generator.pipeline.nav_checks import check_nav, excluded
from generator.families.news.model import is_post_uri
from generator.engine.pages import Asset, Page
from generator.base.problems import Problem
from generator.pipeline.rendered import body_offset, split_front_matter
from generator.engine.site import Site

_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*:")


class Build:
    """The files and pages of the coming build, and where each page's text was written."""

    def __init__(self, project: Project, data: Data, site: Site, pages: list[Page | Asset],
                 config: BuildConfig) -> None:
        self.project = project
        self.docs = project.display(project.content_dir)
        self.generated = {p.src_uri: p for p in pages}
        self.unpublished = _unpublished(data, site)
        content = _content_files(project.content_dir)
        self.handwritten = {name.removeprefix(self.docs + "/"): text for name, text in data.pages.items()}
        dropped = {u for u in content if u in self.unpublished and (u in site.unpublished_files or is_post_uri(u))}
        self.conflicts = _conflicts([u for u in self.handwritten if u not in dropped], config)
        self.files = (content - dropped - {hidden for hidden, _, out in self.conflicts if out}) | set(self.generated)
        self._texts: dict[str, str | None] = {}

    def display(self, src_uri: str) -> str:
        """A hand-written page as the webmaster finds it (`content/about.md`)."""
        return f"{self.docs}/{src_uri}"

    def sources(self, config: BuildConfig) -> list[Source]:
        """Every Markdown page MkDocs will render: generated ones and the hand-written ones it keeps."""
        out = [Source(p.src_uri, p.markdown, p.source, p.url, generated=True)
               for p in self.generated.values() if isinstance(p, Page)]
        for uri, text in self.handwritten.items():
            if uri in self.files and uri not in self.generated and not excluded(uri, config):
                offset = body_offset(text)
                out.append(Source(uri, text[offset:], self.display(uri), _url(uri), offset=offset))
        return out

    def markdown_of(self, src_uri: str) -> str | None:
        """The Markdown of a page of the build (for its anchors), None if it is not a page."""
        page = self.generated.get(src_uri)
        if isinstance(page, Page):
            return page.markdown
        if src_uri in self.handwritten and src_uri in self.files:
            text = self.handwritten[src_uri]
            return text[body_offset(text):]
        return None

    def locate(self, page: Source, needle: str) -> list[tuple[str, int, str]]:
        """(file, line, field) of each place `needle` was written for `page`: its data file or its own text."""
        if not page.generated:
            text = self.handwritten[page.src_uri]
            lines = lines_of(text, needle, page.offset) or [text.count("\n", 0, page.offset) + 1]
            return [(page.origin or self.display(page.src_uri), line, "") for line in lines]
        files = [page.origin] if page.origin else []
        for name in files + sorted(self._data_files()):
            if (text := self._text(name)) is not None and (lines := lines_of(text, needle)):
                return [(name, line, _field_at(text, line)) for line in lines]
        return [(page.origin or self.project.display(self.project.data_dir), 0, "")]

    def _data_files(self) -> set[str]:
        folder = self.project.data_dir
        return {self.project.display(p) for p in folder.rglob("*") if p.suffix in (".yml", ".yaml")} \
            if folder.is_dir() else set()

    def _text(self, name: str) -> str | None:
        if name not in self._texts:
            try:
                self._texts[name] = (self.project.root / name).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self._texts[name] = None
        return self._texts[name]


def check_build(project: Project, data: Data, site: Site, pages: list[Page | Asset],
                config: BuildConfig) -> list[Problem]:
    """Everything a strict build would refuse in the pages, nav and page files; see the module docstring."""
    build = Build(project, data, site, pages, config)
    problems = _replaced_pages(build) + _front_matter(build, config)
    problems += check_nav(build, config)
    problems += check_links(build.sources(config), build.files, build.unpublished, config, build.markdown_of,
                            build.locate)
    return problems


def _url(src_uri: str) -> str:
    path = src_uri.removesuffix(".md")
    name = posixpath.basename(path)
    if name in ("index", "README"):
        return "/" + posixpath.dirname(path) + ("/" if posixpath.dirname(path) else "")
    return f"/{path}/"


def _content_files(folder: Path) -> set[str]:
    """Docs-relative paths of every file under content/ (what MkDocs' get_files walks)."""
    found: set[str] = set()
    for directory, _dirs, names in os.walk(folder) if folder.is_dir() else ():
        rel = Path(directory).relative_to(folder).as_posix()
        found.update(name if rel == "." else f"{rel}/{name}" for name in names)
    return found


def _unpublished(data: Data, site: Site) -> dict[str, str]:
    """Pages and originals of items not published on the build date → why, in Thai."""
    reasons: dict[str, str] = {}
    withdrawn = {("documents", d.id) for d in site.withdrawn.documents} | {
        ("policies", p.id) for p in site.withdrawn.policies} | {("news", p.slug) for p in site.withdrawn.news}
    folders = ("documents", "policies", "news")
    public = {(folder, item.id) for folder in folders for item in getattr(site, folder)}  # each family's rule
    for folder in folders:
        for item in getattr(data, folder):
            if (folder, item.id) in public:
                continue
            why = "ร่าง" if item.draft else "ถอนการเผยแพร่แล้ว" if (folder, item.id) in withdrawn \
                else "ยังไม่ถึงวันเผยแพร่"
            if (folder, item.id) not in withdrawn:
                reasons[f"{folder}/{item.id}.md"] = why
            for path in (getattr(item, "file", None), getattr(item, "image", None)):
                if path and path in site.unpublished_files:
                    reasons[path] = why
    return reasons


def lines_of(text: str, needle: str, start: int = 0) -> list[int]:
    """1-based lines where `needle` is written, as a link target first (`](needle`), else anywhere."""
    for pattern in (f"]({needle}", f"](<{needle}>", needle):
        positions = [m.start() for m in re.finditer(re.escape(pattern), text[start:])]
        if positions:
            return sorted({text.count("\n", 0, start + p) + 1 for p in positions})
    return []


def _field_at(text: str, line: int) -> str:
    """The YAML key a line belongs to: the key on that line, else the nearest one less indented above."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = len(here) - len(here.lstrip())
    for i in range(line - 1, -1, -1):
        if (m := _KEY.match(lines[i])) and (i == line - 1 or len(m[1]) < indent):
            return m[2]
    return ""


def _replaced_pages(build: Build) -> list[Problem]:
    """Hand-written pages MkDocs would not publish: a generated page or another file has their address."""
    problems = []
    for uri, twin, _dropped in build.conflicts:  # a warning, as MkDocs gives: an unused input, not wrong data
        problems.append(Problem(build.display(uri), 1, "", "page_conflict",
                                f"หน้านี้ไม่ถูกเผยแพร่ เพราะ {build.display(twin)} ได้ที่อยู่เดียวกัน ({_url(uri)}) "
                                "ให้รวมเป็นไฟล์เดียว หรือเปลี่ยนชื่อไฟล์หนึ่ง",
                                f"this page is not published: {build.display(twin)} has the same address "
                                f"({_url(uri)}); merge them or rename one", "warning"))
    by_url = {p.url: uri for uri, p in build.generated.items() if isinstance(p, Page)}
    for uri in sorted(build.handwritten):
        if uri not in build.files or (is_post_uri(uri) and uri in build.generated):
            continue  # unpublished, or a withdrawn post whose notice takes its address on purpose
        if uri in build.generated or _url(uri) in by_url:
            problems.append(Problem(build.display(uri), 1, "", "page_replaced",
                                    f"หน้านี้ไม่ถูกเผยแพร่ เพราะหน้า {_url(uri)} สร้างจากข้อมูลใน data/ แล้ว "
                                    "ให้ย้ายเนื้อหาไปไว้ในไฟล์ข้อมูลนั้น หรือเปลี่ยนชื่อไฟล์นี้",
                                    f"this page is not published: {_url(uri)} is generated from data/; move the "
                                    "text into that data file or rename this file", "warning"))
    return problems


def _conflicts(pages: list[str], config: BuildConfig) -> list[tuple[str, str, bool]]:
    """(hidden, shown, dropped) for hand-written pages with one address, in the order MkDocs walks them.

    In one folder (README.md beside index.md) MkDocs drops the first and warns; across folders
    (about.md, about/index.md) it writes both to one place, and the later one silently wins.
    """
    kept: dict[str, str] = {}
    pairs = []
    for uri in sorted(pages, key=_walk_order):
        if excluded(uri, config) or not uri.endswith(".md"):
            continue
        if (first := kept.setdefault(_url(uri), uri)) != uri:
            pairs.append((first, uri, posixpath.dirname(first) == posixpath.dirname(uri)))
            kept[_url(uri)] = uri
    return pairs


def _walk_order(uri: str) -> tuple:
    """os.walk order as MkDocs sorts it: a folder's files (index and README first) before its subfolders."""
    parts = uri.split("/")
    name = parts[-1]
    return (*[(1, p) for p in parts[:-1]], (0, posixpath.splitext(name)[0] not in ("index", "README"), name))


def _front_matter(build: Build, config: BuildConfig) -> list[Problem]:
    """Front-matter values the theme cannot render: the build would stop with a Python error."""
    problems = []
    for uri, text in build.handwritten.items():
        if uri not in build.files or is_post_uri(uri) or ("template" not in text and "hide" not in text
                                                          and "icon" not in text):
            continue
        meta, offset = split_front_matter(text)
        for key, problem in _meta_problems(meta, config):
            line = next((i + 1 for i, l in enumerate(text[:offset].splitlines()) if l.lstrip().startswith(key)), 1)
            problems.append(Problem(build.display(uri), line, key, "front_matter", *problem))
    return problems


def _meta_problems(meta: dict[str, Any], config: BuildConfig):
    if "template" in meta and not _template_exists(meta["template"], config):
        yield "template", (f"ไม่พบแม่แบบหน้า '{meta['template']}' ใน overrides/ หรือธีม ให้ลบบรรทัด template: "
                           "หรือใช้ชื่อไฟล์ .html ที่มีอยู่ เช่น main.html",
                           f"no page template '{meta['template']}' in overrides/ or the theme; remove the template: "
                           "line or name an existing .html file such as main.html")
    if "hide" in meta and not isinstance(meta["hide"], (list, str, type(None))):
        yield "hide", ("ต้องเป็นรายการของส่วนที่จะซ่อน เช่น hide: [navigation, toc]",
                       "must be a list of the parts to hide, e.g. hide: [navigation, toc]")
    if "icon" in meta and not _template_exists(f".icons/{meta['icon']}.svg", config):
        yield "icon", (f"ไม่พบไอคอน '{meta['icon']}' ในธีม ให้ลบบรรทัด icon: หรือใช้ชื่อไอคอนที่มีอยู่ เช่น "
                       "material/home",
                       f"the theme has no icon '{meta['icon']}'; remove the icon: line or use an existing one "
                       "such as material/home")


def _template_exists(name: Any, config: BuildConfig) -> bool:
    """Whether Jinja would find `name` in the template folders (no `..`, which it refuses)."""
    if not isinstance(name, str) or not name or ".." in name.split("/") or name.startswith("/"):
        return False
    try:
        return any((folder / name).is_file() for folder in config.template_dirs)
    except (OSError, ValueError):  # a NUL or an over-long name: no template has it
        return False
