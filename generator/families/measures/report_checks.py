"""Checks of the report on the measures as real reports print it: its original, the round it claims,
and the activities it lists per area.

A round the report says it is ("รอบ 6 เดือน") is a claim about the months it covers, so dates that
cannot support it are a discrepancy the webmaster may acknowledge (generator/engine/figures.py): the
report speaks for a day before the round ends, or the round ended before the measures were
announced. The rounds an announcement sets are not a claim of the report: a six-month round over
before the announcement is signed is shown beside the date on the page, never warned. An activity
listed twice in one area is a plain warning; activities need a report to belong to; an area a report
of activities lists nothing for is a note, and its page says so.
"""

from __future__ import annotations

from typing import Any

from generator.base.calendar import format_thai_date
from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data
from generator.engine.checking import discrepancy_at
from generator.engine.printed import repeated_rows, same_words
from generator.families.measures.model import MeasuresYear, round_doubts, round_label_th, round_span

KIND = "measures"


def check_report(data: Data, year: int, record: MeasuresYear) -> list[Problem]:
    """The report's original, the round it claims, and every area's activities."""
    problems: list[Problem] = []
    report = record.report
    if report is not None and report.document and not data.exists("documents", report.document):
        problems.append(problem_at(data, KIND, str(year), ("report", "document"), "unknown_document",
                                   f"ไม่พบเอกสารรหัส '{report.document}' ใน data/documents/ ให้ใช้รหัสที่มีอยู่",
                                   f"no document '{report.document}' in data/documents/; use an existing id"))
    problems += _claimed_round(data, year, record)
    for i, issue in enumerate(record.issues):
        problems += _activities(data, year, record, ("issues", i, "activities"), issue.activities)
        if report is not None and record.has_activities and not record.has_statuses and not issue.activities:
            problems.append(problem_at(data, KIND, str(year), ("issues", i), "area_not_reported",
                                       "รายงานผลไม่ได้ระบุสิ่งที่ดำเนินการในด้านนี้ หน้าเว็บจะแสดงตามนั้น ถ้ารายงานระบุไว้ "
                                       "ให้เพิ่ม activities: ของด้านนี้",
                                       "the report lists nothing done in this area, and the page says so; if it does, "
                                       "add this area's activities:", "note"))
    return problems


def _claimed_round(data: Data, year: int, record: MeasuresYear) -> list[Problem]:
    """The round the report says it is, against the report's own date and the announcement's."""
    report = record.report
    if report is None or report.round is None:
        return []
    start, end = round_span(year, report.round)
    name = f"{round_label_th(report.round)} ({format_thai_date(start)} – {format_thai_date(end)})"
    return [discrepancy_at(data, KIND, str(year), ("report", "round"), code,
                           f"รายงานระบุว่าเป็น{name} แต่{th} ตรวจรอบหรือวันที่ตามต้นฉบับ "
                           "หรือรับทราบความต่างใน acknowledged: report.round",
                           f"the report says it is the {report.round}-month round, but {en}; check the round or "
                           "the date in the source, or acknowledge under acknowledged: report.round")
            for code, th, en in round_doubts(year, record)]


def _activities(data: Data, year: int, record: MeasuresYear, path: tuple[Any, ...], activities: list) -> list[Problem]:
    """Activities belong to a report; one listed twice in an area (or a sub-activity twice) is a slip."""
    if not activities:
        return []
    problems = []
    if record.report is None:
        problems.append(problem_at(data, KIND, str(year), path, "activities_without_report",
                                   "มีสิ่งที่ดำเนินการแต่ไม่มีรายงานผล ให้เพิ่ม report: แล้วใส่ as_of: (ข้อมูล ณ วันที่ "
                                   "หรือเว้นว่างถ้ารายงานไม่ระบุวันที่)",
                                   "an area lists activities but the file has no report; add report: with as_of: "
                                   "(empty when the report is undated)"))
    problems += repeated_rows(data, KIND, str(year), path, [same_words(a.text_th) for a in activities],
                              "กิจกรรม", "activity", code="duplicate_name")
    for k, activity in enumerate(activities):
        problems += repeated_rows(data, KIND, str(year), path + (k, "items"), [same_words(t) for t in activity.items],
                                  "กิจกรรมย่อย", "sub-activity", code="duplicate_name")
    return problems
