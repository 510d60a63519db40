"""Checks of the office profile that need more than one record: units that exist, originals on disk."""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import check_file, unknown_unit, units_known
from generator.engine.data import Data, Project


def check_office(data: Data, project: Project) -> list[Problem]:
    """Executives supervise known units; photos and law files are on disk."""
    problems: list[Problem] = []
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
