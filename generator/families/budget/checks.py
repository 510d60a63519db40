"""Checks of the spending plan: spending above the plan, a six-month figure above the whole year's,
printed totals that the lines do not give, and a line printed twice.

Warnings, not errors: real reports contain them by mistake, and assessors notice. A printed total
that differs from its lines may be acknowledged next to the figure (generator/engine/figures.py).
"""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.engine.printed import printed_total, repeated_rows
from generator.families.budget.model import BudgetYear, line_total

KIND = "budget"  # the Data.origins kind of data/budget/<year>.yml
# (printed total field, the lines' column it totals, what it is in Thai and English)
PRINTED = (("planned_printed", "planned", "วงเงินรวมตามแผน", "planned total"),
           ("spent_h1_printed", "spent_h1", "ยอดเบิกจ่ายรวมรอบ 6 เดือน", "six-month spending total"),
           ("spent_printed", "spent", "ยอดเบิกจ่ายรวมทั้งปี", "annual spending total"))


def check_budget(data: Data, project: Project) -> list[Problem]:
    """Spending above the plan, a six-month figure larger than the whole year's, printed totals, repeats."""
    problems = []
    for year, record in sorted(data.budget.items()):
        key = str(year)
        for i, line in enumerate(record.lines):
            for name in ("spent_h1", "spent"):
                value = getattr(line, name)
                if value is not None and value > line.planned:
                    problems.append(problem_at(data, KIND, key, ("lines", i, name), "over_plan",
                                               f"เบิกจ่าย ({value:,.2f}) มากกว่าวงเงินตามแผน ({line.planned:,.2f})",
                                               f"spent ({value:,.2f}) is more than planned ({line.planned:,.2f})",
                                               "warning"))
            if line.spent_h1 is not None and line.spent is not None and line.spent_h1 > line.spent:
                problems.append(problem_at(data, KIND, key, ("lines", i, "spent_h1"), "h1_over_year",
                                           "ยอดเบิกจ่ายรอบ 6 เดือนมากกว่ายอดทั้งปี", "the six-month figure exceeds the year's",
                                           "warning"))
        problems += repeated_rows(data, KIND, key, ("lines",), record.lines, "รายการงบประมาณ", "budget line")
        problems += _check_printed(data, key, record)
    return problems


def _check_printed(data: Data, key: str, record: BudgetYear) -> list[Problem]:
    """Each printed total against the sum of its column."""
    return [p for field, column, th, en in PRINTED
            for p in printed_total(data, KIND, key, (field,), getattr(record, field), line_total(record, column), th, en)]
