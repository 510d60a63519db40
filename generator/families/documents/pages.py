"""One page per published document: HTML first, the original as an attachment, with change notes.

Following GOV.UK practice, a citizen reads the facts on the page and downloads the signed original
only if needed. The URL comes from the document id, so a corrected title never moves it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from generator.families.documents.model import Document
from generator.engine.site import Site
from generator.engine.pages import Page
from generator.engine.pages import page
from generator.families.documents.archive import kind_slug


def build(site: Site) -> list[Page]:
    """A detail page for every published document (kept out of the navigation)."""
    return [_document_page(site, doc) for doc in site.documents]


def _document_page(site: Site, doc: Document) -> Page:
    return page(
        f"documents/{doc.id}.md", "documents-item.md.j2", doc.title_th,
        topics=doc.topics, period=doc.period_obj.key,
        source=site.source("documents", doc.id),
        doc=doc, owner=site.unit(doc.owner), kind_slug=kind_slug(doc.kind),
        file_type=PurePosixPath(doc.file).suffix.lstrip(".").upper() if doc.file else "",
        file_size=_human_size(site.file_size(doc.file)) if doc.file else "",
    )


def _human_size(size: int | None) -> str:
    """`24 KB`, `1.2 MB`: what a reader on a slow connection wants to know before downloading."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
