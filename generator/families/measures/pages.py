"""Integrity measures pages: the measures of a year (`/measures/<year>/`) and their report (`report/`).

The measures page opens with the analysis of the previous year's ITA result (its total as
published, its weak indicators, and the count of them the announcement states beside the list), then
the measures, with only the columns the announcement fills; it answers the OIT measures item and,
when that result is there to analyse, `ita.improvement` too: it is the office using the result to
improve. The report page exists once the file has a report date, and computes the share of measures
by status; a measure the report gives no status is counted as "ไม่ได้รายงาน".
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.calendar import parse_period, round_of
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.figures import figure
from generator.engine.owners import owner_names
from generator.engine.pages import Asset, Page, page
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.families.ita import outcome as ita
from generator.families.ita.model import INDICATORS
from generator.families.measures import model as measures
from generator.families.measures.model import Issue, Link, Measure, MeasuresYear

TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
REPORT_TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
# The round in a report's title, as offices name their reports; an interim report's title names none.
ROUND_TITLES = {"year": " รอบ 12 เดือน", "half": " รอบ 6 เดือน", "interim": ""}


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
            out += _report(site, year, site.measures[year])
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
    original = _published_document(site, announcement.document if announcement else None)
    stated = figure("จำนวนตัวชี้วัดที่เป็นจุดอ่อน", record.weak_printed, len(record.issues), record, "weak_printed", 0)
    built = page(uri, "measures-year.md.j2", f"{TITLE} {fy_label(year)}", topics=topics, period=str(year),
                 source=site.source("measures", str(year)), year=year, record=record, previous=previous,
                 weak=weak, weak_count=len(weak_numbers), stated=stated, basis_th=measures.WEAK_BASES[
                     record.weak_basis][0], table=table, original=original, has_report=record.report is not None,
                 pass_mark=site.scale.pass_mark)
    tables = (weak, table) if previous and previous.indicators else (table,)
    return [built, *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _measures_table(site: Site, record: MeasuresYear, scores: dict) -> DataTable:
    """One row per measure; the supervisor and schedule columns only when the announcement gives them."""
    rows = []
    for n, issue in enumerate(record.issues, start=1):
        score = f" ({ita.score_text(scores[issue.indicator].score)})" if issue.indicator in scores else ""
        for m, measure in enumerate(issue.measures, start=1):
            rows.append((f"{n}.{m}", f"ตัวชี้วัดที่ {issue.indicator} {INDICATORS[issue.indicator][0]}{score}",
                         measure.text_th, _owners(site, issue, measure), issue.supervisor_th or "",
                         ", ".join(parse_period(key).label_th for key in issue.schedule_of(measure))))
    columns = ["ที่", "ประเด็นตัวชี้วัดที่เป็นจุดอ่อน", "มาตรการ", "ผู้รับผิดชอบ", "ผู้กำกับติดตาม", "ระยะเวลาดำเนินการ"]
    kept = [c for c in range(len(columns)) if c < 4 or any(row[c] for row in rows)]
    return DataTable("measures", "มาตรการ", tuple(columns[c] for c in kept),
                     tuple(tuple(row[c] for c in kept) for row in rows), text_columns=len(kept))


@dataclass(frozen=True)
class _Row:
    """One measure in the report: its number, text, status and evidence links."""

    number: str
    indicator: str
    text: str
    status: str
    result: str
    links: tuple[tuple[str, str, str], ...]  # (title, "page" | "web" | "text", target)


def _report(site: Site, year: int, record: MeasuresYear) -> list[Page | Asset]:
    """The report page: shares by status (table and chart), then each measure with what was done."""
    uri = f"measures/{year}/report/index.md"
    report = record.report
    period, kind = round_of(year, report.as_of)
    shares = measures.shares(record)
    counts = DataTable("status", "มาตรการจำแนกตามสถานะ", ("สถานะ", "จำนวนมาตรการ", "ร้อยละ"),
                       tuple((s.label_th, s.count, f"{s.percent:.2f}") for s in shares),
                       footer=("รวม", sum(s.count for s in shares), "100.00"))
    chart = bar_chart("มาตรการจำแนกตามสถานะ", [s.label_th for s in shares],
                      [Series("จำนวนมาตรการ", tuple(s.count for s in shares))],
                      "มาตรการทั้งหมด " + str(sum(s.count for s in shares)) + " มาตรการ: "
                      + ", ".join(f"{s.label_th} {s.count} มาตรการ (ร้อยละ {s.percent:.2f})" for s in shares))
    rows = [_Row(f"{n}.{m}", f"ตัวชี้วัดที่ {issue.indicator} {INDICATORS[issue.indicator][0]}", measure.text_th,
                 measures.STATUSES[measures.status_of(measure)][0], measure.result_th or "",
                 tuple(_link(site, link) for link in measure.evidence))
            for n, issue in enumerate(record.issues, start=1) for m, measure in enumerate(issue.measures, start=1)]
    download = DataTable("report", "ผลการดำเนินงานรายมาตรการ",
                         ("ที่", "ประเด็นตัวชี้วัด", "มาตรการ", "สถานะ", "ผลการดำเนินงาน", "หลักฐาน"),
                         tuple((r.number, r.indicator, r.text, r.status, r.result,
                                "; ".join(_absolute(site, link) for link in r.links)) for r in rows), text_columns=6)
    built = page(uri, "measures-report.md.j2", f"{REPORT_TITLE} {fy_label(year)}{ROUND_TITLES[kind]}",
                 topics=("measures.implementation",), period=period, source=site.source("measures", str(year)),
                 year=year, report=report, counts=counts, chart=chart, rows=rows, download=download)
    return [built, Asset(counts.csv_path(uri), counts.csv()), Asset(download.csv_path(uri), download.csv())]


def _owners(site: Site, issue: Issue, measure: Measure) -> str:
    return owner_names(issue.owners_of(measure), lambda u: unit.name_th if (unit := site.unit(u)) else u)


def _published_document(site: Site, document: str | None) -> str | None:
    """The docs path of a published document page, or None (a draft has no page to link to)."""
    return f"documents/{document}.md" if document and any(d.id == document for d in site.documents) else None


def _link(site: Site, link: Link) -> tuple[str, str, str]:
    if link.url:
        return link.title_th, "web", link.url
    target = _published_document(site, link.document) if link.document else link.file
    return (link.title_th, "page", target) if target else (link.title_th, "text", "")


def _absolute(site: Site, link: tuple[str, str, str]) -> str:
    """`title: address` for the CSV, where a relative page path means nothing."""
    title, kind, target = link
    if kind == "web":
        return f"{title}: {target}"
    if kind == "page":
        return f"{title}: {site.absolute(target.removesuffix('.md') + '/' if target.endswith('.md') else target)}"
    return title
