"""What every family's checks share: a located problem, a unit that must exist, an original on disk,
and a withdrawal that must make sense. Family checks import these; none of them names a family.
"""

from __future__ import annotations

from typing import Any

from generator.base.messages import allowed_hint
from generator.base.problems import Problem, Severity
from generator.base.sources import dotted
from generator.engine.data import Data, Project
from generator.engine.owners import ALL_UNITS


def problem_at(data: Data, kind: str, record_id: str, path: tuple[Any, ...], code: str, th: str, en: str,
               severity: Severity = "error", *, line_at: tuple[Any, ...] | None = None) -> Problem:
    """The one problem factory of the checks: a problem at a record's field, located as the loader locates it.

    Args:
        path: the field, from the record (`("lines", 0, "spent")`); the message names it by its full path
            in the file (`lines[0].spent`, `documents[3].file`), or in a spreadsheet by its column header.
        line_at: the path, from the record, whose line to give instead of the field's own (a register row
            is reported at the row's line, whichever cell is wrong).
    """
    source, record_path = data.origins[(kind, record_id)]
    file, line = data.where(kind, record_id, *(path if line_at is None else line_at))
    return Problem(file, line, source.field_name(record_path + path), code, th, en, severity)


def discrepancy_at(data: Data, kind: str, record_id: str, path: tuple[Any, ...], code: str, th: str, en: str,
                   severity: Severity = "warning") -> Problem:
    """A printed figure that differs from the computed one: a warning the webmaster may acknowledge.

    Same arguments as `problem_at`; the problem also names where an acknowledgement would be written
    (generator/engine/figures.py, generator/pipeline/acknowledge.py).
    """
    found = problem_at(data, kind, record_id, path, code, th, en, severity)
    source, record_path = data.origins[(kind, record_id)]
    return Problem(found.file, found.line, found.field, code, th, en, severity,
                   subject=(source.name, record_path, dotted(path)))


def units_known(data: Data, project: Project) -> bool:
    """True when unit ids can be checked: units.yml loaded, or absent (then no unit id can be wrong yet)."""
    return bool(data.units) or not (project.data_dir / "units.yml").exists()


def unknown_unit(data: Data, kind: str, record_id: str, path: tuple[Any, ...], unit: str) -> Problem:
    """A unit id that data/units.yml does not list, with the ids it does."""
    hint_th, hint_en = allowed_hint(unit, sorted(u.id for u in data.units), "data/units.yml")
    return problem_at(data, kind, record_id, path, "unknown_unit",
                      f"ไม่พบกลุ่ม '{unit}' ใน data/units.yml {hint_th}",
                      f"unit '{unit}' is not in data/units.yml; {hint_en}")


def check_owners(data: Data, kind: str, record_id: str, path: tuple[Any, ...], owners: list[str]) -> list[Problem]:
    """An unknown unit id among `owners` (at `path`, a list field), unless it stands for all units."""
    if not data.units:
        return []
    return [unknown_unit(data, kind, record_id, path + (i,), owner)
            for i, owner in enumerate(owners) if owner != ALL_UNITS and not data.exists("units", owner)]


def check_file(data: Data, project: Project, kind: str, record_id: str, field: str | tuple[Any, ...],
                rel: str) -> list[Problem]:
    """An original must exist inside content/ (a symlink may not lead out of it)."""
    target = (project.content_dir / rel)
    inside = target.resolve().is_relative_to(project.content_dir.resolve())
    if inside and target.is_file():
        return []
    path = field if isinstance(field, tuple) else (field,)
    if not inside:
        return [problem_at(data, kind, record_id, path, "path",
                           f"ไฟล์ '{rel}' ชี้ออกนอกโฟลเดอร์ content/ ให้คัดลอกไฟล์มาไว้ใน content/files/",
                           f"'{rel}' leads outside content/; copy the file into content/files/")]
    return [problem_at(data, kind, record_id, path, "missing_original",
                       f"ไม่พบไฟล์ content/{rel} ให้วางไฟล์ไว้ที่นั่น หรือแก้ชื่อให้ตรง",
                       f"content/{rel} does not exist; put the file there or correct the name")]


def check_withdrawals(data: Data, kind: str, items: list[Any]) -> list[Problem]:
    """A withdrawal comes after the item's own date, and names a replacement that exists."""
    problems = []
    folder = "content/news" if kind == "news" else f"data/{kind}"
    for item in items:
        withdrawal = item.withdrawn
        if withdrawal is None:
            continue
        if item.date is not None and withdrawal.date < item.date:  # an undated item has no day to precede
            problems.append(problem_at(data, kind, item.id, ("withdrawn", "date"), "withdrawn",
                                       "วันที่ถอนการเผยแพร่ต้องไม่ก่อนวันที่ของรายการ (date) ให้แก้วันใดวันหนึ่ง",
                                       "the withdrawal date must not be earlier than the item's date; correct one"))
        if withdrawal.replaced_by and (withdrawal.replaced_by == item.id
                                       or not data.exists(kind, withdrawal.replaced_by)):
            problems.append(problem_at(data, kind, item.id, ("withdrawn", "replaced_by"), "unknown_id",
                                       f"ไม่พบรายการรหัส '{withdrawal.replaced_by}' ใน {folder}/ ให้ใช้รหัสที่มีอยู่",
                                       f"no entry '{withdrawal.replaced_by}' in {folder}/; use an existing id"))
    return problems
