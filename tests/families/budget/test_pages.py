"""Budget pages: the plan and its reports, with their topics and CSV."""

from __future__ import annotations

from tests.families.procurement.test_pages import built


def test_budget_plan_and_reports_are_pages_with_their_topics(tmp_path):
    text = ("lines:\n  - {expense: operating, source_th: สพฐ., planned: '1,000', spent_h1: 400.5}\n"
            "  - {expense: investment, source_th: สพฐ., planned: 3000, spent_h1: 0}\n")
    pages = built(tmp_path, {"data/budget/2568.yml": text})
    plan, h1 = pages["budget/2568/index.md"], pages["budget/2568/h1/index.md"]
    assert plan.topics == ["budget.plan"] and plan.meta["period"] == "2568"
    assert h1.topics == ["budget.progress_h1"] and h1.meta["period"] == "2568-H1"
    assert "budget/2568/annual/index.md" not in pages  # no line reports the whole year yet
    assert "วงเงินตามแผน 4,000\\.00 บาท เบิกจ่าย 400\\.50 บาท" in h1.markdown
    assert "| งบดำเนินงาน | 1,000\\.00 | 400\\.50 | 599\\.50 | 40\\.05 |" in h1.markdown
    assert "| **รวม** | **4,000\\.00** | **400\\.50** | **3,599\\.50** | **10\\.01** |" in h1.markdown
    assert pages["budget/2568/h1/by-expense.csv"].text.startswith("\ufeffงบรายจ่าย,")
