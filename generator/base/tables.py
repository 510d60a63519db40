"""Read spreadsheets (CSV, XLSX) into the same shape as a YAML file, with a line for every cell.

Webmasters keep registers in Excel and e-GP exports XLSX. Thai Excel saves CSV as UTF-8 with a
byte-order mark, or in Windows-874 (TIS-620 plus a few symbols); both are read. Each row becomes one
record under `key`, so the models and the `file:line: column: message` reports are the same as for
YAML, except that the field is named by the column header as written in the file and the line is
the spreadsheet's row number.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from generator.base.problems import Problem
from generator.base.sources import Path_, SourceFile, control_character, strip_controls, too_big

_THAI = re.compile(r"[\u0e01-\u0e5b]")


@dataclass
class TableSource(SourceFile):
    """A CSV file read as `{key: [row, ...]}`; errors name the column as the file writes it."""

    headers: dict[str, str] = field(default_factory=dict)  # field name → header as written

    def field_name(self, path: Path_) -> str:
        """The column header for a cell's path (`("cases", 3, "status")` → `สถานะ`)."""
        if len(path) >= 3 and isinstance(path[2], str):
            return self.headers.get(path[2], path[2])
        return super().field_name(path)

    def key_line(self, path: Path_) -> int:
        """Columns are named once, in the header row."""
        return self.lines.get(path[:1], 1)


def decode(data: bytes) -> tuple[str, str] | None:
    """The text and the encoding name: UTF-8 (with or without BOM), else Windows-874; None if neither."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    # Any byte string decodes as *something*: only accept it when it reads as Thai.
    return (text, "Windows-874") if _THAI.search(text) else None


SPREADSHEETS = (".csv", ".xlsx")
# A year of a large office's purchases is a few thousand rows of eleven columns. A sheet said to
# reach beyond these (one stray cell at XFD1048576) would make openpyxl pad every row to the far
# corner: minutes of work for nothing, so such a sheet is refused before its rows are read.
MAX_ROWS = 50_000
MAX_COLUMNS = 200


def read_table(path: Path, display: str, problems: list[Problem], key: str, aliases: dict[str, str] | None = None,
               required: Iterable[str] = ()) -> TableSource | None:
    """A CSV or XLSX file as a TableSource; on failure append located problems and return None.

    `aliases` maps headers as people write them (Thai) to field names; a `required` field without
    a column is one error on the header row, not one per row.
    """
    if too_big(path, display, problems):
        return None
    rows = _xlsx_rows(path, display, problems) if path.suffix == ".xlsx" else _csv_rows(path, display, problems)
    if rows is None:
        return None
    if not rows:
        problems.append(Problem(display, 1, "", "empty", "ไฟล์ว่าง ต้องมีแถวหัวตารางอย่างน้อยหนึ่งแถว",
                                "the file is empty; it needs at least a header row"))
        return None
    (header_line, header), *body = rows
    header = list(header)
    while header and not header[-1].strip():  # "ลำดับ,งาน,,": empty cells after the last column name
        header.pop()
    source = TableSource(display)
    fields = _fields(header, header_line, aliases or {}, source, problems)
    if fields is None or not _has_required(fields, required, aliases or {}, source, header_line, problems):
        return None
    records: list[dict[str, Any]] = []
    for line, cells in body:
        i = len(records)
        source.lines[(key, i)] = line
        if len(cells) > len(fields) and any(c.strip() for c in cells[len(fields):]):
            problems.append(Problem(display, line, "", "columns",
                                    f"แถวนี้มี {len(cells)} ช่อง แต่หัวตารางมี {len(fields)} คอลัมน์ "
                                    "ตรวจเครื่องหมายจุลภาค (,) ในข้อความ ให้ครอบข้อความด้วยเครื่องหมายคำพูด",
                                    f"this row has {len(cells)} cells but the header has {len(fields)} columns; "
                                    "check for commas inside a cell (quote the cell)"))
        record = {}
        for name, cell in zip(fields, cells):
            if cell.strip():
                if problem := control_character(cell, display, line, source.headers.get(name, name)):
                    problems.append(problem)
                    cell = strip_controls(cell)
                record[name] = cell.strip()
                source.lines[(key, i, name)] = line
        records.append(record)
    source.value = {key: records}
    source.lines[(key,)] = header_line
    return source


def _csv_rows(path: Path, display: str, problems: list[Problem]) -> list[tuple[int, list[str]]] | None:
    decoded = decode(path.read_bytes())
    if decoded is None:
        problems.append(Problem(display, 1, "", "encoding",
                                "อ่านไฟล์ไม่ได้ ไฟล์ CSV ต้องเข้ารหัส UTF-8 หรือ Windows-874 (TIS-620) "
                                "ใน Excel ให้บันทึกเป็น 'CSV UTF-8 (Comma delimited)'",
                                "cannot read the file: a CSV must be UTF-8 or Windows-874 (TIS-620); in Excel "
                                "save as 'CSV UTF-8 (Comma delimited)'"))
        return None
    try:
        return _rows(decoded[0])
    except csv.Error as exc:  # a cell above the csv module's size limit, an unclosed quote at the end
        problems.append(Problem(display, getattr(exc, "line", 1), "", "csv",
                                "อ่านไฟล์ CSV ไม่ได้ ตรวจเครื่องหมายคำพูด (\") ที่เปิดแล้วไม่ปิด หรือช่องที่ยาวผิดปกติ",
                                "cannot read the CSV file; check for an opening quote (\") that is never closed, "
                                "or an unusually long cell"))
        return None


def _xlsx_rows(path: Path, display: str, problems: list[Problem]) -> list[tuple[int, list[str]]] | None:
    """The first worksheet's rows with a value, as text, numbered as Excel numbers them."""
    import openpyxl  # only offices with XLSX files pay for the import

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            if (sheet.max_row or 0) > MAX_ROWS or (sheet.max_column or 0) > MAX_COLUMNS:
                problems.append(_far_cells(display, sheet.max_row or 0, sheet.max_column or 0))
                return None
            return _sheet_rows(sheet)
        finally:
            book.close()
    except Exception as exc:  # noqa: BLE001 - any damaged workbook, whatever openpyxl or zipfile raise
        # The exception's own text may hold the machine's path; its kind is enough to search for.
        reason = "not a zip file" if isinstance(exc, zipfile.BadZipFile) else type(exc).__name__
        problems.append(Problem(display, 1, "", "xlsx", f"เปิดไฟล์ Excel ไม่ได้ ({reason}) ให้เปิดใน Excel แล้วบันทึกใหม่เป็น .xlsx",
                                f"cannot open the Excel file ({reason}); open it in Excel and save it again as .xlsx"))
        return None


def _far_cells(display: str, rows: int, columns: int) -> Problem:
    return Problem(display, 1, "", "xlsx",
                   f"แผ่นงานแรกมีข้อมูลถึงแถว {rows:,} คอลัมน์ที่ {columns:,} เกินขนาดที่รับได้ ({MAX_ROWS:,} แถว "
                   f"{MAX_COLUMNS} คอลัมน์) ให้ลบแถวและคอลัมน์ที่ไม่ใช้ท้ายตาราง (กด Ctrl+End ใน Excel เพื่อดูเซลล์สุดท้าย)",
                   f"the first sheet reaches row {rows:,}, column {columns:,}, beyond what is read ({MAX_ROWS:,} rows, "
                   f"{MAX_COLUMNS} columns); delete the unused rows and columns after the table (Ctrl+End in Excel "
                   "shows the last cell)")


def _sheet_rows(sheet: Any) -> list[tuple[int, list[str]]]:
    """Rows with a value, without the empty cells after the last value (Excel keeps formatted ones)."""
    rows = []
    for number, values in enumerate(sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True),
                                    start=1):
        cells = [_cell_text(v) for v in values]
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            rows.append((number, cells))
    return rows


def _cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold: dates as ISO dates, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _has_required(fields: list[str], required: Iterable[str], aliases: dict[str, str], source: TableSource,
                  line: int, problems: list[Problem]) -> bool:
    missing = [name for name in required if name not in fields]
    for name in missing:
        thai = next((header for header, target in aliases.items() if target == name), name)
        problems.append(Problem(source.name, line, name, "missing_column",
                                f"ไม่มีคอลัมน์ '{thai}' ({name}) ให้เพิ่มคอลัมน์นี้ในแถวหัวตาราง",
                                f"there is no '{name}' column ('{thai}'); add it to the header row"))
    return not missing


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """(first line, cells) of every row that has a value; quoted cells may span lines."""
    sample = text[:4096]
    first = sample.splitlines()[0] if sample.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        exc.line = line  # the row that could not be read, for the located problem
        raise
    return rows


def _fields(header: list[str], line: int, aliases: dict[str, str], source: TableSource,
            problems: list[Problem]) -> list[str] | None:
    """Field names of the header cells (Thai headers through `aliases`); None on a broken header."""
    fields, ok = [], True
    known = {" ".join(k.split()).lower(): v for k, v in aliases.items()}
    for cell in header:
        if problem := control_character(cell, source.name, line, ""):
            problems.append(problem)
            cell = strip_controls(cell)
        written = " ".join(cell.split())
        name = known.get(written.lower(), written.lower().replace(" ", "_"))
        if not written:
            problems.append(Problem(source.name, line, "", "header", "หัวตารางมีคอลัมน์ที่ไม่มีชื่อ ให้ตั้งชื่อหรือลบคอลัมน์",
                                    "a header cell is empty; name the column or delete it"))
            ok = False
        elif name in fields:
            problems.append(Problem(source.name, line, written, "header", f"คอลัมน์ '{written}' ซ้ำ ให้ลบคอลัมน์ใดคอลัมน์หนึ่ง",
                                    f"column '{written}' appears twice; delete one"))
            ok = False
        fields.append(name)
        source.headers[name] = written
    return fields if ok else None
