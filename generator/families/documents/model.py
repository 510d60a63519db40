"""`data/documents/<fiscal year>.yml`: published originals with their metadata.

A document is dated as printed: to the day, to the month only ("เมษายน 2566", a `MonthDate`) or
not at all (`date: null`, shown as "ไม่ระบุวันที่"). An undated document's fiscal year is its file's,
which the loader always gives (a file not named after its year is refused), so nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.engine.publication import newest_public
from generator.base import calendar
from generator.base import scoring
from generator.base.contacts import EmailAddress, PhoneNumber
from generator.base.fields import (ContentPath, FiscalYear, Money, PrintedDate, Slug, Text, ThaiDate, TopicKey, WebUrl,
                                   one_of)
from generator.base.problems import DataError
from generator.base.vocabulary import (DOCUMENT_KINDS, DOCUMENT_STATUSES, EXECUTIVE_ROLES, LAW_KINDS, OFFICE_TYPES,
                         SIGNING_CAPACITIES, SOCIAL_KINDS, UNIT_KINDS)
from generator.engine.records import ChangeNote, Record, Signer, Withdrawal


class Document(Record):
    """One entry of `data/documents/<fiscal year>.yml`: a published original with its metadata."""

    id: Slug
    title_th: Text
    title_en: Text | None = None
    kind: one_of(DOCUMENT_KINDS)
    topics: list[TopicKey] = []
    fiscal_year: FiscalYear | None = Field(
        None, description="ปีงบประมาณ ถ้าไม่ระบุใช้ปีจากชื่อไฟล์ / defaults to the file name's year")
    period: Text | None = Field(None, description="ช่วงเวลา เช่น 2568-H1, 2568-Q2, 2566-2570, 2024-11 / period")
    date: PrintedDate | None = Field(description="วันที่ของเอกสาร เช่น 15 เม.ย. 2566 หรือเพียงเดือน เช่น เมษายน 2566 "
                                                 "ถ้าเอกสารไม่ระบุวันที่ ให้เว้นว่าง (date:) / date signed or issued, a month "
                                                 "only, or empty when the document has none")
    published: ThaiDate | None = Field(None, description="วันที่เผยแพร่ / publication date")
    number_th: Text | None = Field(None, description="เลขที่เอกสาร เช่น ที่ 123/2568 / document number")
    file: ContentPath | None = None
    url: WebUrl | None = None
    signer: Signer | None = None
    owner: Slug | None = Field(None, description="รหัสกลุ่มที่รับผิดชอบ / responsible unit id")
    summary_th: Text | None = None
    status: one_of(DOCUMENT_STATUSES) = "published"
    withdrawn: Withdrawal | None = Field(None, description="ถอนการเผยแพร่ (วันที่และเหตุผล) / withdrawal")
    changes: list[ChangeNote] = []

    @field_validator("period")
    @classmethod
    def _known_period(cls, value: str | None) -> str | None:
        if value:
            try:
                calendar.parse_period(value)
            except calendar.ThaiDateError as exc:
                raise DataError(exc.th, exc.en, "period") from None
        return value

    @model_validator(mode="after")
    def _one_original(self) -> Document:
        if (self.file is None) == (self.url is None):
            raise DataError("เอกสารต้องมี file (ไฟล์ต้นฉบับ) หรือ url (ลิงก์) อย่างใดอย่างหนึ่ง",
                            "a document needs exactly one of file (the original) or url (a link)", "original")
        return self

    @property
    def period_obj(self) -> calendar.Period:
        """The period the document covers: its `period`, or its whole fiscal year."""
        if self.period:
            return calendar.parse_period(self.period)
        if self.fiscal_year is None and self.date is None:
            raise ValueError(f"document {self.id} has neither a date nor a fiscal year")  # the loader gives one
        return calendar.period_for_fiscal_year(self.fiscal_year or calendar.fiscal_year(self.date))  # type: ignore[arg-type]

    @property
    def publication_date(self) -> date | None:
        """The day the document may appear on the site; None: undated and no `published`, so no day holds it back.

        A month-dated document may appear from the month's first day: it was issued in that month,
        and holding it back to the month's end would hide a report the office has already published.
        """
        return self.published or self.date

    @property
    def draft(self) -> bool:
        """A draft is never published (generator/engine/publication.py)."""
        return self.status == "draft"


class DocumentsFile(Record):
    documents: list[Document]


def public(documents: list[Document], today: date) -> tuple[Document, ...]:
    """Documents published by `today` (no draft, nothing dated later, nothing withdrawn), newest first."""
    return newest_public(documents, today)
