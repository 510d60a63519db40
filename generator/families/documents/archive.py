"""The document archive: an index, one listing per fiscal year and one per document kind.

Listings link to the per-document pages (`generator/families/documents/pages.py`); only the index sits in the
navigation, so the nav stays small however many years and documents accumulate.
"""

from __future__ import annotations

from generator.base.calendar import period_for_fiscal_year
from generator.engine.render import fy_label
from generator.families.documents.model import Document
from generator.engine.site import Site
from generator.base.vocabulary import DOCUMENT_KINDS
from generator.engine.pages import Page
from generator.engine.pages import page


def kind_slug(kind: str) -> str:
    """URL slug of a document kind: `annual_plan` → `annual-plan`."""
    return kind.replace("_", "-")


def build(site: Site) -> list[Page]:
    """The archive index, the yearly listings and the per-kind listings."""
    by_kind = site.documents_by_kind()
    kinds = [k for k in DOCUMENT_KINDS if k in by_kind]  # vocabulary order, not alphabetical
    years = site.fiscal_years
    office_name = site.office.name_th if site.office else ""
    pages = [page("archive/index.md", "archive.md.j2", "เอกสารเผยแพร่", in_nav=True,
                  office_name=office_name,
                  years=[(y, len(site.documents_of_year(y))) for y in years],
                  kinds=[(k, kind_slug(k), len(by_kind[k])) for k in kinds])]
    for year in years:
        documents = site.documents_of_year(year)
        pages.append(page(f"archive/{year}.md", "archive-year.md.j2", f"เอกสารเผยแพร่ {fy_label(year)}",
                          period=str(year), span=period_for_fiscal_year(year),
                          total=len(documents), groups=_group_by_kind(documents)))
    for kind in kinds:
        pages.append(page(f"archive/{kind_slug(kind)}.md", "archive-kind.md.j2", DOCUMENT_KINDS[kind][0],
                          groups=_group_by_year(by_kind[kind])))
    return pages


def _group_by_kind(documents: list[Document]) -> list[tuple[str, list[Document]]]:
    return [(k, [d for d in documents if d.kind == k]) for k in DOCUMENT_KINDS
            if any(d.kind == k for d in documents)]


def _group_by_year(documents: list[Document]) -> list[tuple[int, list[Document]]]:
    years = sorted({d.fiscal_year for d in documents}, reverse=True)
    return [(y, [d for d in documents if d.fiscal_year == y]) for y in years]
