"""No Gift checks: the rules the OIT items would fail on (warnings, so `--strict` stops a build),
and dates that belong to another fiscal year (errors)."""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.base.calendar import fiscal_year, fiscal_year_bounds, format_thai_date
from generator.base.calendar import parse_period as calendar_period
from generator.base.problems import Problem
from generator.base.topics import topic_label
from generator.engine.checking import check_file, problem_at
from generator.engine.data import Data, Project
from generator.engine.printed import printed_total
from generator.families.nogift import model as nogift


def check_nogift(data: Data, project: Project) -> list[Problem]:
    """The No Gift rules the OIT items would fail on: warnings, so `--strict` stops a build."""
    problems = _missing_declarations(data)
    for year, record in data.nogift.items():
        key = str(year)
        if record.declaration:
            if record.declaration.file:
                problems += check_file(data, project, "nogift", key, ("declaration", "file"), record.declaration.file)
            problems += _late_declaration(data, year, record.declaration.date)
        problems += _printed_reports(data, year, record)
        for i, activity in enumerate(record.activities):
            for j, photo in enumerate(activity.photos):
                problems += check_file(data, project, "nogift", key, ("activities", i, "photos", j), photo)
            if activity.date is None:
                problems.append(problem_at(data, "nogift", key, ("activities", i), "activity_date",
                                           "กิจกรรมไม่มีวันที่ ให้เพิ่ม date: (ผู้ประเมินตรวจว่าจัดในปีงบประมาณนี้)",
                                           "the activity has no date; add date: (assessors check it fell in this year)",
                                           "warning"))
        problems += _check_receipts(data, year, record, data.config.gift_threshold) + _dates_in_year(data, year, record)
    return problems


def _dates_in_year(data: Data, year: int, record) -> list[Problem]:
    """Activities and gifts belong to the fiscal year of their file: a stray date is an error, not a count."""
    problems = []
    for kind, items in (("activities", record.activities), ("receipts", record.receipts)):
        for i, item in enumerate(items):
            if item.date is None or fiscal_year(item.date) == year:
                continue
            problems.append(problem_at(
                data, "nogift", str(year), (kind, i, "date"), "date_year",
                f"วันที่ {format_thai_date(item.date)} อยู่ในปีงบประมาณ {fiscal_year(item.date)} "
                f"ไม่ใช่ {year} ให้แก้วันที่ หรือย้ายไปไว้ในไฟล์ {fiscal_year(item.date)}.yml",
                f"{item.date.isoformat()} is in fiscal year {fiscal_year(item.date)}, not {year}; correct the date or "
                f"move the entry to {fiscal_year(item.date)}.yml"))
    return problems


def _check_receipts(data: Data, year: int, record, threshold) -> list[Problem]:
    problem = partial(problem_at, data, "nogift", str(year))
    problems = []
    judged = ("site", "gift_threshold") not in data.refused  # a refused threshold is not replaced by the default
    for i, receipt in enumerate(record.receipts):
        if receipt.action is None:
            problems.append(problem(("receipts", i), "gift_action",
                                    "ไม่ได้ระบุการดำเนินการ (action) เช่น returned, declined, handed_to_office",
                                    "no action recorded; write action: returned, declined, handed_to_office, ...",
                                    "warning"))
        if judged and receipt.value > threshold and not receipt.decision_ref_th:
            problems.append(problem(("receipts", i, "value"), "gift_decision",
                                    f"มูลค่าเกิน {threshold:,.0f} บาท ต้องมีเลขที่หนังสือหรือคำวินิจฉัย (decision_ref_th)",
                                    f"the value exceeds {threshold:,.0f} baht; add the decision reference (decision_ref_th)",
                                    "warning"))
    return problems


def _missing_declarations(data: Data) -> list[Problem]:
    """Every fiscal year the office is assessed in needs a No Gift declaration."""
    problems = []
    for year in data.config.frameworks:
        record = data.nogift.get(year)
        has_document = any(year == d.fiscal_year and "nogift.declaration" in d.topics for d in data.documents)
        if (record and record.declaration) or has_document or _declared_in_refused(data, year):
            continue
        file, line = (data.where("nogift", str(year)) if record
                      else data.where("site", "site", "frameworks", str(year)))
        problems.append(Problem(file, line, "declaration", "nogift_declaration",
                                f"ยังไม่มี{topic_label('nogift.declaration')} ของปีงบประมาณ {year} "  # the label ends in "Policy"
                                f"ให้เพิ่ม declaration: ใน data/nogift/{year}.yml",
                                f"no No Gift declaration for fiscal year {year}; add declaration: to "
                                f"data/nogift/{year}.yml", "warning"))
    return problems


def _declared_in_refused(data: Data, year: int) -> bool:
    """Whether the year's No Gift file or a declaration document may exist but was refused, its own problem
    reported: then a missing declaration would be a second problem for one mistake."""
    if ("nogift", str(year)) in data.refused or "documents" in data.unreadable:
        return True
    return any(kind == "documents" and refused.year in (year, None) and isinstance(refused.written, dict)
               and isinstance(topics := refused.written.get("topics"), (list, str)) and "nogift.declaration" in topics
               for (kind, _), refused in data.refused.items())


def _late_declaration(data: Data, year: int, signed: Any) -> list[Problem]:
    if signed <= fiscal_year_bounds(year)[1]:
        return []
    return [problem_at(data, "nogift", str(year), ("declaration", "date"), "nogift_late",
                       f"ประกาศลงวันที่หลังสิ้นปีงบประมาณ {year} ที่ประกาศนี้ใช้ ผู้ประเมินจะไม่นับ",
                       f"the declaration is dated after fiscal year {year} ends; assessors will not count it",
                       "warning")]


def _printed_reports(data: Data, year: int, record: Any) -> list[Problem]:
    """A printed report's count and value against the register of the same period (its rows)."""
    problems = []
    for i, printed in enumerate(record.printed):
        period = calendar_period(printed.period)
        if year not in period.fiscal_years or len(period.fiscal_years) > 1:
            problems.append(problem_at(data, "nogift", str(year), ("printed", i, "period"), "period",
                                       f"ช่วง {printed.period} ไม่อยู่ในปีงบประมาณ {year} ของไฟล์นี้ "
                                       f"ให้ใช้ {year} {year}-H1 หรือ {year}-H2",
                                       f"period {printed.period} is not inside fiscal year {year} of this file; "
                                       f"use {year}, {year}-H1 or {year}-H2"))
            continue
        computed = nogift.report_over(record, year, period)
        problems += printed_total(data, "nogift", str(year), ("printed", i, "count"), printed.count,
                                  len(computed.entries), "จำนวนครั้งที่รับ", "number of receipts")
        problems += printed_total(data, "nogift", str(year), ("printed", i, "value"), printed.value,
                                  computed.total_value, "มูลค่ารวม", "total value")
    return problems
