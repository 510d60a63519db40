"""Pieces the plan page and the report pages share: owners by name, a planned budget, the calendar table."""

from __future__ import annotations

from typing import Callable

from generator.engine.downloads import DataTable
from generator.engine.owners import owner_names
from generator.engine.render import baht
from generator.engine.site import Site
from generator.families.anticorruption.model import NO_BUDGET, OUTCOMES, STATUSES, Step
from generator.families.anticorruption.totals import step_months


def owners_of(site: Site) -> Callable[[list[str]], str]:
    """Owners as the pages name them: units by name, "ทุกกลุ่ม/หน่วย" for all."""
    def name(unit_id: str) -> str:
        unit = site.unit(unit_id)
        return unit.name_th if unit else unit_id
    return lambda ids: owner_names(ids, name)


def budget_text(amount) -> str:
    """A planned budget as the plan prints it: the amount, or ไม่ใช้งบประมาณ."""
    return NO_BUDGET if amount is None else baht(amount)


def calendar_table(year: int, steps: list[Step]) -> DataTable | None:
    """The operating calendar: each step with its months as printed, its status and outcome."""
    if not steps:
        return None
    return DataTable("calendar", "ปฏิทินการดำเนินงาน", ("ขั้นตอน", "รายละเอียด", "ระยะเวลา", "สถานะ", "ผลการดำเนินงาน"),
                     tuple((s.step_th, "; ".join(s.details_th), step_months(year, s),
                            STATUSES[s.status][0] if s.status else "",
                            OUTCOMES[s.outcome][0] if s.outcome else "") for s in steps), text_columns=5)
