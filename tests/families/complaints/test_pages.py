"""Complaint pages: how to complain, the statistics of a year, the OIT form, CSV downloads, privacy."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from generator.pipeline.core import run
from generator.engine.pages import Asset

from tests.conftest import project_with, md_tables
from tests.families.complaints.test_complaints import COMPLAINTS_YML, HEADER, NACC, ONLINE


def built(tmp_path, files, today=date(2025, 5, 15)):
    result = run(project_with(tmp_path, files), today)
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}


REGISTER = {
    "data/complaints.yml": COMPLAINTS_YML.replace("{unit}", "legal").replace("{channels}", ONLINE + NACC),
    "data/complaints/2568.csv": HEADER + "กม 1/2568,2024-11-05,web_form,corruption,,finished,2025-01-10,substantiated\n"
                                         "กม 2/2568,2025-02-01,phone,general,grievance,in_progress,,\n"
                                         "กม 3/2568,2025-03-03,email,corruption,,received,,\n",
}


def test_the_how_to_page_answers_the_guideline_and_channel_items(tmp_path):
    pages = built(tmp_path, REGISTER)
    index = pages["complaints/index.md"]
    assert index.in_nav and index.topics == ["complaints.guideline", "complaints.channel"]
    md = md_tables(index.markdown)
    assert "## ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in md
    assert "(https://x.go.th/corrupt/)" in md and "(https://www.nacc.go.th/)" in md
    assert "### แจ้งต่อหน่วยงานภายนอก" in md and "## การคุ้มครองผู้ร้องเรียนและผู้แจ้งเบาะแส" in md
    assert "| 1 | รับเรื่อง | \\- | 1 วันทำการ |" in md
    assert "[ปีงบประมาณ พ\\.ศ\\. 2568](2568/index.md)" in md


def test_without_data_the_page_says_what_is_missing(tmp_path):
    pages = built(tmp_path, {})
    index = pages["complaints/index.md"]
    assert index.topics == [] and "data/complaints.yml" in md_tables(index.markdown)
    assert not any(uri.startswith("complaints/25") for uri in pages)


def test_the_oit_form_counts_corruption_cases_of_the_first_half(tmp_path):
    pages = built(tmp_path, REGISTER)
    h1 = pages["complaints/2568/h1.md"]
    assert h1.topics == ["complaints.statistics"] and h1.meta["period"] == "2568-H1"
    assert "| 2 เรื่อง | 1 เรื่อง | 1 เรื่อง |" in md_tables(h1.markdown)  # total, finished, in progress
    assert "| พฤศจิกายน 2567 | 0 | 1 | 1 | 0 | 1 |" in md_tables(h1.markdown)
    assert "| มกราคม 2568 | 1 | 0 | 1 | 1 | 0 |" in md_tables(h1.markdown)
    rows = list(csv.reader(io.StringIO(pages["complaints/2568/oit-h1.csv"].text.lstrip("\ufeff"))))
    assert rows[0] == ["ช่วงเวลา", "ยกมา", "รับใหม่", "เรื่องร้องเรียนทั้งหมด", "ดำเนินการแล้วเสร็จ",
                       "อยู่ระหว่างดำเนินการ"]
    assert rows[-1][1:] == ["0", "2", "2", "1", "1"]


def test_no_complaints_gives_the_nil_statement_with_its_as_of_date(tmp_path):
    files = {"data/complaints/2568.yml": "as_of: 2025-04-02\ncases: []\n"}
    pages = built(tmp_path, files)
    md = md_tables(pages["complaints/2568/h1.md"].markdown)
    assert '<p class="oit-nil">ไม่มีเรื่องร้องเรียน</p>' in md
    assert 'ถึง <time datetime="2025-03-31">31 มีนาคม 2568</time> ยังไม่ได้รับเรื่องร้องเรียน' in md
    year = md_tables(pages["complaints/2568/index.md"].markdown)
    assert "ข้อมูล ณ วันที่ <time datetime=\"2025-04-02\">2 เมษายน 2568</time>" in year
    assert "ยังไม่ถึงกำหนด" in year  # May onwards, after the register's as-of date


def test_the_year_page_has_every_table_and_each_table_a_csv(tmp_path):
    pages = built(tmp_path, REGISTER)
    md = md_tables(pages["complaints/2568/index.md"].markdown)
    links = re.findall(r"\]\(([a-z0-9-]+\.csv)\)", md)
    assert links == ["corruption-by-month.csv", "corruption-by-period.csv", "all-by-month.csv",
                     "all-by-period.csv", "by-channel.csv", "by-category.csv", "by-matter.csv", "by-status.csv",
                     "by-outcome.csv"]
    for name in links:
        asset = pages[f"complaints/2568/{name}"]
        assert isinstance(asset, Asset) and asset.text.startswith("\ufeff")
    channels = list(csv.reader(io.StringIO(pages["complaints/2568/by-channel.csv"].text.lstrip("\ufeff"))))
    assert channels == [["ช่องทาง", "จำนวน (เรื่อง)"], ["แบบฟอร์มออนไลน์", "1"], ["อีเมล", "1"], ["โทรศัพท์", "1"],
                        ["รวม", "3"]]
    assert "เรื่องที่ปิดในปีงบประมาณนี้ 1 เรื่อง ใช้เวลาเฉลี่ย 66\\.0 วัน นานที่สุด 66 วัน" in md


def test_charts_carry_their_numbers_as_text(tmp_path):
    md = md_tables(built(tmp_path, REGISTER)["complaints/2568/index.md"].markdown)
    chart = md[md.index('<figure class="oit-chart">'):md.index("</figure>")]
    assert '<span class="oit-chart__label">พ.ย. 67</span>' in chart
    assert '<span class="oit-visually-hidden">รับใหม่ </span>1</span>' in chart
    assert "เดือนที่รับใหม่มากที่สุด (1 เรื่อง): พฤศจิกายน 2567, มีนาคม 2568" in chart
    assert "\n\n" not in chart  # one raw HTML block: a blank line would end it inside the figure


def test_a_small_cross_table_is_withheld_and_the_rule_is_on_the_page(tmp_path):
    md = md_tables(built(tmp_path, REGISTER)["complaints/2568/index.md"].markdown)
    assert "ลักษณะเรื่องจำแนกตามสถานะ" in md and "matter-by-status.csv" not in md
    assert "ทุกช่องที่ไม่เป็นศูนย์มีอย่างน้อย 3 เรื่อง" in md
    assert "ปีงบประมาณนี้ไม่เผยแพร่ตารางลักษณะเรื่องจำแนกตามสถานะ" in md


def test_a_wrong_printed_figure_is_shown_first_with_the_computed_one_beside(tmp_path):
    files = {"data/complaints/2568.yml": "printed_tables:\n  - title_th: ตารางสรุปผล\n    period: 2568-H1\n"
                                         "    rows:\n      - {matter: grievance, received: 2, total: 3, finished: 1}\n"}
    pages = built(tmp_path, files)
    assert "| ร้องทุกข์ | 0 | 2 | 3 \\(คำนวณได้ 2\\) | 1 | 1 |" in md_tables(pages["complaints/2568/index.md"].markdown)
    rows = list(csv.reader(io.StringIO(pages["complaints/2568/printed-1.csv"].text.lstrip("\ufeff"))))
    assert rows[1] == ["ร้องทุกข์", "0", "2", "3 (คำนวณได้ 2)", "1", "1"]


def test_a_year_not_yet_begun_has_no_pages(tmp_path):
    pages = built(tmp_path, {"data/complaints/2569.yml": "cases: []\n"})
    assert not any(uri.startswith("complaints/2569") for uri in pages)


# --- the example office, built with MkDocs --------------------------------------------------------


def test_example_pages_exist_and_link_each_other(example_site):
    html = example_site.html("/complaints/")
    assert "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in html
    assert 'href="2568/h1/"' in html and 'href="2567/"' in html
    assert 'href="https://www.nacc.go.th/"' in html
    h1 = example_site.html("/complaints/2568/h1/")
    assert '<p class="oit-nil">ไม่มีเรื่องร้องเรียน</p>' in h1  # the example's half-year without complaints
    # Built in fiscal year 2570, after fiscal year 2568 ended: its figures speak for its last day.
    assert 'ข้อมูล ณ วันที่ <time datetime="2025-09-30">30 กันยายน 2568</time>' in example_site.html("/complaints/2568/")
    year = example_site.html("/complaints/2567/")
    assert "<td>4 เรื่อง</td>" in year.replace(' style="text-align: right;"', "")
    assert example_site.path("/complaints/2567/printed-1.csv").read_text(encoding="utf-8-sig").startswith("ภารกิจ,")


def test_the_oit_item_links_the_generated_statistics_of_the_previous_year(example_site):
    assert 'href="../../../complaints/2567/h1/"' in example_site.html("/oit/2568/o19/")  # NACC 2568 O19
    assert 'href="../../../complaints/2568/h1/"' in example_site.html("/oit/2569/o18/")  # NACC 2569 O18


def test_example_printed_tables_are_labelled_and_never_meet_a_nil_statement(example_site):
    for url in ("/complaints/2567/", "/complaints/2567/h1/", "/complaints/2569/", "/complaints/2569/h1/"):
        html = example_site.html(url)
        assert "ไม่มีเรื่องร้องเรียน" not in html and "(ตามตารางที่เผยแพร่)" in html, url
    assert "(จากทะเบียนเรื่องร้องเรียน)" in example_site.html("/complaints/2569/")


def test_no_case_reference_reaches_any_published_file(example_site):
    published = [p for p in example_site.site_dir.rglob("*") if p.suffix in {".html", ".csv", ".json", ".xml"}]
    leaks = [p for p in published if "กม 00" in p.read_text(encoding="utf-8", errors="replace")]
    assert published and leaks == []
