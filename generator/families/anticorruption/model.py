"""The anti-corruption action plan (แผนปฏิบัติการป้องกันการทุจริต) and its monitoring reports.

Offices write the plan and then, every quarter or half-year, a monitoring report in Word; the
figures rarely add up and the reports come late. Here one file per fiscal year,
`data/anticorruption/<fiscal year>.yml`, holds the projects and activities (KPI, target, budget or
`ไม่ใช้งบประมาณ`, the months scheduled, the responsible groups) and the reports: for a period, each
activity's status, outcome, disbursed budget, what was done and what comes next. The plan page, the
quarterly, six-month and annual reports are generated from it, with every total computed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Iterable

from pydantic import BeforeValidator, Field, model_validator

from generator.base import calendar
from generator.base.fields import ContentPath, Money, Slug, Text, ThaiDate, TopicKey, WebUrl, WholeNumber, labelled
from generator.engine.records import Record, Signer
from generator.base.problems import DataError
from generator.base.scoring import percent
from generator.base.vocabulary import IMPLEMENTATION_ALIASES, IMPLEMENTATION_STATUSES

NO_BUDGET = "ไม่ใช้งบประมาณ"
STATUSES = IMPLEMENTATION_STATUSES
OUTCOMES: dict[str, tuple[str, str]] = {
    "achieved": ("บรรลุผลสำเร็จตามวัตถุประสงค์", "achieved"),
    "not_achieved": ("ไม่บรรลุผลสำเร็จ", "not achieved"),
}
# Report periods: a quarter, the first half, or the whole year (the annual report).
REPORT_PARTS = ("Q1", "Q2", "Q3", "Q4", "H1", "")


def _plan_budget(value: Any) -> Any:
    """`ไม่ใช้งบประมาณ` (also `-ไม่ใช้งบประมาณ-`) means none is needed, which is not zero and not unknown."""
    if isinstance(value, str) and value.strip().strip("-").strip() == NO_BUDGET:
        return None
    return value


PlanBudget = Annotated[Money | None, BeforeValidator(_plan_budget)]


class Activity(Record):
    """One activity of the plan."""

    id: Slug
    title_th: Text
    kpi_th: Text | None = Field(None, description="ตัวชี้วัด / indicator")
    target_th: Text | None = Field(None, description="เป้าหมาย / target")
    budget: PlanBudget = Field(None, description="งบประมาณ (บาท) หรือ ไม่ใช้งบประมาณ / budget, or none needed")
    months: list[WholeNumber] = Field([], description="เดือนที่ดำเนินการ 1–12 / months scheduled (calendar months)")
    owners: list[Slug] = Field([], description="กลุ่มที่รับผิดชอบ (รหัสใน units.yml) / responsible units")
    topics: list[TopicKey] = Field([], description="หัวข้อ OIT ที่กิจกรรมนี้เป็นหลักฐาน / topics it evidences")

    @model_validator(mode="after")
    def _months(self) -> Activity:
        bad = [m for m in self.months if not 1 <= m <= 12]
        if bad:
            raise DataError(f"เดือนต้องเป็นเลข 1–12 (ไม่ใช่ {bad[0]})", f"months are numbers 1–12, not {bad[0]}", "months")
        return self

    @property
    def needs_budget(self) -> bool:
        """False when the plan says `ไม่ใช้งบประมาณ`."""
        return self.budget is not None


class Project(Record):
    """A project (โครงการ) grouping activities, and the strategy it serves."""

    title_th: Text
    strategy_th: Text | None = Field(None, description="ยุทธศาสตร์หรือแผนที่สนับสนุน / strategy served")
    activities: list[Activity] = Field(min_length=1)


class Done(Record):
    """Something done, with its date (or the date it began, for recurring work)."""

    date: ThaiDate | None = None
    text_th: Text


class Next(Record):
    """Something scheduled for a later quarter of the year."""

    quarter: WholeNumber = Field(ge=1, le=4)
    text_th: Text


class Evidence(Record):
    """A link or a file showing the work."""

    title_th: Text
    url: WebUrl | None = None
    file: ContentPath | None = None

    @model_validator(mode="after")
    def _target(self) -> Evidence:
        if not (self.url or self.file):
            raise DataError("หลักฐานต้องมี url หรือ file", "evidence needs a url or a file", "evidence")
        return self


class Progress(Record):
    """An activity's progress in one report."""

    activity: Slug
    status: labelled(STATUSES, IMPLEMENTATION_ALIASES)
    outcome: labelled(OUTCOMES) | None = None
    disbursed: Money | None = Field(None, description="เบิกจ่ายจริง (บาท) / disbursed")
    done: list[Done] = []
    next: list[Next] = []
    evidence: list[Evidence] = []

    @model_validator(mode="after")
    def _outcome(self) -> Progress:
        if self.outcome is not None and self.status != "done":
            raise DataError("ผลการดำเนินงาน (outcome) ระบุได้เมื่อดำเนินการแล้วเท่านั้น",
                            "an outcome is given only once the activity is done", "outcome")
        return self


class Report(Record):
    """A monitoring report: the period it covers, who reports and certifies, and each activity's progress."""

    period: Text = Field(description="2568-Q1 … 2568-Q4, 2568-H1 หรือ 2568 (รายงานประจำปี) / period")
    date: ThaiDate = Field(description="วันที่รายงาน / date of the report")
    reporter: Signer | None = Field(None, description="ผู้เสนอรายงาน / who reports")
    certifier: Signer | None = Field(None, description="ผู้รับรองรายงาน / who certifies")
    progress: list[Progress] = []
    problems_th: list[Text] = Field([], description="ปัญหาอุปสรรค / problems")
    suggestions_th: list[Text] = Field([], description="ข้อเสนอแนะ / suggestions")

    @model_validator(mode="after")
    def _period(self) -> Report:
        try:
            calendar.parse_period(self.period)
        except calendar.ThaiDateError as exc:
            raise DataError(exc.th, exc.en, "period") from None
        return self

    @property
    def part(self) -> str:
        """`Q1` … `Q4`, `H1`, or `` for the whole year."""
        return self.period.partition("-")[2]

    @property
    def period_obj(self) -> calendar.Period:
        """The period as a Period."""
        return calendar.parse_period(self.period)


class ActionPlan(Record):
    """`data/anticorruption/<fiscal year>.yml`."""

    title_th: Text | None = None
    strategies_th: list[Text] = Field([], description="ยุทธศาสตร์ชาติและแผนแม่บทที่สนับสนุน / national strategies served")
    objectives_th: list[Text] = []
    date: ThaiDate | None = Field(None, description="วันที่อนุมัติแผน / date approved")
    signer: Signer | None = None
    file: ContentPath | None = Field(None, description="แผนฉบับลงนาม / the signed plan")
    projects: list[Project] = Field(min_length=1)
    reports: list[Report] = []

    @property
    def activities(self) -> list[Activity]:
        """Every activity, in plan order."""
        return [a for p in self.projects for a in p.activities]


# --- computations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetTotals:
    """Planned against disbursed over the funded activities; activities needing no budget counted apart."""

    planned: Decimal
    disbursed: Decimal
    funded: int
    unfunded: int

    @property
    def percent(self) -> Decimal | None:
        """Share disbursed, two decimals, half up."""
        return percent(self.disbursed, self.planned)


@dataclass(frozen=True)
class ReportView:
    """A report joined to the plan: each activity with its progress (None when the report lacks it)."""

    plan: ActionPlan
    report: Report

    def rows(self) -> list[tuple[Activity, Progress | None]]:
        """Activities in plan order with their progress in this report."""
        found = {p.activity: p for p in self.report.progress}
        return [(a, found.get(a.id)) for a in self.plan.activities]

    def by_status(self) -> list[tuple[str, int, Decimal | None]]:
        """(status, count, per cent of all activities) in the order of STATUSES; missing ones count as not started."""
        rows = self.rows()
        counts = Counter(p.status if p else "not_started" for _, p in rows)
        return [(s, counts[s], percent(counts[s], len(rows))) for s in STATUSES]

    def by_outcome(self) -> list[tuple[str, int]]:
        """Activities done, by outcome (an unstated outcome is left out)."""
        counts = Counter(p.outcome for _, p in self.rows() if p and p.outcome)
        return [(o, counts[o]) for o in OUTCOMES if counts[o]]

    def budget(self) -> BudgetTotals:
        """Planned and disbursed over all activities of the plan."""
        rows = self.rows()
        funded = [(a, p) for a, p in rows if a.needs_budget]
        planned = sum((a.budget or Decimal(0) for a, _ in funded), Decimal(0))
        disbursed = sum((p.disbursed or Decimal(0) for _, p in rows if p), Decimal(0))
        return BudgetTotals(planned, disbursed, len(funded), len(rows) - len(funded))


def plan_budget(plan: ActionPlan) -> BudgetTotals:
    """The plan's total budget (nothing disbursed yet)."""
    activities = plan.activities
    funded = [a for a in activities if a.needs_budget]
    return BudgetTotals(sum((a.budget or Decimal(0) for a in funded), Decimal(0)), Decimal(0), len(funded),
                        len(activities) - len(funded))


def month_grid(fiscal_year: int) -> list[tuple[int, str]]:
    """(calendar month, `ต.ค. 67` label) for October to September of a fiscal year."""
    return [(m, calendar.format_thai_date(date(y, m, 1), "month_short")) for y, m in calendar.fiscal_months(fiscal_year)]


def months_text(fiscal_year: int, months: Iterable[int]) -> str:
    """The scheduled months in words (`ต.ค. 67, ม.ค. 68`), the text alternative of the grid row."""
    wanted = set(months)
    return ", ".join(label for m, label in month_grid(fiscal_year) if m in wanted)


def public(plans: dict[int, ActionPlan], today: date) -> dict[int, ActionPlan]:
    """Plans with only the reports dated by `today`: a report is published from its date."""
    return {year: plan.model_copy(update={"reports": [r for r in plan.reports if r.date <= today]})
            for year, plan in plans.items()}
