"""A ratio printed as "1 : 19" (issue 18): kept as printed on the page and in the downloads, checked by its number."""

from __future__ import annotations

import csv
import io

import openpyxl

from generator.engine.pages import Asset, Page
from generator.pipeline.core import run

from tests.conftest import GOOD_TODAY, located, project_with, md_tables

FILE = "data/statistics/2568.yml"
# As the Ministry's monitoring table prints teachers, pupils and "สัดส่วน" (korat-esa, 2561).
YEAR = """\
tables:
  - id: teachers-pupils
    title_th: อัตราส่วนครูต่อนักเรียน
    label_th: สังกัด
    columns: [จำนวนครู, จำนวนนักเรียน, สัดส่วน]
    rows:
      - {label_th: สพป. เขต 1, values: ["2,030", "38,379", "1 : 19"]}
      - {label_th: สพป. เขต 2, values: ["1,876", "27,908", "๑ : ๑๕"]}
      - {label_th: ศึกษาพิเศษ, values: [58, 398, "7 : 1"]}
    totals: ["3,964", "66,685", "1 : 17"]
    ratios:
      - {label_th: นักเรียนต่อครู, numerator: จำนวนนักเรียน, denominator: จำนวนครู, column: สัดส่วน, places: 0}
"""
LINE = {text.strip(): n for n, text in enumerate(YEAR.splitlines(), start=1)}


def _run(tmp_path, text=YEAR):
    return run(project_with(tmp_path, {FILE: text}), GOOD_TODAY)


def _pages(result) -> dict[str, Page | Asset]:
    return {p.src_uri: p for p in result.pages}


def test_a_ratio_printed_1_to_19_is_shown_as_printed_at_its_url_and_in_the_downloads(tmp_path):
    result = _run(tmp_path)
    assert not [p for p in result.problems if p.file == FILE], [p.render() for p in result.problems]
    pages = _pages(result)
    page = pages["statistics/2568/index.md"]
    assert page.url == "/statistics/2568/"
    md = md_tables(page.markdown)
    assert "| สพป\\. เขต 1 | 2,030 | 38,379 | 1 : 19 |" in md
    assert "| สพป\\. เขต 2 | 1,876 | 27,908 | ๑ : ๑๕ |" in md  # Thai digits stay as printed
    assert "| ศึกษาพิเศษ | 58 | 398 | 7 : 1 |" in md  # either side may be the 1
    assert "| **รวม** | **3,964** | **66,685** | **1 : 17** |" in md
    rows = list(csv.reader(io.StringIO(str(pages["statistics/2568/teachers-pupils.csv"].text).removeprefix("\ufeff"))))
    assert rows[1] == ["สพป. เขต 1", "2,030", "38,379", "1 : 19"] and rows[-1][-1] == "1 : 17"
    book = openpyxl.load_workbook(io.BytesIO(bytes(pages["statistics/2568/teachers-pupils.xlsx"].text)))  # type: ignore[arg-type]
    sheet = [[c.value for c in r] for r in book.active.iter_rows()]
    assert sheet[1] == ["สพป. เขต 1", 2030, 38379, "1 : 19"]  # the ratio is text, never a number 19


def test_a_printed_ratio_that_differs_is_a_discrepancy_checked_by_its_number(tmp_path):
    text = YEAR.replace('"38,379", "1 : 19"', '"38,379", "1 : 20"')
    result = _run(tmp_path, text)
    line = LINE['- {label_th: สพป. เขต 1, values: ["2,030", "38,379", "1 : 19"]}']
    assert {(p.code, p.line, p.field, p.severity) for p in result.problems if p.file == FILE} == {
        ("printed_ratio", line, "tables[0].rows[0].values[2]", "warning")}
    problem = next(p for p in result.problems if p.code == "printed_ratio")
    assert "(1 : 20)" in problem.th and "(1 : 19)" in problem.th
    md = md_tables(_pages(result)["statistics/2568/index.md"].markdown)
    assert "| 1 : 20 \\(คำนวณได้ 1 : 19\\) |" in md
    assert "ตัวเลขที่เผยแพร่ 1 : 20 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 1 : 19 ต่างกัน 1" in md


def test_a_ratio_without_a_1_side_is_an_error_with_the_fix(tmp_path):
    result = _run(tmp_path, YEAR.replace('"1 : 19"', '"2 : 38"'))
    assert [(p.code, p.field) for p in result.problems if p.severity == "error"] == [
        ("figure", "tables[0].rows[0].values[2]")]
    assert "1 : 19" in next(p for p in result.problems if p.severity == "error").th


def test_a_printed_ratio_in_a_column_no_ratio_names_is_an_error(tmp_path):
    # Summed as a count it would put 19 pupils into the total of a column: refused, located at the cell.
    text = YEAR.replace("column: สัดส่วน, ", "")
    result = _run(tmp_path, text)
    line = LINE['- {label_th: สพป. เขต 1, values: ["2,030", "38,379", "1 : 19"]}']
    assert ("ratio_outside_ratio_column", line, "tables[0].rows[0].values[2]") in located(
        [p for p in result.problems if p.severity == "error"])
    assert not result.ok
