"""Checks of the integrity measures against the ITA result they answer.

What would mislead a reader is an error (a unit that does not exist, a status without a report
date); what is doubtful is a warning (a measure for an indicator that is not weak, a weak indicator
left without a measure, the same measure twice); a stated count of weak indicators that differs from
the list is a discrepancy (generator/engine/printed.py) the webmaster may acknowledge; a measure the report gives no status is a
note: the page says "ไม่ได้รายงาน", as the report does, unless the report lists what was done in its area
instead (report_checks.py checks those lists, the report's original and the round it claims).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.base.calendar import fiscal_year_bounds, parse_period
from generator.base.problems import Problem
from generator.engine.checking import check_file, problem_at
from generator.engine.data import Data, Project
from generator.engine.checking import check_owners
from generator.engine.printed import repeats, same_words, stated_count
from generator.families.ita import outcome as ita
from generator.families.ita.model import INDICATORS
from generator.families.measures.model import MeasuresYear, weak_indicators
from generator.families.measures.report_checks import check_report

KIND = "measures"


def check_measures(data: Data, project: Project) -> list[Problem]:
    """Every year's measures against the previous year's ITA result."""
    problems: list[Problem] = []
    scale = data.config.scoring.scale()
    for year, record in sorted(data.measures.items()):
        previous = data.ita.get(year - 1)
        outcome = ita.outcome(year - 1, previous, scale) if previous and previous.has_result else None
        problems += _measures(data, project, year, record, outcome)
    return problems


def _measures(data: Data, project: Project, year: int, record: MeasuresYear,
              previous: ita.Outcome | None) -> list[Problem]:
    key = str(year)
    problems = _against_result(data, year, record, previous) + _stated_count(data, year, record)
    announced = record.announcement and record.announcement.document
    if announced and not data.exists("documents", announced):
        problems.append(_unknown_document(data, year, ("announcement", "document"), announced))
    for i, issue in enumerate(record.issues):
        problems += check_owners(data, KIND, key, ("issues", i, "owners"), issue.owners)
        problems += _schedule(data, year, ("issues", i, "schedule"), issue.schedule or [])
        for j, measure in enumerate(issue.measures):
            path = ("issues", i, "measures", j)
            problems += check_owners(data, KIND, key, path + ("owners",), measure.owners or [])
            problems += _schedule(data, year, path + ("schedule",), measure.schedule or [])
            problems += _measure(data, project, year, path, measure, record, bool(issue.activities)
                                 or (record.has_activities and not record.has_statuses))
    return problems + _duplicates(data, year, record) + check_report(data, year, record)


def _schedule(data: Data, year: int, path: tuple[Any, ...], schedule: list[str]) -> list[Problem]:
    """A period outside the fiscal year of the measures is doubtful."""
    start, end = fiscal_year_bounds(year)
    problems = []
    for k, key in enumerate(schedule):
        period = parse_period(key)
        if period.end < start or period.start > end:
            problems.append(problem_at(data, KIND, str(year), path + (k,), "schedule_outside_year",
                                       f"ระยะเวลา {period.label_th} อยู่นอกปีงบประมาณ {year} ตรวจปีหรือเดือน",
                                       f"the schedule {key} lies outside fiscal year {year}; check the year or month",
                                       "warning"))
    return problems


def _against_result(data: Data, year: int, record: MeasuresYear, previous: ita.Outcome | None) -> list[Problem]:
    """Measures answer the weak indicators of the year before: each weak one needs a measure."""
    problem = partial(problem_at, data, KIND, str(year))
    if ("ita", str(year - 1)) in data.refused or ("site", "scoring") in data.refused:
        return []  # the result, or the scale it is judged by, is refused with a problem of its own
    if previous is None:
        return [problem((), "no_ita_result",
                        f"ไม่มีผลการประเมิน ITA ปี {year - 1} จึงตรวจไม่ได้ว่ามาตรการตอบจุดอ่อนครบหรือไม่ "
                        f"ให้เพิ่มไฟล์ data/ita/{year - 1}.yml",
                        f"there is no ITA result for {year - 1}, so the measures cannot be checked against its weak "
                        f"indicators; add data/ita/{year - 1}.yml", "warning")]
    if not previous.indicators:
        return []  # a result known by its total only names no weak indicator to answer
    weak = weak_indicators(previous, record)
    basis_th = "ไม่ได้อยู่ในกลุ่มคะแนนต่ำสุดที่สำนักงานเลือก" if record.weak_basis == "lowest" else "ผ่านเกณฑ์แล้ว"
    problems = []
    for i, issue in enumerate(record.issues):
        if issue.indicator not in weak:
            score = next(x for x in previous.indicators if x.number == issue.indicator)
            problems.append(problem(("issues", i, "indicator"), "not_weak",
                                    f"ตัวชี้วัดที่ {issue.indicator} ได้ {ita.score_text(score.score)} คะแนนในปี {year - 1} "
                                    f"{basis_th} จึงไม่ใช่จุดอ่อน ตรวจเลขตัวชี้วัด (หรือเขียน weak_basis: lowest "
                                    "เมื่อสำนักงานเลือกตัวชี้วัดที่คะแนนต่ำสุดตามลำดับ)",
                                    f"indicator {issue.indicator} scored {ita.score_text(score.score)} in {year - 1}, so "
                                    "it is not a weakness; check the number (or write weak_basis: lowest when the "
                                    "office answers its lowest indicators)", "warning"))
    covered = {issue.indicator for issue in record.issues}
    for number in weak:
        if number not in covered:
            problems.append(problem(("issues",), "weak_without_measure",
                                    f"ตัวชี้วัดที่ {number} {INDICATORS[number][0]} เป็นจุดอ่อนในปี {year - 1} "
                                    "แต่ยังไม่มีมาตรการ ให้เพิ่มรายการใน issues",
                                    f"indicator {number} was weak in {year - 1} but has no measure; "
                                    "add an entry to issues", "warning"))
    return problems


def _stated_count(data: Data, year: int, record: MeasuresYear) -> list[Problem]:
    """A printed count of weak indicators ("จุดอ่อน 4 ตัวชี้วัด") against the indicators the measures list."""
    return stated_count(data, KIND, str(year), ("weak_printed",), record.weak_printed, len(record.issues),
                        "ตัวชี้วัดที่เป็นจุดอ่อน", "weak indicators")


def _duplicates(data: Data, year: int, record: MeasuresYear) -> list[Problem]:
    """The same measure twice in one announcement: a copy-paste slip, or a row entered twice."""
    places = [(i, j) for i, issue in enumerate(record.issues) for j in range(len(issue.measures))]
    texts = (same_words(record.issues[i].measures[j].text_th) for i, j in places)
    problems = []
    for k, first in repeats(texts):
        (i, j), (a, b) = places[k], places[first]
        problems.append(problem_at(data, KIND, str(year), ("issues", i, "measures", j, "text_th"), "duplicate_name",
                                   f"มาตรการนี้ซ้ำกับมาตรการที่ {a + 1}.{b + 1} ให้ลบรายการที่ซ้ำ หรือแก้ข้อความตามต้นฉบับ",
                                   f"this measure repeats measure {a + 1}.{b + 1}; remove the repeat or correct it "
                                   "from the source", "warning"))
    return problems


def _measure(data: Data, project: Project, year: int, path: tuple[Any, ...], measure,
             record: MeasuresYear, area_reported: bool) -> list[Problem]:
    """A measure's status and evidence; where the report lists activities instead of statuses, none is expected."""
    problem = partial(problem_at, data, KIND, str(year))
    problems = []
    if record.report is not None and measure.status is None and not area_reported:
        problems.append(problem(path, "missing_status",
                                "รายงานผลไม่ได้ระบุสถานะของมาตรการนี้ หน้าเว็บจะแสดงว่า ไม่ได้รายงาน "
                                "ถ้ารายงานระบุไว้ ให้เพิ่ม status: ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ หรือ ยังไม่ดำเนินการ",
                                "the report gives this measure no status, so the page says not reported; if it does, "
                                "add status: done, in_progress or not_started", "note"))
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
            problems += check_file(data, project, KIND, str(year), where + ("file",), link.file)
    return problems


def _unknown_document(data: Data, year: int, path: tuple[Any, ...], document: str) -> Problem:
    return problem_at(data, KIND, str(year), path, "unknown_document",
                      f"ไม่พบเอกสารรหัส '{document}' ใน data/documents/ ให้ใช้รหัสที่มีอยู่",
                      f"no document '{document}' in data/documents/; use an existing id")
