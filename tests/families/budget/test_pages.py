"""Budget pages: the plan and its reports, with their topics and CSV."""

from __future__ import annotations

from datetime import date

from generator.pipeline.core import run

from tests.conftest import project_with, md_tables
from tests.families.procurement.test_pages import built


def test_budget_plan_and_reports_are_pages_with_their_topics(tmp_path):
    text = ("lines:\n  - {expense: operating, source_th: สพฐ., planned: '1,000', spent_h1: 400.5}\n"
            "  - {expense: investment, source_th: สพฐ., planned: 3000, spent_h1: 0}\n")
    pages = built(tmp_path, {"data/budget/2568.yml": text})
    plan, h1 = pages["budget/2568/index.md"], pages["budget/2568/h1/index.md"]
    assert plan.topics == ["budget.plan"] and plan.meta["period"] == "2568"
    assert h1.topics == ["budget.progress_h1"] and h1.meta["period"] == "2568-H1"
    assert "budget/2568/annual/index.md" not in pages  # no line reports the whole year yet
    assert "วงเงินตามแผน 4,000\\.00 บาท เบิกจ่าย 400\\.50 บาท" in md_tables(h1.markdown)
    assert "| งบดำเนินงาน | 1,000\\.00 | 400\\.50 | 599\\.50 | 40\\.05 |" in md_tables(h1.markdown)
    assert "| **รวม** | **4,000\\.00** | **400\\.50** | **3,599\\.50** | **10\\.01** |" in md_tables(h1.markdown)
    assert pages["budget/2568/h1/by-expense.csv"].text.startswith("\ufeffงบรายจ่าย,")


PRINTED = ("planned_printed: 4100\nspent_h1_printed: 400.50\n"
           "lines:\n  - {expense: operating, source_th: สพฐ., planned: '1,000', spent_h1: 400.5}\n"
           "  - {expense: investment, source_th: สพฐ., planned: 3000, spent_h1: 0}\n")
ACKNOWLEDGED = PRINTED + ("acknowledged:\n  planned_printed:\n    reason_th: วงเงินตามที่พิมพ์ในแผนฉบับลงนาม\n"
                          "    date: 2025-04-20\n")


def test_a_printed_total_is_the_official_one_with_the_sum_of_the_lines_beside_it(tmp_path):
    result = run(project_with(tmp_path, {"data/budget/2568.yml": PRINTED}), date(2025, 5, 15))
    assert {(p.code, p.line, p.field, p.severity) for p in result.problems} == {
        ("printed_total", 1, "planned_printed", "warning")}  # the six-month total agrees
    pages = {p.src_uri: md_tables(p.markdown).replace("\\", "") for p in result.pages if hasattr(p, "markdown")}
    h1 = pages["budget/2568/h1/index.md"]
    assert "วงเงินตามแผน 4,100.00 (คำนวณได้ 4,000.00) บาท เบิกจ่าย 400.50 บาท" in h1
    assert "คิดเป็นร้อยละ 9.77 คงเหลือ 3,699.50 บาท" in h1  # from the printed total, as printed
    assert "| **รวม** | **4,100.00 (คำนวณได้ 4,000.00)** | **400.50** | **3,699.50** | **9.77** |" in h1
    assert "ตัวเลขที่เผยแพร่ 4,100.00 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 4,000.00 ต่างกัน 100.00" in h1


def test_an_acknowledged_printed_total_passes_and_the_page_says_why(tmp_path):
    pages = built(tmp_path, {"data/budget/2568.yml": ACKNOWLEDGED})
    plan = md_tables(pages["budget/2568/index.md"].markdown).replace("\\", "")
    assert "วงเงินตามแผนรวม 4,100.00 (คำนวณได้ 4,000.00) บาท" in plan
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: วงเงินตามที่พิมพ์ในแผนฉบับลงนาม" in plan


def test_a_spending_not_reported_is_never_shown_as_zero(tmp_path):
    text = ("spent_printed: 500\nlines:\n  - {expense: operating, source_th: สพฐ., planned: 1000, spent_h1: 0, spent: 500}\n"
            "  - {expense: operating, source_th: สพฐ., planned: 1000, spent_h1: 0, spent: 500}\n"
            "  - {expense: investment, source_th: สพฐ., planned: 3000, spent_h1: 0}\n")
    result = run(project_with(tmp_path, {"data/budget/2568.yml": text}), date(2025, 5, 15))
    assert {(p.code, p.line, p.field) for p in result.problems} == {("duplicate_row", 4, "lines[1]")}
    pages = {p.src_uri: p for p in result.pages}
    assert "budget/2568/annual/index.md" not in pages  # a line without its figure: no annual report, no 0
    assert "| งบดำเนินงาน | 2,000\\.00 | 0\\.00 |" in md_tables(pages["budget/2568/h1/index.md"].markdown)  # 0 as reported
