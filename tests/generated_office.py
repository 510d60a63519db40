"""The office the property tests change, one file per example, and how a run of `check` is judged.

tests/test_generated_input.py draws the inputs; this module holds what every test shares: a copy
of the small test office with one file of every data kind added (so that a changed file reaches
validation, the cross-file checks and the page build, not an earlier error), the rewrite-and-restore
of the changed files, the hang guard, and the assertions on the outcome of `python -m generator check`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import yaml
from hypothesis import event

import generator.cli.main
from generator.cli.main import main
from generator.pipeline.core import run
from generator.base.problems import Problem, printable
from generator.base.sources import parse_yaml

from .conftest import GOOD, ROOT
from .test_hostile import make_office

AS_OF = "2025-05-15"  # the small test office's build date
CHECK_SECONDS = 10  # a check of this office takes 0.1 to 0.5 s; ten is a hang, even on a busy CI machine
BUILD_SECONDS = 60
THAI = re.compile("[\u0e00-\u0e7f]")
# What may not appear in a rendered problem: line breaks (a message is one line), other C0 and C1
# controls (a terminal would act on them) and invisible direction overrides.
UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# One file of each kind the small test office lacks, from the example office (the repository's data/).
EXAMPLE_FILES = ("complaints.yml", "complaints/2567.yml", "complaints/2568.csv", "procurement/2568/03.csv",
                 "procurement/2568/12.xlsx", "procurement/2568/10.yml", "budget/2568.yml", "risks/2568.yml",
                 "anticorruption/2568.yml", "ita/2567.yml", "ita/2568.yml", "measures/2568.yml", "units.yml")
# Documents the example files cite, as stubs (the test office has its own, fewer documents).
CITED = {"2568": ("measures-2568", "service-manual-2568", "eservice-2568", "newsletter-3-2568", "qa-channel-2568",
                  "risk-assessment-2568"),
         "2567": ("complaint-guideline-2567",)}
PROCUREMENT_YAML = "data/procurement/2568/04.yml"
NEWS_POST = "---\ntitle: กีฬาสีประจำปี\ndate: 2025-01-10\nsummary: สรุปข่าวกีฬาสี\ntopics: [news.pr]\n---\n\nข่าวกีฬาสี\n"


def added_files() -> dict[str, bytes]:
    """The files the rich office has beyond the small test office (relative path → content)."""
    files = {f"data/{rel}": (ROOT / "example" / "data" / rel).read_bytes() for rel in EXAMPLE_FILES}
    for year, ids in CITED.items():
        text = (GOOD / "data" / "documents" / f"{year}.yml").read_text(encoding="utf-8")
        text += "".join(f"  - id: {doc}\n    title_th: เอกสาร {doc}\n    kind: announcement\n"
                        f"    date: {int(year) - 544}-11-01\n    url: https://www.example.go.th/{doc}.pdf\n" for doc in ids)
        files[f"data/documents/{year}.yml"] = text.encode("utf-8")
    files[PROCUREMENT_YAML] = _procurement_yaml().encode("utf-8")
    files["content/news/sport-day.md"] = NEWS_POST.encode("utf-8")
    return files


def _procurement_yaml() -> str:
    """A month of purchases written as YAML: the rows of the example's March CSV."""
    from generator.families.procurement.model import PURCHASE_COLUMNS
    from generator.base.tables import read_table

    table = read_table(ROOT / "example" / "data" / "procurement" / "2568" / "03.csv", "03.csv", [], "rows", PURCHASE_COLUMNS)
    assert table is not None
    return yaml.safe_dump(table.value, allow_unicode=True, sort_keys=False)


ADDED = added_files()


def make_rich_office(root: Path) -> Path:
    """The small test office (with the shipped overrides) plus a file of every data kind and a news post."""
    make_office(root, {})
    for rel, content in ADDED.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(content)
    return root


def office_text(rel: str) -> str:
    """A file of the rich office as text, without making the office."""
    return ADDED[rel].decode("utf-8-sig") if rel in ADDED else (GOOD / rel).read_text(encoding="utf-8")


def seed_value(rel: str):
    """A YAML file of the rich office as plain values (dates stay text, as the loader keeps them)."""
    source = parse_yaml(office_text(rel), rel, [])
    assert source is not None, rel
    return source.value


class Hang(Exception):
    """No result within the time limit: a loop or a blocking read that never ends."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise Hang if the block runs longer than `seconds` (SIGALRM, in-process, main thread).

    The signal raises inside the code under test, where a broad `except Exception` may swallow it and
    carry on; so a block the alarm interrupted fails on leaving, whatever happened inside."""
    fired = []

    def _hang(signum, frame):
        fired.append(True)
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, _hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:
        raise Hang(f"no result after {seconds} s (the interruption was caught inside and the run went on)")


@dataclass
class Outcome:
    """What `python -m generator check` did: its exit code, its output and the problems behind it."""

    code: int
    out: str
    err: str
    problems: list[Problem]

    @property
    def clean(self) -> bool:
        """Not a single problem, not even a warning: a strict build must succeed too."""
        return self.code == 0 and not self.problems


Maker = Callable[[Path], None]  # makes something other than a regular file at a path (FIFO, link, folder)


class Office:
    """A copy of the rich office whose files one example changes and the next finds restored."""

    def __init__(self, root: Path, secrets: list[str], capsys, monkeypatch) -> None:
        self.root, self.secrets, self._capsys = root, secrets, capsys
        self._problems: list[Problem] = []
        self._error: BaseException | None = None
        monkeypatch.setattr(generator.cli.main, "run", self._run)

    def _run(self, *args, **kwargs):
        """The pipeline as the command line calls it, keeping its problems and any exception it raised."""
        try:
            result = run(*args, **kwargs)
        except BaseException as exc:  # the CLI turns ValueError and OSError into an unlocated message
            self._error = exc
            raise
        self._problems = result.problems
        return result

    @contextmanager
    def changed(self, files: dict[str, bytes | str | Maker]) -> Iterator[Path]:
        """The office with `files` (relative path → content, or a maker) in place; restored afterwards."""
        saved: dict[Path, bytes | None] = {}
        made: list[Path] = []
        try:
            for rel, content in files.items():
                target = self.root / rel
                saved[target] = target.read_bytes() if target.is_file() and not target.is_symlink() else None
                _remove(target)
                for parent in reversed(target.relative_to(self.root).parents[:-1]):
                    if not (self.root / parent).exists():
                        (self.root / parent).mkdir()
                        made.append(self.root / parent)
                if callable(content):
                    content(target)
                else:
                    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            yield self.root
        finally:
            for target, original in saved.items():
                _remove(target)
                if original is not None:
                    target.write_bytes(original)
            for folder in reversed(made):
                shutil.rmtree(folder, ignore_errors=True)

    def check(self, *extra: str) -> Outcome | None:
        """Run `python -m generator check` in-process under the hang guard; fail on any escaped exception.

        None when the run failed in a way already reported and not yet fixed (OPEN_ISSUES)."""
        self._capsys.readouterr()
        self._problems, self._error = [], None
        try:
            with time_limit(CHECK_SECONDS):
                code = main(["check", "--root", str(self.root), "--as-of", AS_OF, *extra])
            if self._error is not None:
                raise self._error  # a traceback the CLI would have turned into "error: …" without a location
        except Exception as exc:
            if (issue := open_issue(exc)) is None:
                raise
            event(f"open issue: {issue}")
            return None
        captured = self._capsys.readouterr()
        outcome = Outcome(code, captured.out, captured.err, self._problems)
        self.assert_clean(outcome)
        return outcome

    def assert_clean(self, outcome: Outcome) -> None:
        """Located problems or a pass; no traceback, no machine path, one well-formed line per problem."""
        text = outcome.out + outcome.err
        assert "Traceback" not in text, short(text, 3000)
        assert outcome.code in (0, 1), f"check ended with code {outcome.code} (an unlocated error): {short(outcome.err)}"
        for secret in self.secrets:
            assert secret not in text, f"the machine path {secret} is in the output: {short(text, 3000)}"
        for problem in outcome.problems:
            assert_located(problem)
            assert problem.render() in outcome.err


# Failures these tests found that are reported but not fixed yet: name → (exception type, message).
# An example failing with one of them counts as an event, not a failure, so that the tests go on
# finding new classes; each has its minimal example in tests/hostile/generated.yml. Remove an entry
# once its fix is in.
OPEN_ISSUES: dict[str, tuple[type[BaseException], str]] = {
    "date-null": (TypeError, r"expected a date or a string, got NoneType"),  # generator/base/fields.py _date
    "yaml-int-digits": (ValueError, r"Exceeds the limit \(4300 digits\)"),  # generator/base/sources.py
}


def open_issue(exc: BaseException) -> str | None:
    """The name of the open issue `exc` is an instance of, if any."""
    return next((name for name, (kind, message) in OPEN_ISSUES.items()
                 if isinstance(exc, kind) and re.search(message, str(exc))), None)


def assert_located(problem: Problem) -> None:
    """`<relative file>:<line>: …`, Thai first, on one printable line."""
    rendered = problem.render()
    shown = short(rendered)
    assert problem.file and not os.path.isabs(problem.file) and ".." not in Path(problem.file).parts, shown
    assert isinstance(problem.line, int) and problem.line >= 0, shown
    where = printable(problem.file) + (f":{problem.line}:" if problem.line else ":")
    assert rendered.startswith(where), shown
    assert THAI.search(problem.th) and problem.en.strip(), shown
    assert not UNPRINTABLE.search(rendered), f"unprintable character in {shown}"


def short(text: str, limit: int = 300) -> str:
    """A report line as an assertion shows it: escaped, and cut if a generated value made it huge."""
    return repr(text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)")


def _remove(target: Path) -> None:
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)
