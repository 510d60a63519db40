"""Integrity measures as real announcements print them (issue 18): no schedule or supervisor, owners as
"ทุกกลุ่ม/หน่วย" or per measure, the lowest indicators as the weak ones, a stated count of weak
indicators, a measure twice, and a report that gives a measure no status ("ไม่ได้รายงาน").
"""

from __future__ import annotations

from generator.base.problems import render_report
from generator.families.measures import model as measures

from tests.conftest import located, md_tables
from tests.families.ita.test_ita import YEAR_2566, loaded
from tests.families.ita.test_pages import built, rows_of

# As the real announcement of สพป.สมุทรสาคร (2563) has it: areas, groups, no schedule, no supervisor.
AS_PRINTED = """\
issues:
  - indicator: 9
    owners: ทุกกลุ่ม/หน่วย
    measures:
      - text_th: เผยแพร่ข้อมูลพื้นฐาน
        owners: admin
      - text_th: จัดทำแผนปฏิบัติการประจำปี
        owners: [legal, admin]
      - text_th: เปิดโอกาสให้เกิดการมีส่วนร่วม
  - indicator: 8
    owners: [admin]
    measures:
      - text_th: ปรับปรุงขั้นตอนการให้บริการ
"""


def table_row(md: str, number: str) -> str:
    return next(line for line in md.splitlines() if line.startswith(f"| {number} |"))


def test_measures_without_schedule_or_supervisor_show_no_such_columns(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": AS_PRINTED})
    assert problems == []
    md = md_tables(pages["measures/2568/index.md"].markdown)
    assert "| ที่ | ประเด็นตัวชี้วัดที่เป็นจุดอ่อน | มาตรการ | ผู้รับผิดชอบ |\n" in md
    assert "ระยะเวลาดำเนินการ" not in md and "ผู้กำกับติดตาม" not in md
    assert rows_of(pages["measures/2568/measures.csv"])[0] == ["ที่", "ประเด็นตัวชี้วัดที่เป็นจุดอ่อน", "มาตรการ", "ผู้รับผิดชอบ"]


def test_owners_are_one_unit_several_or_all_units_per_issue_or_per_measure(tmp_path):
    pages, _ = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": AS_PRINTED})
    md = md_tables(pages["measures/2568/index.md"].markdown)
    assert table_row(md, "1\\.1").endswith("| เผยแพร่ข้อมูลพื้นฐาน | กลุ่มอำนวยการ |")
    assert "| จัดทำแผนปฏิบัติการประจำปี | กลุ่มกฎหมายและคดี, กลุ่มอำนวยการ |" in table_row(md, "1\\.2")
    assert table_row(md, "1\\.3").endswith("| เปิดโอกาสให้เกิดการมีส่วนร่วม | ทุกกลุ่ม/หน่วย |")


def test_an_unknown_unit_among_a_measures_owners_is_an_error_at_its_line(tmp_path):
    text = AS_PRINTED.replace("owners: [legal, admin]", "owners: [legal, nobody]")
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert located(problems) == {("unknown_unit", 8, "issues[0].measures[1].owners[1]")}



def test_owners_written_otherwise_say_the_three_ways_to_write_them(tmp_path):
    text = AS_PRINTED.replace("owners: [admin]", "owners: 5")
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert located(problems) == {("owners", 11, "issues[1].owners")}
    assert "หนึ่งรหัส เช่น finance หลายรหัส เช่น [finance, ict] หรือ ทุกกลุ่ม (ไม่ใช่ '5')" in problems[0].th

def test_a_measure_without_a_reported_status_is_not_reported_never_not_started(tmp_path):
    text = AS_PRINTED.replace("        owners: admin\n", "        owners: admin\n        status: done\n"
                              "        result_th: เผยแพร่แล้ว\n") + "report:\n  as_of: 2025-03-31\n"
    text = text.replace("      - text_th: ปรับปรุงขั้นตอนการให้บริการ\n",
                        "      - text_th: ปรับปรุงขั้นตอนการให้บริการ\n        status: ยังไม่ถึงกำหนด\n")
    pages, problems = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert {(p.code, p.line, p.severity) for p in problems} == {("missing_status", 9, "note"),
                                                                  ("missing_status", 11, "note")}
    assert "ไม่ได้รายงาน" in render_report(problems)
    md = md_tables(pages["measures/2568/report/index.md"].markdown)
    assert "| ยังไม่ดำเนินการ | 0 | 0\\.00 |" in md  # nothing is counted as not started
    assert "| ไม่ได้รายงาน | 2 | 50\\.00 |" in md and "| อยู่ในกำหนดการช่วงถัดไป | 1 | 25\\.00 |" in md
    assert "| ยกเลิก |" not in md  # a status no measure has is not listed
    assert "| 1\\.2 | จัดทำแผนปฏิบัติการประจำปี | ไม่ได้รายงาน |" in md


def test_shares_count_a_measure_without_status_as_not_reported():
    record = measures.MeasuresYear.model_validate({
        "report": {"as_of": "2025-03-31"},
        "issues": [{"indicator": 8, "owners": "ทุกกลุ่ม", "measures": [{"text_th": "ก", "status": "done"},
                                                                        {"text_th": "ข"}]}]})
    assert record.issues[0].owners == ["all"]
    assert [(s.status, s.count) for s in measures.shares(record)] == [
        ("done", 1), ("in_progress", 0), ("not_started", 0), ("not_reported", 1)]


def test_a_stated_count_of_weak_indicators_that_differs_from_the_list_is_a_discrepancy(tmp_path):
    text = "weak_printed: 3\n" + AS_PRINTED
    pages, problems = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert [(p.code, p.line, p.field, p.severity) for p in problems] == [
        ("stated_count", 1, "weak_printed", "warning")]
    md = md_tables(pages["measures/2568/index.md"].markdown)
    assert "ประกาศระบุจำนวนตัวชี้วัดที่เป็นจุดอ่อน 3 (คำนวณได้ 2) ตัวชี้วัด" in md
    acknowledged = text + "acknowledged:\n  weak_printed:\n    reason_th: ตามประกาศที่ลงนาม\n    date: 2568-01-10\n"
    pages, problems = built(tmp_path / "b", {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": acknowledged})
    assert [(p.code, p.severity) for p in problems] == [("stated_count", "note")]
    assert "เหตุผล: ตามประกาศที่ลงนาม" in md_tables(pages["measures/2568/index.md"].markdown)


def test_the_lowest_indicators_may_be_the_weak_ones_when_the_office_says_so(tmp_path):
    # 2566's lowest four: 9 (78.50), 8 (82.75), 4 (85.40), 2 (86.20); only 9 and 8 are below 85.
    issue = "  - indicator: {n}\n    measures:\n      - text_th: มาตรการ {n}\n"
    text = "weak_basis: lowest\nweak_printed: 4\nissues:\n" + "".join(issue.format(n=n) for n in (9, 8, 4, 2))
    pages, problems = built(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert problems == []
    md = md_tables(pages["measures/2568/index.md"].markdown)
    assert "สำนักงานเลือกตัวชี้วัดที่ได้คะแนนต่ำสุดตามลำดับ 4 ลำดับ" in md and "| 2 | การใช้งบประมาณ | IIT | 86\\.20 |" in md
    _, problems = loaded(tmp_path / "b", {"data/ita/2567.yml": YEAR_2566,
                                          "data/measures/2568.yml": text.replace("indicator: 2", "indicator: 1")})
    assert {p.code for p in problems} == {"not_weak", "weak_without_measure"}


def test_the_same_measure_twice_is_a_warning_at_the_copy(tmp_path):
    text = AS_PRINTED.replace("      - text_th: ปรับปรุงขั้นตอนการให้บริการ\n",
                              "      - text_th: ปรับปรุงขั้นตอนการให้บริการ\n      - text_th: ' ปรับปรุงขั้นตอน  การให้บริการ'\n")
    text = text.replace("ปรับปรุงขั้นตอน  การให้บริการ", "ปรับปรุงขั้นตอนการให้บริการ")
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert [(p.code, p.line, p.field, p.severity) for p in problems] == [
        ("duplicate_name", 14, "issues[1].measures[1].text_th", "warning")]
    assert "2.1" in problems[0].th
