"""The No Gift check rules: warnings a webmaster sees in `make check`, failures under --strict."""

from __future__ import annotations

import pytest

from generator.cli.main import main
from generator.pipeline.load import load

from tests.conftest import project_with

BASE = (
    "declaration:\n  title_th: ประกาศ\n  date: {date}\n  signer:\n    name_th: นายก\n    position_th: ผอ.\n"
    "  scope_th: ทุกคน\n  text_md: ไม่รับของขวัญ\n"
    "activities:\n  - title_th: ประชุม\n{activity_date}"
    "receipts:\n  - date: 2025-01-05\n    giver_kind: company\n    description_th: ของขวัญ\n"
    "    value: {value}\n    recipient_position_th: ผอ.กลุ่ม\n{action}"
)


def warnings_for(tmp_path, date="2024-10-10", activity_date="    date: 2024-11-01\n", value="500",
                 action="    action: returned\n"):
    text = BASE.format(date=date, activity_date=activity_date, value=value, action=action)
    project = project_with(tmp_path, {"data/nogift/2568.yml": text})
    return {(p.code, p.line, p.severity) for p in load(project)[1]}


def test_clean_year_has_no_warning(tmp_path):
    assert warnings_for(tmp_path) == set()


@pytest.mark.parametrize("change, expected", [
    ({"date": "2025-10-05"}, ("nogift_late", 3, "warning")),
    ({"activity_date": ""}, ("activity_date", 10, "warning")),
    ({"action": ""}, ("gift_action", 13, "warning")),
    ({"value": "3500", "action": "    action: accepted_lawful\n"}, ("gift_decision", 16, "warning")),
])
def test_each_rule_warns_at_its_line(tmp_path, change, expected):
    assert expected in warnings_for(tmp_path, **change)


def test_missing_declaration_for_an_assessed_year(tmp_path):
    project = project_with(tmp_path, {"data/nogift/2568.yml": "activities: []\n"})
    assert ("nogift_declaration", "data/nogift/2568.yml") in {(p.code, p.file) for p in load(project)[1]}


def test_warnings_fail_only_under_strict(tmp_path, capsys):
    project = project_with(tmp_path, {"data/nogift/2568.yml": "activities: []\n"})
    args = ["check", "--root", str(project.root), "--as-of", "2025-05-15"]
    assert main(args) == 0
    assert main(args + ["--strict"]) == 1


@pytest.mark.parametrize("body, code", [
    ("<script>alert(1)</script>", "html"),
    ("[คลิก](javascript:alert(1))", "url"),
    ("ข้อความ\n{: onclick=\"alert(1)\" }", "markdown"),
])
def test_markdown_bodies_refuse_html_script_links_and_attributes(tmp_path, body, code):
    text = ("declaration:\n  title_th: ประกาศ\n  date: 2024-10-10\n  signer:\n    name_th: นายก\n"
            "    position_th: ผอ.\n  scope_th: ทุกคน\n  text_md: |\n" + "".join(f"    {line}\n" for line in body.split("\n")))
    project = project_with(tmp_path, {"data/nogift/2568.yml": text})
    assert code in {p.code for p in load(project)[1]}


@pytest.mark.parametrize("month", ["abc", "2568-13", "ต.ค."])
def test_a_reviewed_month_that_cannot_be_read_is_located(tmp_path, capsys, month):
    """Found by tests/test_generated_input.py: the report read the months only when building, with a traceback."""
    project = project_with(tmp_path, {"data/nogift/2568.yml": f"activities: []\nreported_months: [2024-10, {month}]\n"})
    problems = [p for p in load(project)[1] if p.code == "date"]
    assert [(p.line, p.field) for p in problems] == [(2, "reported_months[1]")]
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15"]) == 1
