"""Dates of the precision printed: a report dated "เมษายน 2566" or not at all (issue 18, part 4)."""

from __future__ import annotations

from datetime import date

import pytest

from generator.engine.pages import Page
from generator.pipeline.core import run

from tests.conftest import GOOD_TODAY, located, project_with

DOCUMENTS_2566 = """\
documents:
  - id: checklist-2566
    title_th: รายงานผลการตรวจสอบ
    kind: progress_report
    date: 15 เม.ย. 2566
    url: https://www.example.go.th/checklist.pdf
  - id: integrity-2566
    title_th: รายงานมาตรการส่งเสริมคุณธรรมและความโปร่งใส
    kind: progress_report
    date: เมษายน ๒๕๖๖
    url: https://www.example.go.th/integrity.pdf
  - id: march-2566
    title_th: รายงานเดือนมีนาคม
    kind: progress_report
    date: 2023-03-20
    url: https://www.example.go.th/march.pdf
  - id: undated-2566
    title_th: สรุปผลการดำเนินงาน
    kind: progress_report
    date:
    url: https://www.example.go.th/undated.pdf
"""

POLICIES_2566 = """\
policies:
  - id: month-policy
    kind: announcement
    title_th: ประกาศเจตนารมณ์
    date: 2566-04
    signer: {name_th: นายทดสอบ ระบบดี, position_th: ผู้อำนวยการสำนักงานทดสอบ}
    body_md: ประกาศ
  - id: undated-policy
    kind: measure
    title_th: มาตรการที่ไม่ระบุวันที่
    date:
    signer: {name_th: นายทดสอบ ระบบดี, position_th: ผู้อำนวยการสำนักงานทดสอบ}
    body_md: มาตรการ
"""


def _result(tmp_path, files, today=GOOD_TODAY):
    return run(project_with(tmp_path, files), today)


def _pages(tmp_path, files=None, today=GOOD_TODAY):
    result = _result(tmp_path, files or {"data/documents/2566.yml": DOCUMENTS_2566,
                                         "data/policies/2566.yml": POLICIES_2566}, today)
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}


def test_a_month_dated_document_shows_the_month_and_no_invented_day(tmp_path):
    md = _pages(tmp_path)["documents/integrity-2566.md"].markdown
    assert '| ลงวันที่ | <time datetime="2023-04">เมษายน 2566</time> |' in md
    assert "1 เมษายน 2566" not in md and "1 เม.ย." not in md
    assert "| ปีงบประมาณ | [2566]" in md  # April 2566 falls in fiscal year 2566


def test_listings_put_the_month_at_its_month_and_the_undated_last(tmp_path):
    md = _pages(tmp_path)["archive/2566.md"].markdown
    rows = [line for line in md.splitlines() if "](../documents/" in line]
    assert [r.split("](../documents/")[1].split(".md")[0] for r in rows] == [
        "checklist-2566", "integrity-2566", "march-2566", "undated-2566"]
    assert '<time datetime="2023-04">เม.ย. 2566</time>' in rows[1] and rows[3].startswith("| ไม่ระบุวันที่ |")


def test_an_undated_document_says_so_and_is_published(tmp_path):
    pages = _pages(tmp_path)
    md = pages["documents/undated-2566.md"].markdown
    assert "| ลงวันที่ | ไม่ระบุวันที่ |" in md and "| วันที่เผยแพร่ | ไม่ระบุวันที่ |" in md
    feed = pages["feed.xml"].text
    assert isinstance(feed, str) and "undated-2566" not in feed and "documents/integrity-2566/" in feed
    assert "<published>2023-04-01T00:00:00+07:00</published>" in feed


def test_policies_take_a_month_or_no_date(tmp_path):
    pages = _pages(tmp_path)
    assert '| ลงวันที่ | <time datetime="2023-04">เมษายน 2566</time> |' in pages["policies/month-policy.md"].markdown
    undated = pages["policies/undated-policy.md"].markdown
    assert "| ลงวันที่ | ไม่ระบุวันที่ |" in undated and "ประกาศ ณ วันที่ \\(ไม่ระบุวันที่\\)" in undated
    listing = pages["policies/2566.md"].markdown
    assert listing.index("month-policy") < listing.index("undated-policy")


@pytest.mark.parametrize("today, shown", [(date(2023, 3, 31), False), (date(2023, 4, 1), True)])
def test_a_month_dated_document_may_be_public_from_the_months_first_day(tmp_path, today, shown):
    result = _result(tmp_path, {"data/documents/2566.yml": DOCUMENTS_2566}, today)
    assert ("documents/integrity-2566.md" in {p.src_uri for p in result.pages if isinstance(p, Page)}) is shown


def test_published_before_the_month_is_an_error_at_its_line(tmp_path):
    early = DOCUMENTS_2566.replace("    date: เมษายน ๒๕๖๖\n", "    date: เมษายน ๒๕๖๖\n    published: 2023-03-31\n")
    problems = _result(tmp_path / "a", {"data/documents/2566.yml": early}).problems
    assert ("published", 11, "documents[1].published") in located(problems)
    on_time = DOCUMENTS_2566.replace("    date: เมษายน ๒๕๖๖\n", "    date: เมษายน ๒๕๖๖\n    published: 2023-04-01\n")
    assert not _result(tmp_path / "b", {"data/documents/2566.yml": on_time}).problems


@pytest.mark.parametrize("written, code, text", [
    ("    date: 31 เมษายน 2566\n", "date", "ไม่มีวันที่ 31 เมษายน 2566"),
    ("    date: ปลายปี 2566\n", "date", "ถ้ารายงานระบุเพียงเดือน ให้เขียน เมษายน 2566 หรือ 2566-04"),
    ("", "missing", "ต้องระบุ 'date'"),
])
def test_a_date_that_cannot_be_read_or_is_left_out_is_an_error_with_the_fix(tmp_path, written, code, text):
    wrong = DOCUMENTS_2566.replace("    date: เมษายน ๒๕๖๖\n", written)
    problems = _result(tmp_path, {"data/documents/2566.yml": wrong}).problems
    found = [p for p in problems if p.code == code]
    assert len(found) == 1 and text in found[0].th and found[0].file == "data/documents/2566.yml"
