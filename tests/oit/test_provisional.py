"""A fiscal year whose list the assessor has not published yet: `2570: nacc` in data/site.yml.

The site uses the family's latest list, says so on the year's OIT pages and in its exports, and
`check` says it once without failing; a catalogue listing the year then replaces it with no other change.
"""

from __future__ import annotations

import csv
import io
import json

from generator.engine.pages import Asset, Page
from generator.oit.framework import SHIPPED
from generator.pipeline.core import run
from tests.conftest import GOOD_TODAY, project_with

SITE = "frameworks:\n  2568: nacc-2568\n  2569: nacc-2569\n  2570: nacc\n"
LABEL = "รายการชั่วคราว: ใช้รายการของปี 2569 จนกว่าสำนักงาน ป.ป.ช. จะประกาศรายการของปี 2570"


class _Shown:
    """A page's Markdown as the reader sees its text: without the escapes of Markdown's special characters."""

    def __init__(self, markdown: str):
        self.markdown = markdown.replace("\\", "")


def built(tmp_path, files: dict[str, str] | None = None):
    result = run(project_with(tmp_path, {"data/site.yml": SITE, **(files or {})}), GOOD_TODAY,
                 "https://www.test.example.go.th/")
    pages = {p.url: _Shown(p.markdown) for p in result.pages if isinstance(p, Page)}
    assets = {a.src_uri: a.text for a in result.pages if isinstance(a, Asset)}
    return result, pages, assets


def test_the_year_and_its_item_pages_say_which_list_stands_in(tmp_path):
    result, pages, _ = built(tmp_path)
    assert result.ok, [p.render() for p in result.problems]
    assert LABEL in pages["/oit/2570/"].markdown
    assert LABEL in pages["/oit/2570/o26/"].markdown
    assert "/oit/2570/o27/" not in pages  # the 2569 list has 26 items
    assert "(รายการชั่วคราว)" in pages["/oit/"].markdown
    for url in ("/oit/2569/", "/oit/2569/o1/", "/oit/2568/"):
        assert "รายการชั่วคราว" not in pages[url].markdown, url


def test_the_exports_say_provisional_and_name_the_list_used(tmp_path):
    _, _, assets = built(tmp_path)
    data = json.loads(assets["oit/2570.json"])
    assert (data["framework"], data["provisional"], data["provisional_th"]) == ("nacc-2569", True, LABEL)
    assert json.loads(assets["oit/2569.json"])["provisional"] is False
    rows = list(csv.reader(io.StringIO(assets["oit/2570.csv"][1:])))
    assert rows[0][-2:] == ["กรอบการประเมิน", "รายการชั่วคราว"]
    assert {tuple(row[-2:]) for row in rows[1:]} == {("nacc-2569", LABEL)}


def test_check_says_it_once_at_the_line_of_the_year_and_does_not_fail(tmp_path):
    result, _, _ = built(tmp_path)
    said = [p for p in result.problems if p.code == "provisional_framework"]
    assert [(p.file, p.line, p.field) for p in said] == [("data/site.yml", 4, "frameworks.2570")]
    assert said[0].severity != "error" and "nacc-2569" in said[0].th and LABEL in said[0].th
    assert not [p for p in result.problems if p.code == "unknown_framework"]


def test_the_years_own_list_takes_over_with_no_other_change(tmp_path):
    own = (SHIPPED / "nacc-2569.yml").read_text(encoding="utf-8").replace("fiscal_years: [2569]",
                                                                           "fiscal_years: [2570]")
    result, pages, assets = built(tmp_path, {"data/frameworks/nacc-2570.yml": own})
    assert not [p for p in result.problems if p.code == "provisional_framework"]
    assert "รายการชั่วคราว" not in pages["/oit/2570/"].markdown
    data = json.loads(assets["oit/2570.json"])
    assert (data["framework"], data["provisional"]) == ("nacc-2570", False)


def test_a_family_without_any_list_is_an_error_naming_the_families(tmp_path):
    result, _, _ = built(tmp_path, {"data/site.yml": "frameworks:\n  2570: moph\n"})
    unknown = [p for p in result.problems if p.code == "unknown_framework"]
    assert [(p.line, p.severity) for p in unknown] == [(2, "error")]
    assert "nacc" in unknown[0].th and "ชื่อตระกูล" in unknown[0].th


def test_previous_year_evidence_answers_the_item_on_the_next_years_page(tmp_path):
    """2568 O7 asks for the 2567 annual report; 2569 O20 takes the 2568 No Gift report."""
    _, pages, _ = built(tmp_path)
    o7 = pages["/oit/2568/o7/"].markdown
    assert "oit-status--complete" in o7 and "annual-report-2567" in o7
    assert "| หลักฐานของปี | ปีงบประมาณก่อนหน้า (2567) |" in o7
    o20 = pages["/oit/2569/o20/"].markdown
    assert "nogift/2568/report" in o20
    assert "รายงานผลตามนโยบาย No Gift Policy: ปีงบประมาณก่อนหน้า (2568)" in o20
