"""Complaint pages: how to complain (`/complaints/`), and the statistics of each fiscal year.

`/complaints/<year>/` holds every table of the year; `/complaints/<year>/h1/` is the form the OIT
items ask for (total, finished, in progress of corruption and misconduct complaints, October to
March). Figures computed from the register and figures taken from a printed table are labelled by
their source; `ไม่มีเรื่องร้องเรียน` is said only by an empty register covering the period, never
when the year has no register or a printed table for the period exists. Every table is a
DataTable, printed on the page and published as CSV beside it. Only margins are published: a
cross-table with a small cell is withheld.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.base import calendar
from generator.base.problems import spaced
from generator.engine.charts import Series, bar_chart
from generator.families.complaints.stats import (COLUMN_LABELS, MIN_CELL, CrossTab, PeriodRow, PrintedCheck, Share,
                                                 YearStats, against_register, check_printed)
from generator.families.complaints.model import (CATEGORIES, CHANNEL_KINDS, MATTERS, NIL_STATEMENT, OUTCOMES, STATUSES,
                                                 ComplaintYear)
from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.render import digit_style, fy_label
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

_COLUMNS = ("brought_forward", "received", "total", "finished", "pending")
_OIT_COLUMNS = ("ยกมา", "รับใหม่", "เรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ")


@dataclass(frozen=True)
class PrintedView:
    """A printed table for a page: as printed, each figure official, with its computed checks and notes."""

    check: PrintedCheck
    table: DataTable
    notes: tuple[Figure, ...]  # every printed figure that differs, with its acknowledgement if any
    computed_cells: bool  # some cells were not printed and show the computed figure


def build(site: Site) -> list[Page | Asset]:
    """The how-to-complain page (in the nav), then the statistics of every year that has begun."""
    years = [y for y in sorted(site.complaint_years, reverse=True) if _as_of(site, y) >= _start(y)]
    complaints = site.complaints
    topics = ("complaints.guideline", "complaints.channel") if complaints else ()
    out: list[Page | Asset] = [page(
        "complaints/index.md", "complaints.md.j2",
        "ช่องทางร้องเรียนการทุจริตและประพฤติมิชอบ และแนวปฏิบัติการจัดการเรื่องร้องเรียน", in_nav=True,
        topics=topics, source=site.source("complaints", "complaints"), complaints=complaints,
        guideline=complaints.guideline if complaints else None, years=years,
        handbook=_handbook(site), unit=site.unit(complaints.guideline.unit) if complaints else None,
        channel_kinds=CHANNEL_KINDS)]
    for year in years:
        out += _year(site, year)
    return out


def _start(year: int) -> date:
    return calendar.fiscal_year_bounds(year)[0]


def _as_of(site: Site, year: int) -> date:
    """The day a year's statistics speak for: the register's `as_of`, which the family's public rule keeps
    from passing the build date."""
    as_of = site.complaint_years[year].as_of
    assert as_of is not None  # public() gave every register one
    return as_of


def _handbook(site: Site):
    """The published handbook document the guideline points to, if any."""
    wanted = site.complaints.guideline.document if site.complaints else None
    return next((d for d in site.documents if d.id == wanted), None)


def _year(site: Site, year: int) -> list[Page | Asset]:
    as_of = _as_of(site, year)
    cases = site.complaint_cases
    every, corruption = YearStats(year, cases, as_of), YearStats(year, cases, as_of, "corruption")
    record, source = site.complaint_years[year], site.source("complaint-cases", str(year))
    base = f"complaints/{year}"
    register = record.has_register
    tables = _register_tables(every, corruption) if register else {}
    cross = every.cross("matter", MATTERS, "status", STATUSES)
    if register and not cross.withheld and cross.rows:
        tables["cross"] = _cross("matter-by-status", "ลักษณะเรื่องจำแนกตามสถานะ", cross)
    printed = [_printed_view(record, t, cases) for t in range(len(record.printed_tables))]
    h1 = corruption.period(calendar.parse_period(f"{year}-H1"))
    h1_printed = [v for v in printed if _overlaps(v.check.table.period_obj, h1.period)]
    common = dict(source=source, year=year, as_of=every.as_of, nil_statement=NIL_STATEMENT, min_cell=MIN_CELL,
                  register=register)
    half_table = _periods("oit-h1", "ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ตุลาคม – มีนาคม",
                          corruption.months()[:6] + [h1], oit=True)
    pages: list[Page | Asset] = [
        page(f"{base}/index.md", "complaints-year.md.j2", f"สถิติเรื่องร้องเรียน {fy_label(year)}",
             topics=("complaints.statistics",), period=str(year), tables=tables, cross=cross, printed=printed,
             days=every.days_to_close(), whole=every.whole(), corruption_whole=corruption.whole(), h1=h1,
             charts=_charts(every, corruption) if register else {}, nil=register and not printed, **common),
        page(f"{base}/h1.md", "complaints-h1.md.j2",
             f"ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ รอบ 6 เดือน {fy_label(year)}",
             topics=("complaints.statistics",), period=f"{year}-H1", table=half_table, h1=h1, printed=h1_printed,
             nil=register and not h1_printed, **common),
    ]
    downloads = [*tables.values(), *(v.table for v in printed)]
    pages += [Asset(t.csv_path(f"{base}/index.md"), t.csv()) for t in downloads]
    if register:
        pages.append(Asset(half_table.csv_path(f"{base}/h1.md"), half_table.csv()))
    return pages


def _register_tables(every: YearStats, corruption: YearStats) -> dict[str, DataTable]:
    """The tables computed from the register: corruption and all matters by period, and the margins."""
    return {
        "corruption_months": _periods("corruption-by-month", "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ รายเดือน",
                                      corruption.months()),
        "corruption_periods": _periods("corruption-by-period", "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ "
                                       "รายไตรมาสและรายครึ่งปี", corruption.quarters() + corruption.halves()
                                       + [corruption.whole()]),
        "months": _periods("all-by-month", "เรื่องร้องเรียนทุกประเภท รายเดือน", every.months()),
        "periods": _periods("all-by-period", "เรื่องร้องเรียนทุกประเภท รายไตรมาสและรายครึ่งปี",
                            every.quarters() + every.halves() + [every.whole()]),
        "channels": _shares("by-channel", "แยกตามช่องทางที่รับเรื่อง", "ช่องทาง", every.by("channel", CHANNEL_KINDS)),
        "categories": _shares("by-category", "แยกตามประเภทเรื่อง", "ประเภท", every.by("category", CATEGORIES)),
        "matters": _shares("by-matter", "แยกตามลักษณะเรื่อง", "ลักษณะเรื่อง", every.by("matter", MATTERS)),
        "statuses": _shares("by-status", "แยกตามสถานะ (เรื่องที่ดำเนินการในปีนี้ รวมเรื่องยกมา)", "สถานะ",
                            every.statuses()),
        "outcomes": _shares("by-outcome", "ผลการดำเนินการของเรื่องที่ปิดในปีนี้", "ผลการดำเนินการ",
                            every.outcomes(OUTCOMES)),
    }


def _overlaps(a: calendar.Period, b: calendar.Period) -> bool:
    return a.start <= b.end and b.start <= a.end


def _periods(name: str, title: str, rows: list[PeriodRow], oit: bool = False) -> DataTable:
    """Months, quarters or halves in the legal group's five columns; a period not yet begun is blank."""
    columns = _OIT_COLUMNS if oit else tuple(COLUMN_LABELS[c] for c in _COLUMNS)
    body = tuple((_period_label(r), *((r.counts.value(c) for c in _COLUMNS) if r.counts else
                                      ("ยังไม่ถึงกำหนด", "", "", "", ""))) for r in rows)
    return DataTable(name, title, ("ช่วงเวลา", *columns), body)


def _period_label(row: PeriodRow) -> str:
    """A running period says up to which day it is counted."""
    if row.until is None:
        return row.label
    return f"{row.label} (ถึง {calendar.format_thai_date(row.until, 'medium', digit_style())})"


def _shares(name: str, title: str, label: str, shares: list[Share]) -> DataTable:
    """A one-way table (a margin), with its total."""
    total = sum(s.count for s in shares)
    return DataTable(name, title, (label, "จำนวน (เรื่อง)"), tuple((s.label, s.count) for s in shares),
                     footer=("รวม", total) if shares else None)


def _cross(name: str, title: str, cross: CrossTab) -> DataTable:
    columns = tuple(label for _, label in cross.columns)
    rows = tuple((label, *(cross.cell(key, c) for c, _ in cross.columns)) for key, label in cross.rows)
    return DataTable(name, title, ("ลักษณะเรื่อง", *columns), rows)


def _printed_view(record: ComplaintYear, t: int, cases: list) -> PrintedView:
    """Printed table `t` of the year as printed: its labels and header wording, every printed figure official,
    the computed one beside a figure that differs; notes for those and for differences from the register."""
    check = check_printed(record.printed_tables[t])
    table = check.table
    at = f"printed_tables[{t}]"

    def cell(row: int | None, column: str) -> Figure:
        computed = (check.totals if row is None else check.rows[row]).value(column)
        field = f"{at}.totals.{column}" if row is None else f"{at}.rows[{row}].{column}"
        label = "แถวรวม" if row is None else table.rows[row].label_th
        return figure(f"{table.title_th}: {label} · {_header(table, column)}", check.printed(row, column),
                      computed, record, field, 0)

    cells = [[cell(i, c) for c in _COLUMNS] for i in range(len(table.rows))]
    footer = [cell(None, c) for c in _COLUMNS]
    register = [figure(f"{table.title_th}: {table.rows[d.row].label_th} · {_header(table, d.name)} "
                       "เทียบกับทะเบียนเรื่องร้องเรียน", d.printed, d.computed, record,
                       f"{at}.rows[{d.row}].{d.name}", 0)
                for d in (against_register(table, cases) if record.has_register else []) if d.row is not None]
    rows = tuple((r.label_th, *(f.cell for f in fs)) for r, fs in zip(table.rows, cells))
    data = DataTable(f"printed-{t + 1}", table.title_th,
                     (_header(table, "matter"), *(_header(table, c) for c in _COLUMNS)), rows,
                     ("รวม", *(f.cell for f in footer)))
    every = [f for fs in cells for f in fs] + footer
    return PrintedView(check, data, tuple(f for f in every if f.differs) + tuple(register),
                       any(f.official is None for f in every))


def _header(table: Any, column: str) -> str:
    """A column's name as the table printed it, or the usual one."""
    printed = getattr(table.headers, column, None) if table.headers else None
    return printed or ("ภารกิจ" if column == "matter" else COLUMN_LABELS[column])


def _charts(every: YearStats, corruption: YearStats) -> dict[str, Any]:
    """Monthly received and finished (corruption, then all), and cases by channel."""
    charts = {}
    for key, stats, what in (("corruption", corruption, "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"),
                             ("all", every, "เรื่องร้องเรียนทุกประเภท")):
        months = [m for m in stats.months() if m.counts]
        received = tuple(m.counts.received for m in months)
        finished = tuple(m.counts.finished for m in months)
        labels = [calendar.format_thai_date(m.period.start, "month_short", digit_style()) for m in months]
        summary = f"{what}: รับใหม่รวม {sum(received)} เรื่อง ดำเนินการแล้วเสร็จ {sum(finished)} เรื่อง"
        if any(received):
            busiest = ", ".join(m.label for m, n in zip(months, received) if n == max(received))
            summary += f" เดือนที่รับใหม่มากที่สุด ({max(received)} เรื่อง): {busiest}"
        charts[key] = bar_chart(f"{what} รายเดือน", labels, [Series("รับใหม่", received), Series("แล้วเสร็จ", finished)],
                                summary)
    channels = every.by("channel", CHANNEL_KINDS)
    if channels:
        top = max(channels, key=lambda s: s.count)
        charts["channels"] = bar_chart("ช่องทางที่รับเรื่อง", [s.label for s in channels],
                                       [Series("จำนวนเรื่อง", tuple(s.count for s in channels))],
                                       spaced(f"รับเรื่องมากที่สุดทาง{top.label} {top.count} เรื่อง"))  # ทาง LINE
    return charts
