"""Publication rules: drafts never, future items from their date, withdrawn items as a notice page."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from generator.pipeline.core import run
from generator.pipeline.load import load
from generator.engine.publication import is_public, is_withdrawn

from tests.conftest import GOOD, build_project, project_with

# Any original will do: the good office's plan stands in for the withdrawn policy's signed PDF.
PDF_FILE = GOOD / "content/files/2568/plan-2568.pdf"

POLICIES = """\
policies:
  - id: gifts-2568
    kind: announcement
    title_th: ประกาศเรื่องการรับของขวัญ
    date: 2024-11-01
    signer: {name_th: นายทดสอบ ระบบดี, position_th: ผู้อำนวยการสำนักงานทดสอบ}
    body_md: ห้ามรับของขวัญ
    file: files/2568/gifts.pdf
    withdrawn:
      date: 2025-03-01
      reason_th: ประกาศมีหมายเลขโทรศัพท์ส่วนตัว จะเผยแพร่ฉบับที่ปกปิดข้อมูลแทน
      replaced_by: gifts-2568-b
  - id: gifts-2568-b
    kind: announcement
    title_th: ประกาศเรื่องการรับของขวัญ (ฉบับปกปิดข้อมูล)
    date: 2025-03-01
    signer: {name_th: นายทดสอบ ระบบดี, position_th: ผู้อำนวยการสำนักงานทดสอบ}
    body_md: ห้ามรับของขวัญ
"""

POST = """\
---
title: ประกาศผลการคัดเลือก
date: 2025-01-10
withdrawn:
  date: 2025-02-01
  reason_th: ประกาศผิดพลาด
---

รายชื่อผู้ผ่านการคัดเลือก
"""


@pytest.fixture(scope="module")
def withdrawn_site(tmp_path_factory):
    """The small office with a withdrawn policy (and its replacement) and a withdrawn news post, built."""
    tmp = tmp_path_factory.mktemp("withdrawn")
    project = project_with(tmp, {"data/policies/2568.yml": POLICIES, "content/news/results.md": POST,
                                 "content/files/2568/gifts.pdf": PDF_FILE})
    build_project(project.root, tmp / "site")
    return tmp / "site"


def _text(site, url: str) -> str:
    """The HTML at `url`, its no-break spaces read as spaces (generator/mkdocs/typeset.py joins a word and its
    number with U+00A0; the tests look for the words)."""
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")


def test_the_rules_over_time(tmp_path):
    project = project_with(tmp_path, {"data/policies/2568.yml": POLICIES, "content/files/2568/gifts.pdf": PDF_FILE})
    policy = next(p for p in load(project)[0].policies if p.id == "gifts-2568")
    assert not is_public(policy, date(2024, 10, 31))  # before its own date: not yet
    assert is_public(policy, date(2025, 2, 28)) and not is_withdrawn(policy, date(2025, 2, 28))
    assert not is_public(policy, date(2025, 3, 1)) and is_withdrawn(policy, date(2025, 3, 1))
    draft = policy.model_copy(update={"status": "draft"})
    assert not is_public(draft, date(2026, 1, 1)) and not is_withdrawn(draft, date(2026, 1, 1))
    listed = [p.id for p in run(project, date(2025, 2, 28)).site.policies]
    assert "gifts-2568" in listed  # the day before its withdrawal it is still published in full


def test_a_withdrawn_policy_keeps_its_address_with_the_reason(withdrawn_site):
    page = _text(withdrawn_site, "/policies/gifts-2568/")
    assert "ถอนการเผยแพร่แล้ว" in page
    assert "1 มีนาคม 2568" in page and "ประกาศมีหมายเลขโทรศัพท์ส่วนตัว" in page
    assert 'href="../gifts-2568-b/"' in page  # the replacement, linked
    assert "ห้ามรับของขวัญ" not in page  # the withdrawn text itself is gone


def test_a_withdrawn_item_leaves_listings_and_its_original_is_not_published(withdrawn_site):
    assert "gifts-2568/" not in _text(withdrawn_site, "/policies/2568/").replace("gifts-2568-b/", "")
    assert not (withdrawn_site / "files/2568/gifts.pdf").exists()
    assert (withdrawn_site / "files/2568/plan-2568.pdf").exists()  # a public document's original stays


def test_a_withdrawn_news_post_becomes_a_notice(withdrawn_site):
    page = _text(withdrawn_site, "/news/results/")
    assert "ถอนการเผยแพร่แล้ว" in page and "ประกาศผิดพลาด" in page
    assert "รายชื่อผู้ผ่านการคัดเลือก" not in page
    assert "news/results/" not in _text(withdrawn_site, "/news/")
    assert "results" not in (withdrawn_site / "feed.xml").read_text(encoding="utf-8")


def test_withdrawal_mistakes_are_located(tmp_path):
    bad = POLICIES.replace("replaced_by: gifts-2568-b", "replaced_by: no-such-policy").replace(
        "date: 2025-03-01\n      reason", "date: 2024-10-01\n      reason")
    project = project_with(tmp_path, {"data/policies/2568.yml": bad, "content/files/2568/gifts.pdf": PDF_FILE})
    problems = run(project, date(2025, 5, 15)).problems
    assert {(p.file, p.line, p.field, p.code) for p in problems} == {
        ("data/policies/2568.yml", 10, "policies[0].withdrawn.date", "withdrawn"),
        ("data/policies/2568.yml", 12, "policies[0].withdrawn.replaced_by", "unknown_id"),
    }
    assert all(p.th.startswith(("วันที่ถอน", "ไม่พบรายการ")) for p in problems)


def test_the_example_office_withdrew_its_first_committee_order(example_site):
    page = example_site.html("/documents/order-ita-committee-2568-first/")
    assert "ถอนการเผยแพร่แล้ว" in page and "ออกคำสั่งที่ 398/2567 แทน" in page
    assert 'href="../order-ita-committee-2568/"' in page
    assert "order-ita-committee-2568-first" not in example_site.html("/archive/2568/")
    assert not example_site.path("/files/2568/order-ita-committee-2568-first.pdf").exists()
    assert not example_site.path("/files/2570/measures-2570.pdf").exists()  # a draft's original
    assert example_site.path("/files/2568/order-ita-committee-2568.pdf").exists()


def test_a_withdrawn_notice_is_kept_out_of_search(example_site):
    notice = example_site.html("/documents/order-ita-committee-2568-first/")
    assert '<meta name="robots" content="noindex">' in notice
    assert '<meta name="robots"' not in example_site.html("/documents/order-ita-committee-2568/")
    # Each card file is a shard of neighbouring pages, one row per page: [url, title, text, years, kind].
    shards = [json.loads(gzip.decompress(card.read_bytes()))
              for card in (example_site.site_dir / "search" / "cards").glob("*.json.gz")]
    urls = {row[0] for shard in shards for row in shard}
    assert "documents/order-ita-committee-2568/" in urls
    assert "documents/order-ita-committee-2568-first/" not in urls


def test_a_withdrawn_post_must_name_an_existing_replacement(tmp_path):
    post = POST.replace("  reason_th: ประกาศผิดพลาด\n", "  reason_th: ประกาศผิดพลาด\n  replaced_by: results-fixed\n")
    problems = run(project_with(tmp_path, {"content/news/results.md": post}), date(2025, 5, 15)).problems
    assert [(p.file, p.line, p.field, p.code) for p in problems] == [
        ("content/news/results.md", 7, "withdrawn.replaced_by", "unknown_id")]
