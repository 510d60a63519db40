"""Acknowledged differences become notes; an acknowledgement that matches no difference is a warning.

A check reports a printed figure that differs from its rows with `discrepancy_at`, which names where
an acknowledgement would be written (generator/engine/figures.py). This step reads every record's
`acknowledged:` mapping as written and pairs the two: the webmaster's reason turns the warning into a
note (listed by `check`, never stopping a build); a reason left behind after the figures were
corrected, or written for a field that has no difference, is itself a warning, so that nothing is
silenced by an acknowledgement except the one difference it names; it is not looked for in a file
whose checks could not all run because of an error.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.base.problems import Problem
from generator.engine.data import Data

Subject = tuple[str, tuple[Any, ...], str]


def acknowledge(problems: list[Problem], data: Data) -> list[Problem]:
    """`problems` with each acknowledged discrepancy as a note, plus a warning per unused acknowledgement."""
    written = _acknowledgements(data)
    used: set[Subject] = set()
    out = []
    for problem in problems:
        entry = written.get(problem.subject) if problem.subject and problem.severity == "warning" else None
        if entry is None:
            out.append(problem)
            continue
        used.add(problem.subject)  # type: ignore[arg-type]
        reason, when = str(entry.get("reason_th", "")), str(entry.get("date", ""))
        out.append(replace(problem, severity="note",
                           th=f"{problem.th} · รับทราบแล้วเมื่อ {when}: {reason}",
                           en=f"{problem.en}; acknowledged on {when}"))
    return out + [_unused(data, subject) for subject in written if subject not in used
                  and not _unchecked(subject[0], problems, data)]


def _unchecked(file: str, problems: list[Problem], data: Data) -> bool:
    """Whether the differences of `file` may not all have been looked for: the file has an error (a table of
    the wrong width is not summed), or a setting of data/site.yml is refused (the ITA checks wait for the
    scale). An acknowledgement there is not called stale: one mistake, one problem; the next run tells."""
    return any(p.file == file and p.severity == "error" for p in problems) or any(
        kind == "site" for kind, _ in data.refused)


def _acknowledgements(data: Data) -> dict[Subject, dict[str, Any]]:
    """Every `acknowledged:` entry as written, by (file, record path, field)."""
    found: dict[Subject, dict[str, Any]] = {}
    for source, record_path in data.origins.values():
        record = _at(source.value, record_path)
        entries = record.get("acknowledged") if isinstance(record, dict) else None
        if not isinstance(entries, dict):
            continue
        for field_name, entry in entries.items():
            if isinstance(entry, dict):
                found[(source.name, record_path, str(field_name))] = entry
    return found


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    """The value at `path` inside a parsed file, or None."""
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _unused(data: Data, subject: Subject) -> Problem:
    """An acknowledgement that no difference matches: the figures now agree, or the field name is wrong."""
    file, record_path, field_name = subject
    source = next(s for s, p in data.origins.values() if s.name == file and p == record_path)
    where = record_path + ("acknowledged", field_name)
    return Problem(file, source.key_line(where), source.field_name(where), "stale_acknowledgement",
                   f"ไม่มีความต่างของ '{field_name}' ให้รับทราบ (ตัวเลขตรงกันแล้ว หรือชื่อช่องไม่ตรงกับคำเตือน) "
                   "ให้ลบรายการนี้ออก หรือแก้ชื่อช่องให้ตรงกับชื่อในคำเตือน",
                   f"'{field_name}' has no difference to acknowledge (the figures now agree, or the name does not "
                   "match a warning's field); remove this entry or correct the name", "warning")
