"""Integrity measures pages: the measures of a year (`/measures/<year>/`) and their report (`report/`).

The measures page opens with the analysis of the previous year's ITA result (its total as
published, its weak indicators, and the count of them the announcement states beside the list), then
the measures, with only the columns the announcement fills; it answers the OIT measures item and,
when that result is there to analyse, `ita.improvement` too: it is the office using the result to
improve; it also shows the reporting rounds the announcement sets, each with its days, beside the
date it was signed. The report page (report_page.py) exists once the file has a report.
"""

from __future__ import annotations

from generator.base.calendar import parse_period
from generator.engine.downloads import DataTable
from generator.engine.figures import figure
from generator.engine.owners import owner_names
from generator.engine.pages import Asset, Page, page
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.families.ita import outcome as ita
from generator.families.measures import model as measures
from generator.families.measures.model import Issue, Measure, MeasuresYear
from generator.families.measures.report_page import area_name, build_report, published_document, rounds_of

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


def build(site: Site) -> list[Page | Asset]:
    """The index (in the nav), then each year's measures and, where there is one, its report."""
    years = sorted(site.measures, reverse=True)
    out: list[Page | Asset] = [page("measures/index.md", "measures.md.j2", TITLE, in_nav=True, years=years,
                                    reports={y for y in years if site.measures[y].report})]
    for year in years:
        previous = site.ita.get(year - 1)
        outcome = ita.outcome(year - 1, previous, site.scale) if previous and previous.has_result else None
        out += _announcement(site, year, site.measures[year], outcome)
        if site.measures[year].report:
            out += build_report(site, year, site.measures[year])
    return out


def _announcement(site: Site, year: int, record: MeasuresYear, previous: ita.Outcome | None) -> list[Page | Asset]:
    uri = f"measures/{year}/index.md"
    scores = {i.number: i for i in previous.indicators} if previous else {}
    weak_numbers = measures.weak_indicators(previous, record)
    weak = DataTable("weak", f"ตัวชี้วัดที่เป็นจุดอ่อน {fy_label(year - 1)}",
                     ("ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ"),
                     tuple((str(i.number), i.title_th, i.tool, ita.score_text(i.score), i.level.cell)
                           for i in (scores[n] for n in weak_numbers)), figure_columns=(3,))
    table = _measures_table(site, record, scores)
    # Analysing last year's result and acting on it is what "using the ITA result" means; without it, only measures.
    topics = ("measures.announcement", "ita.improvement") if previous else ("measures.announcement",)
    announcement = record.announcement
    original = published_document(site, announcement.document if announcement else None)
    rounds_th, rounds = rounds_of(year, record)
    stated = figure("จำนวนตัวชี้วัดที่เป็นจุดอ่อน", record.weak_printed, len(record.issues), record, "weak_printed", 0)
    built = page(uri, "measures-year.md.j2", f"{TITLE} {fy_label(year)}", topics=topics, period=str(year),
                 source=site.source("measures", str(year)), year=year, record=record, previous=previous,
                 weak=weak, weak_count=len(weak_numbers), stated=stated, basis_th=measures.WEAK_BASES[
                     record.weak_basis][0], table=table, original=original, has_report=record.report is not None,
                 pass_mark=site.scale.pass_mark, rounds_th=rounds_th, rounds=rounds)
    tables = (weak, table) if previous and previous.indicators else (table,)
    return [built, *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _measures_table(site: Site, record: MeasuresYear, scores: dict) -> DataTable:
    """One row per measure; the supervisor and schedule columns only when the announcement gives them."""
    rows = []
    for n, issue in enumerate(record.issues, start=1):
        score = ita.score_text(scores[issue.indicator].score) if issue.indicator in scores else ""
        for m, measure in enumerate(issue.measures, start=1):
            rows.append((f"{n}.{m}", area_name(issue, score),
                         measure.text_th, _owners(site, issue, measure), issue.supervisor_th or "",
                         ", ".join(parse_period(key).label_th for key in issue.schedule_of(measure))))
    columns = ["ที่", "ประเด็นตัวชี้วัดที่เป็นจุดอ่อน", "มาตรการ", "ผู้รับผิดชอบ", "ผู้กำกับติดตาม", "ระยะเวลาดำเนินการ"]
    kept = [c for c in range(len(columns)) if c < 4 or any(row[c] for row in rows)]
    return DataTable("measures", "มาตรการ", tuple(columns[c] for c in kept),
                     tuple(tuple(row[c] for c in kept) for row in rows), text_columns=len(kept))


def _owners(site: Site, issue: Issue, measure: Measure) -> str:
    return owner_names(issue.owners_of(measure), lambda u: unit.name_th if (unit := site.unit(u)) else u)
