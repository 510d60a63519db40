"""Procurement (จัดซื้อจัดจ้าง): the monthly summaries the OIT items ask for, from rows.

An office exports its purchases from e-GP (CSV or XLSX) or types them in the สขร.1 form, one file
per calendar month: `data/procurement/<fiscal year>/<MM>.csv|.xlsx|.yml` (MM = 01–12). A file
without rows states that the month had no procurement (`ไม่มีการจัดซื้อจัดจ้าง`), which counts as
disclosed; a month without a file is not disclosed yet. Sums are exact (Decimal), never typed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from pydantic import Field

from generator.base import calendar
from generator.base.fields import ContentPath, FiscalYear, Money, Text, ThaiDate, WholeNumber, labelled
from generator.engine.records import Record

NIL_STATEMENT = "ไม่มีการจัดซื้อจัดจ้าง"

METHODS: dict[str, tuple[str, str]] = {
    "e_bidding": ("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "e-bidding"),
    "e_market": ("ตลาดอิเล็กทรอนิกส์ (e-market)", "e-market"),
    "general_invitation": ("ประกาศเชิญชวนทั่วไป", "open invitation"),
    "selection": ("คัดเลือก", "selection"),
    "specific": ("เฉพาะเจาะจง", "specific (direct)"),
}
# How the same methods are written in e-GP exports and typed forms.
METHOD_ALIASES: dict[str, str] = {
    "e-bidding": "e_bidding", "ประกวดราคาอิเล็กทรอนิกส์": "e_bidding", "ebidding": "e_bidding",
    "e-market": "e_market", "ตลาดอิเล็กทรอนิกส์": "e_market", "emarket": "e_market",
    "วิธีประกวดราคาอิเล็กทรอนิกส์(e-bidding)": "e_bidding", "วิธีตลาดอิเล็กทรอนิกส์(e-market)": "e_market",
}


class Purchase(Record):
    """One purchase in a monthly summary: the สขร.1 columns and those of the e-GP layout from 2568."""

    no: WholeNumber | None = Field(None, description="ลำดับ (ไม่ใช้ ระบบเรียงให้เอง) / row number, ignored")
    fiscal_year: FiscalYear | None = None
    agency: Text | None = Field(None, description="ชื่อหน่วยงาน / agency")
    district: Text | None = None
    province: Text | None = None
    ministry: Text | None = None
    agency_type: Text | None = None
    item: Text = Field(description="งานที่จัดซื้อหรือจัดจ้าง / what was bought")
    budget: Money | None = Field(None, description="วงเงินงบประมาณ (บาท) / budget")
    budget_source: Text | None = Field(None, description="แหล่งที่มาของงบประมาณ / budget source")
    status: Text | None = Field(None, description="สถานะการจัดซื้อจัดจ้าง / status in e-GP")
    method: labelled(METHODS, METHOD_ALIASES)
    reference_price: Money | None = Field(None, description="ราคากลาง (บาท) / reference price")
    bidders: Text | None = Field(None, description="รายชื่อผู้เสนอราคาและราคาที่เสนอ / bidders and their prices")
    vendor: Text | None = Field(None, description="ผู้ได้รับการคัดเลือก / selected vendor")
    agreed_price: Money | None = Field(None, description="ราคาที่ตกลงซื้อหรือจ้าง (บาท) / agreed price")
    reason: Text | None = Field(None, description="เหตุผลที่คัดเลือกโดยสังเขป / reason for the choice")
    contract_no: Text | None = Field(None, description="เลขที่สัญญาหรือข้อตกลง / contract number")
    contract_date: ThaiDate | None = Field(None, description="วันที่สัญญาหรือข้อตกลง / contract date")
    project_no: Text | None = Field(None, description="เลขที่โครงการ e-GP / e-GP project number")


class ProcurementMonth(Record):
    """`data/procurement/<fiscal year>/<MM>.yml` (or `.csv`/`.xlsx` holding the rows alone)."""

    rows: list[Purchase] = Field([], description="ว่าง = ไม่มีการจัดซื้อจัดจ้างในเดือนนี้ / empty = none this month")
    note_th: Text | None = None
    file: ContentPath | None = Field(None, description="แบบ สขร.1 ที่ลงนาม / the signed form")


# Headers of the สขร.1 form and of e-GP exports, for each field of Purchase.
PURCHASE_COLUMNS: dict[str, str] = {
    "ลำดับ": "no", "ลำดับที่": "no", "ที่": "no",
    "ปีงบประมาณ": "fiscal_year",
    "ชื่อหน่วยงาน": "agency", "หน่วยงาน": "agency", "อำเภอ": "district", "จังหวัด": "province",
    "กระทรวง": "ministry", "ประเภทหน่วยงาน": "agency_type",
    "งานที่จัดซื้อหรือจัดจ้าง": "item", "งานที่ซื้อหรือจ้าง": "item", "ชื่อรายการของงานที่ซื้อหรือจ้าง": "item",
    "รายการ": "item", "ชื่อโครงการ": "item",
    "วงเงินที่จัดซื้อหรือจัดจ้าง": "budget", "วงเงินที่จะซื้อหรือจ้าง": "budget", "วงเงินงบประมาณ": "budget",
    "วงเงินงบประมาณที่ได้รับจัดสรร (บาท)": "budget", "วงเงินงบประมาณที่ได้รับจัดสรร": "budget",
    "วงเงินงบประมาณ (บาท)": "budget",
    "แหล่งที่มาของงบประมาณ": "budget_source", "สถานะการจัดซื้อจัดจ้าง": "status", "สถานะ": "status",
    "วิธีซื้อหรือจ้าง": "method", "วิธีการจัดซื้อจัดจ้าง": "method", "วิธีการจัดหา": "method",
    "ราคากลาง": "reference_price", "ราคากลาง (บาท)": "reference_price",
    "รายชื่อผู้เสนอราคาและราคาที่เสนอ": "bidders", "ผู้เสนอราคาและราคาที่เสนอ": "bidders",
    "ผู้ได้รับการคัดเลือก": "vendor", "รายชื่อผู้ประกอบการที่ได้รับการคัดเลือก": "vendor",
    "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง": "vendor",
    "ราคาที่ตกลงซื้อหรือจ้าง": "agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)": "agreed_price",
    "เหตุผลที่คัดเลือกโดยสังเขป": "reason", "เหตุผลที่คัดเลือก": "reason",
    "เลขที่สัญญา": "contract_no", "เลขที่สัญญาหรือข้อตกลง": "contract_no",
    "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง": "contract_no",
    "วันที่สัญญา": "contract_date", "วันที่ลงนามในสัญญา": "contract_date", "วันที่ทำสัญญา": "contract_date",
    "เลขที่โครงการ": "project_no", "เลขที่โครงการ e-gp": "project_no", "เลขที่โครงการ e-GP": "project_no",
    "เลขที่โครงการในระบบ e-GP": "project_no",
}
REQUIRED_COLUMNS = ("item", "method")


def month_of(fiscal_year: int, number: int) -> tuple[int, int]:
    """(C.E. year, month) of calendar month `number` in a fiscal year: 10–12 fall in the year before."""
    return next(m for m in calendar.fiscal_months(fiscal_year) if m[1] == number)


def _sum(values: Iterable[Decimal | None]) -> Decimal:
    return sum((v for v in values if v is not None), Decimal(0))


@dataclass(frozen=True)
class Month:
    """One month of a fiscal year: its purchases, or None when nothing was disclosed for it yet."""

    fiscal_year: int
    month: tuple[int, int]  # (C.E. year, month)
    record: ProcurementMonth | None

    @property
    def key(self) -> str:
        """`10` … `09`: the page's folder under /procurement/<year>/."""
        return f"{self.month[1]:02d}"

    @property
    def period_key(self) -> str:
        """The month as a period (`2567-10` = October 2567 B.E.)."""
        return f"{calendar.ce_to_be(self.month[0])}-{self.month[1]:02d}"

    @property
    def label(self) -> str:
        """`ตุลาคม 2567`."""
        return calendar.format_thai_date(date(*self.month, 1), "month")

    @property
    def rows(self) -> list[Purchase]:
        """The purchases (none for a nil month or a month not disclosed)."""
        return list(self.record.rows) if self.record else []

    @property
    def disclosed(self) -> bool:
        """A month counts once it has a file, with rows or stating that there were none."""
        return self.record is not None

    def total(self, name: str) -> Decimal:
        """Exact sum of one money column (`budget`, `reference_price`, `agreed_price`)."""
        return _sum(getattr(r, name) for r in self.rows)


@dataclass(frozen=True)
class MethodLine:
    """The annual summary by method."""

    method: str
    count: int
    budget: Decimal
    agreed: Decimal


def year_months(fiscal_year: int, months: dict[tuple[int, int], ProcurementMonth]) -> list[Month]:
    """The twelve months October to September, each with its file if there is one."""
    return [Month(fiscal_year, m, months.get(m)) for m in calendar.fiscal_months(fiscal_year)]


def by_method(months: list[Month]) -> list[MethodLine]:
    """Count and sums per method over the year, in the order of METHODS."""
    groups: dict[str, list[Purchase]] = defaultdict(list)
    for month in months:
        for row in month.rows:
            groups[row.method].append(row)
    return [MethodLine(m, len(groups[m]), _sum(r.budget for r in groups[m]), _sum(r.agreed_price for r in groups[m]))
            for m in METHODS if groups[m]]


Months = dict[int, dict[tuple[int, int], ProcurementMonth]]  # fiscal year → (year, month) → summary


def public(years: Months, today: date) -> Months:
    """Months that have begun by `today`: a summary of a month still to come is not published."""
    return {year: {m: r for m, r in months.items() if date(*m, 1) <= today}
            for year, months in years.items()}
