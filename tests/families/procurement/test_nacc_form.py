"""Purchases also as an XLSX in the column order of NACC 2568's O12 criterion (issue 18, part 6)."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from generator.families.procurement.nacc_form import COLUMNS
from generator.pipeline.load import load

from tests.families.procurement.test_pages import MONTHS, built
from tests.families.procurement.test_procurement import ROWS, SKR1, month_project

OFFICE = "สำนักงานทดสอบ"  # name_th of tests/data/good/data/office.yml


def _sheet(data) -> list[list]:
    return [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(bytes(data))).active.iter_rows()]


def test_a_months_purchases_in_the_sixteen_columns_of_the_criterion(tmp_path):
    pages = built(tmp_path, MONTHS)
    header, first, second = _sheet(pages["procurement/2568/o12-11.xlsx"].text)
    assert tuple(header) == COLUMNS and len(COLUMNS) == 16
    assert header[:8] == ["ที่", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
                          "ชื่อรายการของงานที่ซื้อหรือจ้าง"]
    assert first[:3] == [1, 2568, OFFICE] and first[3:7] == [None] * 4  # not in the data: left empty
    assert first[7:9] == ["จัดซื้อวัสดุสำนักงาน", 5000] and first[11] == "เฉพาะเจาะจง" and first[13] == 4850.1
    assert second[0] == 2 and second[14] == "ร้าน ข"
    md = pages["procurement/2568/11.md"].markdown
    assert "เรียงคอลัมน์ตามเกณฑ์ ITA ข้อ O12 ปี 2568 (Excel)](o12-11.xlsx)" in md.replace("../", "")


def test_money_keeps_its_satang(tmp_path):
    sheet = openpyxl.load_workbook(io.BytesIO(bytes(built(tmp_path, MONTHS)["procurement/2568/o12-11.xlsx"].text))).active
    assert sheet["I2"].value == 5000 and sheet["I2"].number_format == "#,##0.00"


def test_a_month_without_purchases_has_no_form_and_the_year_lists_every_purchase(tmp_path):
    pages = built(tmp_path, MONTHS)
    assert "procurement/2568/o12-10.xlsx" not in pages and "o12-10.xlsx" not in pages["procurement/2568/10.md"].markdown
    rows = _sheet(pages["procurement/2568/o12-o13.xlsx"].text)
    assert [r[0] for r in rows[1:]] == [1, 2] and "o12-o13.xlsx" in pages["procurement/2568/index.md"].markdown


def test_the_form_reads_back_as_a_months_data(tmp_path):
    form = bytes(built(tmp_path / "a", MONTHS)["procurement/2568/o12-11.xlsx"].text)
    data, problems = load(month_project(tmp_path / "b", {"2568/11.xlsx": form}))
    assert not problems
    rows = data.procurement[2568][(2024, 11)].rows
    assert [(r.item, r.agreed_price, r.method) for r in rows] == [
        ("จัดซื้อวัสดุสำนักงาน", Decimal("4850.10"), "specific"), ("จ้างซ่อมเครื่องปรับอากาศ", Decimal("11900.20"), "specific")]
    assert SKR1 and ROWS  # the same two purchases as typed in the สขร.1 form
