"""Per-document pages: the original as an attachment, Thai B.E. dates, signer and change notes."""

from datetime import date

import pytest

from generator.pipeline.core import run
from generator.pipeline.load import Project
from generator.engine.pages import Page
from generator.families.documents import pages as documents

from tests.conftest import GOOD


def test_one_page_per_published_document_out_of_nav(site):
    pages = documents.build(site)
    urls = [p.url for p in pages]
    assert urls[:3] == ["/documents/report-2568-h1/", "/documents/procurement-2025-03/",
                        "/documents/procurement-2025-01/"]  # newest first
    assert len(urls) == 9 and "/documents/draft-2568/" not in urls
    assert not any(p.in_nav for p in pages)


def test_document_page_shows_original_dates_signer_and_changes(site):
    page = next(p for p in documents.build(site) if p.url == "/documents/plan-2568/")
    md = page.markdown
    assert "[ดาวน์โหลดต้นฉบับ (PDF, 1 KB)](../files/2568/plan-2568.pdf)" in md
    assert '| ลงวันที่ | <time datetime="2024-10-15">15 ตุลาคม 2567</time> |' in md
    assert "| เลขที่ | ที่ ๑๒๓/๒๕๖๗ |" in md
    assert "นายทดสอบ ระบบดี<br>ผู้อำนวยการสำนักงานทดสอบ" in md
    assert "## บันทึกการแก้ไข" in md and "แก้ไขตารางงบประมาณหน้า 3" in md
    assert page.meta == {"topics": ["ops.annual_plan"], "period": "2568"}
    assert page.source == "data/documents/2568.yml"


@pytest.mark.parametrize("today, shown", [(date(2025, 5, 31), False), (date(2025, 6, 1), True)])
def test_future_document_appears_from_its_publication_date(today, shown):
    urls = {p.url for p in run(Project.at(GOOD), today).pages if isinstance(p, Page)}
    assert ("/documents/future-2568/" in urls) is shown
    assert "/documents/draft-2568/" not in urls
