"""What a `serve` rebuild takes from the one before: each data file's records, by a digest of its bytes.

An edit changes one file; a rebuild would read, parse and validate every file of `data/` again
(4.4 s of a 1× benchmark office's rebuild, most of it YAML and pydantic). Records are frozen
(generator/engine/records.py), so a file whose bytes did not change gives the records and the
problems of the rebuild before. Only `serve` holds one (generator/mkdocs/plugin.py): a one-off
build reads each file once.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Hashable, TypeVar

from generator.base.problems import Problem

T = TypeVar("T")


class Reuse:
    """Results of reading one file, by its path, what it was read as and a digest of its bytes."""

    def __init__(self) -> None:
        self._kept: dict[tuple, tuple[object, tuple[Problem, ...]]] = {}
        self._read: dict[tuple, tuple[object, tuple[Problem, ...]]] = {}  # this run's, kept at `settle`

    def file(self, path: Path, kind: Hashable, work: Callable[[list[Problem]], T], problems: list[Problem]) -> T:
        """`work(problems)` reading `path` as `kind`, or its result and problems of the run before."""
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        except OSError:
            return work(problems)  # which says why it cannot be read
        key = (str(path), kind, digest)
        if (kept := self._kept.get(key)) is None:
            said: list[Problem] = []
            kept = (work(said), tuple(said))
        self._read[key] = kept
        problems.extend(kept[1])
        return kept[0]  # type: ignore[return-value]

    def settle(self) -> None:
        """The run is over: keep what it read, forget the files it no longer has."""
        self._kept, self._read = self._read, {}
