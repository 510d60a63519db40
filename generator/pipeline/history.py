"""History never blocks publishing: which warnings a strict build may stop on.

An office publishes years of history, and a past year's gaps and doubts can no longer be fixed: a No
Gift declaration never made in 2565 stays missing. Such findings are readiness, reported by `check`
and on the OIT pages, not reasons to stop publishing. So, after the data checks:

- a gap in the evidence (a missing year's file, declaration or ITA result) is a note, whatever the year
  (a missing office.yml or units.yml is not a gap: every page needs them now);
- any other warning of a data file of a fiscal year before the previous one is a note;
- personal data is never demoted, nor is anything MkDocs itself refuses (checked later, not here).

What is left as a warning is what the office must fix now: the current and the previous fiscal
year, and the files that belong to no year.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from generator.base.calendar import fiscal_year
from generator.base.problems import Problem

# Missing evidence: what the OIT readiness already reports item by item.
GAPS = frozenset({"nogift_declaration", "no_ita_result"})
NEVER_DEMOTED = frozenset({"personal_data"})
_YEARLY = re.compile(r"data/[^/]+/(\d{4})(?:[./]|$)")


def settle(problems: list[Problem], today: date) -> list[Problem]:
    """The data checks' problems with gaps and past years' warnings as notes."""
    previous = fiscal_year(today) - 1
    return [_settled(problem, previous) for problem in problems]


def _settled(problem: Problem, previous: int) -> Problem:
    if problem.severity != "warning" or problem.code in NEVER_DEMOTED:
        return problem
    year = fiscal_year_of_file(problem.file)
    if problem.code in GAPS or (problem.code == "missing_file" and year is not None):
        return replace(problem, severity="note", th=f"{problem.th} (ความพร้อม OIT ไม่หยุดการเผยแพร่)",
                       en=f"{problem.en} (OIT readiness; does not stop publishing)")
    if year is not None and year < previous:
        return replace(problem, severity="note",
                       th=f"{problem.th} (ปีงบประมาณ {year} ผ่านมาแล้ว ไม่หยุดการเผยแพร่)",
                       en=f"{problem.en} (fiscal year {year} is past; does not stop publishing)")
    return problem


def fiscal_year_of_file(name: str) -> int | None:
    """The fiscal year a yearly data file is named after (`data/nogift/2567.yml`, `data/procurement/2567/10.csv`)."""
    found = _YEARLY.match(name)
    return int(found[1]) if found else None
