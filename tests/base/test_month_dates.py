"""A date known to its month only: read as printed, shown without a day, compared as the month's first day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from generator.base.calendar import ThaiDateError, fiscal_year, format_thai_date
from generator.base.month_dates import MonthDate, parse_printed_date


@pytest.mark.parametrize("written", ["เมษายน 2566", "เม.ย. ๒๕๖๖", "2566-04", "2023-04", "เดือนเมษายน พ.ศ. 2566"])
def test_a_month_is_read_as_a_month(written):
    assert parse_printed_date(written) == MonthDate(2023, 4) and isinstance(parse_printed_date(written), MonthDate)


def test_a_day_is_still_a_day():
    assert type(parse_printed_date("15 เม.ย. 2566")) is date and parse_printed_date("2023-04-15") == date(2023, 4, 15)


@pytest.mark.parametrize("style, shown", [("full", "เมษายน 2566"), ("medium", "เม.ย. 2566"), ("short", "เม.ย. 66")])
def test_a_month_is_shown_without_a_day(style, shown):
    assert format_thai_date(MonthDate(2023, 4), style) == shown
    assert format_thai_date(MonthDate(2023, 4), style, "thai") == shown.replace("2566", "๒๕๖๖").replace("66", "๖๖")


def test_a_month_compares_as_its_first_day_and_arithmetic_gives_a_real_day():
    april = MonthDate(2023, 4)
    assert date(2023, 3, 31) < april == date(2023, 4, 1) < date(2023, 4, 2)
    assert fiscal_year(april) == 2566 and fiscal_year(MonthDate(2022, 10)) == 2566
    later = april + timedelta(days=3)
    assert type(later) is date and later == date(2023, 4, 4)
    assert april.isoformat() == str(april) == "2023-04"


@pytest.mark.parametrize("written, says", [("31 เมษายน 2566", "ไม่มีวันที่ 31 เมษายน 2566"),
                                           ("ปลายปี 2566", "ให้เขียน เมษายน 2566 หรือ 2566-04")])
def test_what_cannot_be_read_says_what_to_write(written, says):
    with pytest.raises(ThaiDateError) as caught:
        parse_printed_date(written)
    assert says in caught.value.th
