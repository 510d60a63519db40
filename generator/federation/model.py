"""`federation.yml`: the offices a supervising body follows, validated like any data file."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.base.fields import FiscalYear, Slug, Text, WebUrl, one_of
from generator.base.problems import DataError
from generator.base.vocabulary import OFFICE_TYPES
from generator.engine.records import Record


class Member(Record):
    """One office: who it is, and where its data (to build) or its published site (to read) lives."""

    code: Slug = Field(description="รหัสหน่วยงาน ไม่ซ้ำกัน ใช้เป็นชื่อโฟลเดอร์และ URL / unique code")
    name_th: Text
    type: one_of(OFFICE_TYPES)
    parent_th: Text | None = Field(None, description="หน่วยงานต้นสังกัด เช่น สพฐ. / parent body")
    repository: Text | None = Field(None, description="โฟลเดอร์ของข้อมูลหน่วยงาน (เทียบกับไฟล์นี้) หรือที่อยู่ git / "
                                                        "the office's repository: a folder (from this file) or a git address")
    site: WebUrl | None = Field(None, description="เว็บไซต์ที่เผยแพร่แล้ว อ่านไฟล์ OIT จากที่นี่เมื่อไม่ได้สร้างเอง / "
                                                  "the published site, read when the office is not built here")

    @model_validator(mode="after")
    def _somewhere(self) -> Member:
        if not self.repository and not self.site:
            raise DataError("ต้องระบุ repository หรือ site อย่างน้อยหนึ่งอย่าง", "give a repository or a site")
        return self


class Federation(Record):
    """The list, the fiscal year the supervisory site shows, and the years of its trend."""

    name_th: Text = Field(description="ชื่อหน่วยงานที่กำกับดูแล / the supervising body")
    year: FiscalYear = Field(description="ปีงบประมาณที่แสดง / the fiscal year shown")
    trend_years: list[FiscalYear] = Field([], description="ปีที่แสดงแนวโน้มคะแนน (ไม่ใส่ = 3 ปีล่าสุด) / trend years")
    offices: list[Member] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Federation:
        seen: set[str] = set()
        for member in self.offices:
            if member.code in seen:
                raise DataError(f"รหัส {member.code} ซ้ำ", f"the code {member.code} is listed twice")
            seen.add(member.code)
        return self

    @property
    def years(self) -> list[int]:
        """The trend's fiscal years, oldest first, ending with the year shown."""
        years = self.trend_years or [self.year - 2, self.year - 1, self.year]
        return sorted(set(years) | {self.year})
