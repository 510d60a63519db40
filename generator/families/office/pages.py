"""Office profile pages: overview, structure, executives, duties, contact and related laws.

These answer the first OIT items of every framework (structure, executives, duties, contact, laws).
They are few and fixed, so they sit in the navigation; their URLs never change.
"""

from __future__ import annotations

from generator.families.office.model import Executive, Unit
from generator.engine.site import Site
from generator.engine.pages import Page
from generator.engine.pages import page

SECTIONS = (
    ("office/structure.md", "โครงสร้างหน่วยงาน", "org.structure", "office-structure.md.j2"),
    ("office/executives.md", "ข้อมูลผู้บริหาร", "org.executives", "office-executives.md.j2"),
    ("office/duties.md", "อำนาจหน้าที่", "org.duties", "office-duties.md.j2"),
    ("office/contact.md", "ข้อมูลการติดต่อ", "org.contact", "office-contact.md.j2"),
    ("office/laws.md", "กฎหมายที่เกี่ยวข้อง", "org.laws", "office-laws.md.j2"),
)


def build(site: Site) -> list[Page]:
    """The overview page and one page per profile section."""
    office_file = site.source("office", site.office.id) if site.office else None
    context = dict(
        office=site.office,
        units=site.units,
        laws=site.laws,
        executives=site.executives,
        supervised=_supervised(site.executives, site.units),
        director=next((e for e in site.executives if e.role == "director"), None),
        deputies=[e for e in site.executives if e.role != "director"],
        unassigned=_unassigned(site.executives, site.units),
        sections=[(uri, title) for uri, title, _, _ in SECTIONS],
    )
    pages = [page("office/index.md", "office.md.j2", "ข้อมูลหน่วยงาน", topics=(),
                  in_nav=True, source=office_file, **context)]
    for uri, title, topic, template in SECTIONS:
        pages.append(page(uri, template, title, topics=_topics(site, topic), in_nav=True,
                          source=_source_of(site, topic) or office_file, **context))
    return pages


def _supervised(executives: tuple[Executive, ...], units: tuple[Unit, ...]) -> dict[str, list[Unit]]:
    """Units under each executive, in the order of data/units.yml."""
    return {e.id: [u for u in units if u.id in e.supervises] for e in executives}


def _unassigned(executives: tuple[Executive, ...], units: tuple[Unit, ...]) -> list[Unit]:
    """Units no deputy supervises: they report to the director directly."""
    taken = {unit for e in executives if e.role != "director" for unit in e.supervises}
    return [u for u in units if u.id not in taken]


def _topics(site: Site, topic: str) -> tuple[str, ...]:
    """The section's topic, plus social networks on the contact page when the office lists any.

    A section without its data says so on the page and is no evidence: it carries no topic, so the
    OIT index of a new office shows the item as missing rather than complete.
    """
    social = ("interaction.social",) if topic == "org.contact" and site.office and site.office.social else ()
    return ((topic,) if _has_data(site, topic) else ()) + social


def _has_data(site: Site, topic: str) -> bool:
    """Whether the section answers its OIT item: the contact page only with an address, a phone and an
    e-mail (a profile with the names only is shown, but the item stays missing; `check` says what lacks)."""
    contact = site.office is not None and not site.office.contact_gaps
    return bool({"org.structure": site.units, "org.executives": site.executives, "org.laws": site.laws,
                 "org.duties": site.office and site.office.duties, "org.contact": contact}.get(topic, site.office))


def _source_of(site: Site, topic: str) -> str | None:
    """The data file behind a section, for the edit link."""
    kind = {"org.executives": "executives", "org.laws": "laws", "org.structure": "units"}.get(topic)
    records = {"executives": site.executives, "laws": site.laws, "units": site.units}.get(kind or "", ())
    return site.source(kind, records[0].id) if kind and records else None
