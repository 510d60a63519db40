"""Checks of the anti-corruption plan and its reports across records and files.

An activity id used twice, a report about an unknown activity, a report outside the plan's year or
an unknown responsible group would make a report wrong: errors. An activity a report says nothing
about, or spending above the activity's budget, is a warning: the report is still published, with
the activity shown as not reported.
"""

from __future__ import annotations

from typing import Any

from generator.engine.checking import check_file, problem_at, unknown_unit
from generator.engine.data import Data, Project
from generator.base.problems import Problem


def check_plans(data: Data, project: Project) -> list[Problem]:
    """Every plan of every year."""
    problems = []
    for year, plan in sorted(data.anticorruption.items()):
        key = str(year)
        if plan.file:
            problems += check_file(data, project, "anticorruption", key, "file", plan.file)
        activities: dict[str, Any] = {}
        for p, project_ in enumerate(plan.projects):
            for a, activity in enumerate(project_.activities):
                at = ("projects", p, "activities", a)
                if activity.id in activities:
                    problems.append(problem_at(data, "anticorruption", key, at + ("id",), "duplicate_id",
                                               f"รหัสกิจกรรม '{activity.id}' ซ้ำ", f"activity id '{activity.id}' repeats"))
                activities[activity.id] = activity
                problems += [unknown_unit(data, "anticorruption", key, at + ("owners", o), owner)
                             for o, owner in enumerate(activity.owners)
                             if data.units and not data.exists("units", owner)]
        problems += _check_reports(data, project, year, plan, activities)
    return problems


def _check_reports(data: Data, project: Project, year: int, plan, activities: dict[str, Any]) -> list[Problem]:
    problems, seen = [], set()
    key = str(year)
    for r, report in enumerate(plan.reports):
        at = ("reports", r)
        if year not in report.period_obj.fiscal_years or len(report.period_obj.fiscal_years) > 1:
            problems.append(problem_at(data, "anticorruption", key, at + ("period",), "period_year",
                                       f"ช่วงเวลา {report.period} ไม่อยู่ในปีงบประมาณ {year}",
                                       f"period {report.period} is not within fiscal year {year}"))
        if report.period in seen:
            problems.append(problem_at(data, "anticorruption", key, at + ("period",), "duplicate_report",
                                       f"มีรายงานช่วงเวลา {report.period} มากกว่าหนึ่งฉบับ",
                                       f"there is more than one report for {report.period}"))
        seen.add(report.period)
        reported = set()
        for i, progress in enumerate(report.progress):
            where = at + ("progress", i)
            activity = activities.get(progress.activity)
            reported.add(progress.activity)
            if activity is None:
                problems.append(problem_at(data, "anticorruption", key, where + ("activity",), "unknown_activity",
                                           f"ไม่พบกิจกรรมรหัส '{progress.activity}' ในแผน",
                                           f"no activity '{progress.activity}' in the plan"))
            elif progress.disbursed and activity.budget is not None and progress.disbursed > activity.budget:
                problems.append(problem_at(data, "anticorruption", key, where + ("disbursed",), "over_budget",
                                           f"เบิกจ่าย ({progress.disbursed:,.2f}) มากกว่างบประมาณตามแผน "
                                           f"({activity.budget:,.2f})", f"disbursed ({progress.disbursed:,.2f}) is more "
                                           f"than planned ({activity.budget:,.2f})", "warning"))
            for e, evidence in enumerate(progress.evidence):
                if evidence.file:
                    problems += check_file(data, project, "anticorruption", key, where + ("evidence", e, "file"),
                                           evidence.file)
        missing = [a for a in activities if a not in reported]
        if missing:
            problems.append(problem_at(data, "anticorruption", key, at + ("progress",), "unreported_activity",
                                       f"รายงาน {report.period} ไม่มีความก้าวหน้าของกิจกรรม: {', '.join(missing)} "
                                       "(จะแสดงเป็น ยังไม่ได้รายงาน)",
                                       f"report {report.period} says nothing of: {', '.join(missing)} "
                                       "(shown as not reported)", "warning"))
    return problems

