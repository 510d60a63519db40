"""Readiness: does the site hold timely evidence for every OIT item of a fiscal year?

Evidence is found by topic (DESIGN idea 1), then judged by the item's timeliness rule as of a date:
the assessor scores an item 0 for the wrong fiscal year or one missing month, so the check says
exactly which year or month is wrong. The statuses feed the OIT index pages, the exports and
`python -m generator check --year`.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Callable, Literal

from generator.base import calendar
from generator.base import scoring
from generator.oit.framework import EVIDENCE_YEARS, Framework, Indicator, Item, SubIndicator
from generator.base.topics import topic_label

Status = Literal["complete", "missing", "out_of_period"]
STATUS_TH: dict[str, str] = {"complete": "ครบถ้วน", "missing": "ไม่มีข้อมูล", "out_of_period": "ไม่เป็นปัจจุบัน"}


@dataclass(frozen=True)
class Evidence:
    """A page that may answer an item: a document page or a generated page."""

    title: str
    src_uri: str  # the page's docs-relative source, for links MkDocs checks: "documents/plan-2568.md"
    url: str  # site-relative, with a trailing slash: "documents/plan-2568/"
    topics: tuple[str, ...]
    fiscal_year: int | None = None  # None: a living page, current whenever the site is built
    period: calendar.Period | None = None
    published: date | None = None


@dataclass(frozen=True)
class ItemResult:
    """The verdict on one item, with the reasons a webmaster can act on."""

    item: Item
    sub_indicator: SubIndicator
    indicator: Indicator
    status: Status
    reasons: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def status_th(self) -> str:
        """The status as the index page shows it."""
        return STATUS_TH[self.status]


@dataclass(frozen=True)
class Readiness:
    """All items of one fiscal year under its framework, as of a date."""

    year: int
    framework_id: str
    framework: Framework
    as_of: date
    items: tuple[ItemResult, ...] = field(default_factory=tuple)
    scale: scoring.Scale = scoring.DEFAULT_SCALE

    @property
    def scores(self) -> scoring.OitScores:
        """The self-assessed OIT score: complete items score 100, the rest 0."""
        groups: dict[int, dict[str, list[Decimal]]] = {}
        for result in self.items:
            subs = groups.setdefault(result.indicator.number, {})
            subs.setdefault(result.sub_indicator.id, []).append(scoring.item_score(result.status == "complete"))
        return scoring.oit_scores(groups, self.scale)

    def count(self, status: Status) -> int:
        """How many items have `status`."""
        return sum(1 for r in self.items if r.status == status)


def assess(framework_id: str, framework: Framework, year: int, evidence: list[Evidence],
           as_of: date, scale: scoring.Scale = scoring.DEFAULT_SCALE) -> Readiness:
    """Judge every item of `framework` for fiscal `year` against the evidence published by `as_of`."""
    visible = [e for e in evidence if e.published is None or e.published <= as_of]
    results = []
    for indicator in framework.indicators:
        for sub in indicator.sub_indicators:
            for item in sub.items:
                status, reasons, used = _judge(item, visible, year, as_of)
                results.append(ItemResult(item, sub, indicator, status, tuple(reasons), tuple(used)))
    return Readiness(year, framework_id, framework, as_of, tuple(results), scale)


Verdict = tuple[Status, list[str], list[Evidence]]
_SEVERITY: dict[str, int] = {"complete": 0, "out_of_period": 1, "missing": 2}


def _judge(item: Item, visible: list[Evidence], year: int, as_of: date) -> Verdict:
    """Every topic an item names must be answered (O1 of 2568 asks for the structure *and* the duties)."""
    verdicts = [_judge_topic(item, topic, [e for e in visible if topic in e.topics], year, as_of)
                for topic in item.topics]
    status = max((v[0] for v in verdicts), key=_SEVERITY.__getitem__)
    several = len(item.topics) > 1  # then say which topic each reason is about
    reasons = [f"{topic_label(t)}: {r}" if several else r for t, v in zip(item.topics, verdicts) for r in v[1]]
    used = list(dict.fromkeys(e for v in verdicts for e in v[2]))  # keep order, drop repeats
    return status, reasons, used


def _judge_topic(item: Item, topic: str, found: list[Evidence], year: int, as_of: date) -> Verdict:
    """Judge one topic by the item's rule, on the fiscal year whose evidence the item asks for."""
    if not found:
        return "missing", [f"ไม่มีเอกสารหรือหน้าในหัวข้อ “{topic_label(topic)}”"], []
    return _RULES[item.timeliness](found, item.evidence_fy(topic, year), as_of, item.year_of(topic))


def _always(found: list[Evidence], year: int, as_of: date, which: str) -> Verdict:
    return "complete", [], found


def _of_year(found: list[Evidence], year: int, as_of: date, which: str) -> Verdict:
    """Evidence of fiscal `year` (already the previous one when the item asks for it); a living page
    (no fiscal year) is current, so it answers only for the assessed year."""
    used = [e for e in found if e.fiscal_year == year or (e.fiscal_year is None and which == "current")]
    if used:
        return "complete", [], used
    years = ", ".join(str(y) for y in sorted({e.fiscal_year for e in found if e.fiscal_year}))
    have = f"มีเฉพาะของปีงบประมาณ {years}" if years else "มีเฉพาะหน้าที่ไม่ระบุปีงบประมาณ"
    return "out_of_period", [f"{have} แต่ต้องเป็น{EVIDENCE_YEARS[which][0]} ({year})"], found


def _first_half(found: list[Evidence], year: int, as_of: date, which: str) -> Verdict:
    """A report (or several) whose periods together cover October to March; due once March is over."""
    half = calendar.parse_period(f"{year}-H1")
    if as_of <= half.end:
        return "missing", [f"ยังไม่มีรายงาน{half.label_th} ซึ่งเผยแพร่ได้หลังวันที่ "
                           f"{calendar.format_thai_date(half.end)}"], []
    months = calendar.fiscal_months(year)[:6]
    # A report of the whole year (or a plan) is not a half-year report: its period must lie in the half.
    within = [e for e in found if e.period and half.start <= e.period.start and e.period.end <= half.end]
    used = [e for e in within if any(_covers(e.period, m, single=False) for m in months)]
    uncovered = [m for m in months if not any(_covers(e.period, m, single=False) for e in used if e.period)]
    if not used:
        return "out_of_period", [f"ไม่มีรายงานที่ครอบคลุม{half.label_th}"], found
    if uncovered:
        return "missing", ["ไม่มีข้อมูลเดือน" + ", ".join(_month_label(m) for m in uncovered)], used
    return "complete", [], used


def _first_half_monthly(found: list[Evidence], year: int, as_of: date, which: str) -> Verdict:
    """One entry per month October to March, each month on its own, for every month already over."""
    due = [m for m in calendar.fiscal_months(year)[:6] if _month_end(m) < as_of]
    if not due:
        return "missing", ["ยังไม่ถึงกำหนด: เดือนตุลาคมยังไม่สิ้นสุด"], []
    used = [e for e in found if e.period and any(_covers(e.period, m, single=True) for m in due)]
    missing = [m for m in due if not any(_covers(e.period, m, single=True) for e in used if e.period)]
    if not missing:
        return "complete", [], used
    return ("missing" if used else "out_of_period"), [f"ไม่มีข้อมูลเดือน{_month_label(m)}" for m in missing], used


def _month_label(month: tuple[int, int]) -> str:
    return calendar.format_thai_date(date(*month, 1), "month")


def _covers(period: calendar.Period, month: tuple[int, int], single: bool) -> bool:
    start = date(*month, 1)
    if single:
        return period.start == start and period.end == _month_end(month)
    return period.start <= start and period.end >= _month_end(month)


def _month_end(month: tuple[int, int]) -> date:
    year, number = month
    return date(year, number, monthrange(year, number)[1])


def _multi_year(found: list[Evidence], year: int, as_of: date, which: str) -> Verdict:
    """A plan spanning more than one fiscal year, one of them the assessed year."""
    used = [e for e in found if e.period and len(e.period.fiscal_years) > 1 and year in e.period.fiscal_years]
    if used:
        return "complete", [], used
    return "out_of_period", [f"ไม่มีแผนหลายปีที่ครอบคลุมปีงบประมาณ {year}"], found


# Each rule judges the evidence found for one topic against fiscal `year`, the year the item asks for
# (`which`: "current" or "previous"); previous_fy is a whole year's evidence, like current_fy, one year back.
_RULES: dict[str, Callable[[list[Evidence], int, date, str], Verdict]] = {
    "always": _always,
    "current_fy": _of_year,
    "previous_fy": _of_year,
    "first_half": _first_half,
    "first_half_monthly": _first_half_monthly,
    "multi_year": _multi_year,
}
