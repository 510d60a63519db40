"""Tables published three times: as a table on the page, and as CSV and XLSX files beside it.

FOIA.gov and data.go.th publish each statistic both to read and to reuse, and Thai offices attach
every OIT table as PDF and XLSX. A page builder makes a `DataTable` once; the template prints it
(with its download links) and the builder adds the CSV, so the two can never disagree. CSV files are
UTF-8 with a byte-order mark, which Thai Excel needs to show Thai, and cells that a spreadsheet would
run as a formula are neutralised. On the page the table is HTML (the `data_table` macro): Markdown's
inline parser would only have undone the escapes of thousands of plain cells.

The workbook beside each CSV is made from the CSV itself, once every page is built (`with_workbooks`,
called by the pipeline): the three copies of a table then cannot disagree either, and no builder,
present or future, can publish a CSV whose XLSX link leads nowhere.
"""

from __future__ import annotations

import csv
import io
import posixpath
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from generator.engine.pages import Asset, Page
from generator.engine.workbook import Table, as_number

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DataTable:
    """A titled table: the first column labels the rows, the others hold figures unless `text_columns`."""

    name: str  # the file name next to the page, without `.csv` (the workbook is `.xlsx`)
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    footer: tuple[Any, ...] | None = None  # a totals row, printed in bold
    text_columns: int = 1  # how many leading columns are text (left-aligned)
    figure_columns: tuple[int, ...] = ()  # or: exactly which columns hold figures (right-aligned)

    def right_aligned(self, index: int) -> bool:
        """Whether column `index` holds figures, which line up on the right."""
        return index in self.figure_columns if self.figure_columns else index >= self.text_columns

    @property
    def right(self) -> tuple[bool, ...]:
        """For each column, whether it lines up on the right (the table's HTML prints it per cell)."""
        return tuple(self.right_aligned(i) for i in range(len(self.columns)))

    def csv_path(self, page_uri: str) -> str:
        """Where the CSV lives for the page at `page_uri` (`complaints/2568/index.md` → `complaints/2568/x.csv`)."""
        return posixpath.join(posixpath.dirname(page_uri), f"{self.name}.csv")

    def xlsx_path(self, page_uri: str) -> str:
        """Where the workbook lives for the page at `page_uri`, beside the CSV (made by `with_workbooks`)."""
        return posixpath.join(posixpath.dirname(page_uri), f"{self.name}.xlsx")

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


def with_workbooks(items: list[Page | Asset]) -> list[Page | Asset]:
    """`items` with an XLSX beside every CSV that has none: the CSV's rows, its numbers as numbers."""
    made = {i.src_uri for i in items if isinstance(i, Asset)}
    twins = [Asset(uri, workbook_of_csv(posixpath.basename(uri).removesuffix(".xlsx"), str(i.text)))
             for i in items if isinstance(i, Asset) and i.src_uri.endswith(".csv")
             and (uri := i.src_uri.removesuffix(".csv") + ".xlsx") not in made]
    return [*items, *twins]


def workbook_of_csv(title: str, text: str) -> Table:
    """The workbook of a CSV written by `csv_text`: a neutralised formula-like cell is text again.

    The CSV is read when the workbook is written (in the writer's process), not here.
    """
    return Table(_csv_table, (title, text))


def _csv_table(title: str, text: str) -> tuple:
    """The table `workbook` would take for the CSV `text`."""
    header, *rows = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    return title, tuple(header), [tuple(_uncell(v) for v in row) for row in rows], (), False


def _uncell(value: str) -> Any:
    """A CSV cell for the workbook: a number as a number; text neutralised by `_cell` as the text it was."""
    if value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]  # text, written as text: the workbook never runs a cell as a formula
    number = as_number(value)
    return value if number is None else number
