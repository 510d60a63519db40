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


PRINTED_YEAR = """\
receipts:
  - date: 2024-12-05
    giver_kind: company
    description_th: กระเช้าผลไม้
    value: 1500
    recipient_position_th: ผู้อำนวยการกลุ่ม
    action: returned
reported_months: [2024-10, 2024-11, 2024-12, 2025-01, 2025-02, 2025-03]
printed:
  - period: 2568-H1
    count: 2
    value: 1500
"""


def report_page(tmp_path, text):
    from generator.pipeline.core import run
    from tests.conftest import GOOD_TODAY, project_with
    result = run(project_with(tmp_path, {"data/nogift/2568.yml": text}), GOOD_TODAY)
    page = next(p for p in result.pages if getattr(p, "url", "") == "/nogift/2568/report/")
    return result, page.markdown.replace("\\", "")


def test_a_printed_report_is_shown_as_printed_with_the_register_beside_it(tmp_path):
    result, md = report_page(tmp_path, PRINTED_YEAR)
    assert "ตามรายงานที่เผยแพร่: รับ 2 (คำนวณได้ 1) รายการ มูลค่ารวม 1,500.00 บาท" in md
    assert "ตัวเลขที่เผยแพร่ 2 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 1 ต่างกัน 1" in md
    assert [(p.file, p.line, p.field, p.code, p.severity) for p in result.problems
            if p.code == "printed_total"] == [("data/nogift/2568.yml", 11, "printed[0].count", "printed_total", "warning")]


def test_an_acknowledged_printed_count_is_a_note_and_the_page_says_why(tmp_path):
    text = PRINTED_YEAR + "acknowledged:\n  printed[0].count:\n    reason_th: รายงานนับของที่ปฏิเสธด้วย\n    date: 2568-04-10\n"
    result, md = report_page(tmp_path, text)
    assert {(p.code, p.severity) for p in result.problems if p.code == "printed_total"} == {("printed_total", "note")}
    assert "เหตุผล: รายงานนับของที่ปฏิเสธด้วย" in md


def test_the_nil_statement_needs_every_month_of_the_period_reviewed(tmp_path):
    _, md = report_page(tmp_path, "reported_months: [2024-10]\n")
    assert nogift.NIL_STATEMENT not in md
    assert "ทะเบียนยังไม่มีรายการของช่วงนี้ และยังตรวจไม่ครบทุกเดือน" in md
    _, reviewed = report_page(tmp_path / "b", "reported_months: [2024-10, 2024-11, 2024-12, 2025-01, 2025-02, 2025-03]\n")
    assert f"**{nogift.NIL_STATEMENT}** (รอบ 6 เดือน" in reviewed


def year_page(tmp_path, text):
    from generator.pipeline.core import run
    from tests.conftest import GOOD_TODAY, project_with
    result = run(project_with(tmp_path, {"data/nogift/2568.yml": text}), GOOD_TODAY)
    page = next(p for p in result.pages if getattr(p, "url", "") == "/nogift/2568/")
    return page.markdown.replace("\\", "")


def test_the_year_page_states_nil_only_when_every_month_was_reviewed(tmp_path):
    unreviewed = year_page(tmp_path, "reported_months: [2024-10]\n")
    assert nogift.NIL_STATEMENT not in unreviewed
    assert "ทะเบียนยังไม่มีรายการ และยังตรวจไม่ครบทุกเดือน" in unreviewed
    months = ", ".join(f"{y}-{m:02d}" for y, m in [(2024, 10), (2024, 11), (2024, 12)] + [(2025, m) for m in range(1, 10)])
    assert nogift.NIL_STATEMENT in year_page(tmp_path / "b", f"reported_months: [{months}]\n")


def test_no_nil_statement_where_a_printed_report_counts_receipts(tmp_path):
    text = ("reported_months: [2024-10, 2024-11, 2024-12, 2025-01, 2025-02, 2025-03]\n"
            "printed:\n  - {period: 2568-H1, count: 2, value: 1500}\n")
    _, md = report_page(tmp_path, text)
    assert nogift.NIL_STATEMENT not in md
    assert "ทะเบียนไม่มีรายการของช่วงนี้ ตัวเลขของช่วงนี้มีเฉพาะตามรายงานที่เผยแพร่" in md
    assert "ตามรายงานที่เผยแพร่: รับ 2 (คำนวณได้ 0) รายการ" in md
