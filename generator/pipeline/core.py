"""The whole pipeline without MkDocs: files → records → Site → pages, plus the check report.

Both the MkDocs plugin and the command line call `run`, so what `python -m generator check` says is
exactly what a build would refuse: the data, and then what MkDocs itself would refuse in the pages
(links, anchors, the nav; generator/pipeline/build_checks.py), read from the same mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.pipeline.acknowledge import acknowledge
from generator.pipeline.build_checks import check_build
from generator.pipeline.history import settle
from generator.pipeline.build_config import read_build_config
from generator.pipeline.load import Project, load
from generator.pipeline.overrides import check_overrides, folder, render_problem
from generator.pipeline.upgrade import check_theme_copies
from generator.engine.pages import Asset, Page
from generator.pipeline.index import index
from generator.pipeline.pages import build_all
from generator.base.problems import Problem, errors
from generator.engine.render import templates
from generator.engine.site import Site


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


def run(project: Project, today: date | None = None, base_url: str | None = None,
        config_file: Path | None = None) -> Result:
    """Load and check the data, build the pages, and check them as a strict MkDocs build would.

    `config_file` is the build's mkdocs.yml (default: the project's own).
    """
    today = today or date.today()
    data, problems = load(project)
    problems = settle(acknowledge(problems, data), today) + check_overrides(project) + check_theme_copies(project)
    if errors(problems):
        return Result(problems, None, [])
    site = index(data, today, project.content_dir, base_url)
    try:
        with templates(folder(project.root)):
            pages = build_all(site)
    except Exception as error:  # only an office's own template may fail here; a shipped one is a bug
        if (problem := render_problem(project, error)) is None:
            raise
        return Result(sorted(problems + [problem]), None, [])
    config_file = config_file or project.root / "mkdocs.yml"
    problems = sorted(set(problems + check_build(project, data, site, pages,
                                                 read_build_config(config_file, project.display(config_file)))))
    if errors(problems):
        return Result(problems, None, [])
    return Result(problems, site, pages)
