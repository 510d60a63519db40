"""Budget pages: the spending plan, the six-month report and the annual report of each fiscal year.

Each is its own page tagged with its topic (budget.plan, budget.progress_h1, budget.annual_report)
so every OIT catalogue finds it; a report appears once every line reports its spending. A total the
office printed is the one shown, with the sum of the lines beside it when they differ.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from generator.base.scoring import percent
from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.pages import Asset, Page, page
from generator.engine.render import baht as _money, fy_label
from generator.engine.site import Site
from generator.families.budget import model as budget
from generator.families.budget.model import EXPENSE_TYPES, BudgetLine, Total

# (folder, title, topic, period suffix, spending column, its printed total) of the plan and the two reports.
_REPORTS: tuple[tuple[str, str, str, str, Callable[[BudgetLine], object] | None, str], ...] = (
    ("", "แผนการใช้จ่ายงบประมาณประจำปี", "budget.plan", "", None, ""),
    ("h1", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน", "budget.progress_h1", "-H1",
     lambda line: line.spent_h1, "spent_h1_printed"),
    ("annual", "รายงานผลการใช้จ่ายงบประมาณประจำปี", "budget.annual_report", "", lambda line: line.spent, "spent_printed"),
)


def build(site: Site) -> list[Page | Asset]:
    """The budget index (in the nav), then the plan and the reports of every year with data."""
    years = sorted(site.budget, reverse=True)
    reports = {y: [r for r in _REPORTS if r[4] is None or budget.reported(site.budget[y].lines, r[4])]
               for y in years}
    out: list[Page | Asset] = [page("budget/index.md", "budget.md.j2", "งบประมาณ", in_nav=True, years=years,
                                    reports=reports)]
    for year in years:
        for folder, title, topic, suffix, spent, printed in reports[year]:
            out += _report(site, year, folder, f"{title} {fy_label(year)}", topic, f"{year}{suffix}", spent, printed)
    return out


def _report(site: Site, year: int, folder: str, title: str, topic: str, period: str, spent,
            printed: str) -> list[Page | Asset]:
    record = site.budget[year]
    uri = f"budget/{year}/{folder + '/' if folder else ''}index.md"
    whole = budget.total("รวมทั้งสิ้น", list(record.lines), spent)
    planned = figure("วงเงินรวมตามแผน", record.planned_printed, whole.planned, record, "planned_printed")
    used = figure("ยอดเบิกจ่ายรวม", getattr(record, printed), whole.spent, record, printed) if printed else None
    footer = _footer(planned, used)
    tables = [
        _totals("by-expense", "แยกตามงบรายจ่าย", "งบรายจ่าย", budget.grouped(record.lines, lambda x: x.expense, spent),
                footer),
        _totals("by-source", "แยกตามแหล่งงบประมาณ", "แหล่งงบประมาณ",
                budget.grouped(record.lines, lambda x: x.source_th, spent), footer),
        _lines(record.lines, spent),
    ]
    return [page(uri, "budget-report.md.j2", title, topics=(topic,), period=period, source=site.source("budget", str(year)),
                 year=year, tables=tables, planned=planned, used=used, shown=_shown(planned, used),
                 report=spent is not None, note=record.note_th),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _shown(planned: Figure, used: Figure | None) -> Total:
    """The headline totals as shown: the printed ones where printed, so remaining and share follow them."""
    spent = used.shown if used else None
    return Total("รวมทั้งสิ้น", Decimal(planned.shown or 0), None if spent is None else Decimal(spent))


def _footer(planned: Figure, used: Figure | None) -> tuple[str, ...]:
    """The totals row of a summary table: the printed totals first, the sums of the lines beside them."""
    if used is None:
        return ("รวม", planned.cell)
    whole = _shown(planned, used)
    share = "-" if whole.percent is None else f"{whole.percent:.2f}"
    return ("รวม", planned.cell, used.cell, _money(whole.remaining), share)


def _columns(report: bool) -> tuple[str, ...]:
    return ("วงเงินตามแผน (บาท)", "เบิกจ่าย (บาท)", "คงเหลือ (บาท)", "ร้อยละที่เบิกจ่าย") if report else (
        "วงเงินตามแผน (บาท)",)


def _figures(t: Total, report: bool) -> tuple[str, ...]:
    if not report:
        return (_money(t.planned),)
    share = "-" if t.percent is None else f"{t.percent:.2f}"
    return (_money(t.planned), _money(t.spent), _money(t.remaining), share)


def _totals(name: str, title: str, label: str, totals: list[Total], footer: tuple[str, ...]) -> DataTable:
    report = bool(totals) and totals[0].spent is not None
    rows = tuple((t.label, *_figures(t, report)) for t in totals)
    return DataTable(name, title, (label, *_columns(report)), rows, footer=footer)


def _lines(lines: tuple[BudgetLine, ...] | list[BudgetLine], spent) -> DataTable:
    report = spent is not None
    rows = tuple((EXPENSE_TYPES[x.expense][0], x.source_th, x.item_th or "",
                  *_figures(budget.total("", [x], spent), report)) for x in lines)
    return DataTable("lines", "รายการตามแผน", ("งบรายจ่าย", "แหล่งงบประมาณ", "รายการ", *_columns(report)), rows,
                     text_columns=3)
