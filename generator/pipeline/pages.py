"""Every generated page of a site: each registered family's builders in order, then the OIT index, then
the home page (it shows the OIT readiness), then a workbook beside every CSV (generator/engine/downloads.py)."""

from __future__ import annotations

from generator.engine.downloads import with_workbooks
from generator.engine.pages import Asset, Page
from generator.engine.render import digits, register_labels
from generator.engine.site import Site
from generator.families.office import home
from generator.families.registry import FAMILIES
from generator.oit import pages as oit

register_labels({name: table for family in FAMILIES for name, table in family.labels})


def build_all(site: Site) -> list[Page | Asset]:
    """Every generated page of the site; the OIT index comes last because it indexes the others."""
    with digits("thai" if site.thai_digits else "arabic"):
        pages: list[Page | Asset] = [p for family in FAMILIES for build in family.builders for p in build(site)]
        pages += oit.build(site, [p for p in pages if isinstance(p, Page)])
        # The home page shows the current year's OIT readiness, so it is built from all the others.
        return with_workbooks(pages + home.build(site, [p for p in pages if isinstance(p, Page)]))
