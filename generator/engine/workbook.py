"""One table as an Excel workbook (XLSX), the same bytes for the same table on every build.

Offices attach every OIT table as XLSX beside the PDF, and a reader who reuses a figure wants a
number, not text: a figure column's cell that reads as a number ("1,234.50", "๑๒") is written as
one, keeping the places it was printed with; every other cell is text, and text is never run as a
formula. XlsxWriter writes it (about three times faster than openpyxl, which reads the office's own
XLSX files): it dates every zip entry 1 January 1980 and the file's creation is pinned here, so an
unchanged site rebuilds byte-identical (the deploy then uploads nothing new).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import OrderedDict
from datetime import datetime
from decimal import Decimal
from typing import Any, Callable, Iterable, Sequence

import xlsxwriter

from generator.base.calendar import to_arabic_digits
from generator.base.workers import worker

# A fixed moment for the file's properties and zip entries: the earliest a zip entry can hold.
_FIXED = datetime(1980, 1, 1)
_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
# A code is no number: an e-GP project number (11 digits and more), a phone number or an id with a
# leading zero keeps its digits as text.
_CODE = re.compile(r"-?(?:0[0-9]+|[0-9]{10,})")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60


def workbook(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], figure_columns: Iterable[int] = (),
             footer: bool = False) -> Table:
    """An XLSX of one sheet, written by `bytes()`: a bold header row, the rows, the last row in bold
    when it is a `footer`.

    Args:
        figure_columns: indexes of the columns whose cells are figures (written as numbers when they read as one).
    """
    return Table(_as_is, (title, tuple(columns), [tuple(row) for row in rows], tuple(figure_columns), footer))


def _as_is(*table: Any) -> tuple:
    return table


class Table:
    """A workbook to be written: how to make its table, and `bytes(table)` for the XLSX.

    Writing is deferred because it is much of the work (12 s of a 1× benchmark office's build
    with openpyxl, 4 s with XlsxWriter). `check` never writes one; a build has them written in a
    process beside MkDocs (`Writer`). The same table gives the same bytes, so the bytes are kept
    by a digest of the table (not the table, which can be thousands of rows): every `serve`
    rebuild remakes only the workbooks whose rows changed.
    """

    __slots__ = ("make", "args", "key")

    def __init__(self, make: Callable[..., tuple], args: tuple) -> None:
        """`make(*args)` gives the table `_write` takes (title, columns, rows, figure columns, footer).

        `make` is a module-level function, so that the table is made in the writer's process too
        (a CSV is read there, not in the build: `downloads.workbook_of_csv`).
        """
        self.make, self.args = make, args
        # repr tells 1, "1" and Decimal("1") apart, as the workbook does.
        self.key = hashlib.blake2b(f"{make.__module__}.{make.__qualname__}{args!r}".encode("utf-8", "surrogatepass"),
                                   digest_size=16).digest()

    @property
    def table(self) -> tuple:
        return self.make(*self.args)

    def __bytes__(self) -> bytes:
        if (kept := _KEPT.get(self.key)) is not None:
            _KEPT.move_to_end(self.key)
            return kept
        return self.keep(_write(*self.table))

    @property
    def written(self) -> bool:
        """Whether the bytes are at hand (written for this table before)."""
        return self.key in _KEPT

    def keep(self, data: bytes) -> bytes:
        """Keep the bytes written for this table (by `Writer`'s process)."""
        _KEPT[self.key] = data
        if len(_KEPT) > _KEEP:
            _KEPT.popitem(last=False)
        return data


_KEEP = 2048  # workbooks kept, the least recently made dropped first (a few MB of XLSX)
_KEPT: OrderedDict[bytes, bytes] = OrderedDict()
# Fewer workbooks than this are written in this process: starting another costs about half a second.
_BESIDE = 16
_BATCH = 32  # tables sent to the other process at a time


class Writer:
    """Workbooks written in a process of their own while MkDocs renders the pages on one core.

    `result()` gives their bytes in order; a batch the process could not write (it was killed, it
    ran out of memory) is written here instead, so a build never lacks a workbook.
    """

    def __init__(self, tables: Sequence[Table]) -> None:
        self.tables, self.pool, self.batches = list(tables), None, []
        if len(self.tables) >= _BESIDE:
            try:
                self.pool = worker()
                self.batches = [self.pool.submit(_write_many, [(t.make, t.args) for t in self.tables[i:i + _BATCH]])
                                for i in range(0, len(self.tables), _BATCH)]
            except (OSError, RuntimeError):  # no process could be started here: `result` writes them all
                self.close()
                self.batches = []

    def result(self) -> list[bytes]:
        """The bytes of every table, in order (waits for the other process)."""
        out: list[bytes] = []
        for n, batch in enumerate(self.batches):
            chunk = self.tables[n * _BATCH:(n + 1) * _BATCH]
            try:
                out += [table.keep(data) for table, data in zip(chunk, batch.result(), strict=True)]
            except Exception:  # the process failed: write this batch here
                out += [bytes(table) for table in chunk]
        out += [bytes(table) for table in self.tables[len(out):]]
        self.close()
        return out

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def _write_many(recipes: list[tuple[Callable[..., tuple], tuple]]) -> list[bytes]:
    """In the writer's process: each table's workbook."""
    return [_write(*make(*args)) for make, args in recipes]


def _write(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], figure_columns: Iterable[int],
           footer: bool) -> bytes:
    """The XLSX bytes: a bold header row frozen at the top, the rows, a bold footer, columns fit to their text."""
    out = io.BytesIO()
    # Strings stay strings: XlsxWriter would otherwise read "=..." as a formula and "http..." as a link.
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                                     "strings_to_numbers": False})
    book.set_properties({"title": title, "author": "", "created": _FIXED})
    name = _SHEET_FORBIDDEN.sub(" ", title)[:31].strip().strip("'") or "Sheet1"
    sheet = book.add_worksheet(name)
    figures = set(figure_columns)
    table = [[str(c) for c in columns], *([_value(v, i in figures) for i, v in enumerate(row)] for row in rows)]
    width = max(len(row) for row in table)
    formats: dict[tuple[bool, str], Any] = {}
    longest: list[int | None] = [None] * width  # None: a column with no text at all
    for r, row in enumerate(table):
        bold = r == 0 or (footer and r == len(table) - 1)
        for c in range(width):
            value = row[c] if c < len(row) else None
            style = _format(book, formats, bold, value)
            if value is None:
                if bold:
                    sheet.write_blank(r, c, None, style)
                continue
            size = len(_MARKS.sub("", str(value)))
            longest[c] = size if longest[c] is None else max(longest[c], size)  # type: ignore[type-var]
            if isinstance(value, str):
                sheet.write_string(r, c, value, style)
            else:
                sheet.write_number(r, c, float(value), style)
    sheet.freeze_panes(1, 0)
    for c, size in enumerate(longest):
        sheet.set_column(c, c, min(_MAX_WIDTH, (8 if size is None else size) + 2))
    book.close()
    return out.getvalue()


_MARKS = re.compile(r"[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]")  # Thai marks above and below: no width of their own


def _format(book: Any, formats: dict, bold: bool, value: Any) -> Any:
    """The cell's format, one per kind: bold or not; a Decimal keeps its printed places and thousands commas."""
    number = ""
    if isinstance(value, Decimal):
        places = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
        number = "#,##0" + ("." + "0" * places if places else "")
    if not bold and not number:
        return None
    if (bold, number) not in formats:
        formats[bold, number] = book.add_format({"bold": True} if bold else {})
        if number:
            formats[bold, number].set_num_format(number)
    return formats[bold, number]


def _value(value: Any, figure: bool) -> Any:
    """A number stays one; a figure column's text that reads as a number becomes one; the rest is text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        return value
    text = str(value)
    number = as_number(text) if figure else None
    return text if number is None else number


def as_number(text: str) -> Decimal | None:
    """The number a printed figure reads as ("1,234.50", "๑๒", "-3"), or None for text and codes."""
    plain = to_arabic_digits(text).strip()
    if not _NUMBER.fullmatch(plain) or _CODE.fullmatch(plain):
        return None
    return Decimal(plain.replace(",", ""))
