"""OIT framework catalogues: the record types, and loading the shipped and custom catalogues.

A catalogue is data (`generator/oit/frameworks/<family>-<year>.yml`, or the office's own in
`data/frameworks/`), validated like any data file. Items name topics and a timeliness rule; the
readiness check (`generator/oit/readiness.py`) and the score arithmetic (`generator/base/scoring.py`) read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from generator.base.fields import FiscalYear, Text, TopicKey, WebUrl, one_of
from generator.engine.records import Record
from generator.base.problems import DataError

SHIPPED = Path(__file__).parent / "frameworks"

FAMILIES: dict[str, tuple[str, str]] = {
    "nacc": ("สำนักงาน ป.ป.ช. (ITAS)", "NACC main ITA"),
    "obec-school": ("สพฐ. ITA Online สถานศึกษา", "OBEC ITA Online, schools"),
    "obec-esa": ("สพฐ. ITA Online สำนักงานเขตพื้นที่การศึกษา", "OBEC ITA Online, ESA offices"),
    "ovec": ("สอศ. สถานศึกษาอาชีวศึกษา", "OVEC vocational colleges"),
    "moph": ("กระทรวงสาธารณสุข (MOIT)", "Ministry of Public Health"),
    "custom": ("กรอบการประเมินที่หน่วยงานกำหนดเอง", "custom catalogue"),
}

# How old evidence may be, relative to the assessed fiscal year (domain research §3.3).
TIMELINESS: dict[str, tuple[str, str]] = {
    "always": ("เป็นปัจจุบันเสมอ", "always valid while current"),
    "current_fy": ("ต้องเป็นของปีงบประมาณที่ประเมิน", "made for the assessed fiscal year"),
    "previous_fy": ("ต้องเป็นของปีงบประมาณก่อนหน้า", "covers the previous fiscal year"),
    "first_half": ("ต้องครอบคลุมรอบ 6 เดือนแรก (ต.ค. – มี.ค.)", "covers October to March of the assessed year"),
    "first_half_monthly": ("ต้องมีทุกเดือน ต.ค. – มี.ค.", "one entry per month, October to March"),
    "multi_year": ("แผนหลายปีที่ครอบคลุมปีงบประมาณที่ประเมิน", "a multi-year plan covering the assessed year"),
}

# Which fiscal year's evidence answers an item: NACC 2568 O7 on the 2568 list asks for the 2567 annual report.
EVIDENCE_YEARS: dict[str, tuple[str, str]] = {
    "current": ("ปีงบประมาณที่ประเมิน", "the assessed fiscal year"),
    "previous": ("ปีงบประมาณก่อนหน้า", "the fiscal year before the assessed one"),
}
EvidenceYear = one_of(EVIDENCE_YEARS)

ItemCode = Text  # "O1"…"O43", or a family's own code such as "MOIT1"


class Item(Record):
    """One OIT item: what the assessor checks, which topics may answer it, and how fresh it must be."""

    number: ItemCode = Field(description="เลขข้อ เช่น O1 / item number")
    title_th: Text
    topics: list[TopicKey] = Field(min_length=1, description="หัวข้อที่ใช้เป็นหลักฐาน / topics accepted")
    elements_th: list[Text] = Field([], description="องค์ประกอบที่ต้องมี / required elements")
    timeliness: one_of(TIMELINESS)
    nil_statement_th: Text | None = Field(None, description="ข้อความเมื่อไม่มีข้อมูล เช่น ไม่มีการจัดซื้อจัดจ้าง")
    evidence_year: EvidenceYear | dict[TopicKey, EvidenceYear] | None = Field(
        None, description="หลักฐานเป็นของปีใด: current หรือ previous หรือแยกตามหัวข้อ (ไม่ระบุ: previous เมื่อ timeliness "
                          "เป็น previous_fy) / whose fiscal year the evidence is, for the item or per topic")
    uncertain: bool = Field(False, description="แหล่งข้อมูลไม่แน่ชัด / source uncertain")
    note_th: Text | None = None

    @model_validator(mode="after")
    def _consistent_year(self) -> Item:
        """A per-topic year names the item's own topics; previous_fy never pairs with current evidence."""
        years = self.evidence_year if isinstance(self.evidence_year, dict) else {}
        stray = sorted(set(years) - set(self.topics))
        if stray:
            raise DataError(f"evidence_year ระบุหัวข้อที่ข้อนี้ไม่มี: {', '.join(stray)}",
                            f"evidence_year names topics the item does not list: {', '.join(stray)}", "evidence_year")
        if self.timeliness == "previous_fy" and any(self.year_of(t) == "current" for t in self.topics):
            raise DataError("timeliness: previous_fy หมายถึงหลักฐานของปีก่อนหน้า แต่ evidence_year ระบุ current",
                            "timeliness previous_fy means the previous year's evidence, but evidence_year says current",
                            "evidence_year")
        return self

    @property
    def slug(self) -> str:
        """URL slug of the item: `O21` → `o21`."""
        return self.number.lower()

    def year_of(self, topic: str) -> str:
        """`current` or `previous`: the fiscal year whose evidence answers `topic` for this item."""
        chosen = self.evidence_year.get(topic) if isinstance(self.evidence_year, dict) else self.evidence_year
        return chosen or ("previous" if self.timeliness == "previous_fy" else "current")

    def evidence_fy(self, topic: str, assessed: int) -> int:
        """The fiscal year of the evidence for `topic` when fiscal year `assessed` is assessed."""
        return assessed - 1 if self.year_of(topic) == "previous" else assessed


class SubIndicator(Record):
    id: Text = Field(description="เช่น 9.1 / e.g. 9.1")
    title_th: Text
    items: list[Item] = Field(min_length=1)


class Indicator(Record):
    number: Literal[9, 10]
    title_th: Text
    sub_indicators: list[SubIndicator] = Field(min_length=1)


class Framework(Record):
    """A catalogue file: the OIT items of one family for one or more fiscal years."""

    family: one_of(FAMILIES)
    fiscal_years: list[FiscalYear] = Field(min_length=1, description="ปีงบประมาณที่ใช้รายการนี้")
    title_th: Text
    complete: bool = Field(True, description="false เมื่อรายการยังไม่ครบ / false when the list is partial")
    sources: list[Text] = Field(min_length=1, description="แหล่งที่มา / where the list comes from")
    manual_url: WebUrl | None = Field(None, description="คู่มือการประเมินฉบับทางการของปี (ถ้ามีลิงก์จริง) "
                                                        "/ the year's official assessment manual, when a real link is known")
    indicators: list[Indicator] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_numbers(self) -> Framework:
        if sorted(ind.number for ind in self.indicators) != [9, 10]:
            raise DataError("กรอบการประเมินต้องมีตัวชี้วัดที่ 9 และ 10 อย่างละหนึ่งชุด (OIT = ค่าเฉลี่ยของทั้งสอง)",
                            "a catalogue needs indicators 9 and 10, once each (OIT is their mean)", "indicators")
        numbers = [item.number for item in self.items]
        repeated = sorted({n for n in numbers if numbers.count(n) > 1})
        if repeated:
            raise DataError(f"เลขข้อซ้ำกัน: {', '.join(repeated)} ให้แก้เลขข้อให้ไม่ซ้ำ",
                            f"item numbers repeat: {', '.join(repeated)}; make them unique", "duplicate_item")
        return self

    @property
    def ids(self) -> list[str]:
        """Every id this catalogue answers to: `<family>-<year>` for each of its years."""
        return [f"{self.family}-{year}" for year in self.fiscal_years]

    @property
    def items(self) -> list[Item]:
        """All items in catalogue order."""
        return [item for ind in self.indicators for sub in ind.sub_indicators for item in sub.items]


