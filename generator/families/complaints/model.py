"""Complaints (เรื่องร้องเรียน): how to complain, the channels, and the anonymised case register.

Three OIT items ask for the handling guideline, a channel for corruption complaints kept apart from
general ones, and statistics of corruption and misconduct complaints. `data/complaints.yml` holds the
guideline and the channels; `data/complaints/<fiscal year>.csv` (or `.yml`) holds one row per case
with no complainant identity, from which every figure is computed (families/complaints/stats.py).
A summary table printed in an existing report may be kept beside the register, or instead of it: it
is published as printed (its row labels and header wording too), the official figures, with its
totals recomputed beside any that differ, an acknowledgeable discrepancy. A year without `cases:`
has no per-case register, and then the site never says "no complaints": only an empty register
that covers the period may say so.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from generator.base import calendar
from generator.base.contacts import check_channel_contact
from generator.base.fields import (ContentPath, MarkdownText, Slug, Text, ThaiDate, WebUrl, WholeNumber, label_of,
                                   labelled, one_of, suggested)
from generator.engine.figures import Acknowledging
from generator.engine.records import Record
from generator.base.problems import DataError

CHANNEL_KINDS: dict[str, tuple[str, str]] = {
    "web_form": ("แบบฟอร์มออนไลน์", "online form"),
    "email": ("อีเมล", "e-mail"),
    "phone": ("โทรศัพท์", "telephone"),
    "letter": ("หนังสือหรือจดหมาย", "letter"),
    "walk_in": ("ยื่นด้วยตนเอง", "in person"),
    "line": ("LINE", "LINE"),
    "facebook": ("Facebook", "Facebook"),
    "box": ("ตู้รับเรื่องร้องเรียน", "complaint box"),
    "external": ("หน่วยงานภายนอกส่งต่อ (ป.ป.ช. ป.ป.ท. ฯลฯ)", "referred by another agency"),
}
ONLINE_CHANNELS = frozenset({"web_form", "email", "line", "facebook"})
CHANNEL_SCOPES: dict[str, tuple[str, str]] = {
    "corruption": ("แจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "corruption and misconduct"),
    "general": ("ร้องเรียนทั่วไป", "general complaints"),
}
EXTERNAL_ORGS: dict[str, tuple[str, str]] = {
    "nacc": ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (ป.ป.ช.)", "NACC"),
    "pacc": ("สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตในภาครัฐ (ป.ป.ท.)", "PACC"),
    "obec": ("สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน (สพฐ.)", "OBEC"),
    "ombudsman": ("สำนักงานผู้ตรวจการแผ่นดิน", "Ombudsman"),
    "damrongdham": ("ศูนย์ดำรงธรรม", "Damrongdham Centre"),
    "gcc1111": ("ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี (สายด่วน 1111)", "Government Contact Centre 1111"),
}
CATEGORIES: dict[str, tuple[str, str]] = {
    "corruption": ("การทุจริตและประพฤติมิชอบ", "corruption and misconduct"),
    "general": ("เรื่องร้องเรียนทั่วไป", "general matters"),
}
# The legal group's matter types (a whole caseload, not only complaints); codes, because real
# reports repeat one label on two rows.
MATTERS: dict[str, tuple[str, str]] = {
    "complaint_investigation": ("ร้องเรียน/ตรวจสอบ", "complaint or inspection"),
    "grievance": ("ร้องทุกข์", "grievance"),
    "appeal": ("อุทธรณ์", "appeal"),
    "discipline": ("วินัย", "disciplinary matter"),
    "tort": ("ละเมิด", "tort liability"),
    "nacc_case": ("เรื่องจาก ป.ป.ช.", "NACC case"),
    "criminal": ("คดีอาญา", "criminal case"),
    "civil": ("คดีแพ่ง", "civil case"),
    "administrative": ("คดีปกครอง", "administrative case"),
    "arbitration": ("อนุญาโตตุลาการ", "arbitration"),
    "prosecutor": ("งานอัยการ", "public prosecutor"),
    "qualification": ("ตรวจคุณสมบัติ", "qualification check"),
    "legal_advice": ("หารือข้อกฎหมาย", "legal advice"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "received": ("รับเรื่อง", "received"),
    "in_progress": ("อยู่ระหว่างดำเนินการ", "in progress"),
    "finished": ("ดำเนินการแล้วเสร็จ", "finished"),
    "terminated": ("ยุติเรื่อง", "closed without further action"),
    "referred": ("ส่งต่อหน่วยงานอื่น", "referred to another agency"),
}
CLOSED_STATUSES = frozenset({"finished", "terminated", "referred"})
OUTCOMES: dict[str, tuple[str, str]] = {
    "substantiated": ("มีมูล ดำเนินการตามระเบียบ", "substantiated, acted upon"),
    "unsubstantiated": ("ไม่มีมูล", "unsubstantiated"),
    "resolved": ("แก้ไขปัญหาแล้ว", "resolved"),
    "insufficient": ("ข้อมูลไม่เพียงพอต่อการตรวจสอบ", "not enough information to inquire"),
    "withdrawn": ("ผู้ร้องขอถอนเรื่อง", "withdrawn"),
    "referred": ("ส่งหน่วยงานที่มีอำนาจ", "sent to the competent agency"),
}
NIL_STATEMENT = "ไม่มีเรื่องร้องเรียน"


def _count(value: Any) -> Any:
    """Printed tables write nil as `-`; Thai digits are read too."""
    if isinstance(value, str):
        text = calendar.to_arabic_digits(value).strip()
        return 0 if text in {"-", "–", ""} else text
    return value


Count = Annotated[int, BeforeValidator(_count), Field(ge=0), WithJsonSchema(
    {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "string", "pattern": r"^\s*(?:[-–]|[0-9๐-๙]+)?\s*$"}],
     "description": "จำนวน (เลขไทยได้) หรือ - เมื่อไม่มี / a count, or - for none"})]


# --- how to complain ---------------------------------------------------------------------------


class Channel(Record):
    """One way to lodge a complaint: the office's own, or a national body's."""

    id: Slug
    kind: one_of(CHANNEL_KINDS)
    scope: one_of(CHANNEL_SCOPES) = Field(
        "corruption", description="corruption = ช่องทางแจ้งการทุจริต (แยกจากเรื่องทั่วไป) / general = ร้องเรียนทั่วไป")
    label_th: Text
    url: WebUrl | None = None
    contact_th: Text | None = Field(None, description="หมายเลขโทรศัพท์ อีเมล หรือที่อยู่ของสำนักงาน / office contact")
    external_org: one_of(EXTERNAL_ORGS) | None = None
    hours_th: Text | None = Field(None, description="วันและเวลาที่รับเรื่อง / opening hours")
    note_th: Text | None = None

    @field_validator("contact_th")
    @classmethod
    def _contact_fits_kind(cls, value: str | None, info: ValidationInfo) -> str | None:
        check_channel_contact(info.data.get("kind", ""), value)  # the page links it as mailto: or tel:
        return value

    @model_validator(mode="after")
    def _reachable(self) -> Channel:
        if not (self.url or self.contact_th):
            raise DataError("ช่องทางต้องมีลิงก์ (url) หรือข้อมูลติดต่อ (contact_th) อย่างน้อยหนึ่งอย่าง",
                            "a channel needs a link (url) or a contact (contact_th)", "channel")
        return self


class Step(Record):
    """One step of handling a complaint, with its time frame."""

    title_th: Text
    detail_th: Text | None = None
    days: WholeNumber | None = Field(None, ge=0, description="ระยะเวลาดำเนินการ (วันทำการ) / working days")
    unit: Slug | None = Field(None, description="หน่วยงานที่รับผิดชอบ (รหัสใน units.yml) / responsible unit")


class Guideline(Record):
    """แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ."""

    title_th: Text
    how_to_md: MarkdownText = Field(description="วิธีร้องเรียนและข้อมูลที่ควรแจ้ง / how to complain")
    steps: list[Step] = Field(min_length=1)
    time_frame_th: Text | None = Field(None, description="กรอบเวลาโดยรวม / overall time frame")
    protection_md: MarkdownText = Field(description="การคุ้มครองผู้ร้องเรียนและผู้แจ้งเบาะแส / whistle-blower protection")
    unit: Slug = Field(description="หน่วยงานที่รับผิดชอบ (รหัสใน units.yml) / responsible unit")
    responsible_th: Text | None = Field(None, description="ผู้รับผิดชอบ (ตำแหน่ง) / responsible post")
    document: Slug | None = Field(None, description="รหัสเอกสารคู่มือฉบับเต็ม / id of the full handbook document")


class ComplaintsFile(Record):
    """`data/complaints.yml`."""

    intro_md: MarkdownText | None = None
    guideline: Guideline
    channels: list[Channel] = Field(min_length=1)


# --- the register ------------------------------------------------------------------------------


class Case(Record):
    """One complaint as a statistic: no complainant, no person complained about, no narrative."""

    ref: Text = Field(description="เลขรับภายใน (ไม่เผยแพร่) / internal case reference, never published")
    received: ThaiDate = Field(description="วันที่รับเรื่อง / date received")
    channel: labelled(CHANNEL_KINDS)
    category: labelled(CATEGORIES)
    matter: labelled(MATTERS) = "complaint_investigation"
    status: labelled(STATUSES)
    closed: ThaiDate | None = Field(None, description="วันที่ดำเนินการแล้วเสร็จหรือยุติ / date closed")
    outcome: labelled(OUTCOMES) | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if self.status in CLOSED_STATUSES and self.closed is None:
            raise DataError(f"สถานะ '{STATUSES[self.status][0]}' ต้องมีวันที่ปิดเรื่อง (closed)",
                            f"status '{self.status}' needs the date the case was closed (closed)", "case")
        if self.status not in CLOSED_STATUSES and self.closed is not None:
            raise DataError(f"เรื่องที่ยังไม่ปิด (สถานะ '{STATUSES[self.status][0]}') ต้องไม่มีวันที่ปิดเรื่อง "
                            "ให้แก้สถานะหรือลบวันที่", f"an open case (status '{self.status}') has no closing date; "
                            "fix the status or remove the date", "case")
        if self.closed is not None and self.closed < self.received:
            raise DataError("วันที่ปิดเรื่องอยู่ก่อนวันที่รับเรื่อง", "the case is closed before it was received", "case")
        if self.outcome is not None and self.closed is None:
            raise DataError("ผลการดำเนินการ (outcome) ระบุได้เมื่อปิดเรื่องแล้วเท่านั้น",
                            "an outcome is given only once the case is closed", "case")
        return self

    def closed_by(self, day: date) -> bool:
        """Whether the case was closed on or before `day`."""
        return self.closed is not None and self.closed <= day


class PrintedRow(Record):
    """A row of a printed summary table, as printed (ยกมา, รับใหม่, รวม, เสร็จ, คงค้าง)."""

    matter: suggested(MATTERS) = Field(
        description="ภารกิจหรือประเภทเรื่องตามรายการ หรือข้อความตามที่พิมพ์ / the row's label, suggested or as printed")
    brought_forward: Count = 0
    received: Count = 0
    total: Count | None = None
    finished: Count = 0
    pending: Count | None = None

    @property
    def label_th(self) -> str:
        """The row's label: the vocabulary's for a known matter, the printed wording otherwise."""
        return label_of(MATTERS, self.matter)


class PrintedHeaders(Record):
    """The header of a printed table in its own wording; a column left out keeps the usual name."""

    matter: Text | None = Field(None, description="หัวคอลัมน์แรก เช่น ภารกิจ / first column")
    brought_forward: Text | None = Field(None, description="เช่น เรื่องค้างยกมา / brought forward")
    received: Text | None = Field(None, description="เช่น รับเรื่องใหม่ / received")
    total: Text | None = Field(None, description="เช่น รวมทั้งสิ้น / total")
    finished: Text | None = Field(None, description="เช่น ดำเนินการแล้วเสร็จ / finished")
    pending: Text | None = Field(None, description="เช่น อยู่ระหว่างดำเนินการ / pending")


class PrintedTotals(Record):
    """The totals row as printed; each figure is compared with the column sum."""

    brought_forward: Count | None = None
    received: Count | None = None
    total: Count | None = None
    finished: Count | None = None
    pending: Count | None = None


class PrintedTable(Record):
    """A summary table from an existing report, kept as printed beside the computed statistics."""

    title_th: Text
    period: Text = Field(description="ช่วงเวลา เช่น 2568-H1 / period covered")
    scope: one_of(CATEGORIES) | None = Field(None, description="ว่าง = ทุกเรื่อง / empty = every matter")
    headers: PrintedHeaders | None = Field(None, description="หัวตารางตามที่พิมพ์ / the header as printed")
    rows: list[PrintedRow] = Field(min_length=1)
    totals: PrintedTotals | None = None
    file: ContentPath | None = Field(None, description="ต้นฉบับรายงาน / the original report")

    @property
    def period_obj(self) -> calendar.Period:
        """The period as a Period (validated on load)."""
        return calendar.parse_period(self.period)

    @model_validator(mode="after")
    def _period(self) -> PrintedTable:
        try:
            calendar.parse_period(self.period)
        except calendar.ThaiDateError as exc:
            raise DataError(exc.th, exc.en, "period") from None
        return self


class ComplaintYear(Acknowledging):
    """`data/complaints/<fiscal year>.yml` (or `.csv` with the cases alone)."""

    as_of: ThaiDate | None = Field(
        None, description="ข้อมูล ณ วันที่ (ว่าง = วันที่สร้างเว็บไซต์) / the register is complete up to this date")
    cases: list[Case] | None = Field(
        None, description="ทะเบียนรายเรื่อง: [] = ทะเบียนว่าง ไม่มีเรื่องร้องเรียน; ไม่เขียน = ไม่มีทะเบียนรายเรื่อง "
                          "(ใช้ตารางที่เผยแพร่) / the per-case register: [] = empty; left out = none kept")
    printed_tables: list[PrintedTable] = []

    @property
    def has_register(self) -> bool:
        """Whether the year keeps a per-case register (a CSV, or `cases:` in the YAML, even empty)."""
        return self.cases is not None


def public(years: dict[int, ComplaintYear], today: date) -> dict[int, ComplaintYear]:
    """The registers as published on `today`: each speaks for its `as_of`, never for a later day, and one
    without an `as_of` speaks for `today`."""
    return {year: record.model_copy(update={"as_of": min(record.as_of or today, today)})
            for year, record in years.items()}


# Thai (and other) headers a register exported from Excel may carry, for each field of Case.
CASE_COLUMNS: dict[str, str] = {
    "เลขรับ": "ref", "เลขที่รับ": "ref", "เลขที่": "ref", "เลขรับเรื่อง": "ref", "เลขอ้างอิง": "ref",
    "วันที่รับ": "received", "วันที่รับเรื่อง": "received", "รับเรื่องวันที่": "received",
    "ช่องทาง": "channel", "ช่องทางการร้องเรียน": "channel",
    "ประเภท": "category", "ประเภทเรื่อง": "category", "หมวด": "category",
    "ลักษณะเรื่อง": "matter", "ภารกิจ": "matter",
    "สถานะ": "status", "สถานะการดำเนินการ": "status",
    "วันที่ปิดเรื่อง": "closed", "วันที่แล้วเสร็จ": "closed", "วันที่ยุติเรื่อง": "closed",
    "ผลการดำเนินการ": "outcome", "ผล": "outcome",
}
