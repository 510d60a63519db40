"""Checks of ITA results: published figures that the official arithmetic does not reproduce are
warnings naming both values (research/domain.md §5: compute, then compare; real reports print wrong
totals). The integrity measures that answer a result are checked by their own family.
"""

from __future__ import annotations

from functools import partial

from generator.families.ita import model as ita
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.base.problems import Problem


def check_ita(data: Data, project: Project) -> list[Problem]:
    """Every ITA result against its own published figures and the OIT items of its framework."""
    problems: list[Problem] = []
    scale = data.config.scoring.scale()
    outcomes = {year: ita.outcome(year, record, scale) for year, record in data.ita.items()}
    for year, result in sorted(outcomes.items()):
        if ("site", "scoring") not in data.refused:  # the office's own scale is refused: nothing to judge by
            problems += _published(data, result) + _items(data, year, result)
    return problems


def _published(data: Data, result: ita.Outcome) -> list[Problem]:
    problems = []
    for m in result.mismatches():
        problems.append(problem_at(data, "ita", str(result.year), (m.field,), "published_differs",
                                   f"{m.label_th}ที่ประกาศ ({m.published}) ไม่ตรงกับที่คำนวณจากคะแนนตัวชี้วัด ({m.computed}) "
                                   "ตรวจคะแนนตัวชี้วัดและตัวเลขที่พิมพ์ไว้ เว็บไซต์แสดงค่าที่คำนวณ",
                                   f"the published {m.field.removesuffix('_published')} ({m.published}) differs from the "
                                   f"one computed from the indicators ({m.computed}); check both, the site shows the computed",
                                   "warning"))
    return problems


def _items(data: Data, year: int, result: ita.Outcome) -> list[Problem]:
    """The per-item OIT table against the framework of that year, and indicators 9 and 10 against it."""
    record = result.record
    problem = partial(problem_at, data, "ita", str(year))
    framework = data.frameworks.get(data.config.frameworks.get(year, ""))
    if not record.oit_items or framework is None:
        return []
    problems = []
    for number in ita.unknown_items(record, framework):
        problems.append(problem(("oit_items", number), "unknown_item",
                                f"กรอบการประเมินของปี {year} ไม่มีข้อ {number} ตรวจเลขข้อ",
                                f"the framework of {year} has no item {number}; check the number", "warning"))
    scores = ita.oit_from_items(record, framework, data.config.scoring.scale())
    if scores is None:
        return problems + [problem(("oit_items",), "incomplete_items",
                                   "ผลรายข้อ OIT ไม่ครบทุกข้อของกรอบการประเมิน "
                                   "จึงคำนวณตัวชี้วัดที่ 9 และ 10 จากรายข้อไม่ได้ ให้ใส่ให้ครบ",
                                   "the per-item OIT table does not score every item of the framework, so indicators 9 "
                                   "and 10 cannot be recomputed from it; complete it", "warning")]
    for number, computed in scores.indicators.items():
        published = record.indicators[number]
        if ita.differs(published, computed):
            problems.append(problem(("indicators", str(number)), "published_differs",
                                    f"คะแนนตัวชี้วัดที่ {number} ({ita.score_text(published)}) ไม่ตรงกับที่คำนวณจากผลรายข้อ OIT "
                                    f"({ita.score_text(computed)}) ตรวจผลรายข้อหรือคะแนนที่พิมพ์ไว้",
                                    f"indicator {number} ({ita.score_text(published)}) differs from the one computed from "
                                    f"the per-item OIT table ({ita.score_text(computed)}); check either", "warning"))
    return problems
