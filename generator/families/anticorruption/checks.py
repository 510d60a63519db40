"""Checks of the anti-corruption plan: ids, owners, names, printed totals and stated counts, costs.

An activity id used twice or an unknown responsible group would make the pages wrong: errors. What
real plans print wrong is a warning, located at the figure: a total budget, a project's cost total
or a stated number of projects that the rows do not give (acknowledgeable, generator/engine/figures.py),
an activity name or a row printed twice. The reports are checked in report_checks.py.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Any

from generator.base.problems import Problem
from generator.base.sources import dotted
from generator.engine.checking import check_file, problem_at
from generator.engine.data import Data, Project
from generator.engine.checking import discrepancy_at
from generator.engine.checking import check_owners
from generator.engine.printed import printed_total, repeated_rows, repeats, same_words, stated_count
from generator.families.anticorruption.model import ActionPlan, Project as PlanProject
from generator.families.anticorruption.report_checks import check_reports
from generator.families.anticorruption.totals import plan_budget

KIND = "anticorruption"  # the Data.origins kind of data/anticorruption/<year>.yml


def check_plans(data: Data, project: Project) -> list[Problem]:
    """Every plan of every year, then its reports."""
    problems = []
    for year, plan in sorted(data.anticorruption.items()):
        key = str(year)
        if plan.file:
            problems += check_file(data, project, KIND, key, "file", plan.file)
        problems += _check_activities(data, key, plan) + _check_figures(data, key, plan)
        for p, project_ in enumerate(plan.projects):
            problems += _check_costs(data, key, p, project_)
        problems += repeated_rows(data, KIND, key, ("calendar",), plan.calendar, "ขั้นตอน", "step")
        problems += check_reports(data, project, year, plan)
    return problems


def _check_activities(data: Data, key: str, plan: ActionPlan) -> list[Problem]:
    """Ids once in the plan (errors); owners that exist; names once in a project (warnings)."""
    problem = partial(problem_at, data, KIND, key)
    problems, seen = [], set()
    for i, j in repeats(same_words(p.title_th) for p in plan.projects):
        problems.append(problem(("projects", i, "title_th"), "duplicate_name",
                                f"ชื่อโครงการซ้ำกับโครงการที่ {j + 1} ให้รวมเป็นโครงการเดียว หรือแก้ชื่อตามต้นฉบับ",
                                f"the project name repeats project {j + 1}; merge them or correct the name",
                                "warning"))
    for p, project_ in enumerate(plan.projects):
        for i, j in repeats(same_words(a.title_th) for a in project_.activities):
            problems.append(problem(("projects", p, "activities", i, "title_th"), "duplicate_name",
                                    f"ชื่อกิจกรรมซ้ำกับกิจกรรมที่ {j + 1} ของโครงการเดียวกัน ให้ลบกิจกรรมที่ซ้ำ "
                                    "หรือแก้ชื่อตามต้นฉบับ", f"the activity name repeats activity {j + 1} of the "
                                    "same project; remove the repeat or correct the name", "warning"))
        for a, activity in enumerate(project_.activities):
            at = ("projects", p, "activities", a)
            if activity.id in seen:
                problems.append(problem(at + ("id",), "duplicate_id",
                                        f"รหัสกิจกรรม '{activity.id}' ซ้ำ ให้เปลี่ยนรหัสหนึ่งรายการ",
                                        f"activity id '{activity.id}' repeats; rename one"))
            seen.add(activity.id)
            problems += check_owners(data, KIND, key, at + ("owners",), activity.owners)
    return problems


def _check_figures(data: Data, key: str, plan: ActionPlan) -> list[Problem]:
    """The plan's printed total budget and stated counts against its rows."""
    return (printed_total(data, KIND, key, ("budget_printed",), plan.budget_printed, plan_budget(plan).planned,
                          "งบประมาณรวมของแผน", "total budget of the plan")
            + stated_count(data, KIND, key, ("projects_stated",), plan.projects_stated, len(plan.projects),
                           "โครงการ", "projects")
            + stated_count(data, KIND, key, ("activities_stated",), plan.activities_stated, len(plan.activities),
                           "กิจกรรม", "activities"))


def _check_costs(data: Data, key: str, p: int, project_: PlanProject) -> list[Problem]:
    """A project's cost lines: the printed total against the lines, the total against the activities' budget."""
    if not project_.costs:
        return []
    at = ("projects", p)
    lines = sum((c.amount for c in project_.costs), Decimal(0))
    problems = repeated_rows(data, KIND, key, at + ("costs",), project_.costs, "รายการค่าใช้จ่าย", "cost line")
    problems += printed_total(data, KIND, key, at + ("costs_printed",), project_.costs_printed, lines,
                              "รวมค่าใช้จ่ายของโครงการ", "cost total of the project")
    total = project_.costs_printed if project_.costs_printed is not None else lines
    budget = project_.budget
    if budget is not None and total != budget:
        problems.append(_costs_against_budget(data, key, at, total, budget))
    return problems


def _costs_against_budget(data: Data, key: str, at: tuple[Any, ...], total: Decimal, budget: Decimal) -> Problem:
    field = dotted(at + ("costs",))
    return discrepancy_at(
        data, KIND, key, at + ("costs",), "project_costs",
        f"รวมค่าใช้จ่าย ({total:,.2f}) ไม่เท่ากับงบประมาณของกิจกรรมในโครงการ ({budget:,.2f}) ให้ตรวจต้นฉบับ "
        f"หรือรับทราบความต่างใน acknowledged: {field}",
        f"the cost total ({total:,.2f}) differs from the budget of the project's activities ({budget:,.2f}); check "
        f"the source, or acknowledge the difference under acknowledged: {field}")
