"""The report on the measures as real reports print it (issue 18): undated or dated by its month, a list
of what was done per area instead of a status per measure, and the reporting rounds of the announcement
(สพป.สมุทรสาคร 2563: signed on 25 June, it asks for reports "รอบ ๖ เดือน และ ๑๒ เดือน")."""

from __future__ import annotations

from datetime import date

from tests.conftest import located, md_tables
from tests.families.ita.test_ita import YEAR_2566, loaded
from tests.families.ita.test_pages import built, rows_of

# Fiscal year 2568: 1 October 2024 – 30 September 2025; its six-month round ends on 31 March 2025.
ANNOUNCED = """\
announcement:
  date: 2025-06-25
  rounds: [6, 12]
  rounds_th: รอบ ๖ เดือน และ ๑๒ เดือน
issues:
  - indicator: 9
    title_th: ด้านการเปิดเผยข้อมูล
    owners: [admin]
    measures:
      - text_th: เผยแพร่ข้อมูลพื้นฐาน
  - indicator: 8
    owners: ทุกกลุ่ม/หน่วย
    measures:
      - text_th: ปรับปรุงขั้นตอนการให้บริการ
"""
ACTIVITIES = """\
    activities:
      - text_th: จัดทำข้อมูลพื้นฐานเผยแพร่บนเว็บไซต์ ใน ๕ ประเด็น
        items: [ข้อมูลพื้นฐาน, การบริหารงาน]
      - text_th: จัดทำคู่มือการให้บริการประชาชน
"""
# The report lists what was done in the first area; it is undated and names its original.
UNDATED = ANNOUNCED.replace("      - text_th: เผยแพร่ข้อมูลพื้นฐาน\n",
                            "      - text_th: เผยแพร่ข้อมูลพื้นฐาน\n" + ACTIVITIES) + """\
report:
  as_of:
  document: report-2568-h1
"""
FILE = "data/measures/2568.yml"
TODAY = date(2025, 7, 1)


def _site(tmp_path, text, today=TODAY):
    return built(tmp_path, {"data/ita/2567.yml": YEAR_2566, FILE: text}, today)


def _about_report(problems) -> list:
    """The problems of the measures file, but the note that the report lists nothing for its second area."""
    return [p for p in problems if p.file == FILE and p.code != "area_not_reported"]


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_an_undated_report_of_activities_per_area_is_shown_as_printed_and_counts_for_its_year(tmp_path):
    pages, problems = _site(tmp_path, UNDATED)
    # No status is expected of a measure; the area the report lists nothing for is a note, and its page says so.
    assert [(p.code, p.line, p.field, p.severity) for p in problems if p.file == FILE] == [
        ("area_not_reported", _line(UNDATED, "indicator: 8"), "issues[1]", "note")]
    report = pages["measures/2568/report/index.md"]
    assert report.url == "/measures/2568/report/"
    assert report.meta["period"] == "2568" and report.title.endswith("ปีงบประมาณ พ.ศ. 2568")  # never a round
    md = md_tables(report.markdown)
    assert md.split("\n\n")[1].startswith("ไม่ระบุวันที่ · ")
    assert "[ต้นฉบับรายงาน](../../../documents/report-2568-h1.md)" in md
    assert "ไม่ระบุวันที่ จึงนับเป็นรายงานของปีงบประมาณ พ\\.ศ\\. 2568 ไม่นับเป็นรายงานรอบใดรอบหนึ่ง" in md
    assert "### ด้านการเปิดเผยข้อมูล \\(ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล\\)" in md
    assert ("1. จัดทำข้อมูลพื้นฐานเผยแพร่บนเว็บไซต์ ใน ๕ ประเด็น\n    1. ข้อมูลพื้นฐาน\n    2. การบริหารงาน\n"
            "2. จัดทำคู่มือการให้บริการประชาชน\n") in md
    assert "### ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน\n\nรายงานไม่ได้ระบุสิ่งที่ดำเนินการในด้านนี้" in md
    # What was done is never turned into a status, and nothing is counted as not started or not reported.
    assert "ไม่ได้ระบุสถานะของแต่ละมาตรการ" in md
    for status in ("ดำเนินการแล้ว", "ยังไม่ดำเนินการ", "ไม่ได้รายงาน", "ร้อยละ"):
        assert status not in md, status
    assert "measures/2568/report/status.csv" not in pages and "measures/2568/report/report.csv" not in pages
    assert rows_of(pages["measures/2568/report/activities.csv"])[1:4] == [
        ["ด้านการเปิดเผยข้อมูล (ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล)", "1.1", "จัดทำข้อมูลพื้นฐานเผยแพร่บนเว็บไซต์ ใน ๕ ประเด็น"],
        ["ด้านการเปิดเผยข้อมูล (ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล)", "1.1 (1)", "ข้อมูลพื้นฐาน"],
        ["ด้านการเปิดเผยข้อมูล (ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล)", "1.1 (2)", "การบริหารงาน"]]


def test_the_rounds_the_announcement_sets_are_shown_beside_its_date_and_never_warned(tmp_path):
    # Signed on 25 June 2568, after the six-month round ended: both facts are shown, neither is an error.
    pages, problems = _site(tmp_path, UNDATED)
    page = pages["measures/2568/index.md"]
    assert page.url == "/measures/2568/"
    md = md_tables(page.markdown)
    assert 'ประกาศ ณ วันที่ <time datetime="2025-06-25">25 มิถุนายน 2568</time>' in md
    assert ('กำหนดให้รายงานผล รอบ ๖ เดือน และ ๑๒ เดือน (รอบ 6 เดือน: <time datetime="2024-10-01">1 ต.ค. 2567</time> – '
            '<time datetime="2025-03-31">31 มี.ค. 2568</time> · รอบ 12 เดือน:') in md
    assert "ประกาศกำหนดให้รายงานผล รอบ ๖ เดือน และ ๑๒ เดือน" in md_tables(pages["measures/2568/report/index.md"].markdown)
    assert [p.code for p in problems if p.file == FILE] == ["area_not_reported"]  # a note, about the report
    # Without the printed wording, the rounds are named from the months.
    pages, _ = _site(tmp_path / "b", UNDATED.replace("  rounds_th: รอบ ๖ เดือน และ ๑๒ เดือน\n", ""))
    assert "กำหนดให้รายงานผล รอบ 6 เดือน และรอบ 12 เดือน (" in md_tables(pages["measures/2568/index.md"].markdown)


def test_the_area_heading_as_printed_stands_beside_its_indicator_in_the_measures_table(tmp_path):
    pages, _ = _site(tmp_path, UNDATED)
    row = next(line for line in md_tables(pages["measures/2568/index.md"].markdown).splitlines() if line.startswith("| 1\\.1 |"))
    assert "| ด้านการเปิดเผยข้อมูล \\(ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล 78\\.50 คะแนน\\) |" in row


def test_a_report_dated_by_its_month_is_shown_so_and_counts_for_a_round_only_when_the_month_is_past_it(tmp_path):
    statuses = ANNOUNCED.replace("announcement:\n  date: 2025-06-25", "announcement:\n  date: 2024-12-18").replace(
        "      - text_th: เผยแพร่ข้อมูลพื้นฐาน\n", "      - text_th: เผยแพร่ข้อมูลพื้นฐาน\n        status: อยู่ระหว่างดำเนินการ\n")
    pages, _ = _site(tmp_path, statuses + "report:\n  as_of: เมษายน 2568\n")
    report = pages["measures/2568/report/index.md"]
    assert 'ข้อมูล ณ <time datetime="2025-04">เมษายน 2568</time>' in md_tables(report.markdown)
    assert report.meta["period"] == "2568-H1" and report.title.endswith("รอบ 6 เดือน")
    assert "| อยู่ระหว่างดำเนินการ | 1 | 50\\.00 |" in md_tables(report.markdown)  # the status form is unchanged
    # "มีนาคม 2568" may mean a day before 31 March: no six-month round is assumed.
    pages, _ = _site(tmp_path / "b", statuses + "report:\n  as_of: มีนาคม 2568\n")
    report = pages["measures/2568/report/index.md"]
    assert report.meta["period"] == "2568" and not report.title.endswith("เดือน")
    # A report of a month still to come waits for the month's first day.
    pages, _ = _site(tmp_path / "c", statuses + "report:\n  as_of: สิงหาคม 2568\n")
    assert "measures/2568/report/index.md" not in pages


def test_a_round_the_report_claims_counts_when_its_date_supports_it(tmp_path):
    text = UNDATED.replace("date: 2025-06-25", "date: 2024-12-18").replace("  as_of:\n", "  as_of: 2025-04-10\n  round: ๖\n")
    pages, problems = _site(tmp_path, text)
    assert not _about_report(problems)
    report = pages["measures/2568/report/index.md"]
    assert report.meta["period"] == "2568-H1" and report.title.endswith("รอบ 6 เดือน")
    assert "รายงานระบุว่าเป็นรอบ 6 เดือน" in md_tables(report.markdown)


def test_a_claimed_round_the_dates_cannot_support_is_an_acknowledgeable_warning(tmp_path):
    # Announced on 25 June, as of 15 March: the six-month round is neither over nor after the announcement.
    text = UNDATED.replace("  as_of:\n", "  as_of: 2025-03-15\n  round: 6\n")
    pages, problems = _site(tmp_path, text)
    line = _line(text, "round: 6")
    assert {(p.code, p.line, p.field, p.severity) for p in _about_report(problems)} == {
        ("round_not_over", line, "report.round", "warning"), ("round_before_announcement", line, "report.round", "warning")}
    problem = next(p for p in problems if p.code == "round_before_announcement")
    assert "รอบ 6 เดือน (1 ตุลาคม 2567 – 31 มีนาคม 2568)" in problem.th and "25 มิถุนายน 2568" in problem.th
    report = pages["measures/2568/report/index.md"]
    assert report.meta["period"] == "2568" and "รายงานระบุว่าเป็นรอบ 6 เดือน" in md_tables(report.markdown)  # shown, not counted
    acknowledged = text + ("acknowledged:\n  report.round:\n    reason_th: ตามที่พิมพ์ในรายงานฉบับที่เผยแพร่\n"
                           "    date: 2568-07-01\n")
    assert "แต่ข้อมูล ณ 15 มีนาคม 2568 ก่อนรอบนั้นสิ้นสุด จึงไม่ครอบคลุมทั้งรอบ และรอบนั้นสิ้นสุดก่อนวันที่ประกาศมาตรการ" \
        in md_tables(report.markdown).replace("\\", "")
    pages, problems = _site(tmp_path / "b", acknowledged)
    assert {(p.code, p.severity) for p in _about_report(problems)} == {
        ("round_not_over", "note"), ("round_before_announcement", "note")}
    assert "เหตุผล: ตามที่พิมพ์ในรายงานฉบับที่เผยแพร่" in md_tables(pages["measures/2568/report/index.md"].markdown)


def test_an_undated_or_month_dated_claim_that_may_hold_is_not_warned(tmp_path):
    for folder, as_of in (("a", ""), ("b", " มีนาคม 2568")):
        text = UNDATED.replace("date: 2025-06-25", "date: 2024-12-18").replace("  as_of:\n", f"  as_of:{as_of}\n  round: 6\n")
        pages, problems = _site(tmp_path / folder, text)
        assert not _about_report(problems), as_of
        assert pages["measures/2568/report/index.md"].meta["period"] == "2568"  # shown as claimed, not counted


def test_what_the_report_form_cannot_hold_is_located(tmp_path):
    no_report = UNDATED[:UNDATED.index("report:")]
    _, problems = loaded(tmp_path / "a", {"data/ita/2567.yml": YEAR_2566, FILE: no_report})
    assert ("activities_without_report", _line(no_report, "activities:"), "issues[0].activities") in located(problems)
    twice = UNDATED.replace("      - text_th: จัดทำคู่มือการให้บริการประชาชน\n",
                            "      - text_th: จัดทำคู่มือการให้บริการประชาชน\n      - text_th: ' จัดทำคู่มือการให้บริการประชาชน '\n")
    _, problems = loaded(tmp_path / "b", {"data/ita/2567.yml": YEAR_2566, FILE: twice})
    assert [(p.code, p.line, p.field) for p in _about_report(problems)] == [
        ("duplicate_name", _line(twice, "' จัดทำคู่มือ"), "issues[0].activities[2]")]
    wrong = UNDATED.replace("rounds: [6, 12]", "rounds: [5, 12]").replace("document: report-2568-h1", "document: nothing")
    _, problems = loaded(tmp_path / "c", {"data/ita/2567.yml": YEAR_2566, FILE: wrong})
    assert ("round", _line(wrong, "rounds:"), "announcement.rounds[0]") in located(problems)
