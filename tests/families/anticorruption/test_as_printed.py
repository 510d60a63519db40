"""A plan and its reports as real offices print them (issue 18): what is not reported stays unreported,
statuses as reports write them, owners for all units, printed totals and stated counts kept as the
official figures, cost lines, the operating calendar, a project's aims, and repeated rows warned."""

from __future__ import annotations

from datetime import date

import pytest

from generator.base.problems import render_report
from generator.pipeline.core import run

from tests.conftest import project_with, md_tables

PLAN = """\
budget_printed: 20100.50
projects_stated: 1
activities_stated: 4
projects:
  - title_th: โครงการสุจริต
    targets_th: [บุคลากรทุกคน]
    indicators_th: [ร้อยละ 90 ของบุคลากรเข้าร่วม]
    expected_th: [บุคลากรมีวัฒนธรรมสุจริต]
    activities:
      - {id: oath, title_th: กล่าวคำปฏิญาณ, budget: ไม่ใช้งบประมาณ, months: [10, 11, 12], owners: ทุกกลุ่ม}
      - {id: training, title_th: อบรม, budget: 18500, months: [1, 2], owners: [legal, admin]}
      - {id: forum, title_th: เวทีรับฟังความคิดเห็น, budget: 1500.50, months: [6], owners: admin}
    costs:
      - {item_th: ค่าอาหารว่าง, detail_th: 60 คน × 2 มื้อ × 35 บาท, amount: 4200}
      - {item_th: ค่าวิทยากร, amount: 15800.50}
    costs_printed: 20000.50
calendar:
  - {step_th: ขั้นวางแผนการดำเนินงาน (P), months_th: ต.ค. 67 – ธ.ค. 67, details_th: [แต่งตั้งคณะกรรมการ], status: done, outcome: achieved}
  - {step_th: ขั้นปฏิบัติตามแผน (D), months: [1, 2], status: in_progress}
reports:
  - period: 2568-H1
    date: 2025-04-05
    planned_printed: 20000.50
    disbursed_printed: 17500
    statuses_stated: {done: 1, scheduled: 2}
    progress:
      - {activity: oath, status: ยังไม่ถึงกำหนด, scheduled_quarter: 3}
      - {activity: training, status: done, outcome: achieved, disbursed: 17250.25}
      - {activity: forum, status: scheduled, scheduled_month: 6}
  - period: 2568-Q1
    date: 2025-01-10
    progress:
      - {activity: oath, status: ยกเลิกโครงการ}
"""
ACKNOWLEDGED = PLAN + """\
acknowledged:
  budget_printed:
    reason_th: งบประมาณตามที่พิมพ์ในแผนฉบับลงนาม
    date: 2025-04-20
"""
TODAY = date(2025, 5, 15)


def built(tmp_path, text=PLAN):
    result = run(project_with(tmp_path, {"data/anticorruption/2568.yml": text}), TODAY)
    pages = {p.src_uri: p for p in result.pages}
    return result, {uri: _plain(p) for uri, p in pages.items()}


def _plain(item) -> str:
    """A page's Markdown without its escapes, or an asset's text, as a reader would read it."""
    return md_tables(item.markdown).replace("\\", "") if hasattr(item, "markdown") else str(item.text)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def found(result):
    return {(p.code, p.line, p.field, p.severity) for p in result.problems}


def test_an_activity_a_report_says_nothing_of_is_not_reported_never_not_started_nor_zero(tmp_path):
    _, pages = built(tmp_path)
    q1 = pages["anti-corruption/2568/q1/index.md"]
    assert "| ไม่ได้รายงาน | 2 กิจกรรม | 66.67 |" in q1
    assert "| ยังไม่ดำเนินการ | 0 กิจกรรม | 0.00 |" in q1
    assert "| อบรม | 18,500.00 | ไม่ได้รายงาน | ไม่ได้รายงาน |" in q1
    assert "เบิกจ่ายจริง: ไม่ได้รายงานยอดเบิกจ่าย" in q1 and "0.00 บาท" not in q1
    h1 = pages["anti-corruption/2568/h1/index.md"]
    assert "| เวทีรับฟังความคิดเห็น | 1,500.50 | ไม่ได้รายงาน |" in h1
    assert "รายงานยอดเบิกจ่าย 1 จาก 2 กิจกรรมที่ใช้งบประมาณ" in h1


def test_statuses_as_reports_write_them_with_when_an_activity_is_due(tmp_path):
    _, pages = built(tmp_path)
    h1 = pages["anti-corruption/2568/h1/index.md"]
    assert "| กล่าวคำปฏิญาณ | ไม่ใช้งบประมาณ | - | อยู่ในกำหนดการช่วงถัดไป (ไตรมาส 3) |" in h1
    assert "สถานะ: อยู่ในกำหนดการช่วงถัดไป (มิถุนายน 2568)" in h1
    assert "| อยู่ในกำหนดการช่วงถัดไป | 2 กิจกรรม | 66.67 |" in h1
    assert "| ยกเลิก | 1 กิจกรรม | 33.33 |" in pages["anti-corruption/2568/q1/index.md"]


def test_a_schedule_needs_the_scheduled_status(tmp_path):
    text = PLAN.replace("status: ยังไม่ถึงกำหนด, scheduled_quarter: 3", "status: in_progress, scheduled_quarter: 3")
    result, _ = built(tmp_path, text)
    assert ("status", line_of(text, "activity: oath, status: in_progress"), "error") in {
        (p.code, p.line, p.severity) for p in result.problems}


def test_owners_one_several_or_all_units(tmp_path):
    _, pages = built(tmp_path)
    plan = pages["anti-corruption/2568/index.md"]
    assert "| กล่าวคำปฏิญาณ | - | - | ไม่ใช้งบประมาณ | ทุกกลุ่ม/หน่วย |" in plan
    assert "| อบรม | - | - | 18,500.00 | กลุ่มกฎหมายและคดี, กลุ่มอำนวยการ |" in plan
    text = PLAN.replace("owners: [legal, admin]", "owners: [legal, nobody]")
    result, _ = built(tmp_path / "b", text)
    assert ("unknown_unit", line_of(text, "nobody"), "projects[0].activities[1].owners[1]", "error") in found(result)


def test_printed_totals_and_stated_counts_are_the_official_figures_and_warned(tmp_path):
    result, pages = built(tmp_path)
    warned = found(result)
    assert ("printed_total", 1, "budget_printed", "warning") in warned
    assert ("stated_count", 3, "activities_stated", "warning") in warned
    assert ("printed_total", line_of(PLAN, "disbursed_printed"), "reports[0].disbursed_printed", "warning") in warned
    assert ("stated_count", line_of(PLAN, "statuses_stated"), "reports[0].statuses_stated.scheduled",
            "warning") not in warned  # two scheduled, as stated
    plan = pages["anti-corruption/2568/index.md"]
    assert "4 (คำนวณได้ 3) กิจกรรม ใน 1 โครงการ งบประมาณรวม 20,100.50 (คำนวณได้ 20,000.50) บาท" in plan
    assert "ตัวเลขที่เผยแพร่ 20,100.50 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 20,000.50 ต่างกัน 100.00" in plan
    h1 = pages["anti-corruption/2568/h1/index.md"]
    assert "เบิกจ่ายจริง 17,500.00 (คำนวณได้ 17,250.25) บาท" in h1
    assert "| **รวม** | **20,000.50** | **17,500.00 (คำนวณได้ 17,250.25)** |" in h1
    assert "| ดำเนินการแล้ว | 1 กิจกรรม |" in h1


def test_an_acknowledged_printed_total_is_a_note_and_the_page_says_why(tmp_path):
    result, pages = built(tmp_path, ACKNOWLEDGED)
    assert ("printed_total", 1, "budget_printed", "note") in found(result)
    assert "รับทราบแล้วเมื่อ 2025-04-20" in render_report(result.problems)
    plan = pages["anti-corruption/2568/index.md"]
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: งบประมาณตามที่พิมพ์ในแผนฉบับลงนาม" in plan


def test_an_acknowledgement_of_a_figure_that_now_agrees_is_a_warning(tmp_path):
    text = ACKNOWLEDGED.replace("budget_printed: 20100.50", "budget_printed: 20000.50")
    result, _ = built(tmp_path, text)
    assert ("stale_acknowledgement", line_of(text, "  budget_printed:"), "acknowledged.budget_printed",
            "warning") in found(result)


def test_project_aims_and_cost_lines_with_their_printed_total(tmp_path):
    result, pages = built(tmp_path)
    plan = pages["anti-corruption/2568/index.md"]
    for heading, item in (("เป้าหมาย", "บุคลากรทุกคน"), ("ตัวชี้วัดความสำเร็จ", "ร้อยละ 90 ของบุคลากรเข้าร่วม"),
                          ("ผลที่คาดว่าจะได้รับ", "บุคลากรมีวัฒนธรรมสุจริต")):
        assert f"{heading}:\n\n- {item}" in plan
    assert "| ค่าอาหารว่าง | 60 คน × 2 มื้อ × 35 บาท | 4,200.00 |" in plan
    assert "| **รวม** |  | **20,000.50** |" in plan
    assert pages["anti-corruption/2568/costs-1.csv"].startswith("\ufeffรายการ,รายละเอียด,จำนวนเงิน")
    assert not {p for p in found(result) if p[0] in ("project_costs", "printed_total") and "costs" in p[2]}
    wrong = PLAN.replace("costs_printed: 20000.50", "costs_printed: 21000")
    result, pages = built(tmp_path / "b", wrong)
    line = line_of(wrong, "costs_printed")
    assert {("printed_total", line, "projects[0].costs_printed", "warning"),
            ("project_costs", line_of(wrong, "    costs:"), "projects[0].costs", "warning")} <= found(result)
    assert "| **รวม** |  | **21,000.00 (คำนวณได้ 20,000.50)** |" in pages["anti-corruption/2568/index.md"]



def test_costs_that_differ_from_the_activities_budget_name_the_field_and_can_be_acknowledged(tmp_path):
    wrong = PLAN.replace("{item_th: ค่าวิทยากร, amount: 15800.50}", "{item_th: ค่าวิทยากร, amount: 16800.50}")
    wrong = wrong.replace("costs_printed: 20000.50", "costs_printed: 21000.50")
    result, pages = built(tmp_path, wrong)
    [problem] = [p for p in result.problems if p.code == "project_costs"]
    assert "acknowledged: projects[0].costs" in problem.th and problem.severity == "warning"
    assert "รวมค่าใช้จ่ายเทียบกับงบประมาณของกิจกรรมในโครงการ" in pages["anti-corruption/2568/index.md"]
    known = wrong + ("acknowledged:\n  projects[0].costs:\n    reason_th: ค่าวิทยากรตามสัญญาที่ลงนามหลังแผน\n"
                     "    date: 2025-04-20\n")
    result, pages = built(tmp_path / "b", known)
    assert {(p.code, p.severity) for p in result.problems if p.code == "project_costs"} == {("project_costs", "note")}
    assert "เหตุผล: ค่าวิทยากรตามสัญญาที่ลงนามหลังแผน" in pages["anti-corruption/2568/index.md"]


@pytest.mark.parametrize("change, field, th", [
    (("projects_stated: 1", "projects_stated: -1"), "projects_stated", "ต้องไม่น้อยกว่า 0 (ไม่ใช่ '-1')"),
    (("statuses_stated: {done: 1", "statuses_stated: {done: -1"), "reports[0].statuses_stated.done",
     "ต้องไม่น้อยกว่า 0 (ไม่ใช่ '-1')"),
    (("scheduled_quarter: 3", "scheduled_quarter: 5"), "reports[0].progress[0].scheduled_quarter",
     "ต้องไม่เกิน 4 (ไม่ใช่ '5')"),
])
def test_a_count_or_quarter_out_of_range_is_a_thai_first_error(tmp_path, change, field, th):
    result, _ = built(tmp_path, PLAN.replace(*change))
    [problem] = [p for p in result.problems if p.severity == "error"]
    assert problem.field == field and problem.th.startswith(th)


def test_the_operating_calendar_as_a_table_and_csv(tmp_path):
    _, pages = built(tmp_path)
    plan = pages["anti-corruption/2568/index.md"]
    assert ("| ขั้นวางแผนการดำเนินงาน (P) | แต่งตั้งคณะกรรมการ | ต.ค. 67 – ธ.ค. 67 | ดำเนินการแล้ว "
            "| บรรลุผลสำเร็จตามวัตถุประสงค์ |") in plan
    assert "| ขั้นปฏิบัติตามแผน (D) |  | ม.ค. 68, ก.พ. 68 | อยู่ระหว่างดำเนินการ |  |" in plan
    assert pages["anti-corruption/2568/calendar.csv"].startswith("\ufeffขั้นตอน,รายละเอียด,ระยะเวลา,สถานะ")
    assert "anti-corruption/2568/calendar.xlsx" in pages


TRAINING = "      - {activity: training, status: done, outcome: achieved, disbursed: 17250.25}"
SNACKS = "      - {item_th: ค่าอาหารว่าง, detail_th: 60 คน × 2 มื้อ × 35 บาท, amount: 4200}"


@pytest.mark.parametrize("change, expected", [
    (("- {id: forum, title_th: เวทีรับฟังความคิดเห็น", "- {id: forum, title_th: อบรม"),
     ("duplicate_name", "- {id: forum", 1, "projects[0].activities[2].title_th", "warning")),
    (("      - {item_th: ค่าวิทยากร, amount: 15800.50}", SNACKS),
     ("duplicate_row", SNACKS, 2, "projects[0].costs[1]", "warning")),
    (("      - {activity: forum, status: scheduled, scheduled_month: 6}", TRAINING),
     ("duplicate_row", TRAINING, 2, "reports[0].progress[2]", "warning")),
    (("      - {activity: forum, status: scheduled, scheduled_month: 6}", "      - {activity: training, status: x}"),
     ("duplicate_id", "{activity: training, status: x}", 1, "reports[0].progress[2].activity", "error")),
    (("id: forum", "id: oath"), ("duplicate_id", "id: oath, title_th: เวที", 1, "projects[0].activities[2].id", "error")),
])
def test_repeats_are_warned_and_repeated_ids_are_errors(tmp_path, change, expected):
    text = PLAN.replace(*change).replace("status: x", "status: in_progress")
    assert text != PLAN
    result, _ = built(tmp_path, text)
    code, needle, occurrence, field, severity = expected
    lines = [i for i, line in enumerate(text.splitlines(), 1) if needle.replace("status: x", "status: in_progress") in line]
    assert (code, lines[occurrence - 1], field, severity) in found(result)
