"""Checks of the risk assessments: units and documents that must exist, printed figures, the follow-up.

An unknown unit or document, a repeated risk id and a status without a follow-up date are errors
(the page would name nobody, link nowhere or speak for no date). A printed score, level or count of
risks that differs from the computed one is a discrepancy (a warning the webmaster may acknowledge,
generator/engine/figures.py); a residual rating above the initial one, a risk listed twice, a control
left without a status in a follow-up and a follow-up dated before the assessment are warnings
(domain.md §5).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from generator.base import calendar
from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.engine.checking import discrepancy_at
from generator.engine.checking import check_owners
from generator.engine.printed import repeats, same_words, stated_count
from generator.families.risks.model import LEVELS, Risk, RiskYear, level_of

KIND = "risks"  # the Data.origins kind of data/risks/<year>.yml


def check_risks(data: Data, project: Project) -> list[Problem]:
    """Every risk and control of every year."""
    problems = []
    for year, record in sorted(data.risks.items()):
        key = str(year)
        problem = partial(problem_at, data, KIND, key)
        for path, doc in ((("document",), record.document),
                          (("follow_up", "document"), record.follow_up and record.follow_up.document)):
            if doc and not data.exists("documents", doc):
                problems.append(problem(
                    path, "unknown_document",
                    f"ไม่พบเอกสารรหัส '{doc}' ใน data/documents/ ให้ใช้รหัสที่มีอยู่ หรือลบบรรทัดนี้",
                    f"no document '{doc}' in data/documents/; use an existing id or remove the line"))
        problems += _check_follow_up(data, year, record)
        problems += _check_count(data, key, record)
        problems += _check_repeats(data, key, record)
        for i, risk in enumerate(record.risks):
            problems += _check_figures(data, key, i, risk)
            for j, control in enumerate(risk.controls):
                at = ("risks", i, "controls", j)
                problems += check_owners(data, KIND, key, (*at, "owner"), control.owner)
                problems += _check_status(data, key, record, at, control.status)
    return problems


def _check_count(data: Data, key: str, record: RiskYear) -> list[Problem]:
    """A stated number of risks that differs from the register's."""
    return stated_count(data, KIND, key, ("stated_count",), record.stated_count, len(record.risks), "ความเสี่ยง",
                        "risks")


def _check_repeats(data: Data, key: str, record: RiskYear) -> list[Problem]:
    """A repeated risk id is an error; the same risk (process and text) twice in one register is a warning."""
    problems = [problem_at(data, KIND, key, ("risks", i, "id"), "duplicate_id",
                           f"รหัสความเสี่ยง '{record.risks[i].id}' ซ้ำกับรายการที่ {j + 1} ให้เปลี่ยนรหัสใดรหัสหนึ่ง",
                           f"risk id '{record.risks[i].id}' repeats entry {j + 1}; rename one")
                for i, j in repeats(r.id for r in record.risks)]
    texts = ((same_words(r.process_th), same_words(r.risk_th)) for r in record.risks)
    return problems + [problem_at(data, KIND, key, ("risks", i, "risk_th"), "duplicate_name",
                                  f"ความเสี่ยงนี้ซ้ำกับรายการที่ {j + 1} (กระบวนงานและข้อความเดียวกัน) ให้ลบรายการที่ซ้ำ "
                                  "หรือแก้ข้อความให้ตรงกับรายงาน",
                                  f"this risk repeats entry {j + 1} (same process and text); remove the repeat or "
                                  "correct the text as printed", "warning")
                       for i, j in repeats(texts)]


def _check_figures(data: Data, key: str, i: int, risk: Risk) -> list[Problem]:
    """Printed score and level against the computed ones; a residual rating above the initial one."""
    if risk.score is None or risk.level is None:
        return []  # nothing computed to compare: the printed figures stand alone
    problem, differs = partial(problem_at, data, KIND, key), partial(discrepancy_at, data, KIND, key)
    out = []
    if risk.score_published is not None and risk.score_published != risk.score:
        out.append(differs(("risks", i, "score_published"), "risk_score",
                           f"คะแนนที่พิมพ์ไว้ ({risk.score_published}) ไม่ตรงกับโอกาส × ผลกระทบ "
                           f"({risk.likelihood} × {risk.impact} = {risk.score}) เว็บไซต์แสดงคะแนนที่พิมพ์ไว้ "
                           f"คู่กับคะแนนที่คำนวณได้ ให้ตรวจต้นฉบับ หรือรับทราบความต่างใน acknowledged: "
                           f"risks[{i}].score_published",
                           f"the printed score ({risk.score_published}) differs from likelihood × impact "
                           f"({risk.likelihood} × {risk.impact} = {risk.score}); the site shows the printed score "
                           f"beside the computed one. Check the source, or acknowledge under acknowledged: "
                           f"risks[{i}].score_published"))
    if risk.level_published is not None and risk.level_published != risk.level.key:
        printed = LEVELS[risk.level_published][0]
        out.append(differs(("risks", i, "level_published"), "risk_level",
                           f"ระดับที่พิมพ์ไว้ ({printed}) ไม่ตรงกับระดับของคะแนน {risk.score} ({risk.level.th}) "
                           f"เว็บไซต์แสดงระดับที่พิมพ์ไว้คู่กับระดับที่คำนวณได้ ให้ตรวจต้นฉบับ หรือรับทราบความต่างใน "
                           f"acknowledged: risks[{i}].level_published",
                           f"the printed level ({LEVELS[risk.level_published][1]}) differs from the level of score "
                           f"{risk.score} ({risk.level.en}); the site shows the printed level beside the computed one. "
                           f"Check the source, or acknowledge under acknowledged: risks[{i}].level_published"))
    if risk.residual_score is not None and risk.residual_score > risk.score:
        residual = level_of(risk.residual_score)
        out.append(problem(("risks", i, "residual_likelihood"), "residual_above",
                           f"คะแนนหลังดำเนินการ ({risk.residual_score} {residual.th}) สูงกว่าก่อนดำเนินการ "
                           f"({risk.score} {risk.level.th}) ให้ตรวจตัวเลขอีกครั้ง",
                           f"the residual score ({risk.residual_score}) is above the initial one ({risk.score}); "
                           "check the figures", "warning"))
    return out


def _check_status(data: Data, key: str, record: RiskYear, path: tuple[Any, ...], status: str | None) -> list[Problem]:
    if status and record.follow_up is None:
        return [problem_at(data, KIND, key, (*path, "status"), "follow_up_date",
                           "มีสถานะของมาตรการแต่ไม่มีวันที่รายงาน ให้เพิ่ม follow_up: แล้วเขียน as_of: วันที่ข้อมูล "
                           "เช่น 2025-03-31",
                           "a control has a status but the file has no report date; add follow_up: with as_of: "
                           "the day it speaks for, e.g. 2025-03-31")]
    if not status and record.follow_up is not None:
        return [problem_at(data, KIND, key, path, "control_status",
                           "มาตรการนี้ไม่มีสถานะในรายงานติดตามผล เว็บไซต์แสดงว่า ไม่ได้รายงาน ให้เพิ่ม status: "
                           "ตามรายงาน (ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ, ยังไม่ดำเนินการ, อยู่ในกำหนดการช่วงถัดไป, "
                           "ยกเลิก) หรือ status: ไม่ได้รายงาน เมื่อรายงานไม่ได้กล่าวถึง",
                           "this control has no status in the follow-up and shows as not reported; add status: as "
                           "the report says (done, in_progress, not_started, scheduled, cancelled), or status: "
                           "not_reported when the report says nothing of it", "warning")]
    return []


def _check_follow_up(data: Data, year: int, record: RiskYear) -> list[Problem]:
    """A follow-up speaks for a day in (or after) its fiscal year, and not before the assessment."""
    if record.follow_up is None:
        return []
    as_of = record.follow_up.as_of
    start = calendar.fiscal_year_bounds(year)[0]
    if as_of < start or (record.date and as_of < record.date):
        return [problem_at(data, KIND, str(year), ("follow_up", "as_of"), "follow_up_early",
                           f"วันที่รายงานติดตามผล ({calendar.format_thai_date(as_of)}) อยู่ก่อนการประเมินหรือก่อนเริ่ม"
                           f"ปีงบประมาณ {year} ให้ตรวจวันที่",
                           f"the follow-up date ({as_of.isoformat()}) is before the assessment or before fiscal year "
                           f"{year} begins; check the date", "warning")]
    return []
