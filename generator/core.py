"""The whole pipeline without MkDocs: files → records → Site → pages, plus the check report.

Both the MkDocs plugin and the command line call `run`, so what `python -m generator check` says is
exactly what a build would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .load import Project, load
from .pages import Asset, Page, build_all
from .problems import Problem, errors
from .site import Site


@dataclass(frozen=True)
class Result:
    """What one run produced: the problems, and the site and pages when there was no error."""

    problems: list[Problem]
    site: Site | None
    pages: list[Page | Asset]

    @property
    def ok(self) -> bool:
        """True when no problem is an error (warnings alone do not stop a build)."""
        return not errors(self.problems)


def run(project: Project, today: date | None = None, base_url: str | None = None) -> Result:
    """Load and check the data; build the pages only if nothing is wrong."""
    data, problems = load(project)
    if errors(problems):
        return Result(problems, None, [])
    site = Site.build(data, today or date.today(), project.content_dir, base_url)
    return Result(problems, site, build_all(site))
