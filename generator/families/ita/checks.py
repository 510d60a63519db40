"""Checks of ITA results: a published figure that the official arithmetic does not reproduce is a
discrepancy, located at the figure and naming both values (research/domain.md §5: compute, then
compare; real reports print wrong totals). The published figure stays the official one; the webmaster
may acknowledge a known difference next to it (generator/engine/figures.py). The integrity measures
that answer a result are checked by their own family.
"""

from __future__ import annotations

from functools import partial

from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.engine.figures import Figure, discrepancy_at
from generator.families.ita import outcome as ita

KIND = "ita"


def check_ita(data: Data, project: Project) -> list[Problem]:
    """Every ITA result against its own published figures and the OIT items of its framework."""
    if ("site", "scoring") in data.refused:  # the office's own scale is refused: nothing to judge by
        return []
    problems: list[Problem] = []
    scale = data.config.scoring.scale()
    for year, record in sorted(data.ita.items()):
        result = ita.outcome(year, record, scale)
        problems += [_differs(data, year, path, f) for path, f in result.figures() if f.differs]
        problems += _items(data, year, result)
    return problems


def _differs(data: Data, year: int, path: tuple[str, ...], f: Figure) -> Problem:
    """A published figure that differs from its check: shown as published, with the check beside it."""
    basis_th, basis_en = (("ระดับของคะแนน", "the level of its score") if isinstance(f.official, str)
                          else ("ที่คำนวณ", "the one computed"))
    field = ".".join(path)
    return discrepancy_at(
        data, KIND, str(year), path, "published_differs",
        f"{f.label_th}ที่ประกาศ ({f.text(f.official)}) ไม่ตรงกับ{basis_th} ({f.text(f.computed)}) "
        "เว็บไซต์แสดงตัวเลขที่ประกาศเป็นตัวเลขทางการ และแสดงค่าที่คำนวณไว้ข้างกันเพื่อตรวจสอบ "
        f"ตรวจตัวเลขที่พิมพ์ไว้ ถ้าตรงกับรายงานแล้ว ให้เพิ่ม acknowledged: {field}: พร้อมเหตุผล",
        f"the published {field} ({f.text(f.official)}) differs from {basis_en} ({f.text(f.computed)}); the site "
        f"shows the published figure, with the computed one beside it; if it is as printed, acknowledge {field}")


def _items(data: Data, year: int, result: ita.Outcome) -> list[Problem]:
    """The per-item OIT table against the framework of that year, and the OIT scores against it."""
    record = result.record
    problem = partial(problem_at, data, KIND, str(year))
    framework = data.frameworks.get(data.config.frameworks.get(year, ""))
    if framework is None or not (record.oit_items or record.oit_sub_indicators):
        return []
    problems = []
    for number in ita.unknown_items(record, framework):
        problems.append(problem(("oit_items", number), "unknown_item",
                                f"กรอบการประเมินของปี {year} ไม่มีข้อ {number} ตรวจเลขข้อ",
                                f"the framework of {year} has no item {number}; check the number", "warning"))
    known = {sub.id for indicator in framework.indicators for sub in indicator.sub_indicators}
    for sub_id in record.oit_sub_indicators:
        if sub_id not in known:
            problems.append(problem(("oit_sub_indicators", sub_id), "unknown_item",
                                    f"กรอบการประเมินของปี {year} ไม่มีตัวชี้วัดย่อย {sub_id} ตรวจเลขตัวชี้วัดย่อย "
                                    f"(มี {', '.join(sorted(known))})",
                                    f"the framework of {year} has no sub-indicator {sub_id}; check the number",
                                    "warning"))
    scale = data.config.scoring.scale()
    if record.oit_items and ita.oit_from_items(record, framework, scale) is None:
        problems.append(problem(("oit_items",), "incomplete_items",
                                "ผลรายข้อ OIT ไม่ครบทุกข้อของกรอบการประเมิน "
                                "จึงคำนวณตัวชี้วัดที่ 9 และ 10 จากรายข้อไม่ได้ ให้ใส่ให้ครบ",
                                "the per-item OIT table does not score every item of the framework, so indicators 9 "
                                "and 10 cannot be recomputed from it; complete it", "warning"))
    return problems + [_differs(data, year, path, f)
                       for path, f in ita.oit_figures(record, framework, scale) if f.differs]
