"""No Gift pages and the report computed from the register."""

from decimal import Decimal

from generator.families.nogift import model as nogift
from generator.families.nogift import pages as nogift_pages


def pages_by_url(site):
    return {p.url: p for p in nogift_pages.build(site)}


def test_each_part_is_a_page_tagged_with_its_topic(site):
    pages = pages_by_url(site)
    assert pages["/nogift/"].in_nav
    assert pages["/nogift/2568/declaration/"].topics == ["nogift.declaration"]
    assert pages["/nogift/2568/activities/"].topics == ["nogift.culture"]
    assert pages["/nogift/2568/report/"].topics == ["nogift.report"]
    assert "/nogift/2568/declaration-en/" in pages
    assert all(p.meta["period"] == "2568" for url, p in pages.items() if url.startswith("/nogift/2568/"))


def test_declaration_page_has_text_scope_and_signature_block(site):
    md = pages_by_url(site)["/nogift/2568/declaration/"].markdown
    assert "**จะไม่รับของขวัญ**" in md and "ขอบเขต: ผู้บริหารและบุคลากรทุกคน" in md
    assert 'ประกาศ ณ วันที่ <time datetime="2024-10-10">10 ตุลาคม 2567</time>' in md
    assert "(นายทดสอบ ระบบดี)<br>" in md


def test_report_is_computed_from_the_register(site):
    record = site.nogift[2568]
    full = nogift.report(record, 2568)
    assert len(full.entries) == 3 and full.total_value == Decimal("5800.50")
    assert full.by_action() == [("returned", 1, Decimal("1500")), ("handed_to_office", 1, Decimal("4000.50")),
                                ("accepted_lawful", 1, Decimal("300"))]
    h1 = nogift.report(record, 2568, "H1")
    assert [(m.label_th, m.count, m.reported) for m in h1.months] == [
        ("ตุลาคม 2567", 0, True), ("พฤศจิกายน 2567", 0, True), ("ธันวาคม 2567", 1, True),
        ("มกราคม 2568", 1, True), ("กุมภาพันธ์ 2568", 0, True), ("มีนาคม 2568", 0, True)]
    assert [m.reported for m in full.months][6:] == [True, False, False, False, False, False]


def test_report_page_shows_months_nil_lines_and_amounts(site):
    md = pages_by_url(site)["/nogift/2568/report/"].markdown
    assert "| ตุลาคม 2567 | ไม่มีการรับ | 0.00 |" in md
    assert "| พฤษภาคม 2568 | ยังไม่รายงาน | - |" in md
    assert "รับ 3 รายการ มูลค่ารวม 5,800\\.50 บาท" in md
    assert "ไม่เกิน 3,000\\.00 บาท" in md


def test_an_empty_register_states_the_nil_statement():
    record = nogift.NoGiftYear(reported_months=["2024-10"])
    report = nogift.report(record, 2568, "H1")
    assert report.entries == () and report.months[0].reported and not report.months[1].reported
    assert nogift.NIL_STATEMENT == "ไม่มีการรับของขวัญหรือประโยชน์อื่นใด"


def test_every_shipped_catalogue_finds_the_no_gift_pages(site):
    from generator.oit.framework import SHIPPED, Framework
    import yaml

    provided = {t for p in nogift_pages.build(site) for t in p.topics}
    for path in SHIPPED.glob("*.yml"):
        framework = Framework.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        wanted = {t for item in framework.items for t in item.topics if t.startswith("nogift.")}
        if not wanted:  # No Gift entered OIT in 2565
            assert max(framework.fiscal_years) < 2565, path.name
        assert wanted <= provided, path.name
