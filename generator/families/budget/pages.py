"""Budget pages: the spending plan, the six-month report and the annual report of each fiscal year.

Each is its own page tagged with its topic (budget.plan, budget.progress_h1, budget.annual_report)
so every OIT catalogue finds it; a report appears once every line reports its spending.
"""

from __future__ import annotations

from typing import Callable

from generator.families.budget import model as budget
from generator.families.budget.model import EXPENSE_TYPES, BudgetLine, Total
from generator.engine.downloads import DataTable
from generator.engine.render import baht as _money, fy_label
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

# (folder, title, topic, period suffix, spending column) of the plan and the two reports.
_REPORTS: tuple[tuple[str, str, str, str, Callable[[BudgetLine], object] | None], ...] = (
    ("", "แผนการใช้จ่ายงบประมาณประจำปี", "budget.plan", "", None),
    ("h1", "รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน", "budget.progress_h1", "-H1",
     lambda line: line.spent_h1),
    ("annual", "รายงานผลการใช้จ่ายงบประมาณประจำปี", "budget.annual_report", "", lambda line: line.spent),
)


def build(site: Site) -> list[Page | Asset]:
    """The budget index (in the nav), then the plan and the reports of every year with data."""
    years = sorted(site.budget, reverse=True)
    reports = {y: [r for r in _REPORTS if r[4] is None or budget.reported(site.budget[y].lines, r[4])]
               for y in years}
    out: list[Page | Asset] = [page("budget/index.md", "budget.md.j2", "งบประมาณ", in_nav=True, years=years,
                                    reports=reports)]
    for year in years:
        for folder, title, topic, suffix, spent in reports[year]:
            out += _report(site, year, folder, f"{title} {fy_label(year)}", topic, f"{year}{suffix}", spent)
    return out


def _report(site: Site, year: int, folder: str, title: str, topic: str, period: str, spent) -> list[Page | Asset]:
    record = site.budget[year]
    uri = f"budget/{year}/{folder + '/' if folder else ''}index.md"
    tables = [
        _totals("by-expense", "แยกตามงบรายจ่าย", "งบรายจ่าย", budget.grouped(record.lines, lambda x: x.expense, spent)),
        _totals("by-source", "แยกตามแหล่งงบประมาณ", "แหล่งงบประมาณ",
                budget.grouped(record.lines, lambda x: x.source_th, spent)),
        _lines(record.lines, spent),
    ]
    whole = budget.total("รวมทั้งสิ้น", list(record.lines), spent)
    return [page(uri, "budget-report.md.j2", title, topics=(topic,), period=period, source=site.source("budget", str(year)),
                 year=year, tables=tables, whole=whole, report=spent is not None, note=record.note_th),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _columns(report: bool) -> tuple[str, ...]:
    return ("วงเงินตามแผน (บาท)", "เบิกจ่าย (บาท)", "คงเหลือ (บาท)", "ร้อยละที่เบิกจ่าย") if report else (
        "วงเงินตามแผน (บาท)",)


def _figures(t: Total, report: bool) -> tuple[str, ...]:
    if not report:
        return (_money(t.planned),)
    percent = "-" if t.percent is None else f"{t.percent:.2f}"
    return (_money(t.planned), _money(t.spent), _money(t.remaining), percent)


def _totals(name: str, title: str, label: str, totals: list[Total]) -> DataTable:
    report = bool(totals) and totals[0].spent is not None
    rows = tuple((t.label, *_figures(t, report)) for t in totals)
    planned = sum((t.planned for t in totals), start=totals[0].planned * 0)
    spent = sum((t.spent for t in totals), start=planned * 0) if report else None
    return DataTable(name, title, (label, *_columns(report)), rows,
                     footer=("รวม", *_figures(Total("รวม", planned, spent), report)))


def _lines(lines: tuple[BudgetLine, ...] | list[BudgetLine], spent) -> DataTable:
    report = spent is not None
    rows = tuple((EXPENSE_TYPES[x.expense][0], x.source_th, x.item_th or "",
                  *_figures(budget.total("", [x], spent), report)) for x in lines)
    return DataTable("lines", "รายการตามแผน", ("งบรายจ่าย", "แหล่งงบประมาณ", "รายการ", *_columns(report)), rows,
                     text_columns=3)
