"""Checks that need more than one family: each family's own checks (from the registry), the framework
chosen for each year, and personal data across everything published.

Each check returns Problems located by file and line through `problem_at`; none raises.
"""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.data import Data, Project
from generator.engine.privacy import published_text
from generator.families.registry import FAMILIES
from generator.oit.choice import check_choices


def check_references(data: Data, project: Project) -> list[Problem]:
    """Every family's cross-record checks, the framework choices and the personal-data scan."""
    problems = check_choices(data) + published_text(data, project)
    for family in FAMILIES:
        for check in family.checks:
            problems += check(data, project)
    return problems
