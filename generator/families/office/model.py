"""The office profile: `office.yml`, `units.yml`, `executives.yml` and `laws.yml`.

Models forbid unknown keys (a typo must not silently drop a value) and carry Thai descriptions that
end up in the JSON Schema for editor autocompletion. Cross-field rules (a vacant post has no name)
live here; rules that need other files (a unit id exists, a file is on disk) live in the checks.
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
from generator.engine.records import Record


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


class EService(Record):
    """An online service the office runs (OIT: E-Service), linked from the home page."""

    title_th: Text = Field(description="ชื่อบริการ เช่น ระบบสารบรรณอิเล็กทรอนิกส์ / service name")
    url: WebUrl = Field(description="ที่อยู่ของบริการ / the service's address")
    summary_th: Text | None = Field(None, description="บริการนี้ทำอะไรได้ (สั้น ๆ) / one line on what it does")


class Duties(Record):
    basis_th: Text = Field(description="กฎหมายที่ให้อำนาจ / legal basis of the duties")
    items_th: list[Text] = Field(min_length=1, description="สรุปอำนาจหน้าที่ / summary of duties")


class Office(Record):
    """`data/office.yml`: who the office is and how to reach it (OIT: structure, contact, duties).

    Only the name is required: a real office's reports may state no address, phone or e-mail, and
    the profile holds what a source states, never a placeholder. What is missing is readiness: the
    contact page shows what is given, and counts as the OIT contact item only when it is complete.
    """

    id: Slug = Field("office", description="รหัสหน่วยงาน (ไม่ใส่ก็ได้) / the office's id (optional)")
    name_th: Text = Field(description="ชื่อหน่วยงานเต็มภาษาไทย / full Thai name")
    name_en: Text | None = None
    short_name_th: Text | None = Field(None, description="ชื่อย่อ เช่น สพป.ตัวอย่าง เขต 1 / short name")
    short_name_en: Text | None = None
    type: one_of(OFFICE_TYPES) | None = None
    parent_th: Text | None = Field(None, description="หน่วยงานต้นสังกัด / parent body")
    parent_en: Text | None = None
    address_th: Text | None = Field(None, description="ที่อยู่ตามที่เผยแพร่ / postal address")
    address_en: Text | None = None
    map_url: WebUrl | None = None
    phones: list[Phone] = Field([], description="หมายเลขโทรศัพท์ของสำนักงาน / office phone numbers")
    fax: PhoneNumber | None = None
    emails: list[Email] = Field([], description="อีเมลของสำนักงาน / office e-mail addresses")
    website: WebUrl | None = None
    office_hours_th: Text | None = None
    social: list[Social] = []
    vision_th: Text | None = None
    mission_th: list[Text] = []
    duties: Duties | None = None
    emblem: ContentPath | None = Field(None, description="ตราสัญลักษณ์หรือโลโก้ในโฟลเดอร์ content/ (ไม่ใส่: ใช้ตราแทนแบบกลาง) / "
                                       "emblem or logo under content/ (none: a neutral placeholder)")
    statement_th: Text | None = Field(None, description="ข้อความสั้นบนหน้าแรก (ไม่ใส่: ใช้วิสัยทัศน์) / "
                                      "a short statement for the home page (none: the vision)")
    eservices: list[EService] = Field([], description="บริการออนไลน์ (E-Service) ของสำนักงาน / online services")

    @property
    def contact_gaps(self) -> list[tuple[str, str]]:
        """(Thai, English) of each contact the OIT contact item asks for and the profile lacks."""
        wanted = (("ที่อยู่", "address", self.address_th), ("หมายเลขโทรศัพท์", "phone number", self.phones),
                  ("อีเมล", "e-mail address", self.emails))
        return [(th, en) for th, en, value in wanted if not value]


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
