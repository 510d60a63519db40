"""What a webmaster checks in a built site before publishing it (`python -m generator test-site`).

The build refuses a broken Markdown link before it writes a page (generator/pipeline/links.py).
What only the written site shows is checked here, reading its files as a static host serves them:

- every `src` and `href` of every page that stays on the site names a file of the site (a link
  typed as raw HTML, a theme override, a page copied as it is);
- no page loads a script, style, font or image from another host: a visitor's phone waits for it,
  a closed network never gets it, and the other host learns who reads the page;
- the current fiscal year's OIT index links every item to its page, and every URL the ITAS answer
  sheet (`oit/<year>.json`) gives the assessor is on the site.

`references` is also how the MkDocs plugin learns which files the pages use as each page renders
(generator/mkdocs/assets.py prunes the others); it lives here because reading it needs no MkDocs.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from datetime import date
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.base.calendar import fiscal_year
from generator.base.problems import Problem
from generator.pipeline.links import split

_REFERENCE = re.compile(r'(?:src|href)="([^"#?]+)')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
# Tags that make the browser fetch what they name; a <link> only for the relations listed.
_LOADING_TAG = re.compile(r"<(script|img|source|link|video|audio|input)\b([^>]*)>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_FETCHED = {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
            "apple-touch-icon", "manifest"}
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>|\bstyle=\"([^\"]*)\"", re.IGNORECASE | re.DOTALL)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)
_OIT_EXPORT = re.compile(r"oit/(\d{4})\.json")
_KINDS = {"script": ("สคริปต์", "a script"), "style": ("ไฟล์สไตล์ CSS", "a style sheet"),
          "font": ("ฟอนต์", "a font"), "image": ("รูปภาพ", "an image"), "file": ("ไฟล์", "a file"),
          "css": ("ฟอนต์หรือรูปภาพ", "a font or image")}


def references(output: str, dest: str) -> set[str]:
    """The site paths one page's `src` and `href` name (relative or root-relative, on this site).

    `dest` is where the page is written (`oit/2568/index.html`); the plugin collects these as it
    renders each page, so pruning needs no second reading of the site."""
    folder = posixpath.dirname("/" + dest)
    return {name for value in _REFERENCE.findall(output) if (name := _site_path(folder, value)) is not None}


@functools.lru_cache(maxsize=1 << 16)
def _site_path(folder: str, value: str) -> str | None:
    """The site path a link written in a page of `folder` names, or None when it leads to another host.

    Kept: every page of a folder repeats the menu's and the theme's links (most of a page's links).
    """
    parts = urlsplit(html.unescape(value))
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    return _normal(PurePosixPath(path) if path.startswith("/") else PurePosixPath(folder) / path)


def _normal(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts[1:]:
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


class _Site:
    """The files of a built site, and the host and folder it is published at (its canonical links)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        home = root / "index.html"
        canonical = _CANONICAL.search(home.read_text(encoding="utf-8")) if home.is_file() else None
        address = urlsplit(canonical[1]) if canonical else None
        self.host = address.netloc.lower() if address else ""
        self.folder = address.path.strip("/") if address else ""  # "office" for https://host/office/

    def has(self, path: str) -> bool:
        """Whether a site path (`oit/2570/o1`, `files/x.pdf`, `` for the home page) is served."""
        if self.folder and (path == self.folder or path.startswith(self.folder + "/")) \
                and not self._has(path):
            path = path[len(self.folder):].lstrip("/")  # root-relative on a site in a folder (404.html)
        return self._has(path)

    def _has(self, path: str) -> bool:
        return path in self.files or f"{path}/index.html".lstrip("/") in self.files

    def path_of(self, url: str) -> str:
        """The site path of an absolute URL of this site (`https://host/oit/2570/o1/` → `oit/2570/o1`)."""
        path = unquote(urlsplit(url).path).strip("/")
        if self.folder and (path == self.folder or path.startswith(self.folder + "/")):
            path = path[len(self.folder):].strip("/")
        return path


def check_built_site(root: Path) -> tuple[int, list[Problem]]:
    """(pages read, problems) of the site built in `root`; each problem names its file as `site/…`."""
    site = _Site(root)
    problems: list[Problem] = []
    if "index.html" not in site.files:
        problems.append(_problem("index.html", "site_home_missing", "ไม่มีหน้าแรก (index.html) ในเว็บไซต์ที่สร้าง",
                                 "the built site has no home page (index.html)"))
    linked: dict[str, set[str]] = {}
    pages = sorted(f for f in site.files if f.endswith(".html"))
    for rel in pages:
        text = (root / rel).read_text(encoding="utf-8", errors="replace")
        linked[rel] = references(text, rel)
        problems += [_missing(rel, target) for target in sorted(linked[rel]) if not site.has(target)]
        problems += _elsewhere(rel, _loads(text), site.host)
    for rel in sorted(f for f in site.files if f.endswith(".css")):
        css = (root / rel).read_text(encoding="utf-8", errors="replace")
        problems += _elsewhere(rel, [("css", url) for url in _CSS_URL.findall(css)], site.host,
                               ("ไฟล์ CSS นี้", "this style sheet"))
    return len(pages), problems + _oit(site, linked)


def _problem(rel: str, code: str, th: str, en: str) -> Problem:
    return Problem(f"site/{rel}", 0, "", code, th, en)


def _missing(rel: str, target: str) -> Problem:
    return _problem(rel, "site_link_missing",
                    f"ลิงก์หรือไฟล์ที่หน้านี้ใช้ (/{target}) ไม่มีในเว็บไซต์ที่สร้าง ให้แก้ลิงก์ หรือเพิ่มไฟล์นั้นใน content/",
                    f"a link or file this page uses (/{target}) is not in the built site; fix the link or add "
                    "the file under content/")


def _loads(text: str) -> list[tuple[str, str]]:
    """(kind, URL) of everything the page makes the browser fetch: tags, then inline styles."""
    found: list[tuple[str, str]] = []
    for tag, attributes in _LOADING_TAG.findall(text):
        values = {m[1].lower(): html.unescape(m[2] or m[3] or "") for m in _ATTRIBUTE.finditer(attributes)}
        found += _fetched(tag.lower(), values)
    for block, attribute in _STYLE.findall(text):
        found += [("css", url) for url in _CSS_URL.findall(block or attribute)]
    return found


def _fetched(tag: str, values: dict[str, str]) -> list[tuple[str, str]]:
    if tag == "link":
        rel = set(values.get("rel", "").lower().split())
        if not rel & _FETCHED:
            return []
        kind = ("style" if "stylesheet" in rel else "font" if values.get("as") == "font"
                else "image" if rel & {"icon", "apple-touch-icon"} or values.get("as") == "image" else "file")
        return [(kind, values.get("href", ""))]
    kind = "script" if tag == "script" else "image"
    urls = [values[name] for name in ("src", "poster") if name in values]
    urls += [c.split()[0] for c in values.get("srcset", "").split(",") if c.strip()]
    return [(kind, url) for url in urls]


def _elsewhere(rel: str, loads: list[tuple[str, str]], host: str,
               subject: tuple[str, str] = ("หน้านี้", "this page")) -> list[Problem]:
    """A problem per URL that another host serves (the site's own address is not another host)."""
    problems = []
    for kind, url in dict.fromkeys(loads):
        parts = split(url.strip())
        if parts is None or not parts.netloc or parts.netloc.lower() == host:
            continue
        th, en = _KINDS[kind]
        problems.append(_problem(rel, "site_other_host",
                                 f"{subject[0]}โหลด{th}จากเว็บไซต์อื่น ('{url}') ผู้เข้าชมต้องรอเครื่องอื่น และเครือข่ายที่ปิดกั้นจะเปิดไม่ได้ "
                                 "ให้เก็บไฟล์ไว้ในเว็บไซต์เอง (content/)",
                                 f"{subject[1]} loads {en} from another host ('{url}'): visitors wait for it and a "
                                 "closed network never gets it; keep the file on the site (content/)"))
    return problems


def _oit(site: _Site, linked: dict[str, set[str]]) -> list[Problem]:
    """The current fiscal year's OIT index links every item, and the answer sheet's URLs are on the site."""
    years = sorted(int(m[1]) for f in site.files if (m := _OIT_EXPORT.fullmatch(f)))
    if not years:
        return [_problem("oit/", "site_oit_missing",
                         "ไม่มีหน้า OIT ของปีงบประมาณใดในเว็บไซต์ ให้กำหนดกรอบการประเมินใน data/site.yml (frameworks:)",
                         "the site has no OIT index of any fiscal year; configure frameworks: in data/site.yml")]
    export = json.loads((site.root / f"oit/{years[-1]}.json").read_text(encoding="utf-8"))
    year = fiscal_year(date.fromisoformat(export["as_of"]))  # the build date's fiscal year
    if year not in years:
        return [_problem("oit/", "site_oit_year_missing",
                         f"ไม่มีหน้า OIT ของปีงบประมาณปัจจุบัน ({year}) ให้เตรียมปีด้วยคำสั่ง python -m generator new-year {year}",
                         f"no OIT index for the current fiscal year {year}; prepare it with "
                         f"`python -m generator new-year {year}`")]
    if year != years[-1]:
        export = json.loads((site.root / f"oit/{year}.json").read_text(encoding="utf-8"))
    index = f"oit/{year}/index.html"
    problems = []
    for item in export["items"]:
        page, *evidence = (site.path_of(url) for url in item["urls"])
        if page not in linked.get(index, set()) or not site.has(page):
            problems.append(_problem(index, "site_oit_item",
                                     f"ข้อ {item['number']} ไม่มีลิงก์ไปยังหน้าของข้อ (/{page}/) ที่มีอยู่ในเว็บไซต์",
                                     f"item {item['number']} does not link to its page (/{page}/) on the site"))
        problems += [_problem(f"oit/{year}.json", "site_oit_evidence",
                              f"ข้อ {item['number']}: ที่อยู่ /{path} ที่ส่งให้ผู้ประเมินไม่มีในเว็บไซต์",
                              f"item {item['number']}: the address /{path} given to the assessor is not on the site")
                     for path in evidence if not site.has(path)]
    return problems
