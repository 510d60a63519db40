"""Integrity measures pages: the measures against last year's result, and their report."""

from __future__ import annotations

from datetime import date

from tests.conftest import md_tables
from tests.families.ita.test_ita import YEAR_2566
from tests.families.ita.test_pages import built, rows_of

MEASURES = """\
announcement:
  date: 2024-12-18
  number_th: ที่ 12/2568
  signer: {name_th: นายทดสอบ ใจดี, position_th: ผู้อำนวยการสำนักงานทดสอบ}
  document: plan-2568
issues:
  - indicator: 9
    owners: [admin, legal]
    supervisor_th: รองผู้อำนวยการสำนักงาน
    schedule: [2568-Q2, 2025-06]
    measures:
      - text_th: ตรวจข้อมูลบนเว็บไซต์ทุกเดือน [x](javascript:alert(1))
        status: done
        result_th: ตรวจครบทุกเดือน
        evidence:
          - {title_th: รายงานรอบ 6 เดือน, document: report-2568-h1}
          - {title_th: ร่างที่ยังไม่เผยแพร่, document: draft-2568}
          - {title_th: หน้าเว็บ, url: 'https://www.example.go.th/a_(b)'}
      - text_th: กำหนดผู้รับผิดชอบ
        status: อยู่ระหว่างดำเนินการ
  - indicator: 8
    owners: [admin]
    supervisor_th: รองผู้อำนวยการสำนักงาน
    schedule: 2568
    measures:
      - text_th: ลดขั้นตอน
        status: not_started
report:
  as_of: 2025-03-31
"""


def test_the_measures_page_analyses_last_years_result_then_lists_the_measures(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": MEASURES})
    assert problems == []
    page = pages["measures/2568/index.md"]
    assert page.url == "/measures/2568/" and page.meta["period"] == "2568"
    assert page.topics == ["measures.announcement", "ita.improvement"]
    md = md_tables(page.markdown)
    assert "ที่ 12/2568 · ประกาศ ณ วันที่" in md and "[ต้นฉบับที่ลงนาม](../../documents/plan-2568.md)" in md
    assert "[ผลการประเมิน ITA ปีงบประมาณ พ\\.ศ\\. 2567](../../ita/2567/index.md)" in md
    assert "ได้คะแนนรวม 84\\.96 (คำนวณ) คะแนน ระดับ B (คำนวณ)" in md and "ต่ำกว่าเกณฑ์ 85 คะแนน 2 ตัวชี้วัด" in md
    assert "| 9 | การเปิดเผยข้อมูล | OIT | 78\\.50 | B |" in md and "| 8 | การปรับปรุงระบบการทำงาน | EIT | 82\\.75 | B |" in md
    row = next(line for line in md.splitlines() if line.startswith("| 1\\.1 |"))
    assert "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล \\(78\\.50\\)" in row and "กลุ่มอำนวยการ, " in row
    # Data never becomes a link: the brackets and parentheses are escaped.
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in row and "](javascript" not in md
    assert "ไตรมาสที่ 2 ปีงบประมาณ พ\\.ศ\\. 2568" in row and "มิถุนายน 2568" in row
    assert "(นายทดสอบ ใจดี)" in md
    assert rows_of(pages["measures/2568/measures.csv"])[3][:3] == ["2.1", "ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน (82.75)",
                                                                   "ลดขั้นตอน"]
    assert "[รายงานผลการดำเนินการตามมาตรการ](report/index.md)" in md
    assert md_tables(pages["ita/2567/index.md"].markdown).count("../../measures/2568/index.md") == 1
    index = pages["measures/index.md"]
    assert index.in_nav and "(2568/report/index.md)" in md_tables(index.markdown)


def test_without_last_years_result_the_page_is_only_the_measures(tmp_path):
    text = ("issues:\n  - {indicator: 9, owners: [admin], supervisor_th: รองผู้อำนวยการ, schedule: 2568,\n"
            "     measures: [{text_th: ตรวจข้อมูลบนเว็บไซต์}]}\n")
    pages, problems = built(tmp_path, {"data/measures/2568.yml": text})
    assert [p.code for p in problems] == ["no_ita_result"]
    page = pages["measures/2568/index.md"]
    assert page.topics == ["measures.announcement"]
    assert "ยังไม่มีข้อมูลผลการประเมิน ITA ปีงบประมาณ พ\\.ศ\\. 2567" in md_tables(page.markdown)
    assert "measures/2568/report/index.md" not in pages


def test_the_report_computes_shares_by_status_and_links_the_evidence(tmp_path):
    pages, _ = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": MEASURES})
    report = pages["measures/2568/report/index.md"]
    assert report.url == "/measures/2568/report/"
    assert report.topics == ["measures.implementation"] and report.meta["period"] == "2568-H1"
    assert report.title.endswith("ปีงบประมาณ พ.ศ. 2568 รอบ 6 เดือน")
    md = md_tables(report.markdown)
    assert '<time datetime="2025-03-31">' in md
    assert "| ดำเนินการแล้ว | 1 | 33\\.33 |" in md and "| อยู่ระหว่างดำเนินการ | 1 | 33\\.33 |" in md
    assert "| ยังไม่ดำเนินการ | 1 | 33\\.33 |" in md and "| **รวม** | **3** | **100\\.00** |" in md
    assert "ดำเนินการแล้ว 1 มาตรการ (ร้อยละ 33.33)" in md  # the chart's text alternative
    row = next(line for line in md.splitlines() if line.startswith("| 1\\.1 |"))
    assert "[รายงานรอบ 6 เดือน](../../../documents/report-2568-h1.md)" in row
    assert "<br>ร่างที่ยังไม่เผยแพร่<br>" in row  # a draft has no page to link to
    assert "[หน้าเว็บ](https://www.example.go.th/a_%28b%29)" in row
    evidence = rows_of(pages["measures/2568/report/report.csv"])[1][5]
    assert evidence == ("รายงานรอบ 6 เดือน: https://www.example.go.th/documents/report-2568-h1/; ร่างที่ยังไม่เผยแพร่; "
                        "หน้าเว็บ: https://www.example.go.th/a_(b)")
    assert rows_of(pages["measures/2568/report/status.csv"])[-1] == ["รวม", "3", "100.00"]


def test_a_report_dated_after_the_build_is_not_published_yet(tmp_path):
    pages, _ = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": MEASURES},
                     today=date(2025, 3, 30))
    assert "measures/2568/report/index.md" not in pages and "measures/2568/index.md" in pages
