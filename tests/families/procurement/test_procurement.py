"""Monthly procurement summaries: spreadsheets in every encoding, exact sums, checks."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest

from generator.families.procurement import model as procurement
from generator.pipeline.core import run
from generator.pipeline.load import load

from tests.conftest import project_with

SKR1 = ("ลำดับ,งานที่จัดซื้อหรือจัดจ้าง,วงเงินที่จัดซื้อหรือจัดจ้าง,ราคากลาง,วิธีซื้อหรือจ้าง,"
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ,ผู้ได้รับการคัดเลือก,ราคาที่ตกลงซื้อหรือจ้าง,เหตุผลที่คัดเลือกโดยสังเขป,"
        "เลขที่สัญญาหรือข้อตกลง,วันที่สัญญา\r\n")
ROWS = ('1,จัดซื้อวัสดุสำนักงาน,"5,000",5000,วิธีเฉพาะเจาะจง,ร้าน ก / 4850,ร้าน ก,"4,850.10",ราคาต่ำสุด,ใบสั่งซื้อ 1/2568,'
        '05/11/2567\r\n'
        '2,จ้างซ่อมเครื่องปรับอากาศ,"12,000.00","12,000.00",เฉพาะเจาะจง,ร้าน ข / 11900,ร้าน ข,"11,900.20",ราคาต่ำสุด,'
        'ใบสั่งจ้าง 2/2568,๒๐ พ.ย. ๒๕๖๗\r\n')
EGP_HEADER = ["ลำดับ", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
              "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
              "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
              "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการ"]


def egp_workbook(path, rows, header=EGP_HEADER):
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)


def egp_row(n=1, year=2568, budget=2_700_000.0, agreed=2_615_000.0, method="วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"):
    return [n, year, "สพป.ตัวอย่าง เขต 1", "เมือง", "ตัวอย่าง", "กระทรวงศึกษาธิการ", "ส่วนราชการ", "ปรับปรุงอาคาร",
            budget, "เงินงบประมาณ", "ลงนามในสัญญาแล้ว", method, 2_680_000, agreed, "บริษัท ตัวอย่างก่อสร้าง จำกัด",
            "68039123456"]


def month_project(tmp_path, files):
    project = project_with(tmp_path, {})
    for rel, content in files.items():
        target = project.data_dir / "procurement" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(target)
        else:
            target.write_bytes(content)
    return project


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_typed_form_is_read_in_each_encoding_with_exact_sums(tmp_path, encoding):
    project = month_project(tmp_path, {"2568/11.csv": (SKR1 + ROWS).encode(encoding)})
    data, problems = load(project)
    assert problems == []
    month = procurement.year_months(2568, data.procurement[2568])[1]
    assert month.label == "พฤศจิกายน 2567" and month.key == "11" and month.period_key == "2567-11"
    first, second = month.rows
    assert (first.method, first.budget, first.agreed_price, first.contract_date) == (
        "specific", Decimal("5000"), Decimal("4850.10"), date(2024, 11, 5))
    assert second.contract_date == date(2024, 11, 20)
    assert month.total("agreed_price") == Decimal("16750.30")  # exact: 4,850.10 + 11,900.20


def test_an_egp_workbook_is_read_with_its_dates_and_numbers(tmp_path):
    def write(path):
        egp_workbook(path, [egp_row()])
    project = month_project(tmp_path, {"2568/03.xlsx": write})
    data, problems = load(project)
    assert problems == []
    (row,) = data.procurement[2568][(2025, 3)].rows
    assert (row.fiscal_year, row.method, row.budget, row.agreed_price, row.project_no) == (
        2568, "e_bidding", Decimal("2700000"), Decimal("2615000"), "68039123456")


def test_an_excel_date_cell_becomes_the_contract_date(tmp_path):
    def write(path):
        egp_workbook(path, [["จัดซื้อวัสดุ", "เฉพาะเจาะจง", datetime(2025, 1, 9)]],
                     header=["งานที่จัดซื้อหรือจัดจ้าง", "วิธีซื้อหรือจ้าง", "วันที่สัญญา"])
    data, problems = load(month_project(tmp_path, {"2568/01.xlsx": write}))
    assert problems == [] and data.procurement[2568][(2025, 1)].rows[0].contract_date == date(2025, 1, 9)


def test_a_file_without_rows_is_a_month_without_procurement(tmp_path):
    project = month_project(tmp_path, {"2568/10.yml": b"rows: []\n", "2568/12.csv": SKR1.encode()})
    data, problems = load(project)
    months = procurement.year_months(2568, data.procurement[2568])
    assert problems == []
    assert [(m.key, m.disclosed, len(m.rows)) for m in months[:3]] == [("10", True, 0), ("11", False, 0),
                                                                        ("12", True, 0)]


@pytest.mark.parametrize("content, line, field, code", [
    (SKR1 + '1,จัดซื้อวัสดุ,"5,000",,ซื้อเอง,,,,,,\r\n', 2, "วิธีซื้อหรือจ้าง", "literal_error"),
    (SKR1 + '1,จัดซื้อวัสดุ,ห้าพันบาท,,เฉพาะเจาะจง,,,,,,\r\n', 2, "วงเงินที่จัดซื้อหรือจัดจ้าง", "money"),
    (SKR1 + ROWS + '3,จัดซื้อวัสดุ,"5,000",,เฉพาะเจาะจง,,,,,,31/02/2568\r\n', 4, "วันที่สัญญา", "date"),
    ("ลำดับ,วงเงินที่จัดซื้อหรือจัดจ้าง\r\n1,5000\r\n", 1, "item", "missing_column"),
])
def test_a_bad_cell_or_a_missing_column_names_the_file_row_and_column(tmp_path, content, line, field, code):
    problems = load(month_project(tmp_path, {"2568/11.csv": content.encode()}))[1]
    assert (problems[0].file, problems[0].line, problems[0].field, problems[0].code) == (
        "data/procurement/2568/11.csv", line, field, code)


def test_missing_columns_are_each_reported_once_on_the_header(tmp_path):
    problems = load(month_project(tmp_path, {"2568/11.csv": "ลำดับ\r\n1\r\n2\r\n".encode()}))[1]
    assert [(p.line, p.field) for p in problems] == [(1, "item"), (1, "method")]
    assert "งานที่จัดซื้อหรือจัดจ้าง" in problems[0].th


def test_a_broken_workbook_and_an_unreadable_csv_are_clear_errors(tmp_path):
    problems = load(month_project(tmp_path, {"2568/11.xlsx": b"not a zip", "2568/12.csv": b"\xff\xfe\x81\x00"}))[1]
    assert [(p.file, p.code) for p in problems] == [("data/procurement/2568/11.xlsx", "xlsx"),
                                                    ("data/procurement/2568/12.csv", "encoding")]


def test_file_names_must_be_months_and_folders_fiscal_years(tmp_path):
    problems = load(month_project(tmp_path, {"2568/november.csv": SKR1.encode(), "2025/10.csv": SKR1.encode()}))[1]
    assert {(p.file, p.code) for p in problems} == {("data/procurement/2568/november.csv", "file_name"),
                                                    ("data/procurement/2025", "file_name")}


def test_warnings_for_prices_above_budget_or_reference_and_late_contracts(tmp_path):
    rows = (SKR1 + '1,จัดซื้อวัสดุ,"5,000",4900,เฉพาะเจาะจง,,ร้าน ก,"5,100",,,05/12/2567\r\n')
    problems = load(month_project(tmp_path, {"2568/11.csv": rows.encode()}))[1]
    assert {(p.line, p.code, p.severity) for p in problems} == {
        (2, "over_budget", "warning"), (2, "over_reference", "warning"), (2, "contract_after_month", "warning")}


def test_a_fiscal_year_column_must_match_the_folder(tmp_path):
    def write(path):
        egp_workbook(path, [egp_row(year=2567)])
    problems = load(month_project(tmp_path, {"2568/03.xlsx": write}))[1]
    assert [(p.file, p.line, p.code, p.severity) for p in problems] == [
        ("data/procurement/2568/03.xlsx", 2, "fiscal_year", "error")]


def test_the_year_sums_by_method_exactly():
    rows = [procurement.Purchase.model_validate({"item": "x", "method": m, "budget": b, "agreed_price": a})
            for m, b, a in (("specific", "100.10", "99.90"), ("e_bidding", "1000", "950.05"), ("เฉพาะเจาะจง", "0.20",
                                                                                            "0.10"))]
    months = procurement.year_months(2568, {(2024, 11): procurement.ProcurementMonth(rows=rows)})
    assert [(x.method, x.count, x.budget, x.agreed) for x in procurement.by_method(months)] == [
        ("e_bidding", 1, Decimal("1000"), Decimal("950.05")), ("specific", 2, Decimal("100.30"), Decimal("100.00"))]


def test_a_month_that_has_not_begun_is_not_published(tmp_path):
    project = month_project(tmp_path, {"2568/06.csv": (SKR1 + ROWS).encode()})
    result = run(project, date(2025, 5, 15))
    assert result.ok and result.site.procurement[2568] == {}
