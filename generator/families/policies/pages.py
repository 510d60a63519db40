"""Policies and announcements: an index, one listing per fiscal year, one page per policy.

Each policy page shows the text as HTML first, the signature block and the signed original; a
superseded policy says so and links to its successor, so an old link never misleads.
"""

from __future__ import annotations

from generator.engine.records import Record
from generator.families.policies.model import Policy
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.engine.pages import Page
from generator.engine.pages import page


def build(site: Site) -> list[Page]:
    """The index (in the nav), yearly listings and the per-policy pages."""
    policies = site.policies
    years = sorted({p.fiscal_year for p in policies}, reverse=True)
    successors = {p.supersedes: p for p in policies if p.supersedes}
    by_id = {p.id: p for p in policies}
    office_name = site.office.name_th if site.office else ""
    pages = [page("policies/index.md", "policies.md.j2", "นโยบายและประกาศ", in_nav=True, office_name=office_name,
                  years=[(y, sum(1 for p in policies if p.fiscal_year == y)) for y in years])]
    for year in years:
        pages.append(page(f"policies/{year}.md", "policies-year.md.j2", f"นโยบายและประกาศ {fy_label(year)}",
                          period=str(year), superseded=set(successors),
                          policies=[p for p in policies if p.fiscal_year == year]))
    for policy in policies:
        pages.append(_policy_page(site, policy, successors.get(policy.id), by_id.get(policy.supersedes or "")))
    return pages


def _policy_page(site: Site, policy: Policy, successor: Policy | None, predecessor: Record | None) -> Page:
    return page(f"policies/{policy.id}.md", "policies-item.md.j2", policy.title_th,
                topics=policy.topics, period=str(policy.fiscal_year), source=site.source("policies", policy.id),
                policy=policy, successor=successor, predecessor=predecessor,
                formula="สั่ง ณ วันที่" if policy.kind == "order" else "ประกาศ ณ วันที่")
