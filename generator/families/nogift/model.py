"""No Gift (ไม่รับของขวัญ): the yearly declaration, culture activities, the gift register and its report.

Every OIT framework since 2565 asks for a signed declaration for the assessed year, activities that
build the culture, and (from 2566) a report of results. The report is computed from the register, so
its totals always add up; a report the office already printed keeps its own count and value
(`printed:`), shown as the official figures with the register's beside them and checked against it.
The nil statement is made only for a period whose every month was reviewed: an unreviewed month is
not a month without gifts. `data/nogift/<fiscal year>.yml` holds one year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from generator.base import calendar
from generator.base.fields import ContentPath, MarkdownText, Money, Text, ThaiDate, WholeNumber, one_of
from generator.engine.figures import Acknowledging
from generator.engine.records import Record, Signer
from generator.base.problems import DataError

NIL_STATEMENT = "ไม่มีการรับของขวัญหรือประโยชน์อื่นใด"
DEFAULT_THRESHOLD = Decimal("3000")  # NACC rule under มาตรา 128: per giver per occasion, configurable

GIVER_KINDS: dict[str, tuple[str, str]] = {
    "organisation": ("หน่วยงานหรือองค์กร", "organisation"),
    "company": ("บริษัทหรือห้างร้าน", "company"),
    "individual": ("บุคคลทั่วไป (ไม่เปิดเผยชื่อ)", "private individual (never named)"),
}
ACTIONS: dict[str, tuple[str, str]] = {
    "returned": ("ส่งคืนผู้ให้", "returned"),
    "declined": ("ปฏิเสธการรับ", "declined"),
    "handed_to_office": ("ส่งมอบเป็นของหน่วยงาน", "handed to the office"),
    "accepted_lawful": ("รับไว้โดยธรรมจรรยา (ไม่เกินเกณฑ์)", "accepted within the NACC rule"),
}


class Declaration(Record):
    """ประกาศเจตนารมณ์ No Gift Policy, signed by the top executive for one fiscal year."""

    title_th: Text
    title_en: Text | None = None
    number_th: Text | None = None
    date: ThaiDate
    signer: Signer
    scope_th: Text = Field(description="ผู้ที่ต้องถือปฏิบัติ เช่น ผู้บริหารและบุคลากรทุกคน / who it binds")
    text_md: MarkdownText = Field(description="ข้อความประกาศภาษาไทย / the Thai text")
    text_en_md: MarkdownText | None = Field(None, description="ข้อความภาษาอังกฤษ / the English text")
    file: ContentPath | None = Field(None, description="ต้นฉบับที่ลงนาม / the signed original")


class Activity(Record):
    """A culture-building activity (meeting, seminar, announcement) in which the executive takes part."""

    date: ThaiDate | None = None
    title_th: Text
    participants: WholeNumber | None = Field(None, ge=0, description="จำนวนผู้เข้าร่วม / number of participants")
    executive_present: bool = True
    summary_th: Text | None = None
    photos: list[ContentPath] = []


class Receipt(Record):
    """One gift or benefit offered to staff, recorded by the recipient's position, never a private name."""

    date: ThaiDate
    giver_kind: one_of(GIVER_KINDS)
    giver_org_th: Text | None = Field(None, description="ชื่อหน่วยงานหรือบริษัทผู้ให้ (ห้ามชื่อบุคคล) / giving body")
    description_th: Text
    value: Money = Field(description="มูลค่าโดยประมาณ (บาท) / estimated value in baht")
    recipient_position_th: Text = Field(description="ตำแหน่งผู้รับ (ห้ามระบุชื่อ) / recipient's position")
    action: one_of(ACTIONS) | None = Field(None, description="การดำเนินการ / what was done")
    decision_ref_th: Text | None = Field(None, description="เลขที่หนังสือหรือคำวินิจฉัย / decision reference")


def _month(text: str) -> str:
    """A reviewed month stays as written; one the report could not read is refused here, at its line."""
    try:
        calendar.parse_month(text)
    except calendar.ThaiDateError as exc:
        raise DataError(exc.th, exc.en, "date") from None
    return text


Month = Annotated[Text, AfterValidator(_month)]


class PrintedReport(Record):
    """The totals of a report as the office printed it, for a half year or the whole year."""

    period: Text = Field(description="ช่วงของรายงาน เช่น 2568-H1 (ครึ่งปีแรก) หรือ 2568 (ทั้งปี) / period")
    count: WholeNumber | None = Field(None, ge=0, description="จำนวนครั้งที่รับตามรายงาน / number of receipts printed")
    value: Money | None = Field(None, description="มูลค่ารวมตามรายงาน (บาท) / total value printed")

    @field_validator("period")
    @classmethod
    def _period(cls, text: str) -> str:
        try:
            calendar.parse_period(text)
        except calendar.ThaiDateError as exc:
            raise DataError(exc.th, exc.en, "period") from None
        return text


class NoGiftYear(Acknowledging):
    """`data/nogift/<fiscal year>.yml`."""

    declaration: Declaration | None = None
    activities: list[Activity] = []
    receipts: list[Receipt] = Field([], description="ทะเบียนการรับของขวัญ / the gift register")
    reported_months: list[Month] = Field(
        [], description="เดือนที่ตรวจแล้ว (เช่น 2024-10) เดือนที่ไม่มีรายการจะแสดงว่าไม่มีการรับ / months reviewed")
    printed: list[PrintedReport] = Field(
        [], description="ยอดรวมตามรายงานที่พิมพ์เผยแพร่แล้ว (ใช้เปรียบเทียบกับทะเบียน) / totals of printed reports")


@dataclass(frozen=True)
class MonthLine:
    """One month of the report: what was received, or the nil statement, or not yet reported."""

    month: tuple[int, int]
    count: int
    value: Decimal
    reported: bool

    @property
    def label_th(self) -> str:
        """`ตุลาคม 2567`."""
        return calendar.format_thai_date(date(*self.month, 1), "month")


@dataclass(frozen=True)
class Report:
    """The report of results for a period, computed from the register."""

    period: calendar.Period
    entries: tuple[Receipt, ...]
    months: tuple[MonthLine, ...]

    @property
    def reviewed(self) -> bool:
        """True when every month of the period was reviewed: only then may the page say nothing was received."""
        return all(line.reported for line in self.months)

    @property
    def total_value(self) -> Decimal:
        """Sum of estimated values, exact."""
        return sum((r.value for r in self.entries), Decimal(0))

    def by_action(self) -> list[tuple[str, int, Decimal]]:
        """(action, count, value) in the order of ACTIONS, then unrecorded actions."""
        counts = Counter(r.action for r in self.entries)
        keys = [a for a in ACTIONS if counts[a]] + ([None] if counts[None] else [])
        return [(k or "", counts[k], sum((r.value for r in self.entries if r.action == k), Decimal(0)))
                for k in keys]


def report(year: NoGiftYear, fiscal_year: int, part: str = "") -> Report:
    """The report of `fiscal_year` (or its half `H1`/`H2`) from the register."""
    return report_over(year, fiscal_year, calendar.parse_period(f"{fiscal_year}-{part}" if part else str(fiscal_year)))


def report_over(year: NoGiftYear, fiscal_year: int, period: calendar.Period) -> Report:
    """The report of any period inside `fiscal_year` (a printed report's own) from the register."""
    entries = tuple(r for r in year.receipts if period.start <= r.date <= period.end)
    reported = {calendar.parse_month(m) for m in year.reported_months}
    months = []
    for month in calendar.fiscal_months(fiscal_year):
        if not period.start <= date(*month, 1) <= period.end:
            continue
        in_month = [r for r in entries if (r.date.year, r.date.month) == month]
        months.append(MonthLine(month, len(in_month), sum((r.value for r in in_month), Decimal(0)),
                                bool(in_month) or month in reported))
    return Report(period, entries, tuple(months))


def says_nil(year: NoGiftYear, report: Report) -> bool:
    """Whether a page may state NIL_STATEMENT for the report's period: every month reviewed, nothing in the
    register, and no printed report of an overlapping period that counts a receipt (the data would then
    say the opposite of the nil statement)."""
    if report.entries or not report.reviewed:
        return False
    for printed in year.printed:
        period = calendar.parse_period(printed.period)
        if period.start <= report.period.end and report.period.start <= period.end and (printed.count or printed.value):
            return False
    return True


def public(years: dict[int, NoGiftYear], today: date) -> dict[int, NoGiftYear]:
    """No Gift years as of `today`: nothing dated in the future is published yet."""
    shown = {}
    for year, record in years.items():
        declaration = record.declaration if record.declaration and record.declaration.date <= today else None
        shown[year] = record.model_copy(update={
            "declaration": declaration,
            "activities": [a for a in record.activities if a.date is None or a.date <= today],
            "receipts": [r for r in record.receipts if r.date <= today],
        })
    return shown
