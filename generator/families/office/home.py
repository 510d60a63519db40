"""The home page of an office (`/`): its emblem, its name, a short statement and the entries people
come for: complaints, the OIT disclosure of the current fiscal year with its readiness, No Gift, the
latest news with their pictures, the e-services, procurement and contact.

It is built after every other page (generator/pipeline/pages.py), because the OIT readiness it shows
is judged on all of them, by the same evaluation as the OIT index (generator/oit/pages.py). An entry
whose page the build does not make is left out, so every link resolves. A hand-written
`content/index.md` wins: then no home page is generated. The sitemap page (`/sitemap/`, every menu
section with its fiscal-year pages) is made here too, for the same reason: it lists all the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup

from generator.base import calendar
from generator.engine.pages import Asset, Page, page
from generator.engine.render import md_escape
from generator.engine.site import Site
from generator.oit import pages as oit

HOME = "index.md"
SITEMAP = "sitemap.md"  # /sitemap/: the human-readable sitemap the DGA standard asks for (docs/dga-checklist.md)
_YEAR_PAGE = re.compile(r"^([a-z-]+)/(\d{4})(?:/index)?\.md$")  # oit/2570/index.md, news/2570.md
DEFAULT_EMBLEM = "images/office-emblem.svg"  # written only when office.yml names no emblem
ESERVICE = "service.eservice"  # the OIT topic of online services (generator/base/topics.py)
LATEST = 4  # news cards: one row at 1280 px, two rows of two on a tablet, a short column on a phone
_EMBLEM_SVG = Path(__file__).parent / "templates" / "office-emblem.svg"
# A space before a number (เขต 1, พ.ศ. 2568) or after a short abbreviation never breaks the line.
_KEEP_TOGETHER = re.compile(r" (?=[0-9๐-๙])")


@dataclass(frozen=True)
class EServiceLink:
    """An online service on the home page: from office.yml `eservices:`, or a published document on
    the OIT topic `service.eservice` that gives the service's address (then `page` is its document page)."""

    title: str
    url: str
    summary: str | None = None
    page: str | None = None


@dataclass(frozen=True)
class OitEntry:
    """The OIT entry: the current fiscal year's index page and its readiness, as the OIT index counts it."""

    year: int
    uri: str
    complete: int
    total: int
    provisional: str | None


def build(site: Site, pages: list[Page]) -> list[Page | Asset]:
    """The home page (with the default emblem when the office names none) and the sitemap page; each
    only when content/ has no hand-written page of that name."""
    out = [] if _handwritten(site, HOME) else _home(site, pages)
    return out + ([] if _handwritten(site, SITEMAP) else [sitemap(pages)])


def _handwritten(site: Site, uri: str) -> bool:
    return site.content_dir is not None and (site.content_dir / uri).is_file()


def _home(site: Site, pages: list[Page]) -> list[Page | Asset]:
    made = {p.src_uri for p in pages} | {post.src_uri for post in site.news}
    office = site.office
    emblem = office.emblem if office and office.emblem else DEFAULT_EMBLEM
    home = page(HOME, "home.md.j2", "หน้าแรก", in_nav=True, searched=False,
                source=site.source("office", office.id) if office else None,
                office=office, name=keep_together(office.name_th) if office else None,
                statement=_statement(site), emblem=emblem, oit=_oit_entry(site, pages),
                news=site.news[:LATEST] if "news/index.md" in made else (),
                eservices=eservices(site), has=lambda uri: uri in made, gaps=_gaps(site))
    # No table of contents on a landing page; the menu stays, so a keyboard user meets it before the
    # entries, as on every other page (tests/test_accessibility.py), and a phone reaches every section.
    out: list[Page | Asset] = [replace(home, meta={**home.meta, "hide": ["toc"]})]
    if emblem == DEFAULT_EMBLEM:
        out.append(Asset(DEFAULT_EMBLEM, _EMBLEM_SVG.read_text(encoding="utf-8")))
    return out


def sitemap(pages: list[Page]) -> Page:
    """Every section of the menu with its fiscal-year pages, newest first (documents: the archive)."""
    years: dict[str, list[Page]] = {}
    for p in pages:
        if match := _YEAR_PAGE.match(p.src_uri):
            years.setdefault(match[1], []).append(p)
    groups = [(p, sorted(years.get(p.src_uri.split("/")[0], []), key=lambda y: y.src_uri, reverse=True)
               if p.src_uri.endswith("/index.md") and p.src_uri.count("/") == 1 else [])
              for p in pages if p.in_nav and p.src_uri != HOME]
    return page(SITEMAP, "sitemap.md.j2", "แผนผังเว็บไซต์", searched=False, groups=groups,
                has_archive=any(p.src_uri == "archive/index.md" for p in pages))


def keep_together(text: str) -> Markup:
    """`text` escaped for the page, with a no-break space where a word meets its number ("เขต 1")."""
    return Markup(_KEEP_TOGETHER.sub("&nbsp;", str(md_escape(text))))


def current_year(site: Site) -> int | None:
    """The fiscal year the home page shows: the build date's, or the newest configured year before it."""
    years = sorted(site.framework_of_year)
    today = calendar.fiscal_year(site.today)
    past = [y for y in years if y <= today]
    return past[-1] if past else (years[0] if years else None)


def _oit_entry(site: Site, pages: list[Page]) -> OitEntry | None:
    year = current_year(site)
    if year is None:
        return None
    readiness = oit.readiness_for(site, oit.evidence_of(site, pages), year)
    return OitEntry(year, f"oit/{year}/index.md", readiness.count("complete"), len(readiness.items),
                    oit.provisional_th(site, year))


def eservices(site: Site) -> list[EServiceLink]:
    """The office's own list when office.yml has one; else the newest document of each service address."""
    if site.office and site.office.eservices:
        return [EServiceLink(s.title_th, s.url, s.summary_th) for s in site.office.eservices]
    links: dict[str, EServiceLink] = {}
    for doc in site.documents:  # newest first
        if ESERVICE in doc.topics and doc.url and doc.url not in links:
            links[doc.url] = EServiceLink(doc.title_th, doc.url, doc.summary_th, f"documents/{doc.id}.md")
    return list(links.values())


def _statement(site: Site) -> str | None:
    """`statement_th`, else the vision, else nothing."""
    office = site.office
    return (office.statement_th or office.vision_th) if office else None


def _gaps(site: Site) -> list[tuple[str, str]]:
    """(field in data/office.yml, what it gives the home page) for each the office has not filled in."""
    office = site.office
    if office is None:
        return [("name_th", "ชื่อหน่วยงาน")]
    wanted = (("statement_th", "ข้อความสั้นแนะนำหน่วยงาน (หรือ vision_th วิสัยทัศน์)", office.statement_th or office.vision_th),
              ("address_th", "ที่อยู่", office.address_th), ("phones", "หมายเลขโทรศัพท์", office.phones),
              ("emails", "อีเมล", office.emails), ("office_hours_th", "เวลาทำการ", office.office_hours_th),
              ("eservices", "บริการออนไลน์ (E-Service)", eservices(site)))
    return [(key, what) for key, what, value in wanted if not value]
