"""`data/site.yml`: the choices an office makes once (frameworks per year, scoring, gift threshold, digits)."""

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
        {}, description="กรอบการประเมิน OIT ต่อปีงบประมาณ เช่น 2569: nacc-2569 หรือชื่อตระกูลเมื่อยังไม่ประกาศรายการของปี "
                        "เช่น 2570: nacc (ใช้รายการล่าสุดของตระกูลเป็นการชั่วคราว) / catalogue per fiscal year, or a "
                        "family (its latest list stands in until the year's list is published)",
        # JSON Schema keys are text: a B.E. year, Arabic or Thai digits (an editor then flags 2025).
        json_schema_extra={"propertyNames": {"pattern": "^[2๒][4-6๔-๖][0-9๐-๙]{2}$"}})
    scoring: ScoringConfig = Field(default_factory=ScoringConfig)
    gift_threshold: Money = Field(Decimal("3000"), description="มูลค่าของขวัญที่รับได้โดยธรรมจรรยาต่อโอกาส (บาท) "
                                                                "/ lawful gift value per occasion (baht)")
    thai_digits: bool = Field(False, description="แสดงวันที่และปีด้วยเลขไทย (ไม่ใช้กับลิงก์ รหัส โทรศัพท์ จำนวนเงิน) "
                                                 "/ Thai digits in dates and years")
