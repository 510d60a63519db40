"""ITA/OIT arithmetic in exact decimals: binary floats reproduce published figures wrongly.

Rule (research/domain.md section 1): every mean and weight is computed at full precision; values are rounded half-up
to 2 decimals only for display (`to_json`) and for assigning the level. The JSON boundary emits `float(round2(x))`:
the float of a 2-decimal Decimal prints back as the same 2 decimals, and JSON readers expect numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext

HUNDRED = Decimal(100)
_CENT = Decimal("0.01")
_PRECISION = 40  # far beyond any published digit, and independent of the caller's decimal context
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


@dataclass(frozen=True)
class Level:
    """One printed level band: a score whose 2-decimal value reaches `minimum` gets this level."""

    code: str
    label_en: str
    minimum: Decimal
    passes: bool


def _default_levels() -> tuple[Level, ...]:
    """The AA–F table printed in ITA reports (AA and A pass)."""
    rows = [("AA", "Excellence", "95.00", True), ("A", "Very Good", "85.00", True), ("B", "Good", "75.00", False),
            ("C", "Fair", "65.00", False), ("D", "Poor", "55.00", False), ("E", "Extremely Poor", "50.00", False),
            ("F", "Fail", "0", False)]
    return tuple(Level(code, label, Decimal(minimum), passes) for code, label, minimum, passes in rows)


def round2(value: Decimal) -> Decimal:
    """Round half-up to 0.01, the way reports print scores (Python's round() is half-even)."""
    with localcontext(prec=_PRECISION):
        return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """`part` as a per cent of `whole`, rounded like a score (None when there is no whole to divide)."""
    if not whole:
        return None
    return round2(Decimal(part) * 100 / Decimal(whole))


@dataclass(frozen=True)
class Scale:
    """Level table, pass mark, weights and tool grouping, replaceable when a fiscal year changes them."""

    levels: tuple[Level, ...] = field(default_factory=_default_levels)
    pass_mark: Decimal = Decimal("85")
    weights: dict[str, Decimal] = field(  # fractions, so that a weighted score is a product
        default_factory=lambda: {"IIT": Decimal("0.30"), "EIT": Decimal("0.30"), "OIT": Decimal("0.40")})
    tool_indicators: dict[str, tuple[int, ...]] = field(
        default_factory=lambda: {"IIT": (1, 2, 3, 4, 5), "EIT": (6, 7, 8), "OIT": (9, 10)})

    def level(self, score: Decimal) -> Level:
        """Level of the 2-decimal score, as published (84.995 prints 85.00 and is therefore A)."""
        shown = _checked_percent(round2(score), "คะแนน", "score")
        for level in sorted(self.levels, key=lambda lv: lv.minimum, reverse=True):
            if shown >= level.minimum:
                return level
        raise ValueError(f"ไม่มีระดับสำหรับคะแนน {shown} / no level for score {shown}")

    def passes(self, score: Decimal) -> bool:
        """Whether the 2-decimal score reaches the pass mark (เกณฑ์การผ่าน)."""
        return round2(score) >= self.pass_mark


DEFAULT_SCALE = Scale()


def item_score(disclosed: bool) -> Decimal:
    """An OIT item scores all or nothing: no partial credit."""
    return HUNDRED if disclosed else Decimal(0)


def _mean(values: Iterable[Decimal]) -> Decimal:
    """Plain mean at full precision."""
    values = list(values)
    with localcontext(prec=_PRECISION):
        return sum(values, Decimal(0)) / len(values)


def _sum(values: Iterable[Decimal]) -> Decimal:
    """Sum at full precision."""
    with localcontext(prec=_PRECISION):
        return sum(values, Decimal(0))


def _times(value: Decimal, weight: Decimal) -> Decimal:
    """Weighted score at full precision."""
    with localcontext(prec=_PRECISION):
        return value * weight


def _checked_percent(value: Decimal, what_th: str, what_en: str) -> Decimal:
    """Refuse a percentage outside 0–100: it is a data error, not a score."""
    if not Decimal(0) <= value <= HUNDRED:
        raise ValueError(f"{what_th}ต้องอยู่ระหว่าง 0 ถึง 100 ({value}) / "
                         f"{what_en} must be between 0 and 100 ({value})")
    return value


def _decimal(value: Decimal | int | str) -> Decimal:
    """Accept exact inputs only: a float has already lost the published digits."""
    if isinstance(value, str):
        return parse_decimal(value)
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"ต้องเป็น Decimal, int หรือ str ไม่ใช่ {type(value).__name__} / "
                    f"expected Decimal, int or str, not {type(value).__name__}")


def _tool_means(values: Mapping[int, Decimal], scale: Scale, tools: Iterable[str]) -> dict[str, Decimal]:
    """Mean of each tool's indicators; a missing or foreign indicator number is an error."""
    wanted = {n for tool in tools for n in scale.tool_indicators[tool]}
    if missing := sorted(wanted - values.keys()):
        raise ValueError(f"ต้องมีคะแนนตัวชี้วัดที่ {missing[0]} / indicator {missing[0]} is missing")
    if unknown := sorted(values.keys() - wanted):
        raise ValueError(f"ไม่รู้จักตัวชี้วัดที่ {unknown[0]} / unknown indicator {unknown[0]}")
    return {tool: _mean(values[n] for n in scale.tool_indicators[tool]) for tool in tools}


def _json_number(value: Decimal) -> float:
    """The displayed 2-decimal value as a JSON number."""
    return float(round2(value))


@dataclass(frozen=True)
class OitScores:
    """Every OIT level of aggregation at full precision, so reports can show each step."""

    sub_indicators: dict[str, Decimal]
    indicators: dict[int, Decimal]
    oit: Decimal
    oit_weighted: Decimal

    def to_json(self) -> dict:
        """Rounded figures for the site's data files (numbers; indicator keys as strings)."""
        return {"sub_indicators": {k: _json_number(v) for k, v in self.sub_indicators.items()},
                "indicators": {str(k): _json_number(v) for k, v in self.indicators.items()},
                "oit": _json_number(self.oit), "oit_weighted": _json_number(self.oit_weighted)}


def _sub_indicator_score(sub_id: str, items: Sequence[Decimal | int]) -> Decimal:
    """Mean of a sub-indicator's items, each of which must be 0 or 100."""
    if not items:
        raise ValueError(f"ตัวชี้วัดย่อย {sub_id} ไม่มีข้อ / sub-indicator {sub_id} has no items")
    scores = [_decimal(item) for item in items]
    if any(score not in (0, HUNDRED) for score in scores):
        raise ValueError(f"ข้อในตัวชี้วัดย่อย {sub_id} ต้องได้ 0 หรือ 100 / items of {sub_id} must score 0 or 100")
    return _mean(scores)


def oit_scores(groups: Mapping[int, Mapping[str, Sequence[Decimal | int]]], scale: Scale = DEFAULT_SCALE) -> OitScores:
    """Items → sub-indicator means → indicator means → OIT: a flat mean of items would overweight big groups."""
    subs: dict[str, Decimal] = {}
    indicators: dict[int, Decimal] = {}
    for number in sorted(groups):
        group = {sub_id: _sub_indicator_score(sub_id, items) for sub_id, items in groups[number].items()}
        if not group:
            raise ValueError(f"ตัวชี้วัดที่ {number} ไม่มีตัวชี้วัดย่อย / indicator {number} has no sub-indicators")
        subs.update(group)
        indicators[number] = _mean(group.values())
    oit = _tool_means(indicators, scale, ["OIT"])["OIT"]
    return OitScores(subs, indicators, oit, _times(oit, scale.weights["OIT"]))


@dataclass(frozen=True)
class ItaResult:
    """Weighted tool scores and total.

    `total` is the sum of the full-precision weighted components (not of their rounded values), rounded only for
    display and for the level; on the domain.md worked example both ways give 89.91. `passed` uses the scale's pass
    mark, while `level.passes` is the printed remark of the level band.
    """

    iit: Decimal
    eit: Decimal
    oit: Decimal
    total: Decimal
    level: Level
    passed: bool

    def to_json(self) -> dict:
        """Rounded figures for the site's data files."""
        return {"iit": _json_number(self.iit), "eit": _json_number(self.eit), "oit": _json_number(self.oit),
                "total": _json_number(self.total), "level": self.level.code, "pass": self.passed}


def tool_means(indicators: Mapping[int, Decimal | int | str], scale: Scale = DEFAULT_SCALE) -> dict[str, Decimal]:
    """Unweighted score of each tool (IIT = mean of 1–5, ...), at full precision, before its weight."""
    values = {n: _checked_percent(_decimal(v), f"คะแนนตัวชี้วัดที่ {n} ", f"indicator {n}")
              for n, v in indicators.items()}
    return _tool_means(values, scale, list(scale.tool_indicators))


def ita_result(indicators: Mapping[int, Decimal | int | str], scale: Scale = DEFAULT_SCALE) -> ItaResult:
    """ITA = Σ weight × mean of the tool's indicators, from the ten indicator percentages."""
    means = tool_means(indicators, scale)
    weighted = {tool: _times(mean, scale.weights[tool]) for tool, mean in means.items()}
    total = _sum(weighted.values())
    return ItaResult(weighted["IIT"], weighted["EIT"], weighted["OIT"], total, scale.level(total),
                     scale.passes(total))


def parse_decimal(text: str) -> Decimal:
    """Read a score as people type it: Thai or Arabic digits, optional thousands commas."""
    cleaned = text.strip().translate(_THAI_DIGITS)
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"อ่านเป็นตัวเลขไม่ได้: {text!r} / not a number: {text!r}")
    return Decimal(cleaned.replace(",", ""))
