"""Every table also as XLSX: beside each CSV, the same cells, numbers as numbers, the same bytes on every build."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl

from generator.engine.downloads import DataTable, with_workbooks
from generator.engine.pages import Asset
from generator.engine.workbook import Writer, _write, as_number, workbook
from tests.families.procurement.test_pages import MONTHS, built


def _files(tmp_path) -> dict[str, str | bytes]:
    """The generated files of the small test office with two months of procurement, workbooks written."""
    return {uri: a.text if isinstance(a.text, str) else bytes(a.text)
            for uri, a in built(tmp_path, MONTHS).items() if isinstance(a, Asset)}


def _sheet(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def _as_csv_reads(value) -> str:
    """A workbook cell as the CSV prints it, so the two can be compared cell by cell."""
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)):
        return str(value)
    return value


def test_every_csv_of_the_site_has_a_workbook_with_the_same_cells(tmp_path):
    files = _files(tmp_path)
    tables = [uri for uri in files if uri.endswith(".csv")]
    assert {"procurement/2568/procurement-11.csv", "procurement/2568/by-month.csv", "oit/2568.csv"} <= set(tables)
    for uri in tables:
        rows = list(csv.reader(io.StringIO(str(files[uri]).removeprefix("\ufeff"))))
        book = _sheet(files[uri.removesuffix(".csv") + ".xlsx"])  # type: ignore[arg-type]
        assert len(book) == len(rows), uri
        for printed, written in zip(rows, book):
            for text, value in zip(printed, written):
                number = as_number(text)
                expected = text.removeprefix("'") if text.startswith("'=") else text
                assert (value == float(number)) if number is not None else (_as_csv_reads(value) == expected), (uri, text)


def test_a_page_links_its_table_as_csv_and_as_xlsx(tmp_path):
    page = built(tmp_path, MONTHS)["procurement/2568/index.md"]
    assert "(by-month.csv)" in page.markdown and "[ดาวน์โหลดตารางนี้ (Excel): รายเดือน](by-month.xlsx)" in page.markdown


def test_money_is_a_number_with_its_places_and_codes_stay_text():
    table = DataTable("t", "ตาราง", ("รายการ", "เลขที่โครงการ", "บาท", "จำนวน"),
                      (("=HYPERLINK(\"x\")", "67019123456", "1,234.50", "๑๒"),), ("รวม", "", "1,234.50", 12))
    data = bytes(with_workbooks([Asset("x/t.csv", table.csv())])[-1].text)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active  # type: ignore[arg-type]
    assert sheet["A2"].value == '=HYPERLINK("x")' and sheet["A2"].data_type == "s"  # text, never a formula
    assert sheet["B2"].value == "67019123456"
    assert sheet["C2"].value == 1234.5 and sheet["C2"].number_format == "#,##0.00"
    assert sheet["D2"].value == 12 and sheet["D3"].value == 12


def test_a_rebuild_writes_the_same_bytes(tmp_path):
    first, again = _files(tmp_path / "a"), _files(tmp_path / "b")
    workbooks = [uri for uri in first if uri.endswith(".xlsx")]
    assert workbooks and all(first[uri] == again[uri] for uri in workbooks)


def test_a_workbook_a_builder_made_itself_is_kept():
    made = Asset("x/t.xlsx", b"PK")
    items = with_workbooks([Asset("x/t.csv", "\ufeffa,b\r\n1,2\r\n"), made])
    assert [i.src_uri for i in items] == ["x/t.csv", "x/t.xlsx"] and items[1] is made


def _tables(count: int) -> list:
    return [workbook(f"ตาราง {n}", ("ลำดับ", "บาท"), [(i, f"{i * 1000:,}.50") for i in range(50)], (1,))
            for n in range(count)]


def test_workbooks_written_in_another_process_are_the_bytes_written_here():
    tables = _tables(20)  # enough to start the other process
    writer = Writer(tables)
    assert writer.pool is not None
    beside = writer.result()
    assert beside == [_write(*t.table) for t in tables]
    assert all(t.written for t in tables)  # kept, so a serve rebuild does not write them again


def test_a_writer_process_that_dies_leaves_no_workbook_missing():
    tables = _tables(20)
    writer = Writer(tables)
    for process in list(writer.pool._processes.values()):  # killed as the kernel kills a process out of memory
        process.kill()
    assert writer.result() == [_write(*t.table) for t in tables]
