"""Acknowledged discrepancies and the history rule: what a strict build may stop on (issue 18, parts 2–3).

The risk register's printed score serves as the discrepancy; the rule is the same for every family,
because the pipeline, not the family, pairs a difference with its acknowledgement.
"""

from __future__ import annotations

from datetime import date

from generator.base.problems import Problem, render_report
from generator.pipeline.core import run
from generator.pipeline.history import fiscal_year_of_file, settle

from tests.conftest import project_with
from tests.families.risks.test_risks import YEAR

PRINTED = YEAR.replace("    impact: 4\n", "    impact: 4\n    score_published: 16\n", 1)
ACKNOWLEDGED = PRINTED + """\
acknowledged:
  risks[0].score_published:
    reason_th: คะแนนตามที่พิมพ์ในรายงานฉบับลงนาม
    date: 2568-01-15
"""
IN_2568 = date(2025, 1, 20)  # fiscal year 2568: the file's year is the current one


def found(tmp_path, text, today=IN_2568):
    result = run(project_with(tmp_path, {"data/risks/2568.yml": text}), today)
    return [(p.file, p.line, p.field, p.code, p.severity) for p in result.problems], result


def test_a_printed_figure_that_differs_is_a_warning_until_acknowledged(tmp_path):
    warned, _ = found(tmp_path / "a", PRINTED)
    assert ("data/risks/2568.yml", 9, "risks[0].score_published", "risk_score", "warning") in warned
    noted, result = found(tmp_path / "b", ACKNOWLEDGED)
    assert ("data/risks/2568.yml", 9, "risks[0].score_published", "risk_score", "note") in noted
    assert not [p for p in noted if p[4] == "warning"]
    report = render_report(result.problems)
    assert "รับทราบแล้วเมื่อ 2568-01-15: คะแนนตามที่พิมพ์ในรายงานฉบับลงนาม" in report
    assert "(หมายเหตุ / note)" in report and "หมายเหตุ 1 รายการ" in report


def test_an_acknowledgement_that_matches_no_difference_is_a_warning_at_its_line(tmp_path):
    stale = ACKNOWLEDGED.replace("score_published: 16\n", "score_published: 12\n", 1)
    problems, _ = found(tmp_path, stale)
    line = stale.splitlines().index("  risks[0].score_published:") + 1
    assert problems == [("data/risks/2568.yml", line, "acknowledged.risks[0].score_published",
                         "stale_acknowledgement", "warning")]



def test_an_acknowledgement_in_a_file_with_an_error_is_not_called_stale(tmp_path):
    # The file's checks may not all have run; the error is the one problem, the next run tells the rest.
    stale = ACKNOWLEDGED.replace("score_published: 16\n", "score_published: 12\n", 1)
    problems, _ = found(tmp_path, stale.replace("owner: admin", "owner: nobody", 1))
    assert [(p[3], p[4]) for p in problems] == [("unknown_unit", "error")]

def test_an_acknowledgement_silences_nothing_but_its_own_difference(tmp_path):
    wrong_field = ACKNOWLEDGED.replace("  risks[0].score_published:", "  risks[1].score_published:")
    problems, _ = found(tmp_path, wrong_field)
    assert {(p[3], p[4]) for p in problems} == {("risk_score", "warning"), ("stale_acknowledgement", "warning")}


def test_a_past_years_warning_is_a_note_and_the_last_two_years_still_warn(tmp_path):
    previous, _ = found(tmp_path / "a", PRINTED, date(2026, 1, 20))  # fiscal 2569: 2568 is the previous year
    assert ("risk_score", "warning") in {(p[3], p[4]) for p in previous}
    past, result = found(tmp_path / "b", PRINTED, date(2027, 1, 20))  # fiscal 2570: 2568 is history
    assert ("risk_score", "note") in {(p[3], p[4]) for p in past}
    assert "ปีงบประมาณ 2568 ผ่านมาแล้ว ไม่หยุดการเผยแพร่" in render_report(result.problems)


def test_fiscal_year_of_a_yearly_data_file():
    assert fiscal_year_of_file("data/nogift/2567.yml") == 2567
    assert fiscal_year_of_file("data/procurement/2567/10.csv") == 2567
    assert fiscal_year_of_file("data/office.yml") is None
    assert fiscal_year_of_file("content/files/2567.pdf") is None


def test_a_gap_in_the_evidence_is_readiness_but_a_missing_office_file_is_not():
    today = date(2026, 12, 7)  # fiscal 2570
    gap = Problem("data/site.yml", 7, "declaration", "nogift_declaration", "ไม่มี", "none", "warning")
    missing_year = Problem("data/nogift/2570.yml", 0, "", "missing_file", "ไม่มี", "none", "warning")
    missing_office = Problem("data/office.yml", 0, "", "missing_file", "ไม่มี", "none", "warning")
    personal = Problem("data/documents/2560.yml", 3, "title_th", "personal_data", "เลข", "id", "warning")
    settled = settle([gap, missing_year, missing_office, personal], today)
    assert [p.severity for p in settled] == ["note", "note", "warning", "warning"]
    assert "ความพร้อม OIT ไม่หยุดการเผยแพร่" in settled[0].th
