"""Complaint registers: every computed figure, the personal-data refusal, printed tables, the checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from generator.engine import privacy
from generator.families.complaints.stats import MIN_CELL, YearStats, against_register, check_printed, counts, status_on
from generator.families.complaints.model import (CHANNEL_KINDS, MATTERS, OUTCOMES, STATUSES, Case, ComplaintYear,
                                                 PrintedTable, public)
from generator.pipeline.core import run
from generator.pipeline.load import load

from tests.conftest import project_with

HEADER = "ref,received,channel,category,matter,status,closed,outcome\n"


def case(ref: str, received: str, status: str = "in_progress", closed: str | None = None, **fields) -> Case:
    values = {"ref": ref, "received": received, "channel": "web_form", "category": "corruption",
              "status": status, **fields}
    if closed:
        values["closed"] = closed
    return Case.model_validate(values)


# A small register across two fiscal years (2567 = Oct 2023 – Sep 2024, 2568 = Oct 2024 – Sep 2025).
CASES = [
    case("a", "2023-10-05", "finished", "2023-10-25", outcome="unsubstantiated"),  # 20 days
    case("b", "2024-03-20", "finished", "2024-11-04", outcome="substantiated"),  # carried into 2568, 229 days
    case("c", "2024-09-30", "terminated", "2024-10-01", category="general", channel="phone"),  # carried, 1 day
    case("d", "2024-10-01", "in_progress"),  # received on the first day of 2568
    case("e", "2024-12-31", "finished", "2025-01-02", category="general", matter="grievance", outcome="resolved"),
    case("f", "2025-04-01", "referred", "2025-04-30", channel="email", outcome="referred"),
    case("g", "2025-05-15", "finished", "2025-10-10"),  # closed after the as-of date below
]
AS_OF = date(2025, 6, 30)


def test_counts_follow_from_the_dates_and_always_add_up():
    c = counts(CASES, date(2024, 10, 1), date(2024, 12, 31))  # Q1 of 2568
    assert (c.brought_forward, c.received, c.total, c.finished, c.pending) == (2, 2, 4, 2, 2)
    assert c.total == c.brought_forward + c.received == c.finished + c.pending


def test_the_next_periods_brought_forward_is_this_periods_pending():
    stats = YearStats(2568, CASES, AS_OF)
    rows = [r for r in stats.months() if r.counts]
    for before, after in zip(rows, rows[1:]):
        assert after.counts.brought_forward == before.counts.pending


def test_months_quarters_halves_and_year():
    stats = YearStats(2568, CASES, AS_OF)
    months = stats.months()
    assert [m.label for m in months[:3]] == ["ตุลาคม 2567", "พฤศจิกายน 2567", "ธันวาคม 2567"]
    table = {m.label: (m.counts.brought_forward, m.counts.received, m.counts.finished) for m in months if m.counts}
    assert table["ตุลาคม 2567"] == (2, 1, 1)  # b and c brought forward, d new, c closed on 1 Oct
    assert table["พฤศจิกายน 2567"] == (2, 0, 1)  # b closed
    assert table["ธันวาคม 2567"] == (1, 1, 0)
    assert table["มกราคม 2568"] == (2, 0, 1)
    assert table["เมษายน 2568"] == (1, 1, 1)
    assert table["มิถุนายน 2568"] == (2, 0, 0)  # g closes in October, after the as-of date
    assert months[9].counts is None and months[9].label == "กรกฎาคม 2568"  # not begun on 30 June
    q = {r.key: (r.counts.total, r.counts.finished, r.counts.pending) for r in stats.quarters() if r.counts}
    assert q == {"2568-Q1": (4, 2, 2), "2568-Q2": (2, 1, 1), "2568-Q3": (3, 1, 2)}
    h1, h2 = stats.halves()
    assert (h1.counts.total, h1.counts.finished, h1.counts.pending) == (4, 3, 1)
    assert (h2.counts.brought_forward, h2.counts.received, h2.counts.finished) == (1, 2, 1)
    assert h2.until == AS_OF and h1.until is None
    whole = stats.whole()
    assert (whole.counts.brought_forward, whole.counts.received, whole.counts.finished) == (2, 4, 4)


def test_corruption_only_statistics_leave_general_matters_out():
    stats = YearStats(2568, CASES, AS_OF, "corruption")
    h1 = stats.halves()[0].counts
    assert (h1.brought_forward, h1.received, h1.finished) == (1, 1, 1)  # b brought, d new, b closed


def test_breakdowns_are_margins_of_the_years_cases():
    stats = YearStats(2568, CASES, AS_OF)
    assert [(s.key, s.count) for s in stats.by("channel", CHANNEL_KINDS)] == [("web_form", 3), ("email", 1)]
    assert [(s.key, s.count) for s in stats.by("matter", MATTERS)] == [("complaint_investigation", 3),
                                                                      ("grievance", 1)]
    # b, c brought forward and d–g new; g is still in progress on the as-of date.
    assert {s.key: s.count for s in stats.statuses()} == {"in_progress": 2, "finished": 2, "terminated": 1,
                                                         "referred": 1}
    assert {s.key: s.count for s in stats.outcomes(OUTCOMES)} == {"substantiated": 1, "resolved": 1,
                                                                 "referred": 1, "": 1}


def test_days_to_close_average_is_rounded_half_up_and_longest_is_kept():
    days = YearStats(2568, CASES, AS_OF).days_to_close()
    # closed in 2568 by 30 June: b (229), c (1), e (2), f (29) → 261 / 4 = 65.25
    assert (days.closed, days.average, days.longest) == (4, Decimal("65.3"), 229)
    assert YearStats(2568, [], AS_OF).days_to_close().average is None


def test_a_case_closed_after_the_as_of_date_is_still_in_progress():
    g = CASES[-1]
    assert status_on(g, AS_OF) == "in_progress" and status_on(g, date(2025, 10, 10)) == "finished"


def test_cases_received_after_the_as_of_date_are_not_counted():
    stats = YearStats(2568, CASES, date(2024, 12, 1))
    assert stats.whole().counts.received == 1 and stats.whole().until == date(2024, 12, 1)


def test_a_register_speaks_for_its_as_of_date_and_never_for_a_later_day():
    years = {2568: ComplaintYear(as_of=date(2025, 3, 31)), 2569: ComplaintYear()}
    assert {y: r.as_of for y, r in public(years, date(2025, 1, 15)).items()} == {
        2568: date(2025, 1, 15), 2569: date(2025, 1, 15)}
    assert {y: r.as_of for y, r in public(years, date(2025, 6, 1)).items()} == {
        2568: date(2025, 3, 31), 2569: date(2025, 6, 1)}


def test_a_cross_table_with_a_small_cell_is_withheld():
    stats = YearStats(2568, CASES, AS_OF)
    cross = stats.cross("matter", MATTERS, "status", STATUSES)
    assert cross.withheld  # e.g. grievance × finished = 1 would point at one person
    many = [case(f"x{i}", "2024-11-01", "finished", "2024-11-20") for i in range(MIN_CELL)]
    many += [case(f"y{i}", "2024-11-02", matter="grievance") for i in range(MIN_CELL + 1)]
    shown = YearStats(2568, many, AS_OF).cross("matter", MATTERS, "status", STATUSES)
    assert not shown.withheld
    assert shown.cell("complaint_investigation", "finished") == MIN_CELL
    assert shown.cell("grievance", "in_progress") == MIN_CELL + 1
    assert shown.cell("grievance", "finished") == 0


def printed(rows, totals=None, period="2568-H1", scope=None) -> PrintedTable:
    return PrintedTable.model_validate({"title_th": "ตาราง", "period": period, "rows": rows, "totals": totals,
                                        "scope": scope})


def test_printed_table_totals_are_recomputed_and_wrong_figures_listed():
    table = printed([
        {"matter": "complaint_investigation", "brought_forward": "-", "received": 3, "total": 3, "finished": 2,
         "pending": 1},
        {"matter": "grievance", "brought_forward": 1, "received": "๒", "total": 4, "finished": 1, "pending": 2},
    ], totals={"brought_forward": 1, "received": 5, "total": 7, "finished": 3, "pending": 4})
    check = check_printed(table)
    assert [(c.total, c.pending) for c in check.rows] == [(3, 1), (3, 2)]
    assert (check.totals.total, check.totals.finished, check.totals.pending) == (6, 3, 3)
    assert {(d.row, d.name, d.printed, d.computed) for d in check.differences} == {
        (1, "total", 4, 3), (None, "total", 7, 6), (None, "pending", 4, 3)}
    assert check.differs(None, "total") and not check.differs(0, "total")


def test_printed_table_is_compared_with_the_register():
    table = printed([{"matter": "complaint_investigation", "brought_forward": 1, "received": 2, "finished": 2}],
                    scope="corruption")
    # corruption, complaint_investigation, Oct–Mar 2568: b brought forward; d new; b closed → 1 / 1 / 1
    assert {(d.name, d.printed, d.computed) for d in against_register(table, CASES)} == {("received", 2, 1),
                                                                                       ("finished", 2, 1)}


# --- personal data ------------------------------------------------------------------------------


def valid_id(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


ID = valid_id("310150012345")


@pytest.mark.parametrize("text", [
    ID, f"{ID[0]}-{ID[1:5]}-{ID[5:10]}-{ID[10:12]}-{ID[12]}", f"{ID[0]} {ID[1:5]} {ID[5:10]} {ID[10:12]} {ID[12]}",
    ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")), f"เลขบัตร {ID} ผู้ร้อง",
])
def test_valid_national_ids_are_found_in_every_spelling(text):
    assert [f.kind for f in privacy.find_personal_data(text)] == ["national_id"]


def test_a_13_digit_number_with_a_wrong_check_digit_is_not_an_id():
    wrong = ID[:12] + str((int(ID[12]) + 1) % 10)
    assert not privacy.thai_id_is_valid(wrong) and privacy.find_personal_data(wrong) == []


@pytest.mark.parametrize("text, kind", [
    ("081-234-5678", "phone"), ("0812345678", "phone"), ("+66 81 234 5678", "phone"), ("02 123 4567", "phone"),
    ("โทร ๐๙๑๒๓๔๕๖๗๘", "phone"), ("somchai@gmail.com", "email"), ("somchai (at) hotmail.com", "email"),
])
def test_phones_and_emails_are_found(text, kind):
    assert [f.kind for f in privacy.find_personal_data(text)] == [kind]


@pytest.mark.parametrize("text", ["กม 012/2568", "2568-03-15", "15/03/2568", "ร้องเรียน 3 เรื่อง", "1205"])
def test_references_dates_and_counts_are_not_personal_data(text):
    assert privacy.find_personal_data(text) == []


def problems_of(tmp_path, files):
    project = project_with(tmp_path, files)
    return project, load(project)[1]


def test_a_register_with_personal_values_is_refused_at_each_line(tmp_path):
    csv = (HEADER + f"{ID},2024-10-05,web_form,corruption,,received,,\n"
           "กม 2/2568,2024-10-06,phone,general,,received,,\n"
           "โทร 081-234-5678,2024-10-07,phone,general,,received,,\n"
           "กม 4/2568,2024-10-08,email,corruption,,finished,2024-10-09,somchai@gmail.com\n")
    project, problems = problems_of(tmp_path, {"data/complaints/2568.csv": csv})
    found = {(p.file, p.line, p.field, p.code) for p in problems}
    assert found == {("data/complaints/2568.csv", 2, "ref", "personal_data"),
                     ("data/complaints/2568.csv", 4, "ref", "personal_data"),
                     ("data/complaints/2568.csv", 5, "outcome", "personal_data")}
    assert "เลขประจำตัวประชาชน" in problems[0].th and "national ID" in problems[0].en
    result = run(project, date(2025, 5, 15))
    assert not result.ok and result.site is None and result.pages == []  # nothing is published


@pytest.mark.parametrize("header", ["ชื่อผู้ร้อง", "ชื่อ-สกุล", "Name", "เบอร์โทร", "E-mail", "อีเมล์",
                                    "เลขประจำตัวประชาชน", "ที่อยู่", "Line ID"])
def test_a_personal_column_is_refused_once_at_the_header(tmp_path, header):
    csv = (HEADER.rstrip("\n") + f",{header}\n" + "กม 1/2568,2024-10-05,web_form,corruption,,received,,,x\n"
           "กม 2/2568,2024-10-06,web_form,corruption,,received,,,y\n")
    _, problems = problems_of(tmp_path, {"data/complaints/2568.csv": csv})
    assert [(p.line, p.field, p.code) for p in problems] == [(1, header, "personal_data")]
    assert f"คอลัมน์ '{header}' เป็นข้อมูลส่วนบุคคล" in problems[0].th


def test_a_personal_key_in_a_yaml_register_is_refused(tmp_path):
    text = ("cases:\n  - ref: กม 1/2568\n    received: 2024-10-05\n    channel: phone\n    category: general\n"
            "    status: received\n    complainant_name: นายสมชาย\n")
    _, problems = problems_of(tmp_path, {"data/complaints/2568.yml": text})
    assert [(p.line, p.field, p.code) for p in problems] == [(7, "cases[0].complainant_name", "personal_data")]


# --- reading registers ------------------------------------------------------------------------------

THAI_CSV = ("เลขรับ,วันที่รับเรื่อง,ช่องทาง,ประเภท,ลักษณะเรื่อง,สถานะ,วันที่ปิดเรื่อง,ผลการดำเนินการ\r\n"
            "กม 1/2568,05/10/2567,แบบฟอร์มออนไลน์,การทุจริตและประพฤติมิชอบ,ร้องเรียน/ตรวจสอบ,ดำเนินการแล้วเสร็จ,"
            "20/11/2567,ไม่มีมูล\r\n"
            '"กม 2/2568","๑ ธ.ค. ๒๕๖๗",โทรศัพท์,เรื่องร้องเรียนทั่วไป,ร้องทุกข์,อยู่ระหว่างดำเนินการ,,\r\n')


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_thai_excel_csv_is_read_in_each_encoding(tmp_path, encoding):
    project = project_with(tmp_path, {})
    (project.data_dir / "complaints").mkdir()
    (project.data_dir / "complaints" / "2568.csv").write_bytes(THAI_CSV.encode(encoding))
    data, problems = load(project)
    assert problems == []
    first, second = data.complaint_years[2568].cases
    assert (first.received, first.channel, first.category, first.status, first.closed, first.outcome) == (
        date(2024, 10, 5), "web_form", "corruption", "finished", date(2024, 11, 20), "unsubstantiated")
    assert (second.received, second.matter, second.status) == (date(2024, 12, 1), "grievance", "in_progress")


def test_a_register_kept_as_an_excel_workbook_is_read(tmp_path):
    import openpyxl

    project = project_with(tmp_path, {})
    (project.data_dir / "complaints").mkdir()
    book = openpyxl.Workbook()
    for row in THAI_CSV.splitlines():
        book.active.append(next(iter(__import__("csv").reader([row]))))
    book.save(project.data_dir / "complaints" / "2568.xlsx")
    data, problems = load(project)
    assert problems == [] and [c.ref for c in data.complaint_years[2568].cases] == ["กม 1/2568", "กม 2/2568"]


def test_an_unreadable_csv_names_the_file(tmp_path):
    project = project_with(tmp_path, {})
    (project.data_dir / "complaints").mkdir()
    (project.data_dir / "complaints" / "2568.csv").write_bytes(b"ref,received\n\xff\xfe\x00\x81,2024\n")
    problems = load(project)[1]
    assert [(p.file, p.line, p.code) for p in problems] == [("data/complaints/2568.csv", 1, "encoding")]
    assert "UTF-8" in problems[0].th and "Windows-874" in problems[0].th


@pytest.mark.parametrize("row, field, code", [
    ("กม 1,2024-10-05,web_form,corruption,,ปิดแล้ว,,", "status", "literal_error"),
    ("กม 1,2024-10-05,web_form,corruption,,finished,,", "", "case"),  # finished without a closing date
    ("กม 1,2024-10-05,web_form,corruption,,received,2024-10-06,", "", "case"),  # open with a closing date
    ("กม 1,2024-10-05,web_form,corruption,,finished,2024-10-01,", "", "case"),  # closed before received
    ("กม 1,31/02/2568,web_form,corruption,,received,,", "received", "date"),
    ("กม 1,2024-09-30,web_form,corruption,,received,,", "received", "received_year"),  # belongs to 2567
    ("กม 1,2024-10-05,fax,corruption,,received,,", "channel", "literal_error"),
])
def test_a_bad_cell_names_the_file_row_and_column(tmp_path, row, field, code):
    _, problems = problems_of(tmp_path, {"data/complaints/2568.csv": HEADER + "กม 0,2024-10-04,phone,general,,"
                                                                            "received,,\n" + row + "\n"})
    assert [(p.file, p.line, p.code) for p in problems] == [("data/complaints/2568.csv", 3, code)]
    if field:
        assert problems[0].field == field


def test_references_are_unique_across_years(tmp_path):
    _, problems = problems_of(tmp_path, {
        "data/complaints/2567.csv": HEADER + "กม 1,2024-05-01,phone,general,,received,,\n",
        "data/complaints/2568.csv": HEADER + "กม 1,2024-10-05,phone,general,,received,,\n"})
    assert [(p.file, p.line, p.code) for p in problems] == [("data/complaints/2568.csv", 2, "duplicate_ref")]
    assert "data/complaints/2567.csv:2" in problems[0].th


def test_cases_belong_in_one_file_of_a_year(tmp_path):
    _, problems = problems_of(tmp_path, {
        "data/complaints/2568.csv": HEADER + "กม 1,2024-10-05,phone,general,,received,,\n",
        "data/complaints/2568.yml": "cases:\n  - {ref: กม 2, received: 2024-10-06, channel: phone, "
                                    "category: general, status: received}\n"})
    assert [(p.file, p.code) for p in problems] == [("data/complaints/2568.yml", "duplicate_register")]


def test_a_wrong_printed_total_is_a_warning_with_both_values(tmp_path):
    text = ("printed_tables:\n  - title_th: ตารางสรุป\n    period: 2568-H1\n    rows:\n"
            "      - {matter: grievance, brought_forward: 1, received: 2, total: 3, finished: 1, pending: 2}\n"
            "    totals: {received: 2, total: 4}\n")
    _, problems = problems_of(tmp_path, {"data/complaints/2568.yml": text})
    assert [(p.line, p.field, p.code, p.severity) for p in problems] == [
        (6, "printed_tables[0].totals.total", "printed_total", "warning")]
    assert "(4)" in problems[0].th and "(3)" in problems[0].th


COMPLAINTS_YML = """\
guideline:
  title_th: แนวปฏิบัติ
  how_to_md: แจ้งได้ทุกช่องทาง
  steps: [{title_th: รับเรื่อง, days: 1}]
  protection_md: ไม่เปิดเผยชื่อผู้แจ้ง
  unit: {unit}
channels:
{channels}"""
ONLINE = "  - {id: form, kind: web_form, label_th: แบบฟอร์ม, url: 'https://x.go.th/corrupt/'}\n"
GENERAL = "  - {id: general, kind: web_form, scope: general, label_th: ทั่วไป, url: 'https://x.go.th/corrupt/'}\n"
NACC = "  - {id: nacc, kind: external, external_org: nacc, label_th: ป.ป.ช., url: 'https://www.nacc.go.th/'}\n"


@pytest.mark.parametrize("channels, expected", [
    (ONLINE + NACC, set()),
    ("  - {id: phone, kind: phone, label_th: โทร, contact_th: '0 4499 9000'}\n" + NACC,
     {("no_online_channel", "warning")}),
    (ONLINE + GENERAL + NACC, {("shared_channel", "warning")}),
    (ONLINE, {("no_external_channel", "warning")}),
    (ONLINE + ONLINE + NACC, {("duplicate_id", "error")}),
])
def test_channel_checks(tmp_path, channels, expected):
    _, problems = problems_of(tmp_path, {"data/complaints.yml": COMPLAINTS_YML.replace("{unit}", "legal").replace("{channels}", channels)})
    assert {(p.code, p.severity) for p in problems} == expected


def test_the_guideline_names_a_known_unit(tmp_path):
    text = COMPLAINTS_YML.replace("{unit}", "no-such-unit").replace("{channels}", ONLINE + NACC)
    _, problems = problems_of(tmp_path, {"data/complaints.yml": text})
    assert [(p.line, p.code) for p in problems] == [(6, "unknown_unit")]
