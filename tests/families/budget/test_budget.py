"""Budget reports: totals, what remains and the share spent, reports waiting for their figures, checks."""

from __future__ import annotations

from decimal import Decimal

from generator.families.budget import model as budget
from generator.pipeline.load import load

from tests.conftest import project_with

LINES = [budget.BudgetLine.model_validate(x) for x in (
    {"expense": "operating", "source_th": "สพฐ.", "planned": "1,000.10", "spent_h1": "500.05", "spent": "999.99"},
    {"expense": "งบบุคลากร", "source_th": "สพฐ.", "planned": "3000", "spent_h1": "1500", "spent": "3000"},
    {"expense": "operating", "source_th": "เงินบริจาค", "planned": "0", "spent_h1": "0", "spent": "0"},
)]


def test_budget_totals_remaining_and_share_spent():
    whole = budget.total("รวม", LINES, lambda x: x.spent)
    assert (whole.planned, whole.spent, whole.remaining, whole.percent) == (
        Decimal("4000.10"), Decimal("3999.99"), Decimal("0.11"), Decimal("100.00"))  # 99.9972… rounds half up
    by_type = budget.grouped(LINES, lambda x: x.expense, lambda x: x.spent_h1)
    assert [(t.label, t.planned, t.spent, t.percent) for t in by_type] == [
        ("งบบุคลากร", Decimal("3000"), Decimal("1500"), Decimal("50.00")),
        ("งบดำเนินงาน", Decimal("1000.10"), Decimal("500.05"), Decimal("50.00"))]
    assert budget.total("", [LINES[2]], lambda x: x.spent).percent is None  # nothing planned: no share


def test_a_report_waits_until_every_line_has_its_figure():
    partial = [LINES[0], budget.BudgetLine.model_validate({"expense": "other", "source_th": "x", "planned": 1})]
    assert not budget.reported(partial, lambda x: x.spent_h1)
    assert budget.total("", partial, lambda x: x.spent_h1).spent is None


def test_budget_warnings(tmp_path):
    text = ("lines:\n  - {expense: operating, source_th: สพฐ., planned: 100, spent_h1: 120, spent: 110}\n")
    problems = load(project_with(tmp_path, {"data/budget/2568.yml": text}))[1]
    assert {(p.line, p.field, p.code) for p in problems} == {(2, "lines[0].spent_h1", "over_plan"), (2, "lines[0].spent", "over_plan"),
                                                             (2, "lines[0].spent_h1", "h1_over_year")}
