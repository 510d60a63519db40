"""The report on the measures (`/measures/<year>/report/`), in the form the report has.

A report that gives each measure a status gets the shares by status (a measure without one counts as
"ไม่ได้รายงาน") and a row per measure; a report that lists what was done per area, with
sub-activities, gets those lists as printed under each area, and no status is made up from them. The
report's date is printed as it is (a day, a month, or "ไม่ระบุวันที่"), and its round is the one it
claims when its date supports it, else the one its date gives; an undated report counts for its year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.pages import Asset, Page, page
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.families.ita.model import INDICATORS
from generator.families.measures import model as measures
from generator.families.measures.model import Activity, Issue, Link, MeasuresYear

TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"


@dataclass(frozen=True)
class _Row:
    """One measure in the report: its number, text, status and evidence links."""

    number: str
    indicator: str
    text: str
    status: str
    result: str
    links: tuple[tuple[str, str, str], ...]  # (title, "page" | "web" | "text", target)


@dataclass(frozen=True)
class _Area:
    """One area of the announcement and what the report lists as done in it."""

    heading: str
    activities: tuple[Activity, ...]


def area_name(issue: Issue, score: str = "") -> str:
    """An area as the announcement heads it, with the indicator it answers (and last year's score, if given)."""
    indicator = f"ตัวชี้วัดที่ {issue.indicator} {INDICATORS[issue.indicator][0]}"
    if issue.title_th:
        return f"{issue.title_th} ({indicator}{f' {score} คะแนน' if score else ''})"
    return f"{indicator}{f' ({score})' if score else ''}"


def rounds_of(year: int, record: MeasuresYear) -> tuple[str, list[tuple[str, date, date]]]:
    """The rounds the announcement sets: its wording (as printed, else from the months) and each round's days."""
    announcement = record.announcement
    if announcement is None:
        return "", []
    spans = [(measures.round_label_th(m), *measures.round_span(year, m)) for m in announcement.rounds]
    return announcement.rounds_th or " และ".join(label for label, _, _ in spans), spans


def build_report(site: Site, year: int, record: MeasuresYear) -> list[Page | Asset]:
    """The report page: what was done, in the form the report gives it, with its tables as downloads."""
    uri = f"measures/{year}/report/index.md"
    report = record.report
    assert report is not None  # the caller builds this page only for a file with a report
    period, round_words = measures.report_round(year, report)
    by_status = record.has_statuses or not record.has_activities
    tables = (*(_status_tables(site, record) if by_status else ()), *_activity_tables(record))
    areas = [_Area(area_name(issue), tuple(issue.activities)) for issue in record.issues] if record.has_activities else []
    rounds_th, rounds = rounds_of(year, record)
    built = page(uri, "measures-report.md.j2", f"{TITLE} {fy_label(year)}{round_words}",
                 topics=("measures.implementation",), period=period, source=site.source("measures", str(year)),
                 year=year, report=report, month_only=getattr(report.as_of, "month_only", False),
                 claimed=measures.round_label_th(report.round) if report.round else "",
                 doubts=[th for _, th, _ in measures.round_doubts(year, record)],
                 round_acknowledged=record.acknowledged.get("report.round"),
                 rounds_th=rounds_th, rounds=rounds, original=published_document(site, report.document),
                 by_status=by_status, tables={t.name: t for t in tables}, chart=_chart(record) if by_status else "",
                 rows=_rows(site, record) if by_status else [], areas=areas)
    return [built, *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _status_tables(site: Site, record: MeasuresYear) -> tuple[DataTable, DataTable]:
    """The shares by status, and a row per measure with what was done and its evidence."""
    shares = measures.shares(record)
    counts = DataTable("status", "มาตรการจำแนกตามสถานะ", ("สถานะ", "จำนวนมาตรการ", "ร้อยละ"),
                       tuple((s.label_th, s.count, f"{s.percent:.2f}") for s in shares),
                       footer=("รวม", sum(s.count for s in shares), "100.00"))
    download = DataTable("report", "ผลการดำเนินงานรายมาตรการ",
                         ("ที่", "ประเด็นตัวชี้วัด", "มาตรการ", "สถานะ", "ผลการดำเนินงาน", "หลักฐาน"),
                         tuple((r.number, r.indicator, r.text, r.status, r.result,
                                "; ".join(_absolute(site, link) for link in r.links)) for r in _rows(site, record)),
                         text_columns=6)
    return counts, download


def _chart(record: MeasuresYear) -> str:
    shares = measures.shares(record)
    return bar_chart("มาตรการจำแนกตามสถานะ", [s.label_th for s in shares],
                     [Series("จำนวนมาตรการ", tuple(s.count for s in shares))],
                     "มาตรการทั้งหมด " + str(sum(s.count for s in shares)) + " มาตรการ: "
                     + ", ".join(f"{s.label_th} {s.count} มาตรการ (ร้อยละ {s.percent:.2f})" for s in shares))


def _rows(site: Site, record: MeasuresYear) -> list[_Row]:
    return [_Row(f"{n}.{m}", f"ตัวชี้วัดที่ {issue.indicator} {INDICATORS[issue.indicator][0]}", measure.text_th,
                 measures.STATUSES[measures.status_of(measure)][0], measure.result_th or "",
                 tuple(_link(site, link) for link in measure.evidence))
            for n, issue in enumerate(record.issues, start=1) for m, measure in enumerate(issue.measures, start=1)]


def _activity_tables(record: MeasuresYear) -> tuple[DataTable, ...]:
    """The activities per area as one table: an activity numbered by area (1.6), its sub-activities 1.6 (1)."""
    rows = []
    for n, issue in enumerate(record.issues, start=1):
        for k, activity in enumerate(issue.activities, start=1):
            rows.append((area_name(issue), f"{n}.{k}", activity.text_th))
            rows += [(area_name(issue), f"{n}.{k} ({i})", item) for i, item in enumerate(activity.items, start=1)]
    if not rows:
        return ()
    return (DataTable("activities", "สิ่งที่ดำเนินการรายด้าน", ("ด้าน", "ที่", "สิ่งที่ดำเนินการ"), tuple(rows),
                      text_columns=3),)


def published_document(site: Site, document: str | None) -> str | None:
    """The docs path of a published document page, or None (a draft has no page to link to)."""
    return f"documents/{document}.md" if document and any(d.id == document for d in site.documents) else None


def _link(site: Site, link: Link) -> tuple[str, str, str]:
    if link.url:
        return link.title_th, "web", link.url
    target = published_document(site, link.document) if link.document else link.file
    return (link.title_th, "page", target) if target else (link.title_th, "text", "")


def _absolute(site: Site, link: tuple[str, str, str]) -> str:
    """`title: address` for the CSV, where a relative page path means nothing."""
    title, kind, target = link
    if kind == "web":
        return f"{title}: {target}"
    if kind == "page":
        return f"{title}: {site.absolute(target.removesuffix('.md') + '/' if target.endswith('.md') else target)}"
    return title
