"""An office profile with only what a report states (issue 18): a real office's reports may give its
name and website but no address, phone or e-mail. The profile builds, the pages show what is given and
nothing in its place, and the OIT contact item stays missing until the contact details are complete.
"""

from __future__ import annotations

from datetime import date

import pytest

from generator.pipeline.core import run

from tests.conftest import project_with, md_tables

NAMES_ONLY = "name_th: สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร\n"
NACC = "frameworks:\n  2568: nacc-2568\n"


def built(tmp_path, office: str):
    result = run(project_with(tmp_path, {"data/office.yml": office, "data/site.yml": NACC}), date(2025, 5, 15))
    assert result.ok, [p.render() for p in result.problems if p.severity == "error"]
    return {p.src_uri: p for p in result.pages}, result.problems


def test_a_profile_with_the_name_only_builds_and_notes_what_the_contact_item_lacks(tmp_path):
    pages, problems = built(tmp_path, NAMES_ONLY)
    assert [(p.file, p.line, p.code, p.severity) for p in problems] == [
        ("data/office.yml", 1, "contact_incomplete", "note")]
    assert "ไม่มีที่อยู่ หมายเลขโทรศัพท์ อีเมล" in problems[0].th
    contact = pages["office/contact.md"]
    assert contact.topics == []  # no evidence of the contact item
    assert md_tables(contact.markdown).strip() == "# ข้อมูลการติดต่อ\n\n**สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร**"
    overview = md_tables(pages["office/index.md"].markdown)
    assert "ประเภทหน่วยงาน" not in overview and "| รายการ | ข้อมูล |" not in overview  # no empty table
    o3 = md_tables(pages["oit/2568/o3.md"].markdown)
    assert "ไม่มีข้อมูล" in o3 and "ไม่มีเอกสารหรือหน้าในหัวข้อ “ข้อมูลการติดต่อ”" in o3


def test_the_contact_page_shows_what_is_given_and_nothing_in_place_of_the_rest(tmp_path):
    office = NAMES_ONLY + "website: http://www.skn.go.th/\nphones:\n  - {label_th: สายกลาง, number: '0 3441 1417'}\n"
    pages, problems = built(tmp_path, office)
    assert [p.code for p in problems] == ["contact_incomplete"] and "ไม่มีที่อยู่ อีเมล" in problems[0].th
    md = md_tables(pages["office/contact.md"].markdown)
    assert "| โทรศัพท์ (สายกลาง) | [0 3441 1417](tel:034411417) |" in md
    assert "[http://www\\.skn\\.go\\.th/](http://www.skn.go.th/)" in md
    assert "อีเมล" not in md and "ที่อยู่" not in md and "-" not in md.split("|---|---|")[1]


@pytest.mark.parametrize("removed", ["address_th", "phones", "emails"])
def test_the_contact_item_counts_only_with_an_address_a_phone_and_an_e_mail(tmp_path, removed):
    complete = ("name_th: สำนักงานทดสอบ\naddress_th: 99 ถนนทดสอบ\nphones: [{label_th: สายกลาง, number: '0 4499 9000'}]\n"
                "emails: [{label_th: สารบรรณ, address: saraban@test.example.go.th}]\n")
    pages, problems = built(tmp_path, complete)
    assert problems == [] and pages["office/contact.md"].topics == ["org.contact"]
    partial = "\n".join(line for line in complete.splitlines() if not line.startswith(removed)) + "\n"
    pages, problems = built(tmp_path / "b", partial)
    assert [p.code for p in problems] == ["contact_incomplete"]
    assert pages["office/contact.md"].topics == []
