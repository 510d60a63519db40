"""What every record shares: the strict base model, the signer of an official paper, a withdrawal and a
change note. Documents, policies and news posts use them; they know nothing of any family."""

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
