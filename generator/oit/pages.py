"""The assessor's pages: the OIT index per fiscal year, one page per item, and CSV/JSON exports.

An ITA assessor checks item by item and wants a direct link per item; the office answers ITAS with
number, มี/ไม่มี, URLs and an explanation. Both come from one readiness evaluation
(`generator/oit/readiness.py`), so the page, the exports and `python -m generator check --year` never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from generator import __version__
from generator.oit import readiness as oit
from generator.engine import render
from generator.base.calendar import fy_label, parse_period
from generator.engine.downloads import csv_text
from generator.oit.choice import Choice, provisional_label_th
from generator.oit.framework import EVIDENCE_YEARS, TIMELINESS, Item
from generator.engine.site import Site
from generator.base.topics import topic_label
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page


def build(site: Site, pages: list[Page]) -> list[Page | Asset]:
    """The OIT index of every fiscal year the office configured, with item pages and exports."""
    evidence = evidence_of(site, pages)
    years = [readiness_for(site, evidence, year) for year in sorted(site.framework_of_year, reverse=True)]
    out: list[Page | Asset] = [page("oit/index.md", "oit.md.j2", "การเปิดเผยข้อมูลสาธารณะ (OIT)",
                                    in_nav=True, years=years,
                                    provisional={r.year: provisional_th(site, r.year) for r in years})]
    for readiness in years:
        out += _year_pages(site, readiness)
    return out


def evidence_of(site: Site, pages: list[Page]) -> list[oit.Evidence]:
    """Everything that can answer an item: published documents and topic-bearing generated pages."""
    documents = [oit.Evidence(d.title_th, f"documents/{d.id}.md", f"documents/{d.id}/", tuple(d.topics),
                              d.fiscal_year, d.period_obj, d.publication_date) for d in site.documents]
    generated = [_page_evidence(p) for p in pages if p.topics and not p.src_uri.startswith("documents/")]
    # A news post with extra topics (an activity of the No Gift culture, say) answers those items too.
    posts = [oit.Evidence(post.title, post.src_uri, post.src_uri.removesuffix(".md") + "/", post.all_topics,
                          post.fiscal_year, None, post.date) for post in site.news if post.topics]
    return documents + generated + posts


def _page_evidence(p: Page) -> oit.Evidence:
    """A generated page as evidence: a page with a period (No Gift 2568) belongs to that fiscal year."""
    period = parse_period(p.meta["period"]) if p.meta.get("period") else None
    year = period.fiscal_years[-1] if period and len(period.fiscal_years) == 1 else None
    return oit.Evidence(p.title, p.src_uri, p.url.lstrip("/"), tuple(p.topics), year, period)


def readiness_for(site: Site, evidence: list[oit.Evidence], year: int) -> oit.Readiness:
    """The readiness of fiscal `year` under the framework the office chose for it, as of the build date."""
    framework_id = site.framework_of_year[year]
    return oit.assess(framework_id, site.frameworks[framework_id], year, evidence, site.today, site.scale)


def provisional_th(site: Site, year: int) -> str | None:
    """The provisional label of `year` when a family's earlier list stands in for it, else None."""
    if year not in site.provisional_years:
        return None
    framework_id = site.framework_of_year[year]
    return provisional_label_th(Choice(year, site.frameworks[framework_id].family, framework_id, True), site.frameworks)


def _year_pages(site: Site, readiness: oit.Readiness) -> list[Page | Asset]:
    year = readiness.year
    provisional = provisional_th(site, year)
    groups = [(ind, [(sub, [r for r in readiness.items if r.sub_indicator is sub]) for sub in ind.sub_indicators])
              for ind in readiness.framework.indicators]
    pages: list[Page | Asset] = [page(
        f"oit/{year}/index.md", "oit-year.md.j2", f"การเปิดเผยข้อมูลสาธารณะ (OIT) {render.fy_label(year)}",
        period=str(year), readiness=readiness, groups=groups, scores=readiness.scores.to_json(),
        provisional=provisional)]
    for result in readiness.items:
        pages.append(page(
            f"oit/{year}/{result.item.slug}.md", "oit-item.md.j2", f"{result.item.number} {result.item.title_th}",
            period=str(year), readiness=readiness, result=result, topic_label=topic_label,
            timeliness_th=TIMELINESS[result.item.timeliness][0], evidence_year=_evidence_years(result.item, year),
            provisional=provisional))
    data = readiness_json(site, readiness)
    pages.append(Asset(f"oit/{year}.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n"))
    pages.append(Asset(f"oit/{year}.csv", _csv(data)))
    return pages


def _evidence_years(item: Item, year: int) -> str | None:
    """Whose fiscal year the evidence is, as the item page says it: "ปีงบประมาณก่อนหน้า (2568)",
    per topic when they differ; None for an item that is current whenever it is published."""
    if item.timeliness == "always":
        return None
    said = {t: f"{EVIDENCE_YEARS[item.year_of(t)][0]} ({item.evidence_fy(t, year)})" for t in item.topics}
    if len(set(said.values())) == 1:
        return next(iter(said.values()))
    return ", ".join(f"{topic_label(t)}: {text}" for t, text in said.items())


EXPORT_FORMAT = 1


def readiness_json(site: Site, readiness: oit.Readiness) -> dict[str, Any]:
    """The stable JSON form (README: "OIT exports"): what the check prints and `/oit/<year>.json` holds.

    `provisional` says that the catalogue (`framework`) is a family's earlier list standing in for the year's.
    """
    provisional = provisional_th(site, readiness.year)
    office = site.office
    return {
        # The version of this format (schemas/oit-export.schema.json, docs/federation.md): a supervisory
        # site reads it from every office, so a change of meaning is a new number, never a silent one.
        "format": EXPORT_FORMAT,
        "generator": f"oit-site-generator {__version__}",
        "office": {"id": office.id, "name_th": office.name_th, "short_name_th": office.short_name_th,
                   "type": office.type} if office else None,
        "year": readiness.year,
        "framework": readiness.framework_id,
        "provisional": provisional is not None,
        "provisional_th": provisional,
        "as_of": readiness.as_of.isoformat(),
        "items": [_item_json(site, readiness.year, r) for r in readiness.items],
        "scores": readiness.scores.to_json(),
    }


def _item_json(site: Site, year: int, result: oit.ItemResult) -> dict[str, Any]:
    item_url = site.absolute(f"oit/{year}/{result.item.slug}/")
    titles = ", ".join(e.title for e in result.evidence)
    return {
        "number": result.item.number,
        "title": result.item.title_th,
        "status": result.status,
        "answer": "มี" if result.status == "complete" else "ไม่มี",
        "reasons": list(result.reasons),
        "urls": [item_url] + [site.absolute(e.url) for e in result.evidence],
        "explanation": f"หน้า {result.item.number} ของ {fy_label(year)} ในเมนู การเปิดเผยข้อมูลสาธารณะ (OIT) "
                       f"ที่ {item_url} รวบรวมหลักฐาน" + (f": {titles}" if titles else ""),
    }


def _csv(data: dict[str, Any]) -> str:
    """The ITAS answer sheet: one row per item."""
    return csv_text(["ข้อ", "รายการ", "คำตอบ", "สถานะ", "URL", "คำอธิบาย", "เหตุผล", "กรอบการประเมิน", "รายการชั่วคราว"],
                    ([item["number"], item["title"], item["answer"], item["status"], "\n".join(item["urls"]),
                      item["explanation"], "; ".join(item["reasons"]), data["framework"], data["provisional_th"] or ""]
                     for item in data["items"]))
