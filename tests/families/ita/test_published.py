"""ITA results as real reports publish them (issue 18): the published figures are the official ones,
the computed ones stand beside them as the check, a known difference can be acknowledged; a year known
by its total only, printed levels per indicator, published OIT sub-indicator scores, the office's targets.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.base.problems import render_report
from generator.pipeline.core import run

from tests.conftest import located, project_with, md_tables
from tests.families.ita.test_ita import WORKED, YEAR_2566, loaded
from tests.families.ita.test_pages import built, rows_of

PUBLISHED = WORKED + "total_published: 91.25\nlevel_published: A\n"  # the rows give 89.91
ACKNOWLEDGED = PUBLISHED + """\
acknowledged:
  total_published:
    reason_th: คะแนนรวมตามประกาศผลของ สพฐ. ซึ่งคำนวณจากคะแนนดิบ
    date: 2568-10-01
"""
TOTAL_ONLY = "total_published: 87.65\nlevel_published: A\nrank: 40\nrank_of: 245\n"
# สพป.สมุทรสาคร, fiscal year 2562, as its analysis report prints it (tests/data/real/spp-samutsakhon).
REAL_2562 = ("indicators: {1: ๙๙.๐๘, 2: ๙๖.๙๔, 3: ๙๙.๓๐, 4: ๙๘.๕๕, 5: ๙๘.๗๒, 6: ๙๕.๗๕, 7: ๙๑.๗๕, 8: ๘๙.๗๒, "
             "9: ๘๖.๘๑, 10: ๘๓.๐๔}\ntotal_published: ๙๑.๒๕\nlevel_published: A\nrank: 31\n")


def test_a_published_total_that_differs_is_the_headline_with_the_computed_one_beside_it(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2568.yml": PUBLISHED})
    assert located(problems) == {("published_differs", 2, "total_published")}
    warning = problems[0]
    assert (warning.file, warning.severity) == ("data/ita/2568.yml", "warning")
    assert "91.25" in warning.th and "89.91" in warning.th and "acknowledged: total_published" in warning.th
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "| คะแนนรวม | **91\\.25 (คำนวณได้ 89\\.91)** คะแนน |" in md
    assert "| ระดับ | **A** (Very Good) |" in md  # A is the level of the published 91.25
    assert "ตัวเลขที่เผยแพร่ 91\\.25 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 89\\.91 ต่างกัน 1\\.34" in md
    assert "| **คะแนนรวม** |  |  | **100** | **91\\.25** | **89\\.91** |" in md  # components: published, computed
    history = md_tables(pages["ita/index.md"].markdown)
    assert "| 2568 | 91\\.25 | A | ผ่าน |" in history and "คำนวณได้ 89\\.91 |" in history
    assert rows_of(pages["ita/history.csv"])[1][:2] == ["2568", "91.25"]


def test_an_acknowledged_difference_is_a_note_and_the_page_gives_the_reason(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2568.yml": ACKNOWLEDGED})
    assert [(p.code, p.line, p.severity) for p in problems] == [("published_differs", 2, "note")]
    assert "รับทราบแล้วเมื่อ 2568-10-01" in render_report(problems)
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: คะแนนรวมตามประกาศผลของ สพฐ\\. ซึ่งคำนวณจากคะแนนดิบ" in md
    assert "| คะแนนรวม | **91\\.25 (คำนวณได้ 89\\.91)** คะแนน |" in md


def test_an_acknowledgement_once_the_total_agrees_is_a_warning(tmp_path):
    agrees = ACKNOWLEDGED.replace("total_published: 91.25", "total_published: 89.91")
    result = run(project_with(tmp_path, {"data/ita/2568.yml": agrees}), date(2025, 5, 15))
    assert [(p.code, p.field, p.severity) for p in result.problems] == [
        ("stale_acknowledgement", "acknowledged.total_published", "warning")]


def test_a_printed_level_that_is_not_the_level_of_its_total_is_warned(tmp_path):
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": WORKED + "total_published: 89.91\nlevel_published: AA\n"})
    assert located(problems) == {("published_differs", 3, "level_published")}
    assert "AA" in problems[0].th and "(A)" in problems[0].th


def test_a_year_known_by_its_total_only_loads_and_shows(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2566.yml": TOTAL_ONLY, "data/ita/2567.yml": YEAR_2566})
    assert problems == []
    history = md_tables(pages["ita/index.md"].markdown)
    assert "| 2566 | 87\\.65 | A | ผ่าน |  |  | 40 จาก 245 | ไม่มีคะแนนรายตัวชี้วัด |" in history
    assert "| 2567 | 84\\.96 | B | ไม่ผ่าน | \\-2\\.69 | ลดลง |" in history  # against the published 87.65
    md = md_tables(pages["ita/2566/index.md"].markdown)
    assert "| คะแนนรวม | **87\\.65** คะแนน |" in md and "| ระดับ | **A** (Very Good) |" in md
    assert "มีเฉพาะคะแนนรวมตามที่ประกาศ ไม่มีคะแนนรายตัวชี้วัด" in md
    assert "คะแนนรายตัวชี้วัด" not in md.split("ไม่มีคะแนนรายตัวชี้วัด")[1]  # no indicator tables
    assert "ita/2566/indicators.csv" not in pages


def test_the_measures_after_a_total_only_year_are_not_checked_against_indicators(tmp_path):
    measures = ("issues:\n  - indicator: 9\n    owners: admin\n    measures:\n      - text_th: ตรวจข้อมูลบนเว็บไซต์\n")
    pages, problems = built(tmp_path, {"data/ita/2567.yml": TOTAL_ONLY, "data/measures/2568.yml": measures})
    assert problems == []
    md = md_tables(pages["measures/2568/index.md"].markdown)
    assert "ได้คะแนนรวม 87\\.65 คะแนน ระดับ A" in md and "มีเฉพาะคะแนนรวม" in md


@pytest.mark.parametrize("text, code", [
    ("note_th: ยังไม่ประกาศ\n", "no_result"),
    ("level_published: A\ntargets: {total: 95}\n", "no_total"),
    ("targets: {source_th: แผน}\n", "targets"),
    (WORKED.replace("1: 92.10", "1: {score: 92.10, level: A+}"), "literal_error"),
])
def test_a_year_without_anything_to_show_is_an_error(tmp_path, text, code):
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": text})
    assert [(p.code, p.severity) for p in problems] == [(code, "error")]


def test_printed_levels_per_indicator_are_shown_and_checked_against_their_scores(tmp_path):
    text = WORKED.replace("4: 86.50", "4: {score: 86.50, level: A}").replace("9: 84.42", "9: {score: 84.42, level: A}")
    pages, problems = built(tmp_path, {"data/ita/2568.yml": text})
    assert located(problems) == {("published_differs", 1, "indicators.9.level")}
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "| 4 | การใช้ทรัพย์สินของราชการ | IIT | 86\\.50 | A | ผ่าน |" in md
    assert "| 9 | การเปิดเผยข้อมูล | OIT | 84\\.42 | A \\(คำนวณได้ B\\) | ไม่ผ่าน |" in md
    assert rows_of(pages["ita/2568/indicators.csv"])[9][4] == "A (คำนวณได้ B)"


def test_published_sub_indicator_scores_stand_beside_those_of_the_items(tmp_path):
    # custom-2568: 9.1 = O1–O3, 9.2 = O4–O5, 10.1 = O6–O7; O3 at 0 gives 9.1 = 66.67.
    items = "oit_items: {O1: 100, O2: 100, O3: 0, O4: 100, O5: 100, O6: 100, O7: 100}\n"
    text = WORKED.replace("9: 84.42", "9: 83.33").replace("10: 93.75", "10: 100") + items
    pages, problems = built(tmp_path, {"data/ita/2568.yml": text + "oit_sub_indicators: {'9.1': 75.00, '9.2': 100}\n"})
    assert [(p.code, p.field) for p in problems] == [("published_differs", "oit_sub_indicators.9.1")]
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "| ตัวชี้วัดย่อย 9\\.1 | 75\\.00 | 66\\.67 |" in md and "| ตัวชี้วัดย่อย 9\\.2 | 100\\.00 | 100\\.00 |" in md
    _, problems = loaded(tmp_path / "b", {"data/ita/2568.yml": WORKED + "oit_sub_indicators: {'9.9': 75}\n"})
    assert [(p.code, p.field, p.severity) for p in problems] == [("unknown_item", "oit_sub_indicators.9.9", "warning")]


def test_the_offices_targets_are_compared_with_the_published_result(tmp_path):
    text = PUBLISHED + "targets: {total: 92, iit: 85, oit: 95, source_th: แผนปฏิบัติการประจำปี 2568}\n"
    pages, _ = built(tmp_path, {"data/ita/2568.yml": text})
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "## เป้าหมายของสำนักงาน" in md and "ที่มา: แผนปฏิบัติการประจำปี 2568" in md
    assert "| คะแนน ITA รวม | 92\\.00 | 91\\.25 \\(คำนวณได้ 89\\.91\\) | ไม่บรรลุ |" in md  # the published total
    assert "| คะแนน IIT \\(เต็ม 100\\) | 85\\.00 | 89\\.36 \\(คำนวณ\\) | บรรลุ |" in md
    assert "| คะแนน OIT \\(เต็ม 100\\) | 95\\.00 | 89\\.09 \\(คำนวณ\\) | ไม่บรรลุ |" in md
    assert "คะแนน EIT" not in md.split("## เป้าหมายของสำนักงาน")[1].split("## ")[0]  # no EIT target, no row
    assert rows_of(pages["ita/2568/targets.csv"])[1] == ["คะแนน ITA รวม", "92.00", "91.25 (คำนวณได้ 89.91)", "ไม่บรรลุ"]


def test_targets_of_a_year_without_a_result_yet_wait_for_it(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2568.yml": WORKED, "data/ita/2569.yml": "targets: {total: 95}\n"})
    assert problems == []
    md = md_tables(pages["ita/2569/index.md"].markdown)
    assert "ยังไม่มีผลการประเมินของปีนี้" in md and "| คะแนน ITA รวม | 95\\.00 | ยังไม่มีผล |  |" in md
    assert "| 2569 |" not in md_tables(pages["ita/index.md"].markdown)  # no result, no history row
    assert "[ปีงบประมาณ พ\\.ศ\\. 2569](2569/index.md)" in md_tables(pages["ita/index.md"].markdown)


def test_the_2562_indicator_set_of_a_real_report_reproduces_its_printed_total(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2562.yml": REAL_2562})
    assert problems == []  # 91.2474 → 91.25, as printed
    md = md_tables(pages["ita/2562/index.md"].markdown)
    assert "| คะแนนรวม | **91\\.25** คะแนน |" in md and "| อันดับระดับประเทศ | 31 |" in md  # the rank as printed
    assert "| 10 | การป้องกันการทุจริต | OIT | 83\\.04 | B | ไม่ผ่าน |" in md
