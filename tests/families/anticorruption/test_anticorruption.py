"""The anti-corruption plan and its monitoring reports: computed totals, checks, and the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from generator.families.anticorruption import totals as action_plan
from generator.pipeline.core import run
from generator.pipeline.load import load

from tests.conftest import project_with

PLAN = """\
projects:
  - title_th: โครงการสุจริต
    activities:
      - {id: oath, title_th: กล่าวคำปฏิญาณ, budget: -ไม่ใช้งบประมาณ-, months: [10, 11, 12], owners: [legal]}
      - {id: training, title_th: อบรม, budget: "18,500", months: [1, 2], owners: [legal]}
      - {id: forum, title_th: เวทีรับฟังความคิดเห็น, budget: 1500.50, months: [6]}
reports:
  - period: 2568-H1
    date: 2025-04-05
    reporter: {name_th: นายรายงาน ดีมาก, position_th: นิติกร}
    certifier: {name_th: นายรับรอง ดีมาก, position_th: ผู้อำนวยการ}
    progress:
      - {activity: oath, status: อยู่ระหว่างดำเนินการ, done: [{date: 2024-10-02, text_th: กล่าวทุกวันพุธ}]}
      - {activity: training, status: done, outcome: achieved, disbursed: "17,250.25",
         evidence: [{title_th: ข่าว, url: "https://example.go.th/news/1"}]}
      - {activity: forum, status: not_started, next: [{quarter: 3, text_th: จัดเดือนมิถุนายน}]}
    problems_th: [ผู้เข้าร่วมน้อย]
  - period: 2568-Q1
    date: 2025-01-10
    progress:
      - {activity: oath, status: in_progress}
"""


def loaded(tmp_path, text=PLAN):
    project = project_with(tmp_path, {"data/anticorruption/2568.yml": text})
    return project, *load(project)


def test_budget_none_required_is_neither_zero_nor_unknown(tmp_path):
    _, data, problems = loaded(tmp_path)
    oath, training, forum = data.anticorruption[2568].activities
    assert (oath.budget, oath.needs_budget) == (None, False)
    assert training.budget == Decimal("18500") and forum.budget == Decimal("1500.50")
    totals = action_plan.plan_budget(data.anticorruption[2568])
    assert (totals.planned, totals.funded, totals.unfunded) == (Decimal("20000.50"), 2, 1)


def test_a_report_computes_statuses_outcomes_and_disbursement(tmp_path):
    _, data, problems = loaded(tmp_path)
    plan = data.anticorruption[2568]
    h1 = action_plan.ReportView(plan, plan.reports[0])
    assert h1.by_status() == [("done", 1, Decimal("33.33")), ("in_progress", 1, Decimal("33.33")),
                              ("not_started", 1, Decimal("33.33"))]
    assert h1.by_outcome() == [("achieved", 1)]
    budget = h1.budget()
    assert (budget.planned, budget.disbursed, budget.percent) == (Decimal("20000.50"), Decimal("17250.25"),
                                                                  Decimal("86.25"))
    assert (budget.reported, budget.funded) == (1, 2)  # the forum gives no amount: not 0, not reported
    q1 = action_plan.ReportView(plan, plan.reports[1])
    # a report silent on an activity counts it as not reported, never as not started, and `make check` warns
    assert q1.by_status() == [("done", 0, Decimal("0.00")), ("in_progress", 1, Decimal("33.33")),
                              ("not_started", 0, Decimal("0.00")), ("not_reported", 2, Decimal("66.67"))]
    assert q1.budget().disbursed is None
    assert [(p.code, p.severity) for p in problems] == [("unreported_activity", "warning")]


def test_the_month_grid_runs_october_to_september():
    grid = action_plan.month_grid(2568)
    assert grid[0] == (10, "ต.ค. 67") and grid[-1] == (9, "ก.ย. 68") and len(grid) == 12
    assert action_plan.months_text(2568, [1, 10, 2]) == "ต.ค. 67, ม.ค. 68, ก.พ. 68"


@pytest.mark.parametrize("change, expected", [
    (("owners: [legal]}", "owners: [nobody]}"), ("unknown_unit", 4, "error")),
    (("id: forum", "id: oath"), ("duplicate_id", 6, "error")),
    (("activity: forum", "activity: forums"), ("unknown_activity", 16, "error")),
    (('disbursed: "17,250.25"', 'disbursed: "19,000"'), ("over_budget", 14, "warning")),
    (("period: 2568-Q1", "period: 2567-Q1"), ("period_year", 18, "error")),
    (("months: [6]", "months: [13]"), ("months", 6, "error")),
    (("status: done, outcome", "status: in_progress, outcome"), ("outcome", 14, "error")),
])
def test_checks_name_the_line(tmp_path, change, expected):
    _, _, problems = loaded(tmp_path, PLAN.replace(*change))
    assert expected in {(p.code, p.line, p.severity) for p in problems}, [p.render() for p in problems]


def test_pages_of_the_plan_and_its_reports(tmp_path):
    project, _, _ = loaded(tmp_path)
    result = run(project, date(2025, 5, 15))
    pages = {p.src_uri: p for p in result.pages}
    plan = pages["anti-corruption/2568/index.md"]
    assert plan.topics == ["anticorruption.plan"] and plan.meta["period"] == "2568"
    assert "| กล่าวคำปฏิญาณ | ● | ● | ● |  |" in plan.markdown  # October to December in the grid
    assert "| อบรม | \\- | \\- | 18,500\\.00 |" in plan.markdown
    h1 = pages["anti-corruption/2568/h1/index.md"]
    assert h1.topics == ["anticorruption.progress_h1"] and h1.meta["period"] == "2568-H1"
    md = h1.markdown
    assert "เบิกจ่ายจริง 17,250\\.25 บาท" in md and "(ร้อยละ 86\\.25 ของงบประมาณตามแผน" in md
    assert "- <time datetime=\"2024-10-02\">2 ต.ค. 2567</time>: กล่าวทุกวันพุธ" in md
    assert "- ไตรมาสที่ 3: จัดเดือนมิถุนายน" in md
    assert "[ข่าว](https://example.go.th/news/1)" in md
    assert "ผู้เสนอรายงาน ณ วันที่" in md and "(นายรับรอง ดีมาก)" in md
    assert pages["anti-corruption/2568/h1/progress.csv"].text.startswith("\ufeffกิจกรรม,")
    assert pages["anti-corruption/2568/q1/index.md"].topics == ["anticorruption.progress_h1"]


def test_a_report_dated_after_the_build_is_not_published(tmp_path):
    project, _, _ = loaded(tmp_path)
    pages = {p.src_uri for p in run(project, date(2025, 2, 1)).pages}
    assert "anti-corruption/2568/q1/index.md" in pages and "anti-corruption/2568/h1/index.md" not in pages


def test_example_reports_answer_the_six_month_item(example_site):
    html = example_site.html("/anti-corruption/2568/h1/")
    assert "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน" in html
    assert "ดำเนินการแล้ว" in html and "oit-chart" in html
    assert example_site.path("/anti-corruption/2568/annual/").exists()
