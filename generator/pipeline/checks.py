"""Checks that need more than one family: each family's own checks (from the registry), the framework
chosen for each year, and personal data across everything published.

Each check returns Problems located by file and line through `problem_at`; none raises.
"""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.engine.privacy import published_text
from generator.families.registry import FAMILIES


def check_references(data: Data, project: Project) -> list[Problem]:
    """Every family's cross-record checks, the framework choices and the personal-data scan."""
    problems = _check_framework_choices(data) + published_text(data, project)
    for family in FAMILIES:
        for check in family.checks:
            problems += check(data, project)
    return problems


def _check_framework_choices(data: Data) -> list[Problem]:
    """Each fiscal year in data/site.yml must name a catalogue that exists."""
    problems = []
    for year, framework_id in data.config.frameworks.items():
        if framework_id in data.frameworks or data.exists("frameworks", framework_id):
            continue
        known = ", ".join(sorted(data.frameworks))
        problems.append(problem_at(data, "site", "site", ("frameworks", str(year)), "unknown_framework",
                                   f"ไม่พบกรอบการประเมิน '{framework_id}' ใช้ชื่อใดชื่อหนึ่ง: {known}",
                                   f"no framework '{framework_id}'; use one of: {known}"))
    return problems
