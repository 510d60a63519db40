"""What the site computes from a plan and its reports: budget totals, activities by status, the month grid.

Only what the data says is counted. An activity a report says nothing of is "not reported", its own
state, never "not started"; a disbursement the report does not give is no amount, never 0 baht, and
the totals say how many activities reported one. The printed figures these totals are checked
against live in the records (model.py) and are compared in checks.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from generator.base import calendar
from generator.base.scoring import percent
from generator.families.anticorruption.model import OUTCOMES, STATUSES, Activity, ActionPlan, Progress, Report, Step

# The three boxes every report prints; the other states appear when a report uses them.
CORE_STATUSES = ("done", "in_progress", "not_started")
NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class BudgetTotals:
    """Planned against disbursed over the funded activities; activities needing no budget counted apart.

    `disbursed` sums only the amounts reports give (None when none gives one); `reported` is how many
    funded activities gave one.
    """

    planned: Decimal
    disbursed: Decimal | None
    funded: int
    unfunded: int
    reported: int = 0

    @property
    def percent(self) -> Decimal | None:
        """Share of the planned budget disbursed (as reported), two decimals, half up."""
        return None if self.disbursed is None else percent(self.disbursed, self.planned)

    @property
    def complete(self) -> bool:
        """Whether every funded activity reported its disbursement."""
        return self.reported == self.funded


def plan_budget(plan: ActionPlan) -> BudgetTotals:
    """The plan's total budget computed from its activities (nothing disbursed yet)."""
    activities = plan.activities
    funded = [a for a in activities if a.needs_budget]
    return BudgetTotals(sum((a.budget or Decimal(0) for a in funded), Decimal(0)), None, len(funded),
                        len(activities) - len(funded))


@dataclass(frozen=True)
class ReportView:
    """A report joined to the plan: each activity with its progress (None when the report lacks it)."""

    plan: ActionPlan
    report: Report

    def rows(self) -> list[tuple[Activity, Progress | None]]:
        """Activities in plan order with their progress in this report (the first entry, if repeated)."""
        found: dict[str, Progress] = {}
        for progress in self.report.progress:
            found.setdefault(progress.activity, progress)
        return [(a, found.get(a.id)) for a in self.plan.activities]

    def counts(self) -> Counter[str]:
        """Activities by status; an activity the report says nothing of is not reported."""
        return Counter(p.status if p else NOT_REPORTED for _, p in self.rows())

    def by_status(self) -> list[tuple[str, int, Decimal | None]]:
        """(status, count, per cent of all activities): the three boxes, then any other state in use."""
        counts, total = self.counts(), len(self.plan.activities)
        shown = [s for s in STATUSES if s in CORE_STATUSES or counts[s] or s in self.report.statuses_stated]
        return [(s, counts[s], percent(counts[s], total)) for s in shown]

    def by_outcome(self) -> list[tuple[str, int]]:
        """Activities done, by outcome (an unstated outcome is left out)."""
        counts = Counter(p.outcome for _, p in self.rows() if p and p.outcome)
        return [(o, counts[o]) for o in OUTCOMES if counts[o]]

    def budget(self) -> BudgetTotals:
        """Planned over the plan's funded activities; disbursed over the amounts the report gives."""
        rows = self.rows()
        funded = [(a, p) for a, p in rows if a.needs_budget]
        planned = sum((a.budget or Decimal(0) for a, _ in funded), Decimal(0))
        amounts = [p.disbursed for _, p in rows if p and p.disbursed is not None]
        reported = sum(1 for _, p in funded if p and p.disbursed is not None)
        disbursed = sum(amounts, Decimal(0)) if amounts else None
        return BudgetTotals(planned, disbursed, len(funded), len(rows) - len(funded), reported)


def month_grid(fiscal_year: int) -> list[tuple[int, str]]:
    """(calendar month, `ต.ค. 67` label) for October to September of a fiscal year."""
    return [(m, calendar.format_thai_date(date(y, m, 1), "month_short")) for y, m in calendar.fiscal_months(fiscal_year)]


def months_text(fiscal_year: int, months: Iterable[int]) -> str:
    """The scheduled months in words (`ต.ค. 67, ม.ค. 68`), the text alternative of the grid row."""
    wanted = set(months)
    return ", ".join(label for m, label in month_grid(fiscal_year) if m in wanted)


def step_months(fiscal_year: int, step: Step) -> str:
    """A calendar step's months: as printed when the plan printed them, else from the month numbers."""
    return step.months_th or months_text(fiscal_year, step.months)


def scheduled_label(fiscal_year: int, progress: Progress) -> str:
    """When a scheduled activity is due, as the report says it (`ไตรมาส 3`, `มิถุนายน 2568`), or ``."""
    if progress.scheduled_th:
        return progress.scheduled_th
    if progress.scheduled_quarter:
        return f"ไตรมาส {progress.scheduled_quarter}"
    if progress.scheduled_month:
        year = dict((m, y) for y, m in calendar.fiscal_months(fiscal_year))[progress.scheduled_month]
        return calendar.format_thai_date(date(year, progress.scheduled_month, 1), "month")
    return ""


def status_text(fiscal_year: int, progress: Progress | None) -> str:
    """A row's state in words: the status, with when it is due if scheduled; not reported when absent."""
    if progress is None:
        return STATUSES[NOT_REPORTED][0]
    due = scheduled_label(fiscal_year, progress)
    return f"{STATUSES[progress.status][0]} ({due})" if due else STATUSES[progress.status][0]
