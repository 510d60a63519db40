"""Pages of withdrawn items (ถอนการเผยแพร่): the old address says when and why, instead of a 404.

A document, policy or news post that is taken down leaves every listing, feed and OIT item, but
assessors and citizens keep links to it. Its page keeps the address and shows the title, the
withdrawal date, the reason and, when there is one, a link to what replaces it. The original file
is not published any more (Site.unpublished_files).
"""

from __future__ import annotations

from generator.engine.records import Withdrawal
from generator.families.policies.model import POLICY_KINDS
from generator.engine.site import Site
from generator.base.vocabulary import DOCUMENT_KINDS
from generator.engine.pages import Page
from generator.engine.pages import page


def build(site: Site) -> list[Page]:
    """One notice page per withdrawn document, policy and news post."""
    documents = {d.id for d in site.documents}
    policies = {p.id for p in site.policies}
    posts = {p.slug for p in site.news}
    return ([_notice(site, "documents", d.id, d.title_th, DOCUMENT_KINDS[d.kind][0], d.number_th, d.date, d.withdrawn,
                     documents) for d in site.withdrawn.documents]
            + [_notice(site, "policies", p.id, p.title_th, POLICY_KINDS[p.kind][0], p.number_th, p.date, p.withdrawn,
                       policies) for p in site.withdrawn.policies]
            + [_notice(site, "news", p.slug, p.title, "ข่าวประชาสัมพันธ์", None, p.date, p.withdrawn, posts)
               for p in site.withdrawn.news])


def _notice(site: Site, folder: str, item_id: str, title: str, kind: str, number: str | None, dated,
            withdrawal: Withdrawal, live_ids: set[str]) -> Page:
    """The notice at `<folder>/<id>/`; the replacement is linked only once it is itself published."""
    replacement = withdrawal.replaced_by if withdrawal.replaced_by in live_ids else None
    return page(f"{folder}/{item_id}.md", "withdrawn.md.j2", title, noindex=True,
                source=site.source(folder, item_id),
                kind=kind, number=number, dated=dated, withdrawal=withdrawal,
                replacement=f"{folder}/{replacement}.md" if replacement else None)
