"""Budget (งบประมาณ): the yearly spending plan and the reports of what was spent, from one table.

`data/budget/<fiscal year>.yml` lists the budget lines (expense type, source, planned amount) and,
as the year goes on, what each line has spent by the end of March (`spent_h1`) and by the end of
the year (`spent`). The plan, the six-month report and the annual report are computed from it:
totals by expense type and by source, remaining amounts and the share spent, exactly (Decimal).
A total the office printed (`planned_printed`, `spent_h1_printed`, `spent_printed`) is kept and shown
as the official one, the sum of the lines beside it (generator/engine/figures.py). A line without its
figure is not reported, never 0: a report appears once every line has its figure.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

from pydantic import Field

from generator.base.fields import Money, Text, labelled
from generator.engine.figures import Acknowledging
from generator.engine.records import Record
from generator.base.scoring import percent

EXPENSE_TYPES: dict[str, tuple[str, str]] = {
    "personnel": ("งบบุคลากร", "personnel"),
    "operating": ("งบดำเนินงาน", "operating"),
    "investment": ("งบลงทุน", "investment"),
    "subsidy": ("งบเงินอุดหนุน", "subsidies"),
    "other": ("งบรายจ่ายอื่น", "other expenditure"),
}


class BudgetLine(Record):
    """One line of the plan: what it is for, where the money comes from, planned and spent."""

    expense: labelled(EXPENSE_TYPES) = Field(description="งบรายจ่าย / expense type")
    source_th: Text = Field(description="แหล่งงบประมาณ เช่น เงินงบประมาณ สพฐ. / budget source")
    item_th: Text | None = Field(None, description="แผนงาน โครงการ หรือรายการ / programme or item")
    planned: Money = Field(description="วงเงินตามแผน (บาท) / planned amount")
    spent_h1: Money | None = Field(None, description="เบิกจ่ายสะสมถึง 31 มีนาคม (บาท) / spent by 31 March")
    spent: Money | None = Field(None, description="เบิกจ่ายทั้งปี (บาท) / spent in the whole year")


class BudgetYear(Acknowledging):
    """`data/budget/<fiscal year>.yml`: the lines, and the totals as the plan and the reports printed them."""

    lines: list[BudgetLine] = Field(min_length=1)
    planned_printed: Money | None = Field(None, description="วงเงินรวมตามที่พิมพ์ในแผน / printed planned total")
    spent_h1_printed: Money | None = Field(
        None, description="เบิกจ่ายรวมรอบ 6 เดือนตามที่พิมพ์ / printed six-month total")
    spent_printed: Money | None = Field(None, description="เบิกจ่ายรวมทั้งปีตามที่พิมพ์ / printed annual total")
    note_th: Text | None = None


@dataclass(frozen=True)
class Total:
    """Planned against spent for a group of lines (spent None: not reported)."""

    label: str
    planned: Decimal
    spent: Decimal | None

    @property
    def remaining(self) -> Decimal | None:
        """คงเหลือ."""
        return None if self.spent is None else self.planned - self.spent

    @property
    def percent(self) -> Decimal | None:
        """Share spent, in per cent to two decimals, rounded half up (None without a plan or a report)."""
        return None if self.spent is None else percent(self.spent, self.planned)


Spent = Callable[[BudgetLine], Decimal | None]


def reported(lines: Iterable[BudgetLine], spent: Spent) -> bool:
    """Whether every line reports its spending for this report."""
    return all(spent(line) is not None for line in lines)


def total(label: str, lines: list[BudgetLine], spent: Spent | None) -> Total:
    """One Total over `lines`; `spent` picks the report's column (None for the plan)."""
    planned = sum((line.planned for line in lines), Decimal(0))
    if spent is None or not reported(lines, spent):
        return Total(label, planned, None)
    return Total(label, planned, sum((spent(line) or Decimal(0) for line in lines), Decimal(0)))


def grouped(lines: list[BudgetLine], key: Callable[[BudgetLine], str], spent: Spent | None) -> list[Total]:
    """Totals per group in first-seen order (expense types in their official order)."""
    groups: dict[str, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        groups[key(line)].append(line)
    order = sorted(groups, key=lambda k: list(EXPENSE_TYPES).index(k) if k in EXPENSE_TYPES else len(EXPENSE_TYPES))
    return [total(EXPENSE_TYPES[k][0] if k in EXPENSE_TYPES else k, groups[k], spent) for k in order]


def line_total(record: BudgetYear, column: str) -> Decimal | None:
    """The sum of one column over the lines; None unless every line gives its figure (never 0 for none)."""
    values = [getattr(line, column) for line in record.lines]
    return None if any(v is None for v in values) else sum(values, Decimal(0))
