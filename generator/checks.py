"""Checks that need more than one record: ids that must exist elsewhere, originals on disk, dates.

Each check returns Problems located by file and line through `Data.where`; none raises.
"""

from __future__ import annotations

from typing import Any

from .load import Data, Project
from .model import Document
from .problems import Problem

def check_references(data: Data, project: Project) -> list[Problem]:
    """Problems that need more than one record: duplicate ids, unknown units, missing originals."""
    problems = _check_framework_choices(data)
    unit_ids = {u.id for u in data.units}
    units_loaded = bool(data.units) or not (project.data_dir / "units.yml").exists()
    for exe in data.executives:
        for j, unit in enumerate(exe.supervises):
            if units_loaded and unit not in unit_ids:
                problems.append(_unknown_unit(data, "executives", exe.id, ("supervises", j), unit))
        if exe.photo:
            problems += _check_file(data, project, "executives", exe.id, "photo", exe.photo)
    for law in data.laws:
        if law.file:
            problems += _check_file(data, project, "laws", law.id, "file", law.file)
    for doc in data.documents:
        if units_loaded and doc.owner and doc.owner not in unit_ids:
            problems.append(_unknown_unit(data, "documents", doc.id, ("owner",), doc.owner))
        if doc.file:
            problems += _check_file(data, project, "documents", doc.id, "file", doc.file)
        problems += _check_period(data, doc) + _check_published(data, doc)
    return problems


def _check_framework_choices(data: Data) -> list[Problem]:
    """Each fiscal year in data/site.yml must name a catalogue that exists."""
    problems = []
    for year, framework_id in data.config.frameworks.items():
        if framework_id in data.frameworks:
            continue
        file, line = data.where("site", "site", "frameworks", str(year))
        known = ", ".join(sorted(data.frameworks))
        problems.append(Problem(file, line, f"frameworks.{year}", "unknown_framework",
                                f"ไม่พบกรอบการประเมิน '{framework_id}' ใช้ชื่อใดชื่อหนึ่ง: {known}",
                                f"no framework '{framework_id}'; use one of: {known}"))
    return problems


def _unknown_unit(data: Data, kind: str, record_id: str, path: tuple[Any, ...], unit: str) -> Problem:
    file, line = data.where(kind, record_id, *path)
    known = ", ".join(sorted(u.id for u in data.units)) or "-"
    return Problem(file, line, ".".join(map(str, path)), "unknown_unit",
                   f"ไม่พบกลุ่ม '{unit}' ใน data/units.yml ใช้รหัสที่มีอยู่: {known}",
                   f"unit '{unit}' is not in data/units.yml; use one of: {known}")


def _check_file(data: Data, project: Project, kind: str, record_id: str, field_name: str,
                rel: str) -> list[Problem]:
    """An original must exist inside content/ (a symlink may not lead out of it)."""
    target = (project.content_dir / rel)
    inside = target.resolve().is_relative_to(project.content_dir.resolve())
    if inside and target.is_file():
        return []
    file, line = data.where(kind, record_id, field_name)
    if not inside:
        return [Problem(file, line, field_name, "path",
                        f"ไฟล์ '{rel}' ชี้ออกนอกโฟลเดอร์ content/ ให้คัดลอกไฟล์มาไว้ใน content/files/",
                        f"'{rel}' leads outside content/; copy the file into content/files/")]
    return [Problem(file, line, field_name, "missing_original",
                    f"ไม่พบไฟล์ content/{rel} ให้วางไฟล์ไว้ที่นั่น หรือแก้ชื่อให้ตรง",
                    f"content/{rel} does not exist; put the file there or correct the name")]


def _check_published(data: Data, doc: Document) -> list[Problem]:
    if not doc.published or doc.published >= doc.date:
        return []
    file, line = data.where("documents", doc.id, "published")
    return [Problem(file, line, "published", "published",
                    "วันที่เผยแพร่ (published) ต้องไม่ก่อนวันที่ของเอกสาร (date) ให้แก้วันใดวันหนึ่ง",
                    "published must not be earlier than date; correct one of them")]


def _check_period(data: Data, doc: Document) -> list[Problem]:
    """A document's period must touch the fiscal year it is filed under."""
    if not doc.period or doc.fiscal_year is None:
        return []
    period = doc.period_obj
    if doc.fiscal_year in period.fiscal_years:
        return []
    file, line = data.where("documents", doc.id, "period")
    return [Problem(file, line, "period", "period_year",
                    f"ช่วงเวลา {doc.period} ไม่อยู่ในปีงบประมาณ {doc.fiscal_year} ให้แก้ช่วงเวลา หรือย้ายไปไฟล์ของปีที่ถูกต้อง",
                    f"period {doc.period} is outside fiscal year {doc.fiscal_year}; fix it or move the entry")]
