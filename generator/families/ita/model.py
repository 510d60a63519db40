"""ITA results (ผลการประเมิน ITA): the ten indicator scores of a fiscal year, and all that follows from them.

`data/ita/<fiscal year>.yml` holds the indicator scores as the assessment published them. The tool
scores, the total, the level, pass or fail, strengths and weaknesses and the change from the year
before are computed with `generator/base/scoring.py` (Decimal, half-up); figures printed in the official
report are kept as `*_published` and compared (`generator/families/ita/checks.py`), never copied.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator

from generator.base import calendar
from generator.base import scoring
from generator.base.fields import Text, ThaiDate, WebUrl, WholeNumber, one_of
from generator.oit.framework import Framework
from generator.engine.records import Record
from generator.base.problems import DataError

# Indicator number → (Thai, English), research/domain.md §1.
INDICATORS: dict[int, tuple[str, str]] = {
    1: ("การปฏิบัติหน้าที่", "performance of duty"),
    2: ("การใช้งบประมาณ", "use of budget"),
    3: ("การใช้อำนาจ", "use of authority"),
    4: ("การใช้ทรัพย์สินของราชการ", "use of state property"),
    5: ("การแก้ไขปัญหาการทุจริต", "tackling corruption"),
    6: ("คุณภาพการดำเนินงาน", "quality of operations"),
    7: ("ประสิทธิภาพการสื่อสาร", "communication efficiency"),
    8: ("การปรับปรุงระบบการทำงาน", "improvement of work systems"),
    9: ("การเปิดเผยข้อมูล", "information disclosure"),
    10: ("การป้องกันการทุจริต", "corruption prevention"),
}
TOOLS: dict[str, tuple[str, str]] = {
    "IIT": ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "internal stakeholders' perception"),
    "EIT": ("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "external stakeholders' perception"),
    "OIT": ("แบบตรวจการเปิดเผยข้อมูลสาธารณะ", "open data (public disclosure)"),
}
LEVELS: dict[str, tuple[str, str]] = {level.code: (level.code, level.label_en) for level in scoring.DEFAULT_SCALE.levels}
# A published figure may differ from the computed one by a rounding step, never by more (domain.md §5).
TOLERANCE = Decimal("0.01")


def _score(value: Any) -> Decimal:
    """A score as published: Thai or Arabic digits, 0–100 (a YAML float is read back from its shortest text)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise DataError("คะแนนต้องเป็นตัวเลข 0–100 เช่น 89.91", "a score is a number from 0 to 100, e.g. 89.91", "score")
    try:
        number = scoring.parse_decimal(str(value))
    except ValueError:
        raise DataError(f"คะแนนต้องเป็นตัวเลข 0–100 เช่น 89.91 (ไม่ใช่ '{value}')",
                        f"a score is a number from 0 to 100 such as 89.91, not '{value}'", "score") from None
    if not Decimal(0) <= number <= scoring.HUNDRED:
        raise DataError(f"คะแนน {number} ต้องอยู่ระหว่าง 0 ถึง 100", f"score {number} must be between 0 and 100", "score")
    return number


def _points(value: Any) -> int:
    """An OIT item scores 0 or 100 (มี = 100, ไม่มี = 0)."""
    text = calendar.to_arabic_digits(str(value)).strip()
    words = {"มี": 100, "ไม่มี": 0}
    if text in words:
        return words[text]
    if text not in ("0", "100"):
        raise DataError(f"คะแนนรายข้อต้องเป็น 0 หรือ 100 (ไม่ใช่ '{value}')",
                        f"an item scores 0 or 100, not '{value}'", "item_score")
    return int(text)


Score = Annotated[Decimal, BeforeValidator(_score), WithJsonSchema(
    {"type": ["number", "string"], "minimum": 0, "maximum": 100, "description": "คะแนน 0–100 เช่น 89.91 / score"})]
ItemPoints = Annotated[int, BeforeValidator(_points), WithJsonSchema(
    {"enum": [0, 100, "มี", "ไม่มี"], "description": "คะแนนรายข้อ 0 หรือ 100 / item score"})]


class ItaYear(Record):
    """`data/ita/<fiscal year>.yml`: the result of one year's assessment, as published."""

    indicators: dict[int, Score] = Field(description="คะแนนตัวชี้วัดที่ 1–10 ตามที่ประกาศ เช่น 1: 92.10 "
                                                     "/ the ten indicator scores as published")
    iit_published: Score | None = Field(None, description="คะแนน IIT ที่คูณน้ำหนักแล้ว (เต็ม 30) ตามที่ประกาศ "
                                                          "/ weighted IIT as published")
    eit_published: Score | None = Field(None, description="คะแนน EIT ที่คูณน้ำหนักแล้ว (เต็ม 30) ตามที่ประกาศ")
    oit_published: Score | None = Field(None, description="คะแนน OIT ที่คูณน้ำหนักแล้ว (เต็ม 40) ตามที่ประกาศ")
    total_published: Score | None = Field(None, description="คะแนนรวมตามที่ประกาศ / total as published")
    level_published: one_of(LEVELS) | None = Field(None, description="ระดับผลการประเมินตามที่ประกาศ / level")
    rank: WholeNumber | None = Field(None, description="อันดับของหน่วยงานในระดับประเทศ / national rank")
    rank_of: WholeNumber | None = Field(None, description="จำนวนหน่วยงานที่จัดอันดับ / ranked out of")
    announced: ThaiDate | None = Field(None, description="วันที่ประกาศผล (ก่อนวันนี้จะยังไม่เผยแพร่) / date announced")
    source_th: Text | None = Field(None, description="แหล่งที่มา เช่น ระบบ ITA Online สพฐ. / where it was published")
    url: WebUrl | None = Field(None, description="ลิงก์ผลการประเมินต้นทาง / link to the official result")
    oit_items: dict[Text, ItemPoints] = Field(
        {}, description="ผลรายข้อ OIT ถ้ามี เช่น O1: 100 / per-item OIT result, where the office has it")
    note_th: Text | None = None

    @field_validator("rank", "rank_of", mode="before")
    @classmethod
    def _whole_number(cls, value: Any) -> Any:
        text = calendar.to_arabic_digits(str(value)).strip()
        if value is not None and (not text.isdigit() or int(text) < 1):
            raise DataError(f"อันดับต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป (ไม่ใช่ '{value}')",
                            f"a rank is a whole number from 1, not '{value}'", "rank")
        return value if value is None else int(text)

    @field_validator("indicators")
    @classmethod
    def _all_ten(cls, indicators: dict[int, Decimal]) -> dict[int, Decimal]:
        missing = sorted(set(INDICATORS) - indicators.keys())
        unknown = sorted(indicators.keys() - set(INDICATORS))
        if missing or unknown:
            gaps_th = (f" (ขาดตัวที่ {', '.join(map(str, missing))})" if missing else "") + (
                f" (ไม่มีตัวที่ {', '.join(map(str, unknown))})" if unknown else "")
            gaps_en = (f" (missing {', '.join(map(str, missing))})" if missing else "") + (
                f" (no indicator {', '.join(map(str, unknown))})" if unknown else "")
            raise DataError(f"indicators ต้องมีคะแนนตัวชี้วัดที่ 1 ถึง 10 ครบ ตัวละหนึ่งบรรทัด เช่น 1: 92.10{gaps_th}",
                            f"indicators must give indicators 1 to 10, one line each, e.g. 1: 92.10{gaps_en}",
                            "indicators")
        return indicators

    @field_validator("rank_of")
    @classmethod
    def _rank_within(cls, rank_of: int | None, info: ValidationInfo) -> int | None:
        rank = info.data.get("rank")
        if rank_of is not None and (rank is None or rank > rank_of):
            raise DataError("ต้องมี rank และ rank ต้องไม่เกิน rank_of (อันดับที่ 31 จาก 245 ให้เขียน rank: 31 rank_of: 245)",
                            "rank is needed and may not exceed rank_of (31st of 245: rank: 31, rank_of: 245)", "rank")
        return rank_of


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator of one year, judged against the pass mark as reports do (≥ pass mark: a strength)."""

    number: int
    tool: str
    score: Decimal
    level: scoring.Level
    passed: bool

    @property
    def title_th(self) -> str:
        """The indicator's Thai name."""
        return INDICATORS[self.number][0]


@dataclass(frozen=True)
class Component:
    """One tool: the mean of its indicators, its weight and the weighted score reports print."""

    tool: str
    numbers: tuple[int, ...]
    mean: Decimal
    weight: Decimal
    weighted: Decimal
    published: Decimal | None


@dataclass(frozen=True)
class Mismatch:
    """A published figure that the computation does not reproduce."""

    field: str  # the key in the data file, for the warning's line
    label_th: str
    published: str
    computed: str


@dataclass(frozen=True)
class Outcome:
    """A year's result, computed from its ten indicators; the published figures ride along for comparison."""

    year: int
    record: ItaYear
    result: scoring.ItaResult
    indicators: tuple[IndicatorScore, ...]
    components: tuple[Component, ...]

    @property
    def strengths(self) -> list[IndicatorScore]:
        """จุดแข็ง: indicators at or above the pass mark, highest first."""
        return sorted((i for i in self.indicators if i.passed), key=lambda i: (-i.score, i.number))

    @property
    def weaknesses(self) -> list[IndicatorScore]:
        """จุดที่ต้องพัฒนา: indicators below the pass mark, lowest first."""
        return sorted((i for i in self.indicators if not i.passed), key=lambda i: (i.score, i.number))

    def mismatches(self) -> list[Mismatch]:
        """Published components, total and level that differ from the computed ones by more than 0.01."""
        out = []
        for component in self.components:
            if component.published is not None and differs(component.published, component.weighted):
                out.append(Mismatch(f"{component.tool.lower()}_published", f"คะแนน {component.tool} (ถ่วงน้ำหนัก)",
                                    score_text(component.published), score_text(component.weighted)))
        published = self.record.total_published
        if published is not None and differs(published, self.result.total):
            out.append(Mismatch("total_published", "คะแนนรวม", score_text(published), score_text(self.result.total)))
        level = self.record.level_published
        if level is not None and level != self.result.level.code:
            out.append(Mismatch("level_published", "ระดับ", level, self.result.level.code))
        return out


def differs(published: Decimal, computed: Decimal) -> bool:
    """Compared with the computed value as it is printed (2 decimals, half up)."""
    return abs(published - scoring.round2(computed)) > TOLERANCE


def score_text(value: Decimal) -> str:
    """A score as reports print it: two decimals, rounded half up."""
    return f"{scoring.round2(value):.2f}"


def outcome(year: int, record: ItaYear, scale: scoring.Scale = scoring.DEFAULT_SCALE) -> Outcome:
    """Compute the components, total, level and each indicator's verdict of one year."""
    result = scoring.ita_result(record.indicators, scale)
    means = scoring.tool_means(record.indicators, scale)
    weighted = {"IIT": result.iit, "EIT": result.eit, "OIT": result.oit}
    tool_of = {n: tool for tool, numbers in scale.tool_indicators.items() for n in numbers}
    indicators = tuple(IndicatorScore(n, tool_of[n], record.indicators[n], scale.level(record.indicators[n]),
                                      scale.passes(record.indicators[n])) for n in sorted(record.indicators))
    components = tuple(Component(tool, tuple(scale.tool_indicators[tool]), means[tool], scale.weights[tool],
                                 weighted[tool], getattr(record, f"{tool.lower()}_published"))
                       for tool in ("IIT", "EIT", "OIT"))
    return Outcome(year, record, result, indicators, components)


@dataclass(frozen=True)
class HistoryRow:
    """One year in the history table; `change` is against the year before (None without that year)."""

    year: int
    total: Decimal  # as printed: 2 decimals
    level: scoring.Level
    passed: bool
    change: Decimal | None
    rank: int | None
    rank_of: int | None

    @property
    def trend_th(self) -> str | None:
        """พัฒนาการ: เพิ่มขึ้น, ลดลง or เท่าเดิม."""
        if self.change is None:
            return None
        return "เพิ่มขึ้น" if self.change > 0 else "ลดลง" if self.change < 0 else "เท่าเดิม"

    @property
    def change_text(self) -> str:
        """The signed difference as reports print it (`+1.25`, `-0.80`, `0.00`)."""
        if self.change is None:
            return ""
        return f"{self.change:+.2f}" if self.change else "0.00"


def history(outcomes: list[Outcome]) -> list[HistoryRow]:
    """Every year, oldest first, with the change of the printed total from the year before."""
    rows: list[HistoryRow] = []
    by_year = {o.year: o for o in outcomes}
    for year in sorted(by_year):
        result, record = by_year[year].result, by_year[year].record
        total = scoring.round2(result.total)
        before = by_year.get(year - 1)
        # Reports subtract the printed totals, so the difference is one of printed figures too.
        change = None if before is None else total - scoring.round2(before.result.total)
        rows.append(HistoryRow(year, total, result.level, result.passed, change, record.rank, record.rank_of))
    return rows


def oit_from_items(record: ItaYear, framework: Framework,
                   scale: scoring.Scale = scoring.DEFAULT_SCALE) -> scoring.OitScores | None:
    """Indicators 9 and 10 recomputed from the per-item table, when it scores every item of the framework."""
    groups: dict[int, dict[str, list[int]]] = {}
    for indicator in framework.indicators:
        for sub in indicator.sub_indicators:
            for item in sub.items:
                if item.number not in record.oit_items:
                    return None
                groups.setdefault(indicator.number, {}).setdefault(sub.id, []).append(record.oit_items[item.number])
    return scoring.oit_scores(groups, scale)


def unknown_items(record: ItaYear, framework: Framework) -> list[str]:
    """Item numbers of the per-item table that the framework does not have."""
    known = {item.number for indicator in framework.indicators for sub in indicator.sub_indicators
             for item in sub.items}
    return [number for number in record.oit_items if number not in known]


def public(records: dict[int, ItaYear], today: date) -> dict[int, ItaYear]:
    """Results announced by `today` (a result typed in before its announcement waits for that day)."""
    return {year: r for year, r in records.items() if r.announced is None or r.announced <= today}
