"""Checks of the spending plan: spending above the plan, and a six-month figure above the whole year's.

Warnings, not errors: real reports contain them by mistake, and assessors notice.
"""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project


def check_budget(data: Data, project: Project) -> list[Problem]:
    """Spending above the plan, and a six-month figure larger than the whole year's."""
    problems = []
    for year, record in sorted(data.budget.items()):
        for i, line in enumerate(record.lines):
            for name in ("spent_h1", "spent"):
                value = getattr(line, name)
                if value is not None and value > line.planned:
                    problems.append(problem_at(data, "budget", str(year), ("lines", i, name), "over_plan",
                                          f"เบิกจ่าย ({value:,.2f}) มากกว่าวงเงินตามแผน ({line.planned:,.2f})",
                                          f"spent ({value:,.2f}) is more than planned ({line.planned:,.2f})",
                                          "warning"))
            if line.spent_h1 is not None and line.spent is not None and line.spent_h1 > line.spent:
                problems.append(problem_at(data, "budget", str(year), ("lines", i, "spent_h1"), "h1_over_year",
                                           "ยอดเบิกจ่ายรอบ 6 เดือนมากกว่ายอดทั้งปี", "the six-month figure exceeds the year's",
                                           "warning"))
    return problems
