"""Office statistics tables as printed: totals and ratios checked, differences located and acknowledged."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from generator.base.problems import errors, render_report
from generator.cli.main import main
from generator.engine.pages import Asset, Page
from generator.pipeline.core import run
from generator.pipeline.load import load

from tests.conftest import GOOD_TODAY, ROOT, located, project_with, md_tables

from tests.cli.test_scaffold import uncomment

FILE = "data/statistics/2568.yml"
YEAR = """\
title_th: ข้อมูลสารสนเทศทางการศึกษา ปีการศึกษา 2567
as_of: มิถุนายน 2567
tables:
  - id: by-district
    title_th: จำนวนสถานศึกษา นักเรียน ครู และห้องเรียน จำแนกตามอำเภอ
    label_th: อำเภอ
    columns: [สถานศึกษา, นักเรียน, ครู, ห้องเรียน, นักเรียนต่อครู]
    rows:
      - {label_th: เมืองตัวอย่าง, values: [42, "9,860", 612, 468, 16.11]}
      - {label_th: บ้านนา, values: [35, "4,215", 298, 262, 14.14]}
      - {label_th: ห้วยใหญ่, values: [28, "2,730", 205, "-", 13.32]}
    totals: [105, "16,805", "1,115", 730, 15.07]
    ratios:
      - {label_th: นักเรียนต่อครู, numerator: นักเรียน, denominator: ครู, column: นักเรียนต่อครู}
      - {label_th: นักเรียนต่อห้องเรียน, numerator: นักเรียน, denominator: ห้องเรียน}
"""
LINE = {text.strip(): n for n, text in enumerate(YEAR.splitlines(), start=1)}


def _run(tmp_path, text=YEAR, today=GOOD_TODAY):
    return run(project_with(tmp_path, {FILE: text}), today)


def _page(result) -> str:
    return md_tables(next(p for p in result.pages if isinstance(p, Page) and p.src_uri == "statistics/2568/index.md").markdown)


def test_the_year_page_prints_the_table_as_printed_with_its_downloads(tmp_path):
    result = _run(tmp_path)
    assert result.ok, [p.render() for p in result.problems]
    page = next(p for p in result.pages if isinstance(p, Page) and p.src_uri == "statistics/2568/index.md")
    assert page.url == "/statistics/2568/" and page.topics == ["org.statistics"] and page.meta["period"] == "2568"
    md = md_tables(page.markdown)
    assert "| อำเภอ | สถานศึกษา | นักเรียน | ครู | ห้องเรียน | นักเรียนต่อครู | นักเรียนต่อห้องเรียน \\(คำนวณ\\) |" in md
    assert "| ห้วยใหญ่ | 28 | 2,730 | 205 | \\- | 13\\.32 | \\- |" in md  # "-" is shown, never 0
    assert "| **รวม** | **105** | **16,805** | **1,115** | **730** | **15\\.07** | **23\\.02** |" in md
    assert '<time datetime="2024-06">มิถุนายน 2567</time>' in md
    files = {p.src_uri: p.text for p in result.pages if isinstance(p, Asset)}
    rows = list(csv.reader(io.StringIO(str(files["statistics/2568/by-district.csv"]).removeprefix("\ufeff"))))
    sheet = [[c.value for c in r] for r in openpyxl.load_workbook(io.BytesIO(bytes(files["statistics/2568/by-district.xlsx"]))).active.iter_rows()]  # type: ignore[arg-type]
    assert rows[1] == ["เมืองตัวอย่าง", "42", "9,860", "612", "468", "16.11", "21.07"]
    assert sheet[1] == ["เมืองตัวอย่าง", 42, 9860, 612, 468, 16.11, 21.07] and sheet[-1][0] == "รวม"
    index = next(p for p in result.pages if isinstance(p, Page) and p.src_uri == "statistics/index.md")
    assert index.in_nav and "ปีการศึกษา 2567" in md_tables(index.markdown)


def test_a_printed_total_that_differs_is_a_located_warning_and_the_printed_one_stays_official(tmp_path):
    result = _run(tmp_path, YEAR.replace('totals: [105, "16,805"', 'totals: [105, "16,815"'))
    line = LINE['totals: [105, "16,805", "1,115", 730, 15.07]']
    assert ("printed_total", line, "tables[0].totals[1]") in located(result.problems)
    problem = next(p for p in result.problems if p.code == "printed_total")
    assert problem.severity == "warning" and "(16,815) ไม่ตรงกับผลรวมของรายการ (16,805) ต่างกัน 10" in problem.th
    md = _page(result)
    assert "**16,815 \\(คำนวณได้ 16,805\\)**" in md
    assert "รวม: นักเรียน: ตัวเลขที่เผยแพร่ต่างจากที่คำนวณได้" in md


def test_an_acknowledged_difference_is_a_note_and_the_page_gives_the_reason(tmp_path):
    text = YEAR.replace('totals: [105, "16,805"', 'totals: [105, "16,815"') + """\
acknowledged:
  tables[0].totals[1]:
    reason_th: ตัวเลขตามที่พิมพ์ในรายงานฉบับที่เผยแพร่
    date: 2567-07-01
"""
    result = _run(tmp_path, text)
    assert [(p.code, p.severity) for p in result.problems] == [("printed_total", "note")]
    assert "รับทราบแล้วเมื่อ 2567-07-01: ตัวเลขตามที่พิมพ์ในรายงานฉบับที่เผยแพร่" in render_report(result.problems)
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้ เหตุผล: ตัวเลขตามที่พิมพ์ในรายงานฉบับที่เผยแพร่" in _page(result)


def test_a_printed_ratio_is_checked_in_each_row_and_in_the_totals(tmp_path):
    text = YEAR.replace("262, 14.14]", "262, 14.41]").replace("730, 15.07]", "730, 15.70]")
    result = _run(tmp_path, text)
    assert {("printed_ratio", LINE['- {label_th: บ้านนา, values: [35, "4,215", 298, 262, 14.14]}'],
             "tables[0].rows[1].values[4]"),
            ("printed_ratio", LINE['totals: [105, "16,805", "1,115", 730, 15.07]'], "tables[0].totals[4]")} \
        <= located(result.problems)
    assert "14\\.41 \\(คำนวณได้ 14\\.14\\)" in _page(result)


def test_a_row_label_printed_twice_is_warned_at_the_repeat(tmp_path):
    text = YEAR.replace("label_th: ห้วยใหญ่", "label_th: บ้านนา")
    result = _run(tmp_path, text)
    repeat = LINE['- {label_th: ห้วยใหญ่, values: [28, "2,730", 205, "-", 13.32]}']
    assert ("duplicate_label", repeat, "tables[0].rows[2]") in located(result.problems)


@pytest.mark.parametrize("old, new, code, field", [
    ('values: [35, "4,215", 298, 262, 14.14]', 'values: [35, "4,215", 298, 262]', "row_width", "tables[0].rows[1].values"),
    ("denominator: ห้องเรียน}", "denominator: ห้อง}", "ratio_column", "tables[0]"),
    ('values: [42, "9,860"', 'values: [42, "9.860,5"', "figure", "tables[0].rows[0].values[1]"),
])
def test_what_cannot_be_read_is_an_error_with_the_fix(tmp_path, old, new, code, field):
    problems = _run(tmp_path, YEAR.replace(old, new)).problems
    assert [(p.code, p.field, p.severity) for p in problems if p.severity == "error"] == [(code, field, "error")]


def test_figures_as_of_a_later_month_wait_for_it(tmp_path):
    pages = {p.src_uri: p for p in _run(tmp_path, today=date(2024, 5, 31)).pages if isinstance(p, Page)}
    assert [u for u in pages if u.startswith("statistics/")] == ["statistics/index.md"]  # the nav names it
    assert "ยังไม่มีข้อมูล" in md_tables(pages["statistics/index.md"].markdown)


def test_the_example_office_publishes_its_district_table(tmp_path):
    result = run(project_with(tmp_path, {"data/statistics/2569.yml": ROOT / "example/data/statistics/2569.yml"}), date(2025, 10, 20))
    assert not [p for p in result.problems if p.file.startswith("data/statistics/")]
    md = md_tables(next(p for p in result.pages if isinstance(p, Page) and p.src_uri == "statistics/2569/index.md").markdown)
    assert "| **รวม** | **105** | **16,805** | **1,115** | **920** | **15\\.07** | **18\\.27** |" in md


def test_new_statistics_writes_an_example_that_is_valid_once_uncommented(tmp_path):
    office = project_with(tmp_path, {})
    assert main(["new", "statistics", "--year", "2569", "--root", str(office.root)]) == 0
    path = office.root / "data/statistics/2569.yml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/statistics")
    assert load(office)[1] == [] and load(office)[0].statistics == {}  # all commented out: no data yet
    path.write_text(uncomment(path.read_text(encoding="utf-8")), encoding="utf-8")
    data, problems = load(office)
    assert errors(problems) == [] and data.statistics[2569].tables[0].columns[:2] == ["สถานศึกษา", "นักเรียน"]
