"""The examples of README.md and docs/guide-th.md, run against the example office: they cannot drift.

A fenced block right after an HTML comment `<!-- example: ... -->` is run; the comment says how:

- `<!-- example: append data/documents/2570.yml -->` before a YAML block: the block is added at the end
  of that file (after a blank line), every `file:` it names is put under content/ (as the text asks the
  reader to do first), and `check` must then find no error;
- `<!-- example: typo data/documents/2570.yml "kind: work_manual" -> "kind: work_manul" -->`: the last
  `kind: work_manual` of that file (the entry just appended, if any) is mistyped, and the block is what
  `check` prints;
- `<!-- example: console -->` before a block of `$ python -m generator ...` lines, each followed by what it
  prints: run in a fresh copy of the example office, one command after the other (the original a
  `--file` names is put under content/ first, as the text says).

Output is compared line by line; a line `...` stands for any number of lines and a line ending in ` ...`
for any line that starts with the text before it. Appends and typos of one document build on each other
(in its order); a console block always starts from the example office as it is. Dates come from the
example's pinned build date, which the commands name (`--as-of 2026-12-07`).
"""

from __future__ import annotations

import io
import os
import re
import shlex
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main

from .conftest import EXAMPLE_TODAY, ROOT, copy_example

DOCUMENTS = ("README.md", "docs/guide-th.md")
_EXAMPLE = re.compile(r"<!-- example: (.+?) -->\n```[\w-]*\n(.*?)^```", re.DOTALL | re.MULTILINE)
_TYPO = re.compile(r'typo (\S+) "(.+)" -> "(.+)"')
_ERRORS = re.compile(r"\b[1-9]\d* error\(s\)")


def examples(document: str) -> list[tuple[str, str, int]]:
    """(directive, block, line) of every marked example of `document`, in order."""
    text = (ROOT / document).read_text(encoding="utf-8")
    return [(m[1], m[2], text.count("\n", 0, m.start()) + 1) for m in _EXAMPLE.finditer(text)]


def run_generator(root: Path, command: str) -> list[str]:
    """The lines a `python -m generator ...` command prints in `root`, errors and output in the order a
    terminal shows them. Run in this process (the same `main` as `python -m generator`): no interpreter
    start per example."""
    words = shlex.split(re.sub(r"\s+#.*$", "", command))
    assert words[0].endswith("python") and words[1:3] == ["-m", "generator"], f"not a generator command: {command}"
    printed, here = io.StringIO(), os.getcwd()
    os.chdir(root)
    try:
        with redirect_stdout(printed), redirect_stderr(printed):
            main(words[3:])
    except SystemExit:  # argparse refusing an argument
        pass
    finally:
        os.chdir(here)
    return printed.getvalue().splitlines()


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` reads as `expected`, with `...` for any lines and `text ...` for a line's start."""
    if not expected:
        return not actual
    first, rest = expected[0], expected[1:]
    if first == "...":
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    same = actual[0].startswith(first[:-4]) if first.endswith(" ...") else actual[0] == first
    return same and matches(rest, actual[1:])


def sessions(block: str) -> list[tuple[str, list[str]]]:
    """(command, expected lines) of each `$ ` line of a console block."""
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"output before any command: {line}"
            steps[-1][1].append(line)
    return steps


def _append(root: Path, rel: str, block: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + block, encoding="utf-8")
    for entry in yaml.safe_load("items:\n" + block)["items"]:
        if entry.get("file"):
            original = root / "content" / entry["file"]
            original.parent.mkdir(parents=True, exist_ok=True)
            original.write_bytes(b"%PDF-1.4 example\n")


def _originals(root: Path, command: str) -> None:
    """The original a `new documents --file` command names, put in content/ as the text says to first."""
    if found := re.search(r"--file (\S+)", command):
        original = root / "content" / found[1]
        original.parent.mkdir(parents=True, exist_ok=True)
        original.write_bytes(b"%PDF-1.4 example\n")


def _typo(root: Path, directive: str) -> str:
    """Make the typo; returns the file's text before it, to put back."""
    rel, old, new = _TYPO.fullmatch(directive).groups()
    path = root / rel
    before = path.read_text(encoding="utf-8")
    head, found, tail = before.rpartition(old)
    assert found, f"{old!r} is not in {rel}"
    path.write_text(head + new + tail, encoding="utf-8")
    return before


def _office(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return copy_example(folder)


def _check(root: Path) -> list[str]:
    return run_generator(root, f"python -m generator check --as-of {EXAMPLE_TODAY}")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_example_is_what_the_example_office_does(document, tmp_path):
    found = examples(document)
    assert found, f"{document} has no example marked for testing"
    office = _office(tmp_path / "office")
    for n, (directive, block, line) in enumerate(found):
        where = f"{document}:{line}: {directive}"
        if directive.startswith("append "):
            _append(office, directive.removeprefix("append "), block)
            output = _check(office)
            assert not any(_ERRORS.search(x) for x in output), \
                f"{where}: check fails after the example:\n" + "\n".join(output)
        elif directive.startswith("typo "):
            before = _typo(office, directive)
            output = _check(office)
            (office / _TYPO.fullmatch(directive)[1]).write_text(before, encoding="utf-8")
            assert matches(block.splitlines(), output), f"{where}: check prints\n" + "\n".join(output)
        elif directive == "console":
            fresh = _office(tmp_path / f"console-{n}")
            for command, expected in sessions(block):
                _originals(fresh, command)
                output = run_generator(fresh, command)
                assert matches(expected, output), f"{where}: `{command}` prints\n" + "\n".join(output)
        else:
            pytest.fail(f"{where}: unknown example directive")


@pytest.mark.parametrize("expected, actual, same", [
    (["a", "...", "z"], ["a", "b", "c", "z"], True),
    (["a", "..."], ["a"], True),
    (["a long line ..."], ["a long line that goes on"], True),
    (["a", "z"], ["a", "b", "z"], False),
    (["a"], ["a", "b"], False),
])
def test_the_comparison_reads_elisions_as_the_reader_does(expected, actual, same):
    assert matches(expected, actual) is same
