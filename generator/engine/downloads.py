"""Tables published twice: as a Markdown table on the page and as a CSV file beside it.

FOIA.gov and data.go.th publish each statistic both to read and to reuse. A page builder makes a
`DataTable` once; the template prints it (with a download link) and the builder adds the CSV, so
the two can never disagree. CSV files are UTF-8 with a byte-order mark, which Thai Excel needs to
show Thai, and cells that a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DataTable:
    """A titled table: the first column labels the rows, the others hold figures unless `text_columns`."""

    name: str  # the CSV file name next to the page, without `.csv`
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    footer: tuple[Any, ...] | None = None  # a totals row, printed in bold
    text_columns: int = 1  # how many leading columns are text (left-aligned)
    figure_columns: tuple[int, ...] = ()  # or: exactly which columns hold figures (right-aligned)

    def right_aligned(self, index: int) -> bool:
        """Whether column `index` holds figures, which line up on the right."""
        return index in self.figure_columns if self.figure_columns else index >= self.text_columns

    def csv_path(self, page_uri: str) -> str:
        """Where the CSV lives for the page at `page_uri` (`complaints/2568/index.md` → `complaints/2568/x.csv`)."""
        return posixpath.join(posixpath.dirname(page_uri), f"{self.name}.csv")

    def csv(self) -> str:
        """The table as CSV, footer included."""
        return csv_text(self.columns, [*self.rows, *([self.footer] if self.footer else [])])


def csv_text(header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a BOM and CRLF line ends, formula-like text cells prefixed with an apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(v) for v in header])
    writer.writerows([_cell(v) for v in row] for row in rows)
    return "\ufeff" + out.getvalue()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
