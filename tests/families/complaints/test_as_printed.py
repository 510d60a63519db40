"""Complaint figures as real offices publish them (issue 18): printed tables kept as printed, their totals
checked and acknowledgeable, figures labelled by their source, and no "no complaints" the data does not say."""

from __future__ import annotations

from datetime import date

from generator.base.problems import render_report
from generator.pipeline.core import run

from tests.conftest import csv_rows, pages_of, project_with, reported, md_tables
from tests.families.complaints.test_complaints import HEADER

NIL = "ไม่มีเรื่องร้องเรียน"
TODAY = date(2025, 5, 15)

# A legal group's half-year caseload as printed: its own row labels and header wording, a wrong total.
PRINTED = """\
printed_tables:
  - title_th: สรุปผลการดำเนินงานด้านกฎหมายและคดี
    period: 2568-H1
    headers: {matter: ประเภทงาน, brought_forward: เรื่องค้างยกมา, pending: คงเหลือ}
    rows:
      - {matter: ร้องทุกข์, received: 2, total: 2, finished: 1, pending: 1}
      - {matter: เรื่องส่งต่อจากศูนย์ดำรงธรรม, brought_forward: 1, received: ๓, total: 4, finished: 4, pending: "-"}
    totals: {brought_forward: 1, received: 6, total: 6, finished: 5, pending: 1}
"""
ACKNOWLEDGED = PRINTED + """\
acknowledged:
  printed_tables[0].totals.received:
    reason_th: ตัวเลขตามรายงานฉบับลงนาม ผลรวมของแถวคือ 5
    date: 2568-04-20
"""


def result(tmp_path, files, today=TODAY):
    return run(project_with(tmp_path, files), today)


def test_row_labels_outside_the_list_and_the_printed_header_are_kept_as_printed(tmp_path):
    res = result(tmp_path, {"data/complaints/2568.yml": ACKNOWLEDGED})
    table = res.site.complaint_years[2568].printed_tables[0]
    assert [r.matter for r in table.rows] == ["grievance", "เรื่องส่งต่อจากศูนย์ดำรงธรรม"]  # a label finds its key
    printed = csv_rows(pages_of(res)["complaints/2568/printed-1.csv"])
    assert printed == [["ประเภทงาน", "เรื่องค้างยกมา", "รับใหม่", "รวม", "เสร็จ", "คงเหลือ"],
                       ["ร้องทุกข์", "0", "2", "2", "1", "1"],
                       ["เรื่องส่งต่อจากศูนย์ดำรงธรรม", "1", "3", "4", "4", "0"],
                       ["รวม", "1", "6 (คำนวณได้ 5)", "6", "5", "1"]]


def test_a_printed_total_that_differs_is_a_discrepancy_at_its_line(tmp_path):
    res = result(tmp_path, {"data/complaints/2568.yml": PRINTED})
    assert reported(res) == [("data/complaints/2568.yml", 8, "printed_tables[0].totals.received", "printed_total",
                             "warning")]
    assert "acknowledged: printed_tables[0].totals.received" in res.problems[0].th


def test_an_acknowledged_printed_total_is_a_note_and_the_page_shows_the_reason(tmp_path):
    res = result(tmp_path, {"data/complaints/2568.yml": ACKNOWLEDGED})
    assert reported(res) == [("data/complaints/2568.yml", 8, "printed_tables[0].totals.received", "printed_total",
                             "note")]
    assert "รับทราบแล้วเมื่อ 2568-04-20: ตัวเลขตามรายงานฉบับลงนาม" in render_report(res.problems)
    md = md_tables(pages_of(res)["complaints/2568/index.md"].markdown)
    assert "| **รวม** | **1** | **6 \\(คำนวณได้ 5\\)** | **6** | **5** | **1** |" in md
    assert "ตัวเลขที่เผยแพร่ 6 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 5 ต่างกัน 1" in md
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: ตัวเลขตามรายงานฉบับลงนาม ผลรวมของแถวคือ 5" in md


def test_a_year_with_only_a_printed_table_never_says_there_were_no_complaints(tmp_path):
    pages = pages_of(result(tmp_path, {"data/complaints/2568.yml": ACKNOWLEDGED}))
    year, h1 = md_tables(pages["complaints/2568/index.md"].markdown), md_tables(pages["complaints/2568/h1.md"].markdown)
    assert NIL not in year and NIL not in h1
    assert "ปีนี้ไม่มีทะเบียนเรื่องร้องเรียนรายเรื่อง" in year and "ไม่มีทะเบียนเรื่องร้องเรียนรายเรื่อง" in h1
    assert "### สรุปผลการดำเนินงานด้านกฎหมายและคดี (ตามตารางที่เผยแพร่)" in year
    assert "## สรุปผลการดำเนินงานด้านกฎหมายและคดี (ตามตารางที่เผยแพร่)" in h1
    assert "จากทะเบียนเรื่องร้องเรียน" not in year  # nothing is computed from a register the office does not keep
    assert not any(uri in pages for uri in ("complaints/2568/by-channel.csv", "complaints/2568/oit-h1.csv"))


def test_an_empty_register_says_none_only_for_a_period_no_printed_table_covers(tmp_path):
    second_half = ACKNOWLEDGED.replace("period: 2568-H1", "period: 2568-H2")
    res = result(tmp_path, {"data/complaints/2568.csv": HEADER, "data/complaints/2568.yml": second_half},
                 today=date(2025, 10, 20))
    pages = pages_of(res)
    h1, year = md_tables(pages["complaints/2568/h1.md"].markdown), md_tables(pages["complaints/2568/index.md"].markdown)
    assert f'<p class="oit-nil">{NIL}</p>' in h1  # the register covers October–March, and no table does
    assert NIL not in year  # the printed table speaks for April–September
    assert "ทะเบียนเรื่องร้องเรียนไม่มีเรื่องการทุจริตและประพฤติมิชอบ" in year
    assert "## เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ (จากทะเบียนเรื่องร้องเรียน)" in year
    covered = pages_of(result(tmp_path / "b", {"data/complaints/2568.csv": HEADER,
                                               "data/complaints/2568.yml": ACKNOWLEDGED}))
    assert NIL not in md_tables(covered["complaints/2568/h1.md"].markdown)


def test_register_figures_and_printed_figures_are_labelled_by_their_source(tmp_path):
    register = HEADER + "กม 1/2568,2024-11-05,web_form,corruption,,finished,2025-01-10,substantiated\n"
    pages = pages_of(result(tmp_path, {"data/complaints/2568.csv": register,
                                       "data/complaints/2568.yml": ACKNOWLEDGED}))
    year = md_tables(pages["complaints/2568/index.md"].markdown)
    assert "## เรื่องร้องเรียนทุกประเภท (จากทะเบียนเรื่องร้องเรียน)" in year
    assert "## ตารางสรุปผลการดำเนินการ ตามตารางที่เผยแพร่" in year
    h1 = md_tables(pages["complaints/2568/h1.md"].markdown)
    assert "## จากทะเบียนเรื่องร้องเรียน" in h1 and "## รายเดือน (จากทะเบียนเรื่องร้องเรียน)" in h1


def test_a_printed_row_that_differs_from_the_register_is_a_discrepancy_with_a_note(tmp_path):
    register = HEADER + "กม 1/2568,2024-11-05,phone,general,grievance,finished,2025-01-10,resolved\n"
    res = result(tmp_path, {"data/complaints/2568.csv": register, "data/complaints/2568.yml": ACKNOWLEDGED})
    assert [(p.field, p.code, p.severity) for p in res.problems] == [
        ("printed_tables[0].rows[0].received", "printed_register", "warning"),
        ("printed_tables[0].totals.received", "printed_total", "note")]
    md = md_tables(pages_of(res)["complaints/2568/index.md"].markdown)
    assert "ร้องทุกข์ · รับใหม่ เทียบกับทะเบียนเรื่องร้องเรียน: ตัวเลขที่เผยแพร่ต่างจากที่คำนวณได้" in md


def test_a_row_printed_twice_is_a_warning_at_the_repeat(tmp_path):
    text = PRINTED.replace("    totals:", "      - {matter: ร้องทุกข์, received: 2, total: 2, finished: 1, pending: 1}\n"
                                          "    totals:")
    problems = reported(result(tmp_path, {"data/complaints/2568.yml": text}))
    assert ("data/complaints/2568.yml", 8, "printed_tables[0].rows[2]", "duplicate_row", "warning") in problems
