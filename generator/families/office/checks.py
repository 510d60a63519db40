"""Checks of the office profile that need more than one record: units that exist, originals on disk;
and what the OIT contact item lacks, as a note (readiness: a real office's reports may state no address)."""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import check_file, problem_at, unknown_unit, units_known
from generator.engine.data import Data, Project


def check_office(data: Data, project: Project) -> list[Problem]:
    """Executives supervise known units; photos, law files and the emblem are on disk; the contact item's gaps."""
    problems: list[Problem] = _contact_gaps(data)
    if data.office and data.office.emblem:
        problems += check_file(data, project, "office", data.office.id, "emblem", data.office.emblem)
    units_loaded = units_known(data, project)
    for exe in data.executives:
        for j, unit in enumerate(exe.supervises):
            if units_loaded and not data.exists("units", unit):
                problems.append(unknown_unit(data, "executives", exe.id, ("supervises", j), unit))
        if exe.photo:
            problems += check_file(data, project, "executives", exe.id, "photo", exe.photo)
    for law in data.laws:
        if law.file:
            problems += check_file(data, project, "laws", law.id, "file", law.file)
    return problems


def _contact_gaps(data: Data) -> list[Problem]:
    """A profile without an address, a phone or an e-mail builds, and says so as a note: the contact page
    shows what is given, and the OIT contact item stays missing until the profile has all three."""
    gaps = data.office.contact_gaps if data.office else []
    if not gaps:
        return []
    return [problem_at(data, "office", data.office.id, (), "contact_incomplete",  # type: ignore[union-attr]
                       f"ข้อมูลการติดต่อยังไม่ครบ: ไม่มี{' '.join(th for th, _ in gaps)} หน้าข้อมูลการติดต่อแสดงเท่าที่มี "
                       "และข้อ OIT ข้อมูลการติดต่อยังนับว่าไม่มีข้อมูล ให้เพิ่ม address_th, phones และ emails เมื่อมีแหล่งที่ระบุ",
                       f"the contact details lack: {', '.join(en for _, en in gaps)}; the contact page shows what is "
                       "given, and the OIT contact item counts as missing until address_th, phones and emails are given",
                       "note")]
