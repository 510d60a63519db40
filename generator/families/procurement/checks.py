"""Checks of the procurement summaries: each month's rows and its signed form.

A fiscal-year column that contradicts the folder is an error (the row would be counted in the
wrong year). Prices above the budget or the reference price, contracts dated after the month they
are reported in, and spending above the plan (or a half-year figure above the whole year's) are
warnings: real reports contain them by mistake, and assessors notice.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from datetime import date
from functools import partial

from generator.base.calendar import format_thai_date
from generator.engine.checking import check_file, problem_at
from generator.engine.data import Data, Project
from generator.base.problems import Problem


def check_procurement(data: Data, project: Project) -> list[Problem]:
    """Every row of every month, and the signed form a month points to."""
    problems = []
    for year, months in sorted(data.procurement.items()):
        for (ce_year, number), record in sorted(months.items()):
            if record.file:
                problems += check_file(data, project, "procurement", f"{year}-{number:02d}", "file", record.file)
            month_end = date(ce_year, number, monthrange(ce_year, number)[1])
            for i, row in enumerate(record.rows):
                # each problem of a row is given at the row's line, and names its cell as the file does
                problem = partial(problem_at, data, "procurement", f"{year}-{number:02d}", line_at=("rows", i))
                problems += _row_problems(problem, ("rows", i), year, month_end, row)
    return problems


def _row_problems(problem: Callable[..., Problem], at: tuple[str, int], year: int, month_end: date,
                  row) -> list[Problem]:
    out = []
    if row.fiscal_year is not None and row.fiscal_year != year:
        out.append(problem((*at, "fiscal_year"), "fiscal_year",
                           f"ปีงบประมาณ {row.fiscal_year} ไม่ตรงกับโฟลเดอร์ ({year}) ให้ย้ายไฟล์ไปไว้ในโฟลเดอร์ {row.fiscal_year}",
                           f"fiscal year {row.fiscal_year} differs from the folder ({year}); move the file"))
    if row.agreed_price is not None and row.budget is not None and row.agreed_price > row.budget:
        out.append(problem((*at, "agreed_price"), "over_budget",
                           f"ราคาที่ตกลง ({row.agreed_price:,.2f}) สูงกว่าวงเงินงบประมาณ ({row.budget:,.2f})",
                           f"the agreed price ({row.agreed_price:,.2f}) is above the budget ({row.budget:,.2f})",
                           "warning"))
    if row.agreed_price is not None and row.reference_price is not None and row.agreed_price > row.reference_price:
        out.append(problem((*at, "agreed_price"), "over_reference",
                           f"ราคาที่ตกลง ({row.agreed_price:,.2f}) สูงกว่าราคากลาง ({row.reference_price:,.2f})",
                           f"the agreed price ({row.agreed_price:,.2f}) is above the reference price "
                           f"({row.reference_price:,.2f})", "warning"))
    if row.contract_date is not None and row.contract_date > month_end:
        out.append(problem((*at, "contract_date"), "contract_after_month",
                           f"สัญญาลงวันที่ {format_thai_date(row.contract_date)} หลังสิ้นเดือนที่รายงาน "
                           "ให้ย้ายไปไว้ในไฟล์ของเดือนที่ลงนาม",
                           f"the contract is dated {row.contract_date.isoformat()}, after the month reported; "
                           "move the row to the month it was signed", "warning"))
    return out
