"""Tests for generator.base.calendar: B.E./C.E., fiscal periods, Thai digits, parsing and rendering Thai dates."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from generator.base.calendar import (
    MONTHS_ABBR,
    MONTHS_FULL,
    THAI_DIGITS,
    Period,
    ThaiDateError,
    be_to_ce,
    ce_to_be,
    fiscal_half,
    fiscal_months,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    fy_label,
    month_number,
    parse_date,
    parse_month,
    parse_period,
    period_for_fiscal_year,
    round_of,
    to_arabic_digits,
    to_thai_digits,
)

THAI_LETTER = re.compile(r"[\u0E01-\u0E4E]")


def assert_bilingual(err: ThaiDateError) -> None:
    """Every error is Thai first, then English, and each half says what to write instead."""
    assert THAI_LETTER.match(err.th), err.th
    assert "เขียน" in err.th
    assert err.en[0].isascii() and err.en[0].isalpha(), err.en
    assert "write" in err.en
    assert str(err) == f"{err.th} / {err.en}"
    assert isinstance(err, ValueError)


# --- digits -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("thai", "arabic"),
    [
        ("๐๑๒๓๔๕๖๗๘๙", "0123456789"),
        ("๒๕๖๗", "2567"),
        ("๐๔2-123456", "042-123456"),  # mixed systems inside one token
        ("ปีงบประมาณ พ.ศ. ๒๕๖๗", "ปีงบประมาณ พ.ศ. 2567"),
    ],
)
def test_digits_both_ways(thai: str, arabic: str) -> None:
    assert to_arabic_digits(thai) == arabic
    assert to_thai_digits(arabic) == to_thai_digits(thai)
    assert to_arabic_digits(to_thai_digits(arabic)) == arabic


def test_thai_digits_constant_is_unicode_block() -> None:
    assert THAI_DIGITS == "".join(chr(0x0E50 + i) for i in range(10))


# --- months -------------------------------------------------------------------------------------


def test_month_tables() -> None:
    assert (MONTHS_FULL[0], MONTHS_FULL[6], MONTHS_FULL[11]) == ("มกราคม", "กรกฎาคม", "ธันวาคม")
    assert (MONTHS_ABBR[0], MONTHS_ABBR[2], MONTHS_ABBR[5], MONTHS_ABBR[11]) == ("ม.ค.", "มี.ค.", "มิ.ย.", "ธ.ค.")


@pytest.mark.parametrize("number", range(1, 13))
def test_month_number_full_and_abbr(number: int) -> None:
    assert month_number(MONTHS_FULL[number - 1]) == number
    assert month_number(MONTHS_ABBR[number - 1]) == number
    assert month_number(MONTHS_ABBR[number - 1].rstrip(".")) == number


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ม.ค.", 1),
        ("มี.ค.", 3),
        ("มิ.ย.", 6),
        ("มี.ค", 3),
        ("มี. ค.", 3),
        ("กรกฏาคม", 7),  # common misspelling
        (" ตุลาคม ", 10),
        ("ม.", None),
        ("มีนา", None),
        ("มี.ค.ค.", None),
        ("มีนาคมนี้", None),
        ("March", None),
        ("", None),
    ],
)
def test_month_number_whole_tokens(name: str, expected: int | None) -> None:
    assert month_number(name) == expected


# --- B.E. and fiscal year -------------------------------------------------------------------------


@pytest.mark.parametrize(("be", "ce"), [(2567, 2024), (2566, 2023), (2543, 2000), (2400, 1857)])
def test_be_ce_conversion(be: int, ce: int) -> None:
    assert be_to_ce(be) == ce
    assert ce_to_be(ce) == be


@pytest.mark.parametrize(
    ("d", "fy", "half", "quarter"),
    [
        (date(2023, 9, 30), 2566, 2, 4),
        (date(2023, 10, 1), 2567, 1, 1),
        (date(2023, 12, 15), 2567, 1, 1),
        (date(2023, 12, 31), 2567, 1, 1),
        (date(2024, 1, 1), 2567, 1, 2),
        (date(2024, 3, 31), 2567, 1, 2),
        (date(2024, 4, 1), 2567, 2, 3),
        (date(2024, 6, 30), 2567, 2, 3),
        (date(2024, 7, 1), 2567, 2, 4),
        (date(2024, 9, 30), 2567, 2, 4),
        (date(2024, 10, 1), 2568, 1, 1),
        (datetime(2024, 10, 1, 8, 30), 2568, 1, 1),
    ],
)
def test_fiscal_year_half_quarter(d: date, fy: int, half: int, quarter: int) -> None:
    assert (fiscal_year(d), fiscal_half(d), fiscal_quarter(d)) == (fy, half, quarter)


@pytest.mark.parametrize(
    ("fy", "bounds"),
    [
        (2567, (date(2023, 10, 1), date(2024, 9, 30))),
        (2568, (date(2024, 10, 1), date(2025, 9, 30))),
    ],
)
def test_fiscal_year_bounds(fy: int, bounds: tuple[date, date]) -> None:
    assert fiscal_year_bounds(fy) == bounds
    assert fiscal_year(bounds[0]) == fiscal_year(bounds[1]) == fy


def test_fiscal_months() -> None:
    assert fiscal_months(2567) == [
        (2023, 10), (2023, 11), (2023, 12),
        (2024, 1), (2024, 2), (2024, 3), (2024, 4), (2024, 5), (2024, 6), (2024, 7), (2024, 8), (2024, 9),
    ]


@pytest.mark.parametrize(
    ("as_of", "period", "kind"),
    [
        (date(2024, 9, 1), "2568", "interim"),  # before the year begins: nothing is complete yet
        (date(2024, 10, 1), "2568", "interim"),
        (date(2025, 3, 30), "2568", "interim"),  # the half is not over: not a six-month report
        (date(2025, 3, 31), "2568-H1", "half"),
        (date(2025, 7, 1), "2568-H1", "half"),
        (date(2025, 9, 29), "2568-H1", "half"),
        (date(2025, 9, 30), "2568", "year"),
        (date(2025, 11, 15), "2568", "year"),  # a late report of a past year still covers all of it
    ],
)
def test_round_of(as_of: date, period: str, kind: str) -> None:
    assert round_of(2568, as_of) == (period, kind)
    assert list(parse_period(period).fiscal_years) == [2568]


def test_a_round_ends_where_its_period_ends() -> None:
    for key in ("2568-H1", "2568"):
        end = parse_period(key).end
        assert round_of(2568, end).period == key
        assert round_of(2568, end - timedelta(days=1)).period != key


# --- parse_date -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-15", date(2025, 3, 15)),
        ("2568-03-15", date(2025, 3, 15)),
        ("๒๕๖๘-๐๓-๑๕", date(2025, 3, 15)),
        ("2567-02-29", date(2024, 2, 29)),
        ("๒๕ มิ.ย. ๒๕๖๓", date(2020, 6, 25)),
        ("1 ตุลาคม 2565", date(2022, 10, 1)),
        ("14 พฤศจิกายน 2567", date(2024, 11, 14)),
        ("5มกราคม 2567", date(2024, 1, 5)),
        ("๓ กุมภาพันธ์ พ.ศ. ๒๕๖๗", date(2024, 2, 3)),
        ("ประกาศ ณ วันที่ ๑๒ เดือน ธันวาคม พ.ศ.๒๕๖๖", date(2023, 12, 12)),
        ("สั่ง ณ วันที่ ๕ มกราคม พ.ศ. ๒๕๖๗", date(2024, 1, 5)),
        ("ณ วันที่ 10 มิถุนายน 2567", date(2024, 6, 10)),
        ("วันที่ ๑๘ มีนาคม ๒๕๖๗", date(2024, 3, 18)),
        ("9 ม.ค. 2567", date(2024, 1, 9)),
        ("๒๒ ก.พ. ๒๕๖๗", date(2024, 2, 22)),
        ("3 ต.ค. 66", date(2023, 10, 3)),
        ("๑๑ มี.ค. ๖๗", date(2024, 3, 11)),
        ("11 มิ.ย. 67", date(2024, 6, 11)),
        ("6 ส.ค. 2021", date(2021, 8, 6)),
        ("12 ก.พ. 2024", date(2024, 2, 12)),
        ("15 มี.ค 2568", date(2025, 3, 15)),
        ("1 กรกฏาคม 2567", date(2024, 7, 1)),
        ("  1\u00a0ตุลาคม\u200b  2566 ", date(2023, 10, 1)),
        ("05/10/2567", date(2024, 10, 5)),  # Thai Excel: day first, B.E. year
        ("5/10/2024", date(2024, 10, 5)),
        ("๒๙/๒/๒๕๖๗", date(2024, 2, 29)),
    ],
)
def test_parse_date_formats(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 3, 15), date(2025, 3, 15)),
        (date(2568, 3, 15), date(2025, 3, 15)),  # YAML reads "2568-03-15" as a B.E. date object
        (datetime(2025, 3, 15, 14, 0), date(2025, 3, 15)),
    ],
)
def test_parse_date_objects(value: date, expected: date) -> None:
    result = parse_date(value)
    assert result == expected
    assert type(result) is date


@pytest.mark.parametrize(
    ("value", "th_part", "en_part"),
    [
        ("31 ก.พ. 2568", "ไม่มีวันที่ 31 กุมภาพันธ์ 2568 (เดือนนี้มี 28 วัน)", "such as 28 Feb 2568"),
        ("30 กุมภาพันธ์ 2567", "ไม่มีวันที่ 30 กุมภาพันธ์ 2567 (เดือนนี้มี 29 วัน)", "such as 29 Feb 2567"),
        ("29 ก.พ. 2566", "ไม่มีวันที่ 29 กุมภาพันธ์ 2566 (เดือนนี้มี 28 วัน)", "no 29 February 2566"),
        ("2566-02-29", "ไม่มีวันที่ 29 กุมภาพันธ์ 2566", "that month has 28 days"),
        ("2568-02-29", "ไม่มีวันที่ 29 กุมภาพันธ์ 2568", "that month has 28 days"),  # 2568 divides by 4, but C.E. 2025 is not leap
        (date(2568, 2, 29), "ไม่มีวันที่ 29 กุมภาพันธ์ 2568", "that month has 28 days"),
        ("31 เมษายน 2567", "(เดือนนี้มี 30 วัน) เขียนวันที่ที่มีจริง เช่น 30 เม.ย. 2567", "such as 30 Apr 2567"),
        ("0 มี.ค. 2568", "ไม่มีวันที่ 0 มีนาคม 2568", "such as 1 Mar 2568"),
        ("2025-13-01", "ไม่มีเดือนที่ 13", "there is no month 13"),
        ("2025-00-10", "ไม่มีเดือนที่ 0", "there is no month 0"),
        ("15 มีค่ะ 2568", 'ไม่รู้จักชื่อเดือน "มีค่ะ"', "such as มีนาคม"),
        ("15 มี.ค. 2800", "ปี พ.ศ. 2800", "a 4-digit B.E. year such as 2568"),
        ("15 มี.ค. 1800", "ปี พ.ศ. 2343", "outside 2400–2700"),
        ("2190-03-15", "ปี พ.ศ. 2733", "outside 2400–2700"),
        ("hello", 'อ่านวันที่ "hello" ไม่ออก', "2025-03-15, 15/03/2568, 15 มี.ค. 2568 or 15 มีนาคม 2568"),
        ("15.03.2568", "15/03/2568, 15 มี.ค. 2568 หรือ 15 มีนาคม 2568", 'cannot read the date "15.03.2568"'),
        ("31/02/2568", "ไม่มีวันที่ 31 กุมภาพันธ์ 2568", "that month has 28 days"),
        ("มีนาคม 2568", "ไม่ออก", "cannot read"),
        ("15 มีนาคม 256", "ไม่ออก", "cannot read"),
        ("", "ไม่ออก", "cannot read"),
    ],
)
def test_parse_date_errors(value: str | date, th_part: str, en_part: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_date(value)
    assert th_part in info.value.th
    assert en_part in info.value.en
    assert_bilingual(info.value)


def test_parse_date_exact_message() -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_date("31 กุมภาพันธ์ 2568")
    assert info.value.th == "ไม่มีวันที่ 31 กุมภาพันธ์ 2568 (เดือนนี้มี 28 วัน) เขียนวันที่ที่มีจริง เช่น 28 ก.พ. 2568"
    assert info.value.en == (
        "there is no 31 February 2568 (that month has 28 days); write a real date such as 28 Feb 2568"
    )


def test_parse_date_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        parse_date(20250315)  # type: ignore[arg-type]


# --- parse_month ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ม.ค. 66", (2023, 1)),
        ("ม.ค.66", (2023, 1)),
        ("มี.ค. 67", (2024, 3)),
        ("มกราคม ๒๕๖๗", (2024, 1)),
        ("เมษายน 2567", (2024, 4)),
        ("เดือนพฤษภาคม พ.ศ. 2567", (2024, 5)),
        ("ก.ย. 2024", (2024, 9)),
        ("2023-11", (2023, 11)),
    ],
)
def test_parse_month(text: str, expected: tuple[int, int]) -> None:
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    ("text", "th_part"),
    [("ม.ค.", "อ่านเดือน"), ("1 ม.ค. 66", "อ่านเดือน"), ("มกรา 66", "ไม่รู้จักชื่อเดือน"), ("2023-13", "ไม่มีเดือนที่ 13")],
)
def test_parse_month_errors(text: str, th_part: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_month(text)
    assert th_part in info.value.th
    assert_bilingual(info.value)


# --- rendering ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "digits", "expected"),
    [
        ("full", "arabic", "22 พฤศจิกายน 2569"),
        ("medium", "arabic", "22 พ.ย. 2569"),
        ("short", "arabic", "22 พ.ย. 69"),
        ("month", "arabic", "พฤศจิกายน 2569"),
        ("full", "thai", "๒๒ พฤศจิกายน ๒๕๖๙"),
        ("short", "thai", "๒๒ พ.ย. ๖๙"),
    ],
)
def test_format_thai_date(style: str, digits: str, expected: str) -> None:
    assert format_thai_date(date(2026, 11, 22), style, digits) == expected


def test_format_thai_date_defaults_and_round_trip() -> None:
    d = date(2024, 12, 7)
    assert format_thai_date(d) == "7 ธันวาคม 2567"
    assert format_thai_date(date(2043, 1, 5), "short") == "5 ม.ค. 86"
    for style in ("full", "medium", "short"):
        assert parse_date(format_thai_date(d, style, "thai")) == d


@pytest.mark.parametrize(("style", "digits"), [("long", "arabic"), ("full", "roman")])
def test_format_thai_date_rejects_unknown_options(style: str, digits: str) -> None:
    with pytest.raises(ValueError, match="unknown"):
        format_thai_date(date(2024, 1, 1), style, digits)


@pytest.mark.parametrize(
    ("digits", "expected"), [("arabic", "ปีงบประมาณ พ.ศ. 2567"), ("thai", "ปีงบประมาณ พ.ศ. ๒๕๖๗")]
)
def test_fy_label(digits: str, expected: str) -> None:
    assert fy_label(2567, digits) == expected


# --- periods --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "start", "end", "label"),
    [
        ("2567", "2567", date(2023, 10, 1), date(2024, 9, 30), "ปีงบประมาณ พ.ศ. 2567"),
        ("2567-H1", "2567-H1", date(2023, 10, 1), date(2024, 3, 31),
         "รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)"),
        ("2567-H2", "2567-H2", date(2024, 4, 1), date(2024, 9, 30),
         "รอบ 6 เดือนหลัง (1 เมษายน 2567 – 30 กันยายน 2567)"),
        ("2567-Q1", "2567-Q1", date(2023, 10, 1), date(2023, 12, 31),
         "ไตรมาสที่ 1 ปีงบประมาณ พ.ศ. 2567 (1 ตุลาคม 2566 – 31 ธันวาคม 2566)"),
        ("2567-Q2", "2567-Q2", date(2024, 1, 1), date(2024, 3, 31),
         "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2567 (1 มกราคม 2567 – 31 มีนาคม 2567)"),
        ("2567-Q3", "2567-Q3", date(2024, 4, 1), date(2024, 6, 30),
         "ไตรมาสที่ 3 ปีงบประมาณ พ.ศ. 2567 (1 เมษายน 2567 – 30 มิถุนายน 2567)"),
        ("2567-Q4", "2567-Q4", date(2024, 7, 1), date(2024, 9, 30),
         "ไตรมาสที่ 4 ปีงบประมาณ พ.ศ. 2567 (1 กรกฎาคม 2567 – 30 กันยายน 2567)"),
        ("2566-2570", "2566-2570", date(2022, 10, 1), date(2027, 9, 30), "พ.ศ. 2566 – 2570"),
        ("2023-11", "2023-11", date(2023, 11, 1), date(2023, 11, 30), "พฤศจิกายน 2566"),
        ("2024-2", "2024-02", date(2024, 2, 1), date(2024, 2, 29), "กุมภาพันธ์ 2567"),
        ("๒๕๖๗-q๓", "2567-Q3", date(2024, 4, 1), date(2024, 6, 30),
         "ไตรมาสที่ 3 ปีงบประมาณ พ.ศ. 2567 (1 เมษายน 2567 – 30 มิถุนายน 2567)"),
        (" ๒๕๖๗ ", "2567", date(2023, 10, 1), date(2024, 9, 30), "ปีงบประมาณ พ.ศ. 2567"),
    ],
)
def test_parse_period(text: str, key: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.key, period.start, period.end, period.label_th) == (key, start, end, label)


@pytest.mark.parametrize(
    ("key", "years"),
    [("2567", [2567]), ("2567-Q4", [2567]), ("2566-2570", [2566, 2567, 2568, 2569, 2570]), ("2023-11", [2567])],
)
def test_period_fiscal_years(key: str, years: list[int]) -> None:
    assert list(parse_period(key).fiscal_years) == years


@pytest.mark.parametrize(
    ("key", "inside", "outside"),
    [
        ("2567", date(2023, 10, 1), date(2023, 9, 30)),
        ("2567", date(2024, 9, 30), date(2024, 10, 1)),
        ("2567-H1", date(2024, 3, 31), date(2024, 4, 1)),
        ("2567-Q1", datetime(2023, 12, 31, 23, 59), date(2024, 1, 1)),
        ("2023-11", date(2566, 11, 30), date(2566, 12, 1)),  # B.E. date objects are converted
    ],
)
def test_period_contains(key: str, inside: date, outside: date) -> None:
    period = parse_period(key)
    assert period.contains(inside)
    assert not period.contains(outside)


def test_period_for_fiscal_year_and_value_semantics() -> None:
    period = period_for_fiscal_year(2568)
    assert period == parse_period("2568") == Period(date(2024, 10, 1), date(2025, 9, 30), "2568")
    assert period.label_th == "ปีงบประมาณ พ.ศ. 2568"
    with pytest.raises(AttributeError):
        period.key = "2569"  # type: ignore[misc]
    with pytest.raises(ValueError):
        Period(date(2024, 2, 1), date(2024, 1, 1), "bad")


def test_custom_period_key_gets_date_span_label() -> None:
    period = Period(date(2024, 5, 15), date(2024, 5, 22), "assessment")
    assert period.label_th == "15 พฤษภาคม 2567 – 22 พฤษภาคม 2567"


@pytest.mark.parametrize(
    ("text", "th_part", "en_part"),
    [
        ("2567-Q5", "Q5 ไม่มีในปีงบประมาณ (มี Q1 ถึง Q4)", "Q1 to Q4, not Q5"),
        ("2567-Q0", "(มี Q1 ถึง Q4)", "not Q0"),
        ("2567-H3", "(มี H1 ถึง H2)", "not H3"),
        ("2570-2566", "ปีแรกต้องไม่มากกว่าปีสุดท้าย", "first year must not be after the last"),
        ("2024", "ปีงบประมาณ 2024 ต้องเป็น พ.ศ.", "must be a B.E. year"),
        ("2023-2027", "ปีงบประมาณ 2023", "must be a B.E. year"),
        ("2023-13", "ไม่มีเดือนที่ 13", "there is no month 13"),
        ("FY2567", "รูปแบบไม่ถูกต้อง", "unrecognised form"),
        ("2567-X1", "รูปแบบไม่ถูกต้อง", "unrecognised form"),
        ("", "รูปแบบไม่ถูกต้อง", "unrecognised form"),
    ],
)
def test_parse_period_errors(text: str, th_part: str, en_part: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_period(text)
    assert th_part in info.value.th
    assert en_part in info.value.en
    assert_bilingual(info.value)


def test_period_errors_name_valid_keys() -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_period("2567-Q5")
    assert info.value.th.endswith("เขียนแบบ 2567, 2567-H1, 2567-Q1, 2566-2570 หรือ 2023-11")
    assert info.value.en.endswith("write it as 2567, 2567-H1, 2567-Q1, 2566-2570 or 2023-11")
