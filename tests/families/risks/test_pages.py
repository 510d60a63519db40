"""Risk pages: the assessment with its matrix and tables, the follow-up, the index, and the example office."""

from __future__ import annotations

from datetime import date

from generator.pipeline.core import run

from tests.conftest import csv_rows, project_with, md_tables
from tests.families.risks.test_risks import YEAR


def built(tmp_path, files, today=date(2025, 5, 15)):
    result = run(project_with(tmp_path, files), today)
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}


def test_the_assessment_is_a_page_of_its_year_with_the_matrix_and_tables(tmp_path):
    pages = built(tmp_path, {"data/risks/2568.yml": YEAR})
    year = pages["risks/2568/index.md"]
    assert year.url == "/risks/2568/" and year.topics == ["risk.assessment"] and year.meta["period"] == "2568"
    assert year.source == "data/risks/2568.yml"
    md = md_tables(year.markdown)
    assert "ความเสี่ยง 2 รายการ:\nระดับสูง 1 รายการ, ระดับต่ำ 1 รายการ" in md
    assert '<span class="oit-risk-cell__level">สูง (12)</span><span class="oit-risk-cell__ids">' \
           '<a href="#risk-splitting">R1</a></span>' in md
    assert ("| R1 | การจัดซื้อจัดจ้าง | แบ่งซื้อแบ่งจ้าง | การหลีกเลี่ยงระเบียบหรือขั้นตอน | 3 | 4 | 12 | สูง "
            "| \\- |") in md
    assert "| R2 | แจ้งนโยบาย | กลุ่มกฎหมายและคดี | \\- |" in md
    assert "### R1 การจัดซื้อจัดจ้าง { #risk-splitting }" in md
    assert [r[:3] for r in csv_rows(pages["risks/2568/by-level.csv"])] == [
        ["ระดับความเสี่ยง", "จำนวน (รายการ)", "ร้อยละ"], ["สูงมาก", "0", "0.00"], ["สูง", "1", "50.00"],
        ["ปานกลาง", "0", "0.00"], ["ต่ำ", "1", "50.00"], ["รวม", "2", "100.00"]]
    assert csv_rows(pages["risks/2568/criteria.csv"])[1:] == [["สูงมาก", "15–25"], ["สูง", "9–14"], ["ปานกลาง", "4–8"],
                                                          ["ต่ำ", "1–3"]]


def test_the_follow_up_shares_statuses_and_compares_residual_levels(tmp_path):
    pages = built(tmp_path, {"data/risks/2568.yml": YEAR})
    follow = pages["risks/2568/follow-up.md"]
    assert follow.url == "/risks/2568/follow-up/"
    assert follow.topics == ["risk.actions"] and follow.meta["period"] == "2568-H1"
    assert follow.title.endswith("ปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือน")
    md = md_tables(follow.markdown)
    assert "| ดำเนินการแล้ว | 1 | 33\\.33 |" in md and "| **รวม** | **3** | **100\\.00** |" in md
    assert "ประเมินความเสี่ยงหลังดำเนินการแล้ว 1 จาก 2 รายการ" in md
    assert "| R1 | การจัดซื้อจัดจ้าง | 12 | สูง | 8 | ปานกลาง | ลดลง |" in md
    assert "| R2 | การประเมินสถานศึกษา | 3 | ต่ำ | \\- | ยังไม่ประเมิน | \\- |" in md
    assert "| R1 | สุ่มตรวจรายไตรมาส | กลุ่มกฎหมายและคดี | อยู่ระหว่างดำเนินการ | \\- |" in md
    assert csv_rows(pages["risks/2568/levels-before-after.csv"])[1:] == [
        ["สูงมาก", "0", "0"], ["สูง", "1", "0"], ["ปานกลาง", "0", "1"], ["ต่ำ", "1", "0"],
        ["ยังไม่ประเมินหลังดำเนินการ", "", "1"], ["รวม", "2", "2"]]
    assert '<span class="oit-risk-cell__level">ปานกลาง (8)</span><span class="oit-risk-cell__ids">R1</span>' in md


def test_no_follow_up_page_without_statuses_and_the_index_lists_the_years(tmp_path):
    plain = YEAR.split("    controls:\n")[0] + "follow_up:\n  as_of: 2025-03-31\n"
    pages = built(tmp_path, {"data/risks/2568.yml": plain})
    assert "risks/2568/follow-up.md" not in pages and "risks/2568/index.md" in pages
    index = pages["risks/index.md"]
    assert index.in_nav and "[การประเมินความเสี่ยงการทุจริต](2568/index.md)" in md_tables(index.markdown)
    assert "follow-up" not in md_tables(index.markdown)
    assert "- มาตรการเพิ่มเติม: ไม่มี (ใช้การควบคุมที่มีอยู่)" in md_tables(pages["risks/2568/index.md"].markdown)


def test_data_is_escaped(tmp_path):
    text = YEAR.replace("risk_th: แบ่งซื้อแบ่งจ้าง", "risk_th: '[x](javascript:alert(1)) *ตัวหนา*'")
    md = md_tables(built(tmp_path, {"data/risks/2568.yml": text})["risks/2568/index.md"].markdown)
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\) \\*ตัวหนา\\*" in md and "[x](javascript" not in md


def test_the_annual_follow_up_covers_the_year(tmp_path):
    pages = built(tmp_path, {"data/risks/2568.yml": YEAR.replace("as_of: 2025-03-31", "as_of: 2025-09-30")},
                  today=date(2025, 10, 20))
    follow = pages["risks/2568/follow-up.md"]
    assert follow.meta["period"] == "2568" and follow.title.endswith("ปีงบประมาณ พ.ศ. 2568")


def test_example_pages_are_built_in_the_nav_and_answer_the_risk_items(example_site):
    html = example_site.html("/risks/2568/")
    assert '<table class="oit-risk-matrix__grid">' in html and 'id="risk-procurement-splitting"' in html
    assert "ระดับสูงมาก 1 รายการ (R1)" in html
    assert example_site.path("/risks/2568/register.csv").read_text(encoding="utf-8-sig").startswith("ลำดับ,")
    follow = example_site.html("/risks/2568/follow-up/")
    assert "รอบ 6 เดือน" in follow and "ยังไม่ดำเนินการ" in follow
    assert "ดำเนินการแล้ว" in example_site.html("/risks/2567/follow-up/")
    assert 'href="risks/" class="md-nav__link"' in example_site.html("/")  # the index is in the nav
    assert 'href="../../../risks/2568/"' in example_site.html("/oit/2568/o23/")  # NACC 2568 O23, O24
    assert 'href="../../../risks/2567/follow-up/"' in example_site.html("/oit/2568/o24/")  # the previous year's
    assert "WARNING" not in example_site.log
