"""Record types: one pydantic model per data-file shape, immutable once loaded.

Models forbid unknown keys (a typo must not silently drop a value) and carry Thai descriptions that
end up in the JSON Schema for editor autocompletion. Cross-field rules (a vacant post has no name, a
document has a file or a link) live here; rules that need other files (a unit id exists, a file is
on disk) live in `generator.load`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.base import calendar
from generator.base import scoring
from generator.base.contacts import EmailAddress, PhoneNumber
from generator.base.fields import ContentPath, FiscalYear, Money, Slug, Text, ThaiDate, TopicKey, WebUrl, one_of
from generator.base.problems import DataError
from generator.base.vocabulary import (DOCUMENT_KINDS, DOCUMENT_STATUSES, EXECUTIVE_ROLES, LAW_KINDS, OFFICE_TYPES,
                         SIGNING_CAPACITIES, SOCIAL_KINDS, UNIT_KINDS)


class Record(BaseModel):
    """Base of every record: unknown keys are errors, values are frozen and trimmed."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              ignored_types=(cached_property,))


# --- office profile -------------------------------------------------------------------------


class Phone(Record):
    label_th: Text = Field(description="ชื่อหมายเลข เช่น สายกลาง / label")
    number: PhoneNumber = Field(description="หมายเลขโทรศัพท์ของสำนักงาน / office number")


OfficialEmail = Annotated[EmailAddress, Field(description="อีเมลของสำนักงาน / office e-mail")]


class Email(Record):
    label_th: Text
    address: OfficialEmail


class Social(Record):
    kind: one_of(SOCIAL_KINDS)
    label_th: Text
    url: WebUrl


class Duties(Record):
    basis_th: Text = Field(description="กฎหมายที่ให้อำนาจ / legal basis of the duties")
    items_th: list[Text] = Field(min_length=1, description="สรุปอำนาจหน้าที่ / summary of duties")


class Office(Record):
    """`data/office.yml`: who the office is and how to reach it (OIT: structure, contact, duties)."""

    id: Slug
    name_th: Text = Field(description="ชื่อหน่วยงานเต็มภาษาไทย / full Thai name")
    name_en: Text | None = None
    short_name_th: Text | None = Field(None, description="ชื่อย่อ เช่น สพป.ตัวอย่าง เขต 1 / short name")
    short_name_en: Text | None = None
    type: one_of(OFFICE_TYPES)
    parent_th: Text | None = Field(None, description="หน่วยงานต้นสังกัด / parent body")
    parent_en: Text | None = None
    address_th: Text
    address_en: Text | None = None
    map_url: WebUrl | None = None
    phones: list[Phone] = Field(min_length=1)
    fax: PhoneNumber | None = None
    emails: list[Email] = Field(min_length=1)
    website: WebUrl | None = None
    office_hours_th: Text | None = None
    social: list[Social] = []
    vision_th: Text | None = None
    mission_th: list[Text] = []
    duties: Duties | None = None


class Unit(Record):
    """An organisation unit (กลุ่ม, หน่วย) with its duties."""

    id: Slug
    name_th: Text
    name_en: Text | None = None
    kind: one_of(UNIT_KINDS) = "group"
    head_th: Text | None = Field(None, description="ชื่อและตำแหน่งหัวหน้า / head's name and position")
    phone: PhoneNumber | None = None
    email: OfficialEmail | None = None
    duties_th: list[Text] = []


class UnitsFile(Record):
    units: list[Unit]


class Executive(Record):
    """An executive with an official photo and a direct official contact (OIT: executives)."""

    id: Slug
    name_th: Text | None = None
    name_en: Text | None = None
    position_th: Text
    position_en: Text | None = None
    role: one_of(EXECUTIVE_ROLES)
    photo: ContentPath | None = None
    phone: PhoneNumber | None = None
    email: OfficialEmail | None = None
    supervises: list[Slug] = Field([], description="รหัสกลุ่มที่กำกับดูแล / ids of supervised units")
    vacant: bool = Field(False, description="ตำแหน่งว่าง / the post is vacant")

    @model_validator(mode="after")
    def _name_unless_vacant(self) -> Executive:
        if not self.vacant and not self.name_th:
            raise DataError("ต้องระบุ name_th หรือถ้าตำแหน่งว่างให้เขียน vacant: true",
                            "name_th is required; for a vacant post write vacant: true", "missing")
        if self.vacant and (self.name_th or self.photo):
            raise DataError("ตำแหน่งว่างต้องไม่มีชื่อและรูปถ่าย ให้ลบ name_th/photo หรือเปลี่ยนเป็น vacant: false",
                            "a vacant post has no name or photo; remove name_th/photo or set vacant: false",
                            "vacant")
        return self


class ExecutivesFile(Record):
    executives: list[Executive]


class Law(Record):
    """A law the office works under (OIT: related laws), with a link to its official text."""

    id: Slug
    title_th: Text
    title_en: Text | None = None
    kind: one_of(LAW_KINDS)
    year_be: FiscalYear | None = Field(None, description="ปี พ.ศ. ที่ประกาศใช้ / B.E. year enacted")
    summary_th: Text | None = None
    url: WebUrl | None = None
    file: ContentPath | None = None


class LawsFile(Record):
    laws: list[Law]


class Weights(Record):
    IIT: Decimal = Field(Decimal("0.30"), ge=0, le=1)
    EIT: Decimal = Field(Decimal("0.30"), ge=0, le=1)
    OIT: Decimal = Field(Decimal("0.40"), ge=0, le=1)


class ScoringConfig(Record):
    """When NACC changes the weights or the pass mark, the office changes data, not code."""

    pass_mark: Decimal = Field(Decimal("85"), ge=0, le=100, description="เกณฑ์ผ่าน / pass mark")
    weights: Weights = Field(default_factory=Weights, description="น้ำหนัก IIT/EIT/OIT / tool weights")

    def scale(self) -> scoring.Scale:
        """The scoring scale with these settings."""
        return scoring.Scale(pass_mark=self.pass_mark, weights=self.weights.model_dump())


class SiteConfig(Record):
    """`data/site.yml`: choices the office makes once, such as its OIT framework per fiscal year."""

    frameworks: dict[FiscalYear, Slug] = Field(
        {}, description="กรอบการประเมิน OIT ต่อปีงบประมาณ เช่น 2568: nacc-2568 / framework per fiscal year",
        # JSON Schema keys are text: a B.E. year, Arabic or Thai digits (an editor then flags 2025).
        json_schema_extra={"propertyNames": {"pattern": "^[2๒][4-6๔-๖][0-9๐-๙]{2}$"}})
    scoring: ScoringConfig = Field(default_factory=ScoringConfig)
    gift_threshold: Money = Field(Decimal("3000"), description="มูลค่าของขวัญที่รับได้โดยธรรมจรรยาต่อโอกาส (บาท) "
                                                                "/ lawful gift value per occasion (baht)")
    thai_digits: bool = Field(False, description="แสดงวันที่และปีด้วยเลขไทย (ไม่ใช้กับลิงก์ รหัส โทรศัพท์ จำนวนเงิน) "
                                                 "/ Thai digits in dates and years")


# --- documents ------------------------------------------------------------------------------


class Signer(Record):
    """Who signed, and in what capacity: the formula printed under the name on Thai official papers."""

    name_th: Text
    position_th: Text
    capacity: one_of(SIGNING_CAPACITIES) = "self"
    for_position_th: Text | None = Field(
        None, description="ตำแหน่งที่ลงนามแทน เช่น ผู้อำนวยการสำนักงาน… / the post signed for (acting, on behalf)")


class Withdrawal(Record):
    """ถอนการเผยแพร่: an item taken down keeps its address, which then says when and why.

    A link an assessor or a citizen saved must not end in a 404 (GOV.UK keeps withdrawn pages
    for the same reason); the original itself is no longer published.
    """

    date: ThaiDate = Field(description="วันที่ถอนการเผยแพร่ / date withdrawn")
    reason_th: Text = Field(description="เหตุผลที่ถอน เช่น มีข้อมูลส่วนบุคคล / why it was withdrawn")
    replaced_by: Slug | None = Field(None, description="รหัสรายการที่เผยแพร่แทน (ถ้ามี) / id of the replacement")


class ChangeNote(Record):
    date: ThaiDate
    note_th: Text


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
    date: ThaiDate = Field(description="วันที่ของเอกสาร / date signed or issued")
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
        return calendar.period_for_fiscal_year(self.fiscal_year or calendar.fiscal_year(self.date))

    @property
    def publication_date(self) -> date:
        """The day the document may appear on the site."""
        return self.published or self.date

    @property
    def draft(self) -> bool:
        """A draft is never published (generator/engine/publication.py)."""
        return self.status == "draft"


class DocumentsFile(Record):
    documents: list[Document]
