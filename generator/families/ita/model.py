"""ITA results (ผลการประเมิน ITA) as published: `data/ita/<fiscal year>.yml`.

A year holds what the assessor published: the ten indicator scores (with their printed levels, when
the report prints them), the total, the weighted components, the level and the rank; for an earlier
year often only the total (and level), which is enough. The office's own targets for the year sit
beside them. The published figures are the official ones; what can be computed from them (the
components and total from the indicators, indicators 9 and 10 from the per-item OIT table) is the
check, made in `generator/families/ita/outcome.py` and compared in `checks.py`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator, model_validator

from generator.base import calendar
from generator.base import scoring
from generator.base.fields import Text, ThaiDate, WebUrl, WholeNumber, one_of
from generator.engine.figures import Acknowledging
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


_SCORE_SCHEMA = {"type": ["number", "string"], "minimum": 0, "maximum": 100, "description": "คะแนน 0–100 เช่น 89.91 / score"}
Score = Annotated[Decimal, BeforeValidator(_score), WithJsonSchema(_SCORE_SCHEMA)]
ItemPoints = Annotated[int, BeforeValidator(_points), WithJsonSchema(
    {"enum": [0, 100, "มี", "ไม่มี"], "description": "คะแนนรายข้อ 0 หรือ 100 / item score"})]
Level = one_of(LEVELS)
# A year's level as printed: AA–F from 2562, a word of the earlier scale ("สูงมาก") before it.
PrintedLevel = Annotated[Text, WithJsonSchema({"anyOf": [{"enum": list(LEVELS)}, {"type": "string"}], "description":
    "ระดับตามที่ประกาศ เช่น A (ปี 2562 เป็นต้นไป) หรือคำตามมาตราของปีนั้น เช่น สูงมาก / level as published"})]
ORDERS: dict[str, tuple[str, str]] = {"descending": ("จากมากไปน้อย", "high to low"),
                                     "ascending": ("จากน้อยไปมาก", "low to high")}


def _indicator_number(value: Any) -> int:
    """One indicator number, 1 to 10 (Thai digits too), with a message that says so instead of pydantic's."""
    text = calendar.to_arabic_digits(str(value)).strip()
    if isinstance(value, bool) or not text.isdigit() or not 1 <= int(text) <= 10:
        raise DataError(f"เลขตัวชี้วัดต้องเป็นเลข 1 ถึง 10 เช่น 3 หรือ [1, 3] เมื่อเท่ากัน (ไม่ใช่ '{value}')",
                        f"an indicator number is 1 to 10, e.g. 3, or [1, 3] for a tie, not '{value}'", "indicator")
    return int(text)


def _numbers(value: Any) -> Any:
    """`1` or `[1, 3]`: one indicator number or several (a tie), as a list. Read here, so that a wrong number is
    named by the field as written (`stated_highest`, not `stated_highest[0]` of a list nobody wrote)."""
    if isinstance(value, list):
        return [_indicator_number(v) for v in value]
    return [_indicator_number(value)]


IndicatorNumber = Annotated[int, BeforeValidator(_indicator_number),
                            WithJsonSchema({"type": "integer", "minimum": 1, "maximum": 10})]
IndicatorNumbers = Annotated[list[int], BeforeValidator(_numbers), WithJsonSchema({
    "anyOf": [{"type": "integer", "minimum": 1, "maximum": 10},
              {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 10}}],
    "description": "เลขตัวชี้วัด 1–10 เช่น 1 หรือ [1, 3] เมื่อเท่ากัน / indicator number(s)"})]


class PublishedIndicator(Record):
    """One indicator as the result prints it: its score and, where the report prints one, its level."""

    score: Score = Field(description="คะแนนตามที่ประกาศ / score as published")
    level: Level | None = Field(None, description="ระดับตามที่พิมพ์ไว้ (ถ้ามี) / level as printed")


def _indicator(value: Any) -> Any:
    """`1: 92.10` or `1: {score: 92.10, level: A}`: a bare score is an indicator without a printed level
    (read here, so that a wrong bare score is named `indicators.1`, as it is written)."""
    return value if isinstance(value, dict) else {"score": _score(value)}


Indicator = Annotated[PublishedIndicator, BeforeValidator(_indicator), WithJsonSchema({"anyOf": [
    _SCORE_SCHEMA, {"type": "object", "additionalProperties": False, "required": ["score"], "properties": {
        "score": _SCORE_SCHEMA, "level": {"enum": list(LEVELS), "description": "ระดับตามที่พิมพ์ไว้ / level"}}}],
    "description": "คะแนน เช่น 92.10 หรือ {score: 92.10, level: AA} เมื่อรายงานพิมพ์ระดับรายตัวชี้วัด"})]


class Targets(Record):
    """The office's own ITA targets for the year (เป้าหมาย), as its plan states them: scores out of 100."""

    total: Score | None = Field(None, description="เป้าหมายคะแนน ITA รวม เช่น 95 / total")
    iit: Score | None = Field(None, description="เป้าหมายคะแนน IIT (เต็ม 100) / IIT, out of 100")
    eit: Score | None = Field(None, description="เป้าหมายคะแนน EIT (เต็ม 100) / EIT, out of 100")
    oit: Score | None = Field(None, description="เป้าหมายคะแนน OIT (เต็ม 100) / OIT, out of 100")
    source_th: Text | None = Field(None, description="ที่มาของเป้าหมาย เช่น แผนปฏิบัติการประจำปี / where it is stated")

    @model_validator(mode="after")
    def _one_target(self) -> Targets:
        if all(getattr(self, k) is None for k in ("total", "iit", "eit", "oit")):
            raise DataError("targets ต้องมีเป้าหมายอย่างน้อยหนึ่งค่า เช่น total: 95",
                            "targets needs at least one target, e.g. total: 95", "targets")
        return self


class ItaYear(Acknowledging):
    """`data/ita/<fiscal year>.yml`: the result of one year's assessment as published, and the office's targets."""

    indicators: dict[int, Indicator] = Field(
        {}, description="คะแนนตัวชี้วัดที่ 1–10 ตามที่ประกาศ เช่น 1: 92.10 (ปีที่มีแต่คะแนนรวมไม่ต้องใส่) "
                        "/ the ten indicator scores as published (leave out for a year known by its total only)")
    iit_published: Score | None = Field(None, description="คะแนน IIT ที่คูณน้ำหนักแล้ว (เต็ม 30) ตามที่ประกาศ "
                                                          "/ weighted IIT as published")
    eit_published: Score | None = Field(None, description="คะแนน EIT ที่คูณน้ำหนักแล้ว (เต็ม 30) ตามที่ประกาศ")
    oit_published: Score | None = Field(None, description="คะแนน OIT ที่คูณน้ำหนักแล้ว (เต็ม 40) ตามที่ประกาศ")
    total_published: Score | None = Field(None, description="คะแนนรวมตามที่ประกาศ / total as published")
    level_published: PrintedLevel | None = Field(
        None, description="ระดับผลการประเมินตามที่ประกาศ (AA–F หรือคำตามมาตราของปีนั้น เช่น สูงมาก) / level as published")
    rank: WholeNumber | None = Field(None, description="อันดับของหน่วยงานในระดับประเทศ / national rank")
    rank_of: WholeNumber | None = Field(None, description="จำนวนหน่วยงานที่จัดอันดับ / ranked out of")
    rank_th: Text | None = Field(None, description="อันดับตามที่พิมพ์ เช่น 1 ใน 100 จาก 225 / the rank as printed")
    stated_highest: IndicatorNumbers = Field(
        [], description="ตัวชี้วัดที่รายงานระบุว่าได้คะแนนสูงสุด เช่น 1 / the indicator(s) the report names highest")
    stated_lowest: IndicatorNumbers = Field(
        [], description="ตัวชี้วัดที่รายงานระบุว่าได้คะแนนต่ำสุด เช่น 10 / the indicator(s) the report names lowest")
    stated_order: one_of(ORDERS) | None = Field(
        None, description="ลำดับที่ตารางคะแนนระบุว่าเรียงไว้ / the order the printed table says it is sorted in")
    printed_order: list[IndicatorNumber] = Field(
        [], description="ลำดับตัวชี้วัดในตารางที่พิมพ์ ถ้าไม่ใช่ 1–10 เช่น [3, 1, 5, ...] "
                        "/ the table's printed order of indicators, if not 1 to 10")
    announced: ThaiDate | None = Field(None, description="วันที่ประกาศผล (ก่อนวันนี้จะยังไม่เผยแพร่) / date announced")
    source_th: Text | None = Field(None, description="แหล่งที่มา เช่น ระบบ ITA Online สพฐ. / where it was published")
    url: WebUrl | None = Field(None, description="ลิงก์ผลการประเมินต้นทาง / link to the official result")
    oit_items: dict[Text, ItemPoints] = Field(
        {}, description="ผลรายข้อ OIT ถ้ามี เช่น O1: 100 / per-item OIT result, where the office has it")
    oit_sub_indicators: dict[Text, Score] = Field(
        {}, description="คะแนนตัวชี้วัดย่อย OIT ตามที่ประกาศ เช่น '9.1': 88.89 / OIT sub-indicator scores as published")
    targets: Targets | None = Field(None, description="เป้าหมาย ITA ของสำนักงานในปีนี้ / the office's own targets")
    note_th: Text | None = None

    @property
    def scores(self) -> dict[int, Decimal]:
        """The indicator scores as published, by number (empty for a year known by its total only)."""
        return {n: indicator.score for n, indicator in self.indicators.items()}

    @property
    def has_result(self) -> bool:
        """Whether the year has a result at all (a year may so far hold only the office's targets)."""
        return bool(self.indicators) or self.total_published is not None

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
    def _all_ten(cls, indicators: dict[int, PublishedIndicator]) -> dict[int, PublishedIndicator]:
        missing = sorted(set(INDICATORS) - indicators.keys()) if indicators else []
        unknown = sorted(indicators.keys() - set(INDICATORS))
        if missing or unknown:
            gaps_th = (f" (ขาดตัวที่ {', '.join(map(str, missing))})" if missing else "") + (
                f" (ไม่มีตัวที่ {', '.join(map(str, unknown))})" if unknown else "")
            gaps_en = (f" (missing {', '.join(map(str, missing))})" if missing else "") + (
                f" (no indicator {', '.join(map(str, unknown))})" if unknown else "")
            raise DataError(f"indicators ต้องมีคะแนนตัวชี้วัดที่ 1 ถึง 10 ครบ ตัวละหนึ่งบรรทัด เช่น 1: 92.10{gaps_th} "
                            "หรือไม่ใส่ indicators เลยเมื่อรายงานมีแต่คะแนนรวม",
                            f"indicators must give indicators 1 to 10, one line each, e.g. 1: 92.10{gaps_en}, or be "
                            "left out when the report gives the total only", "indicators")
        return indicators

    @field_validator("stated_highest", "stated_lowest", "stated_order", "printed_order")
    @classmethod
    def _claim_needs_scores(cls, value: Any, info: ValidationInfo) -> Any:
        """A claim about the scores (highest, lowest, the table's order) is checked against them: they must be
        there (indicators absent from `info.data` failed validation and are reported already)."""
        if value and info.data.get("indicators", None) == {}:
            raise DataError(f"มี {info.field_name} แต่ไม่มีคะแนนรายตัวชี้วัด (indicators) ให้ตรวจได้",
                            f"{info.field_name} is given without the indicator scores (indicators) to check it against",
                            "stated_without_scores")
        return value

    @field_validator("printed_order")
    @classmethod
    def _each_indicator_once(cls, order: list[int]) -> list[int]:
        if order and sorted(order) != sorted(INDICATORS):
            raise DataError("printed_order ต้องมีตัวชี้วัดที่ 1 ถึง 10 ครบ ตัวละหนึ่งครั้ง ตามลำดับในตารางที่พิมพ์",
                            "printed_order must list indicators 1 to 10, each once, in the table's printed order",
                            "printed_order")
        return order

    @field_validator("rank_of")
    @classmethod
    def _rank_within(cls, rank_of: int | None, info: ValidationInfo) -> int | None:
        rank = info.data.get("rank")
        if rank_of is not None and (rank is None or rank > rank_of):
            raise DataError("ต้องมี rank และ rank ต้องไม่เกิน rank_of (อันดับที่ 31 จาก 245 ให้เขียน rank: 31 rank_of: 245)",
                            "rank is needed and may not exceed rank_of (31st of 245: rank: 31, rank_of: 245)", "rank")
        return rank_of

    @model_validator(mode="after")
    def _something(self) -> ItaYear:
        """A year says something: its indicator scores, its published total, or at least the office's targets."""
        if not self.has_result and self.targets is None:
            raise DataError("ต้องมีคะแนนรายตัวชี้วัด (indicators) หรือคะแนนรวมตามที่ประกาศ (total_published) "
                            "หรือเป้าหมายของปี (targets) อย่างใดอย่างหนึ่ง",
                            "give the indicator scores (indicators), the published total (total_published) or the "
                            "year's targets (targets)", "no_result")
        published = [k for k in ("iit_published", "eit_published", "oit_published", "level_published", "rank",
                                 "rank_th") if getattr(self, k) is not None]
        if published and not self.has_result:
            raise DataError(f"มี {published[0]} แต่ไม่มีคะแนนรวม ให้เพิ่ม total_published: คะแนนรวมตามที่ประกาศ",
                            f"{published[0]} is given without a total; add total_published: the published total",
                            "no_total")
        return self


def public(records: dict[int, ItaYear], today: date) -> dict[int, ItaYear]:
    """Results announced by `today` (a result typed in before its announcement waits for that day)."""
    return {year: r for year, r in records.items() if r.announced is None or r.announced <= today}
