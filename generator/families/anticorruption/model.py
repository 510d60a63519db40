"""The anti-corruption action plan (แผนปฏิบัติการป้องกันการทุจริต) and its monitoring reports.

Offices write the plan and then, every quarter or half-year, a monitoring report in Word; the
figures rarely add up and the reports come late. Here one file per fiscal year,
`data/anticorruption/<fiscal year>.yml`, holds the projects and activities (KPI, target, budget or
`ไม่ใช้งบประมาณ`, the months scheduled, the responsible groups), the project's targets, indicators,
expected results and cost lines, the plan's operating calendar, and the reports: for a period, each
activity's status, outcome, disbursed budget, what was done and what comes next.

What the office printed is kept as printed: the plan's total budget, a report's totals and stated
counts, a project's cost total. The site shows them as the official figures and checks them against
the rows (generator/engine/figures.py); a known difference is acknowledged in `acknowledged:`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, model_validator

from generator.base import calendar
from generator.base.fields import ContentPath, Money, Slug, Text, ThaiDate, TopicKey, WebUrl, WholeNumber, labelled
from generator.base.problems import DataError
from generator.base.vocabulary import IMPLEMENTATION_ALIASES, IMPLEMENTATION_STATUSES
from generator.engine.figures import Acknowledging
from generator.engine.owners import Owners
from generator.engine.records import Record, Signer

NO_BUDGET = "ไม่ใช้งบประมาณ"
STATUSES = IMPLEMENTATION_STATUSES
OUTCOMES: dict[str, tuple[str, str]] = {
    "achieved": ("บรรลุผลสำเร็จตามวัตถุประสงค์", "achieved"),
    "not_achieved": ("ไม่บรรลุผลสำเร็จ", "not achieved"),
}
Status = labelled(STATUSES, IMPLEMENTATION_ALIASES)
Outcome = labelled(OUTCOMES)
# Report periods: a quarter, the first half, or the whole year (the annual report).
REPORT_PARTS = ("Q1", "Q2", "Q3", "Q4", "H1", "")


def _plan_budget(value: Any) -> Any:
    """`ไม่ใช้งบประมาณ` (also `-ไม่ใช้งบประมาณ-`) means none is needed, which is not zero and not unknown."""
    if isinstance(value, str) and value.strip().strip("-").strip() == NO_BUDGET:
        return None
    return value


PlanBudget = Annotated[Money | None, BeforeValidator(_plan_budget)]
MONTHS_TH = "เดือนที่ดำเนินการ 1–12 (10 = ตุลาคม) / months scheduled (calendar months)"


def _months_in_range(months: list[int]) -> None:
    """Months are calendar months, 1–12, as a plan's month columns are."""
    bad = [m for m in months if not 1 <= m <= 12]
    if bad:
        raise DataError(f"เดือนต้องเป็นเลข 1–12 (ไม่ใช่ {bad[0]})", f"months are numbers 1–12, not {bad[0]}", "months")


class Activity(Record):
    """One activity of the plan."""

    id: Slug
    title_th: Text
    kpi_th: Text | None = Field(None, description="ตัวชี้วัด / indicator")
    target_th: Text | None = Field(None, description="เป้าหมาย / target")
    budget: PlanBudget = Field(None, description="งบประมาณ (บาท) หรือ ไม่ใช้งบประมาณ / budget, or none needed")
    months: list[WholeNumber] = Field([], description=MONTHS_TH)
    owners: Owners = []
    topics: list[TopicKey] = Field([], description="หัวข้อ OIT ที่กิจกรรมนี้เป็นหลักฐาน / topics it evidences")

    @model_validator(mode="after")
    def _months(self) -> Activity:
        _months_in_range(self.months)
        return self

    @property
    def needs_budget(self) -> bool:
        """False when the plan says `ไม่ใช้งบประมาณ`."""
        return self.budget is not None


class CostLine(Record):
    """One line of a project's cost breakdown (ค่าอาหาร, ค่าวิทยากร …), as the plan prints it."""

    item_th: Text = Field(description="รายการ / item")
    detail_th: Text | None = Field(None, description="รายละเอียดตามที่พิมพ์ เช่น 60 คน × 2 มื้อ × 35 บาท / detail")
    amount: Money = Field(description="จำนวนเงิน (บาท) / amount")


class Project(Record):
    """A project (โครงการ) grouping activities: the strategy it serves, its aims and its costs."""

    title_th: Text
    strategy_th: Text | None = Field(None, description="ยุทธศาสตร์หรือแผนที่สนับสนุน / strategy served")
    targets_th: list[Text] = Field([], description="เป้าหมายของโครงการ / targets")
    indicators_th: list[Text] = Field([], description="ตัวชี้วัดความสำเร็จ / success indicators")
    expected_th: list[Text] = Field([], description="ผลที่คาดว่าจะได้รับ / expected outcomes")
    activities: list[Activity] = Field(min_length=1)
    costs: list[CostLine] = Field([], description="รายละเอียดค่าใช้จ่าย / cost lines")
    costs_printed: Money | None = Field(None, description="รวมค่าใช้จ่ายตามที่พิมพ์ / printed total of the cost lines")

    @property
    def budget(self) -> Decimal | None:
        """The project's budget: the sum of its funded activities (None when none needs a budget)."""
        funded = [a.budget for a in self.activities if a.budget is not None]
        return sum(funded, Decimal(0)) if funded else None


class Step(Record):
    """A step of the operating calendar (ปฏิทินการดำเนินงาน), PDCA-like: plan, do, check, act."""

    step_th: Text = Field(description="ขั้นตอน เช่น ขั้นวางแผนการดำเนินงาน (P) / step")
    months_th: Text | None = Field(None, description="ระยะเวลาตามที่พิมพ์ เช่น ต.ค. 67 – ธ.ค. 67 / months as printed")
    months: list[WholeNumber] = Field([], description=MONTHS_TH)
    details_th: list[Text] = Field([], description="ขั้นตอนย่อย / sub-steps")
    status: Status | None = None
    outcome: Outcome | None = None

    @model_validator(mode="after")
    def _months(self) -> Step:
        _months_in_range(self.months)
        return self


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
    status: Status
    scheduled_th: Text | None = Field(None, description="กำหนดการตามที่พิมพ์ เช่น ไตรมาส 3 / when, as printed")
    scheduled_quarter: WholeNumber | None = Field(None, ge=1, le=4, description="ไตรมาสที่กำหนด 1–4 / quarter")
    scheduled_month: WholeNumber | None = Field(None, ge=1, le=12, description="เดือนที่กำหนด 1–12 / month")
    outcome: Outcome | None = None
    disbursed: Money | None = Field(None, description="เบิกจ่ายจริง (บาท) ไม่ระบุ = ไม่ได้รายงาน / disbursed")
    done: list[Done] = []
    next: list[Next] = []
    evidence: list[Evidence] = []

    @model_validator(mode="after")
    def _consistent(self) -> Progress:
        if self.outcome is not None and self.status != "done":
            raise DataError("ผลการดำเนินงาน (outcome) ระบุได้เมื่อดำเนินการแล้วเท่านั้น",
                            "an outcome is given only once the activity is done", "outcome")
        scheduled = self.scheduled_th or self.scheduled_quarter or self.scheduled_month
        if scheduled and self.status != "scheduled":
            raise DataError("กำหนดการ (scheduled_…) ระบุได้เมื่อสถานะเป็น scheduled (อยู่ในกำหนดการช่วงถัดไป) "
                            "ให้เปลี่ยนสถานะเป็น scheduled", "a schedule is given only with status: scheduled; "
                            "change the status to scheduled", "status")
        return self


class Report(Record):
    """A monitoring report: the period it covers, who reports and certifies, and each activity's progress."""

    period: Text = Field(description="2568-Q1 … 2568-Q4, 2568-H1 หรือ 2568 (รายงานประจำปี) / period")
    date: ThaiDate = Field(description="วันที่รายงาน / date of the report")
    reporter: Signer | None = Field(None, description="ผู้เสนอรายงาน / who reports")
    certifier: Signer | None = Field(None, description="ผู้รับรองรายงาน / who certifies")
    progress: list[Progress] = []
    calendar: list[Step] = Field([], description="ปฏิทินการดำเนินงานและสถานะ / operating calendar")
    planned_printed: Money | None = Field(None, description="รวมงบประมาณตามแผนตามที่พิมพ์ / printed planned total")
    disbursed_printed: Money | None = Field(None, description="รวมเบิกจ่ายจริงตามที่พิมพ์ / printed disbursed total")
    statuses_stated: dict[Status, Annotated[WholeNumber, Field(ge=0)]] = Field(
        {}, description="จำนวนกิจกรรมตามสถานะที่รายงานระบุ / activities by status, as stated")
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


class ActionPlan(Acknowledging):
    """`data/anticorruption/<fiscal year>.yml`."""

    title_th: Text | None = None
    strategies_th: list[Text] = Field([], description="ยุทธศาสตร์ชาติและแผนแม่บทที่สนับสนุน / national strategies served")
    objectives_th: list[Text] = []
    date: ThaiDate | None = Field(None, description="วันที่อนุมัติแผน / date approved")
    signer: Signer | None = None
    file: ContentPath | None = Field(None, description="แผนฉบับลงนาม / the signed plan")
    budget_printed: Money | None = Field(None, description="งบประมาณรวมตามที่พิมพ์ในแผน / printed total budget")
    projects_stated: WholeNumber | None = Field(None, ge=0, description="จำนวนโครงการที่แผนระบุ / projects, as stated")
    activities_stated: WholeNumber | None = Field(None, ge=0, description="จำนวนกิจกรรมที่แผนระบุ / activities, as stated")
    projects: list[Project] = Field(min_length=1)
    calendar: list[Step] = Field([], description="ปฏิทินการดำเนินงาน (PDCA) / operating calendar")
    reports: list[Report] = []

    @property
    def activities(self) -> list[Activity]:
        """Every activity, in plan order."""
        return [a for p in self.projects for a in p.activities]


def public(plans: dict[int, ActionPlan], today: date) -> dict[int, ActionPlan]:
    """Plans with only the reports dated by `today`: a report is published from its date."""
    return {year: plan.model_copy(update={"reports": [r for r in plan.reports if r.date <= today]})
            for year, plan in plans.items()}
