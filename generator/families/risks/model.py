"""Corruption risk assessment (การประเมินความเสี่ยงการทุจริต) and its follow-up, from one file per year.

`data/risks/<fiscal year>.yml` lists the risks the office found in its processes: likelihood and
impact on 1–5 scales when the report gives them (a report may list risks as text alone: then no
score, no level and no matrix cell is shown, never an invented one), the controls already in place
and the new controls (measures) with the units responsible. As the year goes on, each new control
gets a status and what was done, each risk a residual likelihood and impact, and `follow_up: as_of:`
says up to which day. Scores (likelihood × impact) and levels are computed here, never typed; a
printed score, level or count of risks is kept as `score_published`, `level_published` and
`stated_count`, shown as the official figure, and compared (generator/families/risks/checks.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Iterable

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from generator.base import calendar
from generator.base.fields import Slug, Text, ThaiDate, WholeNumber, label_of, labelled, suggested
from generator.engine.figures import Acknowledging
from generator.engine.owners import Owners
from generator.engine.records import Record
from generator.base.problems import DataError
from generator.base.scoring import percent
from generator.base.vocabulary import IMPLEMENTATION_ALIASES, IMPLEMENTATION_STATUSES


@dataclass(frozen=True)
class Band:
    """One level of the 5×5 matrix: the scores (likelihood × impact) from `lowest` to `highest`."""

    key: str
    th: str
    en: str
    lowest: int
    highest: int


# The level of a score, the bands of the usual Thai 5×5 matrix (the NACC and OPDC guides' common
# practice; research/domain.md §4.6 leaves the office's template to decide). The only table of limits:
# the pages, the checks and the published level all read it.
BANDS: tuple[Band, ...] = (
    Band("low", "ต่ำ", "low", 1, 3),
    Band("medium", "ปานกลาง", "medium", 4, 8),
    Band("high", "สูง", "high", 9, 14),
    Band("very_high", "สูงมาก", "very high", 15, 25),
)
LEVELS: dict[str, tuple[str, str]] = {b.key: (b.th, b.en) for b in BANDS}
# What 1 to 5 means on either scale (likelihood and impact use the same words).
SCALE_TH: dict[int, str] = {1: "น้อยมาก", 2: "น้อย", 3: "ปานกลาง", 4: "สูง", 5: "สูงมาก"}

RISK_KINDS: dict[str, tuple[str, str]] = {
    "conflict_of_interest": ("ผลประโยชน์ทับซ้อน", "conflict of interest"),
    "bribery": ("การเรียกรับสินบน", "bribery"),
    "abuse_of_discretion": ("การใช้ดุลพินิจโดยมิชอบ", "abuse of discretion"),
    "abuse_of_position": ("การใช้อำนาจหน้าที่โดยมิชอบ", "abuse of position"),
    "misuse_of_assets": ("การใช้ทรัพย์สินของราชการโดยมิชอบ", "misuse of public assets"),
    "gifts": ("การรับของขวัญหรือประโยชน์อื่นใด", "gifts and benefits"),
    "procedure_evasion": ("การหลีกเลี่ยงระเบียบหรือขั้นตอน", "evading rules or procedures"),
    "other": ("อื่น ๆ", "other"),
}
_KIND_ALIASES = {
    "การขัดกันระหว่างประโยชน์ส่วนบุคคลและประโยชน์ส่วนรวม": "conflict_of_interest",
    "ผลประโยชน์ขัดกัน": "conflict_of_interest",
    "สินบน": "bribery",
    "การรับสินบน": "bribery",
    "การใช้ดุลยพินิจโดยมิชอบ": "abuse_of_discretion",
    "การใช้อำนาจและตำแหน่งหน้าที่โดยมิชอบ": "abuse_of_position",
    "อื่นๆ": "other",
}
CONTROL_STATUSES = IMPLEMENTATION_STATUSES
_STATUS_ALIASES = IMPLEMENTATION_ALIASES
# The three boxes every follow-up lists, even at 0; the other statuses are listed when a control has them.
ALWAYS_LISTED = ("done", "in_progress", "not_started")
UNSCORED = ("unscored", "ไม่ได้ให้คะแนน")  # a risk the report gives without likelihood and impact


def level_of(score: int) -> Band:
    """The band a score (1–25) falls in."""
    return next(b for b in BANDS if b.lowest <= score <= b.highest)


def _rating(value: Any) -> int:
    text = calendar.to_arabic_digits(str(value)).strip()
    if isinstance(value, bool) or not text.isdigit() or not 1 <= int(text) <= 5:
        raise DataError(f"ต้องเป็นจำนวนเต็ม 1 ถึง 5 (1 = น้อยมาก, 5 = สูงมาก) ไม่ใช่ '{value}'",
                        f"must be a whole number from 1 to 5 (1 = very low, 5 = very high), not '{value}'", "rating")
    return int(text)


Rating = Annotated[int, BeforeValidator(_rating), WithJsonSchema(
    {"type": "integer", "minimum": 1, "maximum": 5, "description": "1 = น้อยมาก … 5 = สูงมาก / 1 (very low) to 5"})]


class Control(Record):
    """A new control (มาตรการ) against a risk, its unit and schedule, then what became of it."""

    measure_th: Text = Field(description="มาตรการหรือแนวทางป้องกัน / the measure")
    owner: Owners
    schedule_th: Text | None = Field(None, description="ระยะเวลาดำเนินการ เช่น ธันวาคม 2567 – มีนาคม 2568 / schedule")
    status: labelled(CONTROL_STATUSES, _STATUS_ALIASES) | None = Field(
        None, description="สถานะในรายงานติดตามผล (ว่าง = ไม่ได้รายงาน) / status in the follow-up (none: not reported)")

    @property
    def reported(self) -> str:
        """The status a follow-up shows: a control without one was not reported, never "not started"."""
        return self.status or "not_reported"
    result_th: Text | None = Field(None, description="ผลการดำเนินการ / what was done")


class Risk(Record):
    """One risk of the register, with its computed score and level before and after treatment."""

    id: Slug
    process_th: Text = Field(description="กระบวนงานหรือภารกิจ เช่น การจัดซื้อจัดจ้าง / process or mission")
    risk_th: Text = Field(description="เหตุการณ์ความเสี่ยง / what could happen")
    kind: suggested(RISK_KINDS, _KIND_ALIASES) = Field(
        description="ประเภทความเสี่ยง: ตามรายการ หรือข้อความตามที่รายงานเขียน / kind: suggested, or as printed")
    likelihood: Rating | None = Field(None, description="โอกาสที่จะเกิด 1–5 (ว่าง = รายงานไม่ได้ให้คะแนน) / likelihood")
    impact: Rating | None = Field(None, description="ผลกระทบ 1–5 (ว่าง = รายงานไม่ได้ให้คะแนน) / impact")
    score_published: WholeNumber | None = Field(None, description="คะแนนตามที่พิมพ์ไว้ (ใช้เปรียบเทียบ) / printed score")
    level_published: labelled(LEVELS) | None = Field(None, description="ระดับตามที่พิมพ์ไว้ / printed level")
    existing_controls_th: list[Text] = Field([], description="การควบคุมที่มีอยู่ / controls already in place")
    controls: list[Control] = Field([], description="มาตรการเพิ่มเติม / new controls")
    residual_likelihood: Rating | None = Field(None, description="โอกาสหลังดำเนินการ / likelihood after treatment")
    residual_impact: Rating | None = Field(None, description="ผลกระทบหลังดำเนินการ / impact after treatment")

    @model_validator(mode="after")
    def _pairs(self) -> Risk:
        if (self.likelihood is None) != (self.impact is None):
            raise DataError("ให้ระบุ likelihood และ impact คู่กัน หรือไม่ระบุทั้งสองช่องเมื่อรายงานไม่ได้ให้คะแนน",
                            "give likelihood and impact together, or neither when the report gives no scores",
                            "rating_pair")
        if (self.residual_likelihood is None) != (self.residual_impact is None):
            raise DataError("ให้ระบุ residual_likelihood และ residual_impact คู่กัน หรือไม่ระบุทั้งสองช่อง",
                            "give residual_likelihood and residual_impact together, or neither", "residual")
        if self.residual_likelihood is not None and self.likelihood is None:
            raise DataError("คะแนนหลังดำเนินการใช้ได้เมื่อมีคะแนนก่อนดำเนินการ (likelihood และ impact) ให้เพิ่ม "
                            "หรือลบคะแนนหลังดำเนินการ", "a residual rating needs the initial one (likelihood and "
                            "impact); add it or remove the residual rating", "residual")
        return self

    @property
    def kind_th(self) -> str:
        """The kind as the page names it: the vocabulary's label, or the report's own wording."""
        return label_of(RISK_KINDS, self.kind)

    @property
    def score(self) -> int | None:
        """Likelihood × impact; None when the report gives no scores (never invented)."""
        if self.likelihood is None or self.impact is None:
            return None
        return self.likelihood * self.impact

    @property
    def level(self) -> Band | None:
        """The level of the computed score."""
        return None if self.score is None else level_of(self.score)

    @property
    def shown_level(self) -> Band | None:
        """The level the page counts the risk at: the published one first, then the computed one (or, for
        a risk given only a printed score, that score's); None: the risk is unscored."""
        if self.level_published is not None:
            return next(b for b in BANDS if b.key == self.level_published)
        if self.level is None and self.score_published is not None and 1 <= self.score_published <= 25:
            return level_of(self.score_published)
        return self.level

    @property
    def residual_score(self) -> int | None:
        """Residual likelihood × impact, once the follow-up gives them."""
        if self.residual_likelihood is None or self.residual_impact is None:
            return None
        return self.residual_likelihood * self.residual_impact

    @property
    def residual_level(self) -> Band | None:
        return None if self.residual_score is None else level_of(self.residual_score)


class FollowUp(Record):
    """The follow-up report: up to which day the statuses and residual ratings speak."""

    as_of: ThaiDate = Field(description="ข้อมูล ณ วันที่ / the day the report speaks for")
    note_th: Text | None = None
    document: Slug | None = Field(None, description="รหัสเอกสารรายงานฉบับลงนามใน data/documents/ / signed report")


class RiskYear(Acknowledging):
    """`data/risks/<fiscal year>.yml`."""

    title_th: Text | None = None
    date: ThaiDate | None = Field(None, description="วันที่ประเมินหรืออนุมัติ / date of the assessment")
    method_th: Text | None = Field(None, description="วิธีการประเมิน / how the risks were assessed")
    document: Slug | None = Field(None, description="รหัสเอกสารฉบับลงนามใน data/documents/ / signed report")
    stated_count: WholeNumber | None = Field(
        None, ge=0, description="จำนวนความเสี่ยงตามที่รายงานระบุ (ใช้เปรียบเทียบ) / number of risks the report states")
    risks: list[Risk] = Field(min_length=1)
    follow_up: FollowUp | None = None


# --- computations -------------------------------------------------------------------------------


def code(index: int) -> str:
    """The number a risk is shown by (R1, R2, … in the order of the file)."""
    return f"R{index + 1}"


@dataclass(frozen=True)
class Count:
    """How many of something, and its share of the whole (per cent, two decimals, half up)."""

    key: str
    label: str
    count: int
    total: int

    @property
    def percent(self) -> Decimal:
        return percent(self.count, self.total) or Decimal("0.00")


def by_level(risks: Iterable[Risk], residual: bool = False) -> list[Count]:
    """Risks per level, highest first, every level listed, then the unscored ones when there are any.

    Initial levels are counted as published (`shown_level`); `residual` counts the risks rated after
    treatment, whose ratings are the office's own.
    """
    levels = [r.residual_level if residual else r.shown_level for r in risks]
    if residual:
        levels = [b for b in levels if b is not None]
    counts = [Count(b.key, b.th, sum(1 for x in levels if x == b), len(levels)) for b in reversed(BANDS)]
    unscored = levels.count(None)
    return counts + ([Count(*UNSCORED, unscored, len(levels))] if unscored else [])


def unscored(risks: Iterable[Risk]) -> list[str]:
    """The numbers (R1, …) of the risks the report gives without any score or level."""
    return [code(n) for n, r in enumerate(risks) if r.shown_level is None]


def by_status(risks: Iterable[Risk]) -> list[Count]:
    """New controls per status in the follow-up: the three usual boxes always, the others when a control has
    them; a control without a status is "not reported", never "not started"."""
    statuses = [c.reported for r in risks for c in r.controls]
    return [Count(k, th, statuses.count(k), len(statuses)) for k, (th, _) in CONTROL_STATUSES.items()
            if k in ALWAYS_LISTED or k in statuses]


def matrix(risks: Iterable[Risk], residual: bool = False) -> dict[tuple[int, int], list[tuple[str, Risk]]]:
    """(likelihood, impact) → the numbered risks in that cell, for every cell of the 5×5 grid."""
    cells: dict[tuple[int, int], list[tuple[str, Risk]]] = {(l, i): [] for l in range(1, 6) for i in range(1, 6)}
    for n, risk in enumerate(risks):
        at = (risk.residual_likelihood, risk.residual_impact) if residual else (risk.likelihood, risk.impact)
        if None not in at:
            cells[at].append((code(n), risk))  # type: ignore[index]
    return cells


def change(risk: Risk) -> str:
    """How the risk moved after treatment, in words ('' while no residual rating is given)."""
    if risk.residual_score is None or risk.score is None:
        return ""
    if risk.residual_score < risk.score:
        return "ลดลง"
    return "คงเดิม" if risk.residual_score == risk.score else "สูงขึ้น"


def has_statuses(record: RiskYear) -> bool:
    """Whether the year has a follow-up with at least one control status (then it gets its page)."""
    return record.follow_up is not None and any(c.status for r in record.risks for c in r.controls)


# The name of a follow-up's round (`calendar.round_of` tells which round its as-of date closes).
ROUNDS_TH: dict[str, str] = {"year": "ประจำปี", "half": "รอบ 6 เดือน", "interim": "ระหว่างปี"}


def public(years: dict[int, RiskYear], today: date) -> dict[int, RiskYear]:
    """The years as published on `today`: no assessment dated later, no follow-up speaking for a later day."""
    out = {}
    for year, record in years.items():
        if record.date and record.date > today:
            continue
        if record.follow_up and record.follow_up.as_of > today:
            record = record.model_copy(update={"follow_up": None})
        out[year] = record
    return out
