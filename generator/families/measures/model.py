"""Integrity measures (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) and the report on them.

`data/measures/<fiscal year>.yml` answers the previous fiscal year's ITA result: for each weak
indicator (below the pass mark, or the lowest ones when the office says so; scores from
`data/ita/<year - 1>.yml`, never typed) the measures, the responsible groups (one, several or "ทุกกลุ่ม/
หน่วย"), who supervises and when, as far as the announcement says. As the year goes on, each measure
gets a status and what was done, as of a date: that is the implementation report, whose shares by
status are computed here. A measure the report says nothing of is "ไม่ได้รายงาน", never "not started".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema, field_validator, model_validator

from generator.base import calendar
from generator.base import scoring
from generator.base.fields import ContentPath, Slug, Text, ThaiDate, WebUrl, WholeNumber, labelled, one_of
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


class Issue(Record):
    """The measures for one weak indicator: who does them, who supervises, and when."""

    indicator: WholeNumber = Field(description="ตัวชี้วัดที่เป็นจุดอ่อน (1–10) / the weak indicator")
    measures: list[Measure] = Field(min_length=1)
    owners: Owners = Field(default_factory=list)
    supervisor_th: Text | None = Field(None, description="ผู้กำกับติดตาม (ตำแหน่ง) ถ้าประกาศระบุ / supervisor's position")
    schedule: Schedule | None = Field(None, description="ระยะเวลาดำเนินการ ถ้าประกาศระบุ (ไม่มีก็เว้นไว้)")

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


class Report(Record):
    """The implementation report: the statuses of the measures stand as of this date."""

    as_of: ThaiDate = Field(description="ข้อมูล ณ วันที่ / statuses as of")
    draft: bool = Field(False, description="ฉบับร่าง ยังไม่เผยแพร่ / a draft, not published")
    note_th: Text | None = None


class MeasuresYear(Acknowledging):
    """`data/measures/<fiscal year>.yml`."""

    announcement: Announcement | None = None
    weak_basis: one_of(WEAK_BASES) = Field("pass_mark", description="ตัวชี้วัดที่เป็นจุดอ่อนคือ: pass_mark = ต่ำกว่าเกณฑ์ผ่าน, "
                                                                    "lowest = คะแนนต่ำสุด N ลำดับ (N ตาม weak_printed)")
    weak_printed: WholeNumber | None = Field(None, description="จำนวนตัวชี้วัดที่เป็นจุดอ่อนตามที่พิมพ์ไว้ เช่น 4 "
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


def public(records: dict[int, MeasuresYear], today: date) -> dict[int, MeasuresYear]:
    """Measures announced by `today`, with the report only once it is no draft and its as-of date has come."""
    out = {}
    for year, record in records.items():
        if record.announcement and record.announcement.date > today:
            continue
        report = record.report
        shown = report is not None and not report.draft and report.as_of <= today
        out[year] = record if shown or report is None else record.model_copy(update={"report": None})
    return out
