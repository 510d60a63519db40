"""Checks of policies that need more than one record: originals, superseded policies, withdrawals."""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import check_file, check_withdrawals, problem_at
from generator.engine.data import Data, Project


def check_policies(data: Data, project: Project) -> list[Problem]:
    """A policy's original must exist, and the policy it supersedes must be known."""
    problems = []
    for policy in data.policies:
        if policy.file:
            problems += check_file(data, project, "policies", policy.id, "file", policy.file)
        if policy.supersedes and not data.exists("policies", policy.supersedes):
            problems.append(problem_at(data, "policies", policy.id, ("supersedes",), "unknown_policy",
                                       f"ไม่พบนโยบายรหัส '{policy.supersedes}' ใน data/policies/ ให้ใช้รหัสที่มีอยู่",
                                       f"no policy '{policy.supersedes}' in data/policies/; use an existing id"))
    return problems + check_withdrawals(data, "policies", data.policies)
