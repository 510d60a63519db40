"""Corruption risk assessments: computed scores and levels, the matrix, counts, residual risk, checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from generator.base.calendar import round_of
from generator.families.risks import model as risks
from generator.pipeline.load import load
from generator.families.risks.matrix import risk_matrix, summary_sentence

from tests.conftest import project_with

# A small year in the test office (units: admin, legal). Line numbers matter to the tests below.
YEAR = """\
date: 2024-12-13
risks:
  - id: splitting
    process_th: การจัดซื้อจัดจ้าง
    risk_th: แบ่งซื้อแบ่งจ้าง
    kind: การหลีกเลี่ยงระเบียบหรือขั้นตอน
    likelihood: ๓
    impact: 4
    controls:
      - measure_th: ตรวจรายการซ้ำก่อนอนุมัติ
        owner: admin
        status: ดำเนินการแล้ว
      - measure_th: สุ่มตรวจรายไตรมาส
        owner: legal
        status: in_progress
    residual_likelihood: 2
    residual_impact: 4
  - id: gifts
    process_th: การประเมินสถานศึกษา
    risk_th: รับของขวัญ
    kind: gifts
    likelihood: 1
    impact: 3
    controls:
      - measure_th: แจ้งนโยบาย
        owner: legal
        status: ยังไม่ดำเนินการ
follow_up:
  as_of: 2025-03-31
"""


def risk(likelihood, impact, residual=(None, None), **extra):
    return risks.Risk.model_validate({"id": "r", "process_th": "p", "risk_th": "r", "kind": "other",
                                      "likelihood": likelihood, "impact": impact,
                                      "residual_likelihood": residual[0], "residual_impact": residual[1], **extra})


def loaded(tmp_path, text):
    return load(project_with(tmp_path, {"data/risks/2568.yml": text}))


@pytest.mark.parametrize("likelihood, impact, score, level", [
    (1, 1, 1, "low"), (1, 3, 3, "low"), (2, 2, 4, "medium"), (2, 4, 8, "medium"), (3, 3, 9, "high"),
    (2, 5, 10, "high"), (3, 4, 12, "high"), (3, 5, 15, "very_high"), (4, 4, 16, "very_high"), (5, 5, 25, "very_high"),
])
def test_the_score_is_likelihood_times_impact_and_the_level_its_band(likelihood, impact, score, level):
    r = risk(likelihood, impact)
    assert (r.score, r.level.key) == (score, level)


def test_the_bands_cover_every_score_once_and_accept_their_thai_labels():
    assert [risks.level_of(s).th for s in (3, 4, 8, 9, 14, 15)] == ["ต่ำ", "ปานกลาง", "ปานกลาง", "สูง", "สูง", "สูงมาก"]
    assert sum(b.highest - b.lowest + 1 for b in risks.BANDS) == 25
    assert risk(1, 1, level_published="สูงมาก").level_published == "very_high"


def test_a_year_loads_with_thai_labels_and_thai_digits(tmp_path):
    data, problems = loaded(tmp_path, YEAR)
    assert problems == []
    first, second = data.risks[2568].risks
    assert (first.kind, first.likelihood, first.score, first.level.key) == ("procedure_evasion", 3, 12, "high")
    assert [c.status for c in first.controls] == ["done", "in_progress"]
    assert second.controls[0].status == "not_started"


@pytest.mark.parametrize("old, new, line, field, code", [
    ("    impact: 4\n", "    impact: 6\n", 8, "risks[0].impact", "rating"),
    ("    likelihood: 1\n", "    likelihood: สูง\n", 22, "risks[1].likelihood", "rating"),
    ("    kind: gifts\n", "    kind: '<b>สินบน</b>'\n", 21, "risks[1].kind", "html"),
    ("    residual_impact: 4\n", "", 3, "risks[0]", "residual"),
    ("    likelihood: 1\n", "", 18, "risks[1]", "rating_pair"),
    ("    likelihood: ๓\n    impact: 4\n", "", 3, "risks[0]", "residual"),  # a residual rating needs the initial one
])
def test_a_bad_rating_kind_or_residual_pair_names_its_line(tmp_path, old, new, line, field, code):
    problems = loaded(tmp_path, YEAR.replace(old, new))[1]
    assert [(p.file, p.line, p.field, p.code) for p in problems] == [("data/risks/2568.yml", line, field, code)]


def test_the_matrix_puts_each_numbered_risk_in_its_cell():
    register = [risk(3, 4), risk(1, 3), risk(3, 4, residual=(2, 4))]
    cells = risks.matrix(register)
    assert len(cells) == 25
    assert [c for c, _ in cells[(3, 4)]] == ["R1", "R3"] and [c for c, _ in cells[(1, 3)]] == ["R2"]
    assert sum(len(v) for v in cells.values()) == 3
    residual = risks.matrix(register, residual=True)
    assert [c for c, _ in residual[(2, 4)]] == ["R3"] and sum(len(v) for v in residual.values()) == 1


def test_counts_by_level_list_every_level_highest_first_with_shares():
    counts = risks.by_level([risk(3, 5), risk(3, 4), risk(2, 5), risk(1, 2)])
    assert [(c.label, c.count, c.percent) for c in counts] == [
        ("สูงมาก", 1, Decimal("25.00")), ("สูง", 2, Decimal("50.00")), ("ปานกลาง", 0, Decimal("0.00")),
        ("ต่ำ", 1, Decimal("25.00"))]


def test_counts_by_status_add_the_unreported_controls_only_when_there_are_some(tmp_path):
    data = loaded(tmp_path, YEAR)[0]
    counts = risks.by_status(data.risks[2568].risks)
    assert [(c.key, c.count, c.percent) for c in counts] == [
        ("done", 1, Decimal("33.33")), ("in_progress", 1, Decimal("33.33")), ("not_started", 1, Decimal("33.33"))]
    silent = [risk(2, 2, controls=[{"measure_th": "m", "owner": "admin"}, {"measure_th": "n", "owner": "admin",
                                                                            "status": "done"}])]
    assert [(c.key, c.count, c.percent) for c in risks.by_status(silent)][-1] == ("not_reported", 1, Decimal("50.00"))


def test_residual_levels_are_compared_with_the_initial_ones():
    register = [risk(3, 5, residual=(2, 5)), risk(2, 2, residual=(2, 2)), risk(1, 2, residual=(2, 2)), risk(4, 4)]
    assert [risks.change(r) for r in register] == ["ลดลง", "คงเดิม", "สูงขึ้น", ""]
    assert (register[0].residual_score, register[0].residual_level.th) == (10, "สูง")
    after = risks.by_level(register, residual=True)
    assert [(c.key, c.count, c.total) for c in after] == [("very_high", 0, 3), ("high", 1, 3), ("medium", 2, 3),
                                                          ("low", 0, 3)]


@pytest.mark.parametrize("as_of, period, name", [
    (date(2025, 2, 28), "2568", "ระหว่างปี"), (date(2025, 3, 31), "2568-H1", "รอบ 6 เดือน"),
    (date(2025, 9, 29), "2568-H1", "รอบ 6 เดือน"), (date(2025, 9, 30), "2568", "ประจำปี"),
])
def test_the_follow_up_round_comes_from_its_as_of_date(as_of, period, name):
    found = round_of(2568, as_of)
    assert (found.period, risks.ROUNDS_TH[found.kind]) == (period, name)


def test_nothing_is_published_before_its_date(tmp_path):
    record = loaded(tmp_path, YEAR)[0].risks[2568]
    assert risks.public({2568: record}, date(2024, 12, 1)) == {}
    early = risks.public({2568: record}, date(2025, 3, 30))[2568]
    assert early.follow_up is None and not risks.has_statuses(early)
    assert risks.has_statuses(risks.public({2568: record}, date(2025, 3, 31))[2568])


def test_printed_score_and_level_that_differ_are_warnings_at_their_lines(tmp_path):
    text = YEAR.replace("    impact: 4\n", "    impact: 4\n    score_published: 16\n    level_published: สูง\n", 1)
    text = text.replace("    impact: 3\n", "    impact: 3\n    level_published: ปานกลาง\n")
    problems = loaded(tmp_path, text)[1]
    assert [(p.file, p.line, p.field, p.code, p.severity) for p in problems] == [
        ("data/risks/2568.yml", 9, "risks[0].score_published", "risk_score", "warning"),
        ("data/risks/2568.yml", 26, "risks[1].level_published", "risk_level", "warning")]
    assert "(16)" in problems[0].th and "3 × 4 = 12" in problems[0].th
    assert "ปานกลาง" in problems[1].th and "ต่ำ" in problems[1].th


def test_an_unknown_unit_is_an_error_at_the_owner_line(tmp_path):
    problems = loaded(tmp_path, YEAR.replace("owner: legal\n        status: in_progress",
                                             "owner: lgal\n        status: in_progress"))[1]
    assert [(p.line, p.field, p.code, p.severity) for p in problems] == [
        (14, "risks[0].controls[1].owner[0]", "unknown_unit", "error")]
    assert "legal, admin" in problems[0].th  # the closest unit first


def test_follow_up_rules(tmp_path):
    no_date = loaded(tmp_path / "a", YEAR.replace("follow_up:\n  as_of: 2025-03-31\n", ""))[1]
    assert {(p.line, p.code, p.severity) for p in no_date} == {(12, "follow_up_date", "error"),
                                                               (15, "follow_up_date", "error"),
                                                               (27, "follow_up_date", "error")}
    silent = loaded(tmp_path / "b", YEAR.replace("        status: ยังไม่ดำเนินการ\n", "")
                    .replace("as_of: 2025-03-31", "as_of: 2024-12-01\n  document: nowhere"))[1]
    assert [(p.line, p.field, p.code, p.severity) for p in silent] == [
        (25, "risks[1].controls[0]", "control_status", "warning"),
        (28, "follow_up.as_of", "follow_up_early", "warning"),
        (29, "follow_up.document", "unknown_document", "error")]


def test_a_residual_rating_above_the_initial_one_is_a_warning(tmp_path):
    problems = loaded(tmp_path, YEAR.replace("residual_likelihood: 2", "residual_likelihood: 4"))[1]
    assert [(p.line, p.code, p.severity) for p in problems] == [(16, "residual_above", "warning")]


def test_the_matrix_is_a_table_with_levels_in_text_and_escaped_data():
    register = [risk(3, 4), risk(1, 3)]
    cells = risks.matrix(register)
    html = str(risk_matrix("<b>ชื่อ</b> & ปี", cells, summary_sentence("ความเสี่ยงทั้งหมด", cells), link=True))
    assert "<caption>&lt;b&gt;ชื่อ&lt;/b&gt; &amp; ปี</caption>" in html
    assert html.count('<td class="oit-risk-cell') == 25 and html.count('<th scope="row">') == 5
    assert ('<td class="oit-risk-cell oit-risk-cell--high"><span class="oit-risk-cell__level">สูง (12)</span>'
            '<span class="oit-risk-cell__ids"><a href="#risk-r">R1</a></span></td>') in html
    assert '<span class="oit-risk-cell__level">สูงมาก (25)</span></td>' in html  # an empty cell still names its level
    assert ("ความเสี่ยงทั้งหมด 2 รายการ: ระดับสูง 1 รายการ (R1) ระดับต่ำ 1 รายการ (R2)") in html
