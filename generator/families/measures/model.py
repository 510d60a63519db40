"""Integrity measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) and the report on them.

`data/measures/<fiscal year>.yml` answers the previous fiscal year's ITA result: for each weak
indicator (below the pass mark, or the lowest ones when the office says so; scores from
`data/ita/<year - 1>.yml`, never typed) the measures, the responsible groups (one, several or "ทุกกลุ่ม/
หน่วย"), who supervises and when, as far as the announcement says. As the year goes on, each measure
gets a status and what was done, as of a date: that is the implementation report, whose shares by
status are computed here. A measure the report says nothing of is "ไม่ได้รายงาน", never "not started".

Real reports are also dated by month only or not at all (`as_of` as printed: an undated report counts
for its fiscal year, never for a round), and some list what was done per area (activities with their
sub-activities) instead of a status per measure: those lists are kept as printed and never become a
status. An announcement may set the reporting rounds (`rounds: [6, 12]`, `rounds_th` as printed); a
report may say which round it is (`round`), a claim its dates are checked against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from generator.base import calendar
from generator.base import scoring
from generator.base.fields import (ContentPath, PrintedDate, Slug, Text, ThaiDate, WebUrl, WholeNumber, labelled,
                                   one_of)
from generator.base.problems import DataError
from generator.base.vocabulary import IMPLEMENTATION_ALIASES, IMPLEMENTATION_STATUSES
from generator.engine.figures import Acknowledging
from generator.engine.owners import Owners
from generator.engine.records import Record, Signer
from generator.families.ita.model import INDICATORS
from generator.families.ita.outcome import Outcome

STATUSES = IMPLEMENTATION_STATUSES
# The three boxes every report prints; the other statuses are shown only when a measure has them.
ALWAYS_SHOWN = ("done", "in_progress", "not_started")
# Which indicators an office answers: those below the pass mark, or (as real reports also do) its lowest N.
WEAK_BASES: dict[str, tuple[str, str]] = {
    "pass_mark": ("ตัวชี้วัดที่ได้คะแนนต่ำกว่าเกณฑ์ผ่าน", "indicators below the pass mark"),
    "lowest": ("ตัวชี้วัดที่ได้คะแนนต่ำสุดตามลำดับ", "the lowest-scoring indicators"),
}


# The rounds an announcement may set, in months from 1 October: the quarters' ends (รอบ 6 เดือน, รอบ 12 เดือน).
ROUND_MONTHS = (3, 6, 9, 12)


def _round_months(value: Any) -> int:
    text = calendar.to_arabic_digits(str(value)).strip()
    if isinstance(value, bool) or not text.isdigit() or int(text) not in ROUND_MONTHS:
        raise DataError(f"รอบการรายงานเป็นจำนวนเดือนนับจาก 1 ตุลาคม: 3, 6, 9 หรือ 12 (ไม่ใช่ '{value}')",
                        f"a reporting round is months from 1 October: 3, 6, 9 or 12, not '{value}'", "round")
    return int(text)


RoundMonths = Annotated[int, BeforeValidator(_round_months), WithJsonSchema(
    {"anyOf": [{"enum": list(ROUND_MONTHS)}, {"type": "string", "pattern": r"^\s*(3|6|9|12|๓|๖|๙|๑๒)\s*$"}],
     "description": "รอบการรายงาน (เดือนนับจาก 1 ตุลาคม) เช่น 6 = รอบ 6 เดือน / reporting round in months"})]


def _periods(value: Any) -> Any:
    """One period key or a list of them (`2568-H1`, `2024-12`, `2568-Q2`); numbers become keys (2568)."""
    values = value if isinstance(value, list) else [value]
    out = []
    for item in values:
        text = str(item).strip()
        try:
            calendar.parse_period(text)
        except calendar.ThaiDateError as exc:
            raise DataError(exc.th, exc.en, "period") from None
        out.append(text)
    return out


Schedule = Annotated[list[str], BeforeValidator(_periods), Field(min_length=1), WithJsonSchema({
    # One period or a list of them; a bare fiscal year (2568) is a number in YAML.
    "anyOf": [{"type": ["string", "integer"]}, {"type": "array", "items": {"type": ["string", "integer"]}, "minItems": 1}],
    "description": "ระยะเวลาดำเนินการ: เดือนหรือช่วงเวลา เช่น [2024-12, 2025-01] หรือ 2568-H2 / schedule"})]


class Link(Record):
    """Evidence of what was done: a published document, an original under content/, or a web page."""

    title_th: Text
    document: Slug | None = Field(None, description="รหัสเอกสารใน data/documents / a document id")
    file: ContentPath | None = None
    url: WebUrl | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Link:
        if sum(x is not None for x in (self.document, self.file, self.url)) != 1:
            raise DataError("หลักฐานต้องมี document, file หรือ url อย่างใดอย่างหนึ่ง",
                            "evidence needs exactly one of document, file or url", "original")
        return self


class Measure(Record):
    """One measure, and (in the report) how far it got."""

    text_th: Text = Field(description="มาตรการ / the measure")
    owners: Owners | None = Field(None, description="ผู้รับผิดชอบมาตรการนี้ ถ้าต่างจากของประเด็น "
                                                    "/ this measure's owners, when not the issue's")
    schedule: Schedule | None = Field(None, description="ระยะเวลาของมาตรการนี้ ถ้าต่างจากของประเด็น")
    status: labelled(STATUSES, IMPLEMENTATION_ALIASES) | None = Field(None, description="สภาพการดำเนินงาน (ในรายงานผล) / status")
    result_th: Text | None = Field(None, description="ผลการดำเนินงาน สิ่งที่ทำแล้ว / what was done")
    evidence: list[Link] = Field([], description="หลักฐานการดำเนินงาน / evidence")


class Activity(Record):
    """One thing a report says was done in an area, with its sub-activities, as printed: it has no status."""

    text_th: Text = Field(description="สิ่งที่ดำเนินการตามที่รายงานพิมพ์ / the activity as printed")
    items: list[Text] = Field([], description="กิจกรรมย่อยตามที่พิมพ์ เช่น (๑) ... (๒) ... / its sub-activities")


class Issue(Record):
    """The measures for one weak indicator: who does them, who supervises, and when."""

    indicator: WholeNumber = Field(description="ตัวชี้วัดที่เป็นจุดอ่อน (1–10) / the weak indicator")
    title_th: Text | None = Field(None, description="ชื่อด้านตามที่ประกาศพิมพ์ เช่น ด้านป้องกันการทุจริต "
                                                    "/ the area's heading as printed")
    measures: list[Measure] = Field(min_length=1)
    owners: Owners = Field(default_factory=list)
    supervisor_th: Text | None = Field(None, description="ผู้กำกับติดตาม (ตำแหน่ง) ถ้าประกาศระบุ / supervisor's position")
    schedule: Schedule | None = Field(None, description="ระยะเวลาดำเนินการ ถ้าประกาศระบุ (ไม่มีก็เว้นไว้)")
    activities: list[Activity] = Field([], description="สิ่งที่รายงานผลระบุว่าได้ดำเนินการในด้านนี้ เมื่อรายงานไม่ได้ระบุ"
                                                       "สถานะรายมาตรการ / what the report lists as done in this area")

    def owners_of(self, measure: Measure) -> list[str]:
        """Who is responsible for `measure`: its own owners, else the issue's (empty: the announcement names none)."""
        return measure.owners if measure.owners is not None else self.owners

    def schedule_of(self, measure: Measure) -> list[str]:
        """When `measure` is done: its own schedule, else the issue's (empty: the announcement gives none)."""
        return measure.schedule or self.schedule or []

    @field_validator("indicator", mode="before")
    @classmethod
    def _indicator(cls, value: Any) -> int:
        text = calendar.to_arabic_digits(str(value)).strip()
        if not text.isdigit() or int(text) not in INDICATORS:
            raise DataError(f"ตัวชี้วัดต้องเป็นเลข 1 ถึง 10 (ไม่ใช่ '{value}')",
                            f"an indicator is a number from 1 to 10, not '{value}'", "indicator")
        return int(text)


class Announcement(Record):
    """The signed announcement of the measures."""

    date: ThaiDate = Field(description="วันที่ประกาศ (ก่อนวันนี้จะยังไม่เผยแพร่) / date signed")
    number_th: Text | None = None
    signer: Signer | None = None
    document: Slug | None = Field(None, description="รหัสต้นฉบับที่ลงนามใน data/documents / the signed original")
    rounds: list[RoundMonths] = Field([], description="รอบที่ประกาศกำหนดให้รายงานผล เช่น [6, 12] "
                                                      "/ the reporting rounds it sets, in months")
    rounds_th: Text | None = Field(None, description="รอบการรายงานตามที่ประกาศพิมพ์ เช่น รอบ ๖ เดือน และ ๑๒ เดือน "
                                                     "/ the rounds as printed")


class Report(Record):
    """The implementation report: what was done (a status per measure, or activities per area) as of its date."""

    as_of: PrintedDate | None = Field(description="ข้อมูล ณ วันที่ หรือเพียงเดือน เช่น มิถุนายน 2563 ถ้ารายงานไม่ระบุวันที่ "
                                                   "ให้เว้นว่าง (as_of:) / as of a day, a month, or empty when undated")
    round: RoundMonths | None = Field(None, description="รอบที่รายงานระบุว่าเป็น เช่น 6 (รอบ 6 เดือน) ถ้ารายงานระบุ "
                                                        "/ the round the report says it is")
    document: Slug | None = Field(None, description="รหัสต้นฉบับของรายงานใน data/documents / the report's original")
    draft: bool = Field(False, description="ฉบับร่าง ยังไม่เผยแพร่ / a draft, not published")
    note_th: Text | None = None


class MeasuresYear(Acknowledging):
    """`data/measures/<fiscal year>.yml`."""

    announcement: Announcement | None = None
    weak_basis: one_of(WEAK_BASES) = Field("pass_mark", description="ตัวชี้วัดที่เป็นจุดอ่อนคือ: pass_mark = ต่ำกว่าเกณฑ์ผ่าน, "
                                                                    "lowest = คะแนนต่ำสุด N ลำดับ (N ตาม weak_printed)")
    weak_printed: WholeNumber | None = Field(None, ge=0, description="จำนวนตัวชี้วัดที่เป็นจุดอ่อนตามที่พิมพ์ไว้ เช่น 4 "
                                                               "/ the stated count of weak indicators")
    issues: list[Issue] = Field(min_length=1,
                                description="มาตรการแยกตามประเด็นที่เป็นจุดอ่อน / measures per weak indicator")
    report: Report | None = Field(None, description="รายงานผลการดำเนินงาน (ให้ใส่ status ทุกมาตรการ) "
                                                    "/ implementation report")
    note_th: Text | None = None

    @model_validator(mode="after")
    def _one_issue_per_indicator(self) -> MeasuresYear:
        seen: set[int] = set()
        for issue in self.issues:
            if issue.indicator in seen:
                raise DataError(f"ตัวชี้วัดที่ {issue.indicator} มีมากกว่าหนึ่งรายการ ให้รวมมาตรการไว้ในรายการเดียว",
                                f"indicator {issue.indicator} is listed twice; put its measures in one entry", "duplicate")
            seen.add(issue.indicator)
        return self

    @property
    def all_measures(self) -> list[Measure]:
        """Every measure, in the order of the announcement."""
        return [m for issue in self.issues for m in issue.measures]

    @property
    def has_statuses(self) -> bool:
        """True when the report gives a status to at least one measure (a status per measure is reported)."""
        return any(m.status for m in self.all_measures)

    @property
    def has_activities(self) -> bool:
        """True when the report lists what was done in at least one area."""
        return any(issue.activities for issue in self.issues)


@dataclass(frozen=True)
class StatusShare:
    """How many measures have one status, and their share in per cent (2 decimals, half up)."""

    status: str
    count: int
    percent: Decimal

    @property
    def label_th(self) -> str:
        """The status as printed on the report."""
        return STATUSES[self.status][0]


def status_of(measure: Measure) -> str:
    """The status a report gives a measure; none given is "not_reported", never "not_started"."""
    return measure.status or "not_reported"


def shares(record: MeasuresYear) -> list[StatusShare]:
    """Measures by status in the report's order (done, in progress, not started, then the others they have)."""
    measures = record.all_measures
    out = []
    for status in STATUSES:
        count = sum(1 for m in measures if status_of(m) == status)
        if count or status in ALWAYS_SHOWN:
            out.append(StatusShare(status, count, scoring.percent(count, len(measures)) or Decimal(0)))
    return out


def weak_indicators(previous: Outcome | None, record: MeasuresYear | None = None) -> list[int]:
    """The weak indicators of the previous year's result, lowest score first: below the pass mark, or the
    lowest N when the measures say so (N as printed, else as many as they answer)."""
    if previous is None:
        return []
    if record is not None and record.weak_basis == "lowest":
        count = record.weak_printed if record.weak_printed is not None else len(record.issues)
        return [i.number for i in sorted(previous.indicators, key=lambda i: (i.score, i.number))][:count]
    return [i.number for i in previous.weaknesses]


def round_label_th(months: int) -> str:
    """A round as offices name it: "รอบ 6 เดือน"."""
    return f"รอบ {months} เดือน"


def round_span(year: int, months: int) -> tuple[date, date]:
    """The days a round of fiscal year `year` covers: 1 October to the last day of its last month."""
    first = calendar.fiscal_year_bounds(year)[0]
    last_year, last_month = calendar.fiscal_months(year)[months - 1]
    following = date(last_year + last_month // 12, last_month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _days_of(day: date) -> tuple[date, date]:
    """The earliest and latest day a printed date may mean: the day itself, or its month's first and last."""
    if not getattr(day, "month_only", False):
        return day, day
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date(day.year, day.month, 1), following - timedelta(days=1)


def claim_holds(year: int, report: Report) -> bool | None:
    """Whether the report's date supports the round it claims: True once the round is over by its earliest
    day, False when even its latest day precedes the round's end, None when it cannot tell (no claim, undated,
    or dated by the month in which the round ends)."""
    if report.round is None or report.as_of is None:
        return None
    end = round_span(year, report.round)[1]
    earliest, latest = _days_of(report.as_of)
    return True if earliest >= end else False if latest < end else None


def round_doubts(year: int, record: MeasuresYear) -> list[tuple[str, str, str]]:
    """Why the dates cannot support the round the report claims, as (code, Thai, English): its data speak for a
    day before the round ends, or the round ended before the measures were announced. Empty: no doubt."""
    report = record.report
    if report is None or report.round is None:
        return []
    end = round_span(year, report.round)[1]
    doubts = []
    if claim_holds(year, report) is False:
        doubts.append(("round_not_over", f"ข้อมูล ณ {calendar.format_thai_date(report.as_of)} ก่อนรอบนั้นสิ้นสุด "  # type: ignore[arg-type]
                       "จึงไม่ครอบคลุมทั้งรอบ", f"it is as of {report.as_of}, before that round ends"))
    announced = record.announcement.date if record.announcement else None
    if announced is not None and announced > end:
        doubts.append(("round_before_announcement", "รอบนั้นสิ้นสุดก่อนวันที่ประกาศมาตรการ "
                       f"({calendar.format_thai_date(announced)})",
                       f"that round ended before the measures were announced ({announced})"))
    return doubts


def report_round(year: int, report: Report) -> tuple[str, str]:
    """(period key, round words for the title) of a report: the round it claims when its date supports it, else
    the round its date gives (generator/base/calendar.py: round_of); an undated report counts for its year only."""
    if claim_holds(year, report):
        period = {3: f"{year}-Q1", 6: f"{year}-H1"}.get(report.round, str(year))  # type: ignore[arg-type]
        return period, " " + round_label_th(report.round)  # type: ignore[arg-type]
    if report.as_of is None:
        return str(year), ""
    period, kind = calendar.round_of(year, report.as_of)
    return period, {"year": " " + round_label_th(12), "half": " " + round_label_th(6)}.get(kind, "")


def public(records: dict[int, MeasuresYear], today: date) -> dict[int, MeasuresYear]:
    """Measures announced by `today`, with the report only once it is no draft and its as-of date has come."""
    out = {}
    for year, record in records.items():
        if record.announcement and record.announcement.date > today:
            continue
        report = record.report
        # An undated report has no day to wait for; a month-dated one may appear from the month's first day.
        shown = report is not None and not report.draft and (report.as_of is None or report.as_of <= today)
        out[year] = record if shown or report is None else record.model_copy(update={"report": None})
    return out
