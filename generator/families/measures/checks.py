"""Checks of the integrity measures against the ITA result they answer.

What would mislead a reader is an error (a unit that does not exist, a status without a report
date); what is doubtful is a warning (a measure for an indicator that passed, a weak indicator left
without a measure).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.base.calendar import fiscal_year_bounds, parse_period
from generator.base.problems import Problem
from generator.engine.checking import check_file, problem_at, unknown_unit
from generator.engine.data import Data, Project
from generator.families.ita import model as ita
from generator.families.measures.model import MeasuresYear, weak_indicators


def check_measures(data: Data, project: Project) -> list[Problem]:
    """Every year's measures against the previous year's ITA result."""
    problems: list[Problem] = []
    scale = data.config.scoring.scale()
    for year, record in sorted(data.measures.items()):
        previous = data.ita.get(year - 1)
        outcome = ita.outcome(year - 1, previous, scale) if previous else None
        problems += _measures(data, project, year, record, outcome)
    return problems


def _measures(data: Data, project: Project, year: int, record: MeasuresYear,
              previous: ita.Outcome | None) -> list[Problem]:
    problems = _against_result(data, year, record, previous)
    problem = partial(problem_at, data, "measures", str(year))
    announced = record.announcement and record.announcement.document
    if announced and not data.exists("documents", announced):
        problems.append(_unknown_document(data, year, ("announcement", "document"), announced))
    start, end = fiscal_year_bounds(year)
    for i, issue in enumerate(record.issues):
        for j, unit in enumerate(issue.owners):
            if data.units and not data.exists("units", unit):
                problems.append(unknown_unit(data, "measures", str(year), ("issues", i, "owners", j), unit))
        for k, key in enumerate(issue.schedule):
            period = parse_period(key)
            if period.end < start or period.start > end:
                problems.append(problem(("issues", i, "schedule", k), "schedule_outside_year",
                                        f"ระยะเวลา {period.label_th} อยู่นอกปีงบประมาณ {year} ตรวจปีหรือเดือน",
                                        f"the schedule {key} lies outside fiscal year {year}; check the year or month",
                                        "warning"))
        for j, measure in enumerate(issue.measures):
            problems += _measure(data, project, year, ("issues", i, "measures", j), measure, record)
    return problems


def _against_result(data: Data, year: int, record: MeasuresYear, previous: ita.Outcome | None) -> list[Problem]:
    """Measures answer the weak indicators of the year before: each weak one needs a measure."""
    problem = partial(problem_at, data, "measures", str(year))
    if ("ita", str(year - 1)) in data.refused or ("site", "scoring") in data.refused:
        return []  # the result, or the scale it is judged by, is refused with a problem of its own
    if previous is None:
        return [problem((), "no_ita_result",
                        f"ไม่มีผลการประเมิน ITA ปี {year - 1} จึงตรวจไม่ได้ว่ามาตรการตอบจุดอ่อนครบหรือไม่ "
                        f"ให้เพิ่มไฟล์ data/ita/{year - 1}.yml",
                        f"there is no ITA result for {year - 1}, so the measures cannot be checked against its weak "
                        f"indicators; add data/ita/{year - 1}.yml", "warning")]
    weak = weak_indicators(previous)
    problems = []
    for i, issue in enumerate(record.issues):
        if issue.indicator not in weak:
            score = next(x for x in previous.indicators if x.number == issue.indicator)
            problems.append(problem(("issues", i, "indicator"), "not_weak",
                                    f"ตัวชี้วัดที่ {issue.indicator} ได้ {ita.score_text(score.score)} คะแนนในปี {year - 1} "
                                    "ผ่านเกณฑ์แล้ว จึงไม่ใช่จุดอ่อน ตรวจเลขตัวชี้วัด",
                                    f"indicator {issue.indicator} scored {ita.score_text(score.score)} in {year - 1} and "
                                    "passed, so it is not a weakness; check the number", "warning"))
    covered = {issue.indicator for issue in record.issues}
    for number in weak:
        if number not in covered:
            problems.append(problem(("issues",), "weak_without_measure",
                                    f"ตัวชี้วัดที่ {number} {ita.INDICATORS[number][0]} ต่ำกว่าเกณฑ์ในปี {year - 1} "
                                    "แต่ยังไม่มีมาตรการ ให้เพิ่มรายการใน issues",
                                    f"indicator {number} was below the pass mark in {year - 1} but has no measure; "
                                    "add an entry to issues", "warning"))
    return problems


def _measure(data: Data, project: Project, year: int, path: tuple[Any, ...], measure,
             record: MeasuresYear) -> list[Problem]:
    problem = partial(problem_at, data, "measures", str(year))
    problems = []
    if record.report is not None and measure.status is None:
        problems.append(problem(path, "missing_status",
                                "มีรายงานผล (report) แล้ว ทุกมาตรการต้องมี status: done, in_progress หรือ not_started",
                                "the file has a report, so every measure needs a status: done, in_progress or "
                                "not_started"))
    if record.report is None and (measure.status or measure.result_th or measure.evidence):
        problems.append(problem(path, "status_without_report",
                                "มีผลการดำเนินงานแต่ไม่มีวันที่ของรายงาน ให้เพิ่ม report: แล้วใส่ as_of: (ข้อมูล ณ วันที่)",
                                "a measure has a status or result but the file has no report date; add report: with "
                                "as_of:"))
    if measure.status == "done" and not (measure.result_th or measure.evidence):
        problems.append(problem(path + ("status",), "done_without_result",
                                "มาตรการที่ดำเนินการแล้วควรบอกผลการดำเนินงาน (result_th) หรือหลักฐาน (evidence)",
                                "a measure that is done should say what was done (result_th) or link evidence",
                                "warning"))
    for k, link in enumerate(measure.evidence):
        where = path + ("evidence", k)
        if link.document and not data.exists("documents", link.document):
            problems.append(_unknown_document(data, year, where + ("document",), link.document))
        if link.file:
            problems += check_file(data, project, "measures", str(year), where + ("file",), link.file)
    return problems


def _unknown_document(data: Data, year: int, path: tuple[Any, ...], document: str) -> Problem:
    return problem_at(data, "measures", str(year), path, "unknown_document",
                      f"ไม่พบเอกสารรหัส '{document}' ใน data/documents/ ให้ใช้รหัสที่มีอยู่",
                      f"no document '{document}' in data/documents/; use an existing id")
