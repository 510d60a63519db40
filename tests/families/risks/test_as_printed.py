"""Risk registers as real reports print them (issue 18): risks without scores, free categories, owners
as written, the statuses reports use, printed figures shown as the official ones, stated counts."""

from __future__ import annotations

from datetime import date

from generator.base.problems import render_report
from generator.pipeline.core import run

from tests.conftest import csv_rows, pages_of, project_with, reported, md_tables
from tests.families.risks.test_risks import YEAR

# YEAR's second risk as a report that gives no likelihood or impact, in its own category.
TEXT_ONLY = YEAR.replace("    kind: gifts\n    likelihood: 1\n    impact: 3\n", "    kind: ความเสี่ยงด้านภาพลักษณ์\n")
TODAY = date(2025, 5, 15)


def result(tmp_path, text, today=TODAY):
    return run(project_with(tmp_path, {"data/risks/2568.yml": text}), today)


def test_a_risk_without_scores_has_no_score_no_level_and_no_matrix_cell(tmp_path):
    res = result(tmp_path, TEXT_ONLY)
    assert reported(res) == []
    pages = pages_of(res)
    md = md_tables(pages["risks/2568/index.md"].markdown)
    assert "ความเสี่ยง 2 รายการ:\nระดับสูง 1 รายการ, ไม่ได้ให้คะแนน 1 รายการ" in md
    assert "ความเสี่ยงที่ให้คะแนน 1 รายการ: ระดับสูง 1 รายการ (R1)" in md  # the matrix names R1 alone
    assert 'href="#risk-gifts"' not in md
    assert "รายงานไม่ได้ให้คะแนนโอกาสและผลกระทบของความเสี่ยง 1 รายการ (R2)" in md
    assert "- ไม่ได้ให้คะแนน (รายงานไม่ได้ระบุโอกาสและผลกระทบ)" in md
    assert "| R2 | การประเมินสถานศึกษา | รับของขวัญ | ความเสี่ยงด้านภาพลักษณ์ | \\- | \\- | \\- | ไม่ได้ให้คะแนน |" in md
    assert csv_rows(pages["risks/2568/by-level.csv"])[1:] == [
        ["สูงมาก", "0", "0.00"], ["สูง", "1", "50.00"], ["ปานกลาง", "0", "0.00"], ["ต่ำ", "0", "0.00"],
        ["ไม่ได้ให้คะแนน", "1", "50.00"], ["รวม", "2", "100.00"]]
    follow = csv_rows(pages["risks/2568/levels-before-after.csv"])
    assert ["ไม่ได้ให้คะแนน", "1", ""] in follow and follow[-1] == ["รวม", "2", "2"]


def test_a_printed_level_without_scores_is_counted_at_that_level_but_placed_in_no_cell(tmp_path):
    text = TEXT_ONLY.replace("    kind: ความเสี่ยงด้านภาพลักษณ์\n", "    kind: other\n    level_published: ปานกลาง\n")
    md = md_tables(pages_of(result(tmp_path, text))["risks/2568/index.md"].markdown)
    assert "ระดับสูง 1 รายการ, ระดับปานกลาง 1 รายการ" in md and "ไม่ได้ให้คะแนน" not in md.split("##")[0]
    assert "- ระดับปานกลาง ตามที่รายงานระบุ (รายงานไม่ได้ให้คะแนนโอกาสและผลกระทบ)" in md
    assert "ความเสี่ยงทั้งหมด 1 รายการ: ระดับสูง 1 รายการ (R1)" in md


def test_a_printed_score_without_likelihood_and_impact_is_shown_as_printed(tmp_path):
    text = TEXT_ONLY.replace("    kind: ความเสี่ยงด้านภาพลักษณ์\n", "    kind: other\n    score_published: ๑๐\n")
    md = md_tables(pages_of(result(tmp_path, text))["risks/2568/index.md"].markdown)
    assert "- คะแนน 10 ตามที่รายงานระบุ ระดับสูง ตามเกณฑ์ด้านล่าง (รายงานไม่ได้ให้คะแนนโอกาสและผลกระทบ)" in md
    assert "ระดับสูง 2 รายการ" in md and 'href="#risk-gifts"' not in md


def test_a_category_outside_the_list_is_kept_as_printed_and_a_label_still_finds_its_key(tmp_path):
    res = result(tmp_path, TEXT_ONLY)
    first, second = res.site.risks[2568].risks
    assert (first.kind, second.kind) == ("procedure_evasion", "ความเสี่ยงด้านภาพลักษณ์")
    assert "- ประเภท: ความเสี่ยงด้านภาพลักษณ์" in md_tables(pages_of(res)["risks/2568/index.md"].markdown)


def test_owners_are_one_unit_several_or_all_units_and_each_id_is_checked(tmp_path):
    text = YEAR.replace("        owner: admin\n", "        owner: [admin, legal]\n", 1)
    text = text.replace("        owner: legal\n        status: ยังไม่ดำเนินการ", "        owner: ทุกกลุ่ม\n        status: ยังไม่ดำเนินการ")
    md = md_tables(pages_of(result(tmp_path / "a", text))["risks/2568/index.md"].markdown)
    assert "| R1 | ตรวจรายการซ้ำก่อนอนุมัติ | กลุ่มอำนวยการ, กลุ่มกฎหมายและคดี | \\- |" in md
    assert "| R2 | แจ้งนโยบาย | ทุกกลุ่ม/หน่วย | \\- |" in md
    wrong = reported(result(tmp_path / "b", text.replace("[admin, legal]", "[admin, lgal]")))
    assert wrong == [("data/risks/2568.yml", 11, "risks[0].controls[0].owner[1]", "unknown_unit", "error")]


def test_statuses_as_reports_write_them_and_an_unreported_control_is_never_not_started(tmp_path):
    text = YEAR.replace("        status: in_progress\n", "        status: ยังไม่ถึงกำหนด\n")
    text = text.replace("        status: ยังไม่ดำเนินการ\n", "")
    res = result(tmp_path, text)
    assert [(p.line, p.field, p.code, p.severity) for p in res.problems] == [
        (25, "risks[1].controls[0]", "control_status", "warning")]
    assert "status: ไม่ได้รายงาน" in res.problems[0].th
    pages = pages_of(res)
    assert csv_rows(pages["risks/2568/by-status.csv"])[1:] == [
        ["ดำเนินการแล้ว", "1", "33.33"], ["อยู่ระหว่างดำเนินการ", "0", "0.00"], ["ยังไม่ดำเนินการ", "0", "0.00"],
        ["อยู่ในกำหนดการช่วงถัดไป", "1", "33.33"], ["ไม่ได้รายงาน", "1", "33.33"], ["รวม", "3", "100.00"]]
    assert "| R2 | แจ้งนโยบาย | กลุ่มกฎหมายและคดี | ไม่ได้รายงาน | \\- |" in md_tables(pages["risks/2568/follow-up.md"].markdown)


def test_an_explicit_not_reported_status_needs_no_warning(tmp_path):
    text = YEAR.replace("        status: ยังไม่ดำเนินการ\n", "        status: ไม่ได้รายงาน\n")
    assert reported(result(tmp_path, text)) == []


PRINTED = YEAR.replace("    impact: 4\n", "    impact: 4\n    score_published: 16\n    level_published: สูงมาก\n", 1)


def test_the_printed_score_and_level_are_the_official_ones_with_the_computed_check_beside(tmp_path):
    res = result(tmp_path, PRINTED)
    assert [(p.line, p.field, p.code, p.severity) for p in res.problems] == [
        (9, "risks[0].score_published", "risk_score", "warning"), (10, "risks[0].level_published", "risk_level",
                                                                   "warning")]
    md = md_tables(pages_of(res)["risks/2568/index.md"].markdown)
    assert "| 3 | 4 | 16 \\(คำนวณได้ 12\\) | สูงมาก \\(คำนวณได้ สูง\\) |" in md
    assert "= คะแนน 16 \\(คำนวณได้ 12\\) ระดับสูงมาก \\(คำนวณได้ สูง\\)" in md
    assert "ระดับสูงมาก 1 รายการ, ระดับต่ำ 1 รายการ" in md  # counted at the level the report published
    assert '!!! note "คะแนนความเสี่ยง: ตัวเลขที่เผยแพร่ต่างจากที่คำนวณได้"' in md
    assert "ตัวเลขที่เผยแพร่ 16 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 12 ต่างกัน 4" in md


def test_an_acknowledged_printed_score_is_a_note_and_the_page_gives_the_reason(tmp_path):
    text = PRINTED.replace("    level_published: สูงมาก\n", "", 1) + (
        "acknowledged:\n  risks[0].score_published:\n    reason_th: คะแนนตามรายงานฉบับลงนาม\n    date: 2568-01-15\n")
    res = result(tmp_path, text)
    assert [(p.line, p.code, p.severity) for p in res.problems] == [(9, "risk_score", "note")]
    md = md_tables(pages_of(res)["risks/2568/index.md"].markdown)
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: คะแนนตามรายงานฉบับลงนาม" in md


def test_a_stated_count_that_differs_is_a_discrepancy_and_the_page_shows_it_first(tmp_path):
    text = YEAR.replace("date: 2024-12-13\n", "date: 2024-12-13\nstated_count: ๓\n")
    res = result(tmp_path / "a", text)
    assert reported(res) == [("data/risks/2568.yml", 2, "stated_count", "stated_count", "warning")]
    assert "จำนวนความเสี่ยงที่ระบุไว้ (3) ไม่ตรงกับจำนวนในรายการ (2)" in res.problems[0].th
    md = md_tables(pages_of(res)["risks/2568/index.md"].markdown)
    assert "ความเสี่ยง 3 \\(คำนวณได้ 2\\) รายการ:" in md
    assert '!!! note "จำนวนความเสี่ยง: ตัวเลขที่เผยแพร่ต่างจากที่คำนวณได้"' in md
    acknowledged = text + "acknowledged:\n  stated_count:\n    reason_th: รายงานนับความเสี่ยงที่รวมไว้เป็นสองรายการ\n" \
                          "    date: 2568-02-01\n"
    noted = result(tmp_path / "b", acknowledged)
    assert [(p.code, p.severity) for p in noted.problems] == [("stated_count", "note")]
    assert "รับทราบแล้วเมื่อ 2568-02-01" in render_report(noted.problems)
    assert "เหตุผล: รายงานนับความเสี่ยงที่รวมไว้เป็นสองรายการ" in md_tables(pages_of(noted)["risks/2568/index.md"].markdown)
    agreeing = result(tmp_path / "c", text.replace("stated_count: ๓", "stated_count: 2"))
    assert reported(agreeing) == []
    assert "ความเสี่ยง 2 รายการ:" in md_tables(pages_of(agreeing)["risks/2568/index.md"].markdown)


def test_the_same_risk_twice_in_one_register_is_a_warning_at_the_repeat(tmp_path):
    text = YEAR.replace("    risk_th: รับของขวัญ\n", "    risk_th: แบ่งซื้อ  แบ่งจ้าง\n").replace(
        "    process_th: การประเมินสถานศึกษา\n", "    process_th: การจัดซื้อจัดจ้าง\n")
    text = text.replace("    risk_th: แบ่งซื้อแบ่งจ้าง\n", "    risk_th: แบ่งซื้อ แบ่งจ้าง\n")
    problems = reported(result(tmp_path, text))
    assert problems == [("data/risks/2568.yml", 20, "risks[1].risk_th", "duplicate_name", "warning")]
