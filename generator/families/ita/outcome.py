"""An ITA result as a page shows it: the published figures first, the computed ones beside them as the check.

The assessor's figures are the official ones (DESIGN.md, idea 3): the total, level and weighted
components as published, each indicator's score and printed level. What the ten scores give by the
official arithmetic (`generator/base/scoring.py`: Decimal, half up) is the check: a `Figure` pairs the
two, and the checks warn where they differ by more than a rounding step (domain.md §5). A year known
by its total only has no check; a year without a published total shows the computed one as computed.
A year before FIRST_SCALE_YEAR was assessed on another scale (levels in words such as "สูงมาก", other
indicators) that the generator does not know: its figures are shown as published, never judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.base import scoring
from generator.engine.figures import Figure, figure
from generator.families.ita.claims import Claim, claims
from generator.families.ita.model import INDICATORS, ItaYear
from generator.oit.framework import Framework

# A published figure may differ from the computed one by a rounding step, never by more (domain.md §5).
TOLERANCE = Decimal("0.01")
TOOL_FIELDS = {"IIT": "iit", "EIT": "eit", "OIT": "oit"}
# The first fiscal year of the ten indicators, the AA–F levels and the pass mark of 85 (research/domain.md §1):
# for an earlier year the site shows what was published and computes no level, pass or check.
FIRST_SCALE_YEAR = 2562


def score_text(value: Decimal) -> str:
    """A score as reports print it: two decimals, rounded half up."""
    return f"{scoring.round2(value):.2f}"


def _rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else scoring.round2(value)


def score_figure(label_th: str, official: Decimal | None, computed: Decimal | None, record: ItaYear,
                 field: str) -> Figure:
    """A score as published beside the one computed, with the record's acknowledgement of `field`."""
    return figure(label_th, official, _rounded(computed), record, field, tolerance=TOLERANCE)


@dataclass(frozen=True)
class IndicatorScore:
    """One indicator of one year, as published, judged against the pass mark as reports do (≥: a strength)."""

    number: int
    tool: str
    score: Decimal
    level: Figure  # the printed level, if any, beside the level of the score
    passed: bool | None  # None: a year whose scale the generator does not know

    @property
    def title_th(self) -> str:
        """The indicator's Thai name."""
        return INDICATORS[self.number][0]


@dataclass(frozen=True)
class Component:
    """One tool: the mean of its indicators, its weight, and its weighted score as published beside the computed."""

    tool: str
    numbers: tuple[int, ...]
    mean: Decimal | None  # None for a year known by its total only
    weight: Decimal
    weighted: Figure


@dataclass(frozen=True)
class Outcome:
    """A year's result: the published figures with their checks, and what follows from the indicator scores."""

    year: int
    record: ItaYear
    scale: scoring.Scale
    result: scoring.ItaResult | None  # computed from the ten indicators; None without them
    indicators: tuple[IndicatorScore, ...]
    components: tuple[Component, ...]
    total: Figure
    level_figure: Figure  # the published level beside the level of the shown total
    claims: tuple[Claim, ...] = ()  # what the report says of its own scores (highest, lowest, order)

    @property
    def scale_known(self) -> bool:
        """Whether the year was assessed on the scale the site judges by (2562 onward)."""
        return self.year >= FIRST_SCALE_YEAR

    @property
    def has_result(self) -> bool:
        """False for a year that so far holds only the office's targets."""
        return self.total.shown is not None

    @property
    def level(self) -> scoring.Level | None:
        """The level shown, as a level of the scale: as published, else the level of the total (None for a
        level outside the scale, such as the "สูงมาก" of a year before 2562: `level_figure` shows it as printed)."""
        code = self.level_figure.shown
        return next((lv for lv in self.scale.levels if lv.code == code), None) if code else None

    @property
    def passed(self) -> bool | None:
        """Whether the total shown reaches the pass mark (None: no total, or a year of another scale)."""
        if self.total.shown is None or not self.scale_known:
            return None
        return self.scale.passes(self.total.shown)  # type: ignore[arg-type]

    @property
    def strengths(self) -> list[IndicatorScore]:
        """จุดแข็ง: indicators at or above the pass mark, highest first."""
        return sorted((i for i in self.indicators if i.passed), key=lambda i: (-i.score, i.number))

    @property
    def weaknesses(self) -> list[IndicatorScore]:
        """จุดที่ต้องพัฒนา: indicators below the pass mark, lowest first."""
        return sorted((i for i in self.indicators if i.passed is False), key=lambda i: (i.score, i.number))

    def figures(self) -> list[tuple[tuple[str, ...], Figure]]:
        """Every published figure of the year with its check, by its path in the file."""
        out = [((f"{c.tool.lower()}_published",), c.weighted) for c in self.components]
        out += [(("total_published",), self.total), (("level_published",), self.level_figure)]
        out += [(("indicators", str(i.number), "level"), i.level) for i in self.indicators]
        return out


def outcome(year: int, record: ItaYear, scale: scoring.Scale = scoring.DEFAULT_SCALE) -> Outcome:
    """The published figures of one year beside what its indicator scores give (on a scale the site knows)."""
    scores = record.scores
    known = year >= FIRST_SCALE_YEAR
    result = scoring.ita_result(scores, scale) if scores and known else None
    means = scoring.tool_means(scores, scale) if scores else {}
    weighted = {"IIT": result.iit, "EIT": result.eit, "OIT": result.oit} if result else {}
    tool_of = {n: tool for tool, numbers in scale.tool_indicators.items() for n in numbers}
    indicators = tuple(IndicatorScore(
        n, tool_of[n], scores[n], figure(f"ระดับตัวชี้วัดที่ {n}", record.indicators[n].level,
                                         scale.level(scores[n]).code if known else None, record,
                                         f"indicators.{n}.level"),
        scale.passes(scores[n]) if known else None) for n in sorted(scores))
    components = tuple(Component(
        tool, tuple(scale.tool_indicators[tool]), means.get(tool), scale.weights[tool],
        score_figure(f"คะแนน {tool} (ถ่วงน้ำหนัก)", getattr(record, f"{TOOL_FIELDS[tool]}_published"),
                     weighted.get(tool), record, f"{TOOL_FIELDS[tool]}_published"))
        for tool in ("IIT", "EIT", "OIT"))
    total = score_figure("คะแนนรวม", record.total_published, result.total if result else None, record,
                         "total_published")
    # The level of the total shown: a printed level that contradicts its own total is the discrepancy. A level
    # outside the scale (a word of an earlier scale) has no level to compare with: checks.py says so where it
    # should be on the scale.
    level_of_total = scale.level(total.shown).code if total.shown is not None and known else None  # type: ignore[arg-type]
    on_scale = record.level_published is None or any(lv.code == record.level_published for lv in scale.levels)
    level = figure("ระดับ", record.level_published, level_of_total if on_scale else None, record, "level_published")
    return Outcome(year, record, scale, result, indicators, components, total, level, claims(record))


@dataclass(frozen=True)
class TargetRow:
    """One of the office's targets beside the year's result (None: no result to compare yet)."""

    label_th: str
    target: Decimal
    result: Figure | None

    @property
    def met(self) -> bool | None:
        """Whether the result shown reaches the target; None without a result."""
        if self.result is None or self.result.shown is None:
            return None
        return self.result.shown >= self.target  # type: ignore[operator]


def targets(result: Outcome) -> list[TargetRow]:
    """The office's targets for the year, each beside the result it speaks of: the total, or a tool's mean."""
    stated = result.record.targets
    if stated is None:
        return []
    rows = []
    if stated.total is not None:
        rows.append(TargetRow("คะแนน ITA รวม", stated.total, result.total if result.has_result else None))
    for component in result.components:
        target = getattr(stated, TOOL_FIELDS[component.tool])
        if target is not None:
            # Targets of a tool are out of 100: the mean of its (published) indicators, before its weight.
            mean = figure(f"คะแนน {component.tool}", None, _rounded(component.mean)) if component.mean else None
            rows.append(TargetRow(f"คะแนน {component.tool} (เต็ม 100)", target, mean))
    return rows


@dataclass(frozen=True)
class HistoryRow:
    """One year in the history table; `change` is against the year before (None without that year)."""

    year: int
    total: Figure
    level: str | None  # as published (a word of an earlier scale too), else the level of the total
    passed: bool | None  # None: a year of a scale the site does not know
    change: Decimal | None
    rank: int | None
    rank_of: int | None
    rank_th: str | None = None

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

    @property
    def check_th(self) -> str:
        """What the indicator scores say of the total shown: the check column of the history."""
        if self.total.computed is None:
            return "ไม่มีคะแนนรายตัวชี้วัด"
        if self.total.official is None:
            return "คำนวณจากคะแนนรายตัวชี้วัด"
        return f"คำนวณได้ {self.total.text(self.total.computed)}" if self.total.differs else "ตรงกัน"


def history(outcomes: list[Outcome]) -> list[HistoryRow]:
    """Every year with a result, oldest first, with the change of the total shown from the year before."""
    rows: list[HistoryRow] = []
    by_year = {o.year: o for o in outcomes if o.has_result}
    for year in sorted(by_year):
        this, before = by_year[year], by_year.get(year - 1)
        # Reports subtract the printed totals, so the difference is one of published figures too.
        change = None if before is None else this.total.shown - before.total.shown  # type: ignore[operator]
        level = this.level_figure.shown
        rows.append(HistoryRow(year, this.total, str(level) if level is not None else None, this.passed, change,
                               this.record.rank, this.record.rank_of, this.record.rank_th))
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


def oit_figures(record: ItaYear, framework: Framework | None, scale: scoring.Scale) -> list[tuple[tuple[str, ...], Figure]]:
    """OIT sub-indicator and indicator scores as published, beside those the per-item table gives."""
    scores = oit_from_items(record, framework, scale) if framework and record.oit_items else None
    subs = [sub.id for ind in framework.indicators for sub in ind.sub_indicators] if framework else []
    subs += [sub_id for sub_id in record.oit_sub_indicators if sub_id not in subs]
    out = [(("oit_sub_indicators", sub_id), score_figure(
        f"ตัวชี้วัดย่อย {sub_id}", record.oit_sub_indicators.get(sub_id),
        scores.sub_indicators.get(sub_id) if scores else None, record, f"oit_sub_indicators.{sub_id}"))
        for sub_id in subs]
    for number in (scores.indicators if scores else ()):
        out.append((("indicators", str(number)), score_figure(
            f"ตัวชี้วัดที่ {number}", record.scores.get(number), scores.indicators[number], record,
            f"indicators.{number}")))
    return [(path, f) for path, f in out if f.shown is not None]


def unknown_items(record: ItaYear, framework: Framework) -> list[str]:
    """Item numbers of the per-item table that the framework does not have."""
    known = {item.number for indicator in framework.indicators for sub in indicator.sub_indicators
             for item in sub.items}
    return [number for number in record.oit_items if number not in known]
