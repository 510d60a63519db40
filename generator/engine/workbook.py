"""One table as an Excel workbook (XLSX), the same bytes for the same table on every build.

Offices attach every OIT table as XLSX beside the PDF, and a reader who reuses a figure wants a
number, not text: a figure column's cell that reads as a number ("1,234.50", "๑๒") is written as
one, keeping the places it was printed with; every other cell is text, and text is never run as a
formula. openpyxl stamps the time of saving in the file's properties and in each zip entry; both are
pinned here, so an unchanged site rebuilds byte-identical (the deploy then uploads nothing new).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections import OrderedDict
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from generator.base.calendar import to_arabic_digits

# A fixed moment for the file's properties and zip entries: the earliest a zip entry can hold.
_FIXED = datetime(1980, 1, 1)
_NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
# A code is no number: an e-GP project number (11 digits and more), a phone number or an id with a
# leading zero keeps its digits as text.
_CODE = re.compile(r"-?(?:0[0-9]+|[0-9]{10,})")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_MAX_WIDTH = 60


def workbook(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]], figure_columns: Iterable[int] = (),
             footer: bool = False) -> bytes:
    """An XLSX of one sheet: a bold header row, the rows, the last row in bold when it is a `footer`.

    The same table gives the same bytes, so the bytes are kept, by a digest of the table (not the
    table itself, which can be thousands of rows): `check` and every `serve` rebuild remake only the
    workbooks whose rows changed; openpyxl's writing is most of a small office's check otherwise.

    Args:
        figure_columns: indexes of the columns whose cells are figures (written as numbers when they read as one).
    """
    table = (title, tuple(columns), [tuple(row) for row in rows], tuple(figure_columns), footer)
    # repr tells 1, "1" and Decimal("1") apart, as the workbook does.
    key = hashlib.blake2b(repr(table).encode("utf-8", "surrogatepass"), digest_size=16).digest()
    if (kept := _KEPT.get(key)) is not None:
        _KEPT.move_to_end(key)
        return kept
    _KEPT[key] = data = _write(*table)
    if len(_KEPT) > _KEEP:
        _KEPT.popitem(last=False)
    return data


_KEEP = 2048  # workbooks kept, the least recently made dropped first (a few MB of XLSX)
_KEPT: OrderedDict[bytes, bytes] = OrderedDict()


def _write(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], figure_columns: Iterable[int],
           footer: bool) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _SHEET_FORBIDDEN.sub(" ", title)[:31].strip() or "Sheet1"
    book.properties.title = title
    book.properties.creator = None
    book.properties.created = book.properties.modified = _FIXED
    figures = set(figure_columns)
    sheet.append([str(c) for c in columns])
    for row in rows:
        sheet.append([_value(v, i in figures) for i, v in enumerate(row)])
    for cells in sheet.iter_rows():
        for cell in cells:
            _style(cell)
    _bold(sheet[1])
    if footer and sheet.max_row > 1:
        _bold(sheet[sheet.max_row])
    sheet.freeze_panes = "A2"
    _widths(sheet)
    return _pinned(book)


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


def _style(cell: Cell) -> None:
    """Text is text (a leading `=` is no formula); a number keeps its printed places and thousands commas."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    elif isinstance(cell.value, Decimal):
        places = max(0, -cell.value.as_tuple().exponent)  # type: ignore[operator]
        cell.number_format = "#,##0" + ("." + "0" * places if places else "")


def _bold(cells: Sequence[Cell]) -> None:
    for cell in cells:
        cell.font = Font(bold=True)


def _widths(sheet: Any) -> None:
    """Columns wide enough for their longest cell (Thai combining marks take no width), up to a limit."""
    for index, cells in enumerate(sheet.iter_cols(), start=1):
        longest = max((len(re.sub(r"[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]", "", str(c.value))) for c in cells
                       if c.value is not None), default=8)
        sheet.column_dimensions[get_column_letter(index)].width = min(_MAX_WIDTH, longest + 2)


def _pinned(book: Workbook) -> bytes:
    """The workbook's bytes with every zip entry dated `_FIXED`, in openpyxl's order."""
    written = io.BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not book.save(), which stamps the time of saving
    out = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read(entry.filename))
    return out.getvalue()
