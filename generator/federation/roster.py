"""Read `federation.yml` as the loader reads a data file: every problem located, Thai first."""

from __future__ import annotations

from pathlib import Path

from generator.base.problems import Problem, errors
from generator.base.sources import read_yaml
from generator.federation.model import Federation
from generator.pipeline.conform import conform


def read_federation(path: Path) -> tuple[Federation | None, list[Problem]]:
    """The federation file at `path`, or None with the problems that stop it (file:line: field: message)."""
    problems: list[Problem] = []
    source = read_yaml(path, path.name, problems)
    loaded = conform(source, Federation, problems) if source is not None else None
    if loaded is None or errors(problems):
        return None, problems
    return loaded.record, problems  # type: ignore[return-value]


def repository_of(path: Path, federation_file: Path) -> Path:
    """A member's repository folder, relative to the federation file."""
    folder = Path(path)
    return folder if folder.is_absolute() else (federation_file.parent / folder)
