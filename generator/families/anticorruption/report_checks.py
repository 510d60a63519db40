"""Checks of the monitoring reports: periods, activities, progress rows, printed totals and stated counts.

A report outside the plan's year, about an unknown activity, or with two different entries for one
activity is an error (the page could not say which is true). An activity a report says nothing of,
spending above the activity's budget, a row printed twice, and a printed total or stated count that
the rows do not give are warnings: the report is still published, the activity shown as not reported,
the printed figure as the official one with the computed check beside it.
"""

from __future__ import annotations

from functools import partial

from generator.base.problems import Problem
from generator.engine.checking import check_file, problem_at
from generator.engine.data import Data, Project
from generator.engine.printed import printed_total, repeated_rows, stated_count
from generator.families.anticorruption.model import STATUSES, ActionPlan, Report
from generator.families.anticorruption.totals import ReportView

KIND = "anticorruption"


def check_reports(data: Data, project: Project, year: int, plan: ActionPlan) -> list[Problem]:
    """Every report of the year's plan."""
    key = str(year)
    problem = partial(problem_at, data, KIND, key)
    activities = {a.id: a for a in plan.activities}
    problems, seen = [], set()
    for r, report in enumerate(plan.reports):
        at = ("reports", r)
        if year not in report.period_obj.fiscal_years or len(report.period_obj.fiscal_years) > 1:
            problems.append(problem(at + ("period",), "period_year",
                                    f"ช่วงเวลา {report.period} ไม่อยู่ในปีงบประมาณ {year}",
                                    f"period {report.period} is not within fiscal year {year}"))
        if report.period in seen:
            problems.append(problem(at + ("period",), "duplicate_report",
                                    f"มีรายงานช่วงเวลา {report.period} มากกว่าหนึ่งฉบับ",
                                    f"there is more than one report for {report.period}"))
        seen.add(report.period)
        problems += _check_progress(data, project, key, r, report, activities)
        problems += _check_figures(data, key, r, ReportView(plan, report))
        problems += repeated_rows(data, KIND, key, at + ("calendar",), report.calendar, "ขั้นตอน", "step")
    return problems


def _check_progress(data: Data, project: Project, key: str, r: int, report: Report, activities) -> list[Problem]:
    """Each progress row: a known activity, once, within its budget; then the activities left out."""
    problem = partial(problem_at, data, KIND, key)
    problems, reported = [], {}
    for i, progress in enumerate(report.progress):
        where = ("reports", r, "progress", i)
        activity = activities.get(progress.activity)
        if progress.activity in reported:
            problems.append(_repeated(problem, where, progress, reported[progress.activity], report))
            continue
        reported[progress.activity] = i
        if activity is None:
            problems.append(problem(where + ("activity",), "unknown_activity",
                                    f"ไม่พบกิจกรรมรหัส '{progress.activity}' ในแผน",
                                    f"no activity '{progress.activity}' in the plan"))
        elif progress.disbursed and activity.budget is not None and progress.disbursed > activity.budget:
            problems.append(problem(where + ("disbursed",), "over_budget",
                                    f"เบิกจ่าย ({progress.disbursed:,.2f}) มากกว่างบประมาณตามแผน "
                                    f"({activity.budget:,.2f})", f"disbursed ({progress.disbursed:,.2f}) is more "
                                    f"than planned ({activity.budget:,.2f})", "warning"))
        for e, evidence in enumerate(progress.evidence):
            if evidence.file:
                problems += check_file(data, project, KIND, key, where + ("evidence", e, "file"), evidence.file)
    missing = [a for a in activities if a not in reported]
    if missing:
        problems.append(problem(("reports", r, "progress"), "unreported_activity",
                                f"รายงาน {report.period} ไม่มีความก้าวหน้าของกิจกรรม: {', '.join(missing)} "
                                "(แสดงเป็น ไม่ได้รายงาน) ให้เพิ่มความก้าวหน้า หรือถ้ารายงานฉบับจริงไม่ได้กล่าวถึง "
                                "ให้เขียน {activity: <รหัส>, status: not_reported}",
                                f"report {report.period} says nothing of: {', '.join(missing)} (shown as not "
                                "reported); add their progress, or if the printed report is silent write "
                                "{activity: <id>, status: not_reported}", "warning"))
    return problems


def _repeated(problem, where, progress, first: int, report: Report) -> Problem:
    """A second row for one activity: a warning if it repeats the first, an error if it contradicts it."""
    if progress == report.progress[first]:
        return problem(where, "duplicate_row",
                       f"ความก้าวหน้าของกิจกรรม '{progress.activity}' ซ้ำกับรายการที่ {first + 1} ให้ลบรายการที่ซ้ำ",
                       f"the progress of '{progress.activity}' repeats entry {first + 1}; remove the repeat",
                       "warning")
    return problem(where + ("activity",), "duplicate_id",
                   f"กิจกรรม '{progress.activity}' มีความก้าวหน้าสองรายการที่ต่างกัน (รายการที่ {first + 1}) "
                   "ให้เหลือรายการเดียวตามรายงานฉบับจริง",
                   f"'{progress.activity}' has two different progress entries (see entry {first + 1}); keep one")


def _check_figures(data: Data, key: str, r: int, view: ReportView) -> list[Problem]:
    """The report's printed totals and stated counts against its rows."""
    at, totals, counts = ("reports", r), view.budget(), view.counts()
    problems = printed_total(data, KIND, key, at + ("planned_printed",), view.report.planned_printed,
                             totals.planned, "รวมงบประมาณตามแผนในรายงาน", "planned total of the report")
    problems += printed_total(data, KIND, key, at + ("disbursed_printed",), view.report.disbursed_printed,
                              totals.disbursed, "รวมเบิกจ่ายจริงในรายงาน", "disbursed total of the report")
    for status, stated in view.report.statuses_stated.items():
        problems += stated_count(data, KIND, key, at + ("statuses_stated", status), stated, counts[status],
                                 f"กิจกรรมที่{STATUSES[status][0]}", f"activities {STATUSES[status][1]}")
    return problems
