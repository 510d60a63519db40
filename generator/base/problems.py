"""Problems found in the data: values, not exceptions, so that a run can report all of them at once.

A webmaster fixes data files, not code. Every problem therefore names the file, the line and the
field, says in Thai first (then English) what is wrong and what to write instead. Loaders and checks
append problems to a list; one function renders them; the caller decides the exit code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

# error: stops every build. warning: stops a strict build (`make build`). note: listed by `check` and
# never stops a build: an acknowledged discrepancy, a gap in the evidence, a doubt about a past year.
Severity = Literal["error", "warning", "note"]
_TAGS = {"warning": " (คำเตือน / warning)", "note": " (หมายเหตุ / note)"}
# Thai runs its words together, but a Latin word or a number beside Thai takes a space, as Thai
# print does: "No Gift Policy ของปี", not "No Gift Policyของปี" (a label and the sentence around it).
_LATIN_THEN_THAI = re.compile(r"(?<=[A-Za-z0-9])(?=[\u0e01-\u0e2e\u0e40-\u0e44])")
_THAI_THEN_LATIN = re.compile(r"(?<=[\u0e01-\u0e3a\u0e40-\u0e4e])(?=[A-Za-z])")


_QUOTED = re.compile(r"('[^']*'|`[^`]*`)")


def spaced(text: str) -> str:
    """Thai text with a space wherever a Latin word or a number meets a Thai one.

    A value quoted from the data ('...' or `...`) is left exactly as written."""
    parts = _QUOTED.split(text)
    return "".join(part if i % 2 else _THAI_THEN_LATIN.sub(" ", _LATIN_THEN_THAI.sub(" ", part))
                   for i, part in enumerate(parts))
# What a message may quote from the data (an unknown key, a wrong value) but must not print as it is:
# line breaks would split one problem over lines, C0/C1 controls are terminal commands (ESC [ 2 J
# clears the screen), bidi overrides reorder the line and a lone surrogate cannot be written as UTF-8.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """`text` with each character a terminal would act on shown as its code (`\\u202e`)."""
    return _UNPRINTABLE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located by file and line."""

    file: str
    line: int
    field: str
    code: str
    th: str
    en: str
    severity: Severity = "error"
    # A discrepancy (a printed figure against the one computed from its rows) names where it may be
    # acknowledged: (file, the record's path in it, the field's path from the record). Not compared:
    # two reports of the same thing are one problem whoever made them.
    subject: tuple[str, tuple[Any, ...], str] | None = field(default=None, compare=False)

    def render(self) -> str:
        """Format as `file:line: field: Thai / English`, the one form every tool prints."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        tag = _TAGS.get(self.severity, "")
        return printable(f"{where}:{field}{tag} {spaced(self.th)} / {self.en}")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that stop a build."""
    return [p for p in problems if p.severity == "error"]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    """The problems that are doubtful rather than wrong; `--strict` turns them into failures."""
    return [p for p in problems if p.severity == "warning"]


def notes(problems: Iterable[Problem]) -> list[Problem]:
    """What `check` lists but no build stops on: acknowledged differences, gaps, past years' doubts."""
    return [p for p in problems if p.severity == "note"]


def render_report(problems: Iterable[Problem]) -> str:
    """All problems sorted by file and line, then a Thai-first summary line."""
    ordered = sorted(problems)
    lines = [p.render() for p in ordered]
    n_err, n_warn, n_note = len(errors(ordered)), len(warnings(ordered)), len(notes(ordered))
    summary = f"พบข้อผิดพลาด {n_err} รายการ คำเตือน {n_warn} รายการ"
    english = f"{n_err} error(s), {n_warn} warning(s)"
    if n_note:
        summary, english = f"{summary} หมายเหตุ {n_note} รายการ", f"{english}, {n_note} note(s)"
    lines.append(f"{summary} / {english}")
    return "\n".join(lines)


class DataError(ValueError):
    """A validation failure with a Thai and an English message, raised inside model validators.

    Pydantic wraps it in a `value_error`; `generator.load` unwraps it so that our own wording, not
    pydantic's, reaches the webmaster.
    """

    def __init__(self, th: str, en: str, code: str = "invalid"):
        super().__init__(f"{th} / {en}")
        self.th, self.en, self.code = th, en, code
