"""Purchases as an XLSX in the column order of the NACC 2568 criteria for items O12 and O13.

NACC 2568 asks, under O12 (รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้าง
หรือการจัดหาพัสดุ), for a monthly list with sixteen data elements, and offices attach it as XLSX
beside the PDF. Source of the order: the criterion's numbered list as agencies quote it, e.g.
https://noenkum.phitsanulok.police.go.th/ (item 015, "1) ที่ 2) ปีงบประมาณ 3) ชื่อหน่วยงาน ...
16) เลขที่โครงการในระบบ e-GP"); see also ../shared/research/oit-frameworks.md (O12, 2568).
NACC's own Excel forms (ITA-o12, ITA-o13) were not found in any source we could read: this is the
criterion's column order and wording, not a copy of those forms, and the page says so.

O13 (the annual procurement report) prints no column list in the sources either; the year's file
is every purchase of the year in the same sixteen columns, which is what an annual list holds.

A column the data does not give (district, province, ministry, agency type) is left empty, never
guessed; the agency is the row's own, else the office's name from data/office.yml.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.engine.workbook import Table
from generator.families.procurement.model import METHODS, Month, Purchase

COLUMNS: tuple[str, ...] = (
    "ที่", "ปีงบประมาณ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", "กระทรวง", "ประเภทหน่วยงาน",
    "ชื่อรายการของงานที่ซื้อหรือจ้าง", "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)", "แหล่งที่มาของงบประมาณ",
    "สถานะการจัดซื้อจัดจ้าง", "วิธีการจัดซื้อจัดจ้าง", "ราคากลาง (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)",
    "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก", "เลขที่โครงการในระบบ e-GP",
)
_FIGURES = (0, 1, 8, 12, 13)
_SATANG = Decimal("0.01")


def month_file(month: Month) -> str:
    """The month's file name beside its page: `o12-11.xlsx`."""
    return f"o12-{month.key}.xlsx"


YEAR_FILE = "o12-o13.xlsx"


def form_workbook(title: str, year: int, months: list[Month], agency: str) -> Table:
    """Every purchase of `months`, numbered from 1, in the sixteen columns of the criterion.

    The rows are made when the workbook is written (in the writer's process): a build holds the
    months anyway, and a 2× office's forms held as rows were 60 MB more at the build's peak.
    """
    return Table(_form_table, (title, year, tuple(months), agency))


def _form_table(title: str, year: int, months: tuple[Month, ...], agency: str) -> tuple:
    """The table `workbook` takes for the form."""
    rows = [_row(n, year, row, agency) for n, row in enumerate((r for m in months for r in m.rows), start=1)]
    return title, COLUMNS, [tuple(row) for row in rows], _FIGURES, False


def _row(n: int, year: int, row: Purchase, agency: str) -> list[Any]:
    return [n, row.fiscal_year or year, row.agency or agency, row.district, row.province, row.ministry,
            row.agency_type, row.item, _baht(row.budget), row.budget_source, row.status, METHODS[row.method][0],
            _baht(row.reference_price), _baht(row.agreed_price), row.vendor, row.project_no]


def _baht(value: Decimal | None) -> Decimal | None:
    """Money with its satang, as the forms print it (2500 → 2,500.00)."""
    return None if value is None else value.quantize(_SATANG)
