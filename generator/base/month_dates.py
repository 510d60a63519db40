"""Dates of the precision printed: a report dated "เมษายน 2566" has a month and no day, and keeps it.

Real reports are dated to the day, to the month only, or not at all. A record that takes such a
date (documents, policies) reads it with `parse_printed_date`: a day gives a `date`, a month a
`MonthDate`, which every comparison treats as the month's first day and every rendering prints
without a day. "Not dated" is the record's None, printed as "ไม่ระบุวันที่" (`UNDATED_TH`).
"""

from __future__ import annotations

import re
from datetime import date

from generator.base.calendar import ThaiDateError, parse_date, parse_month, to_arabic_digits

UNDATED_TH = "ไม่ระบุวันที่"
# Text that writes a day (15 เม.ย. 2566, 2023-04-15, 15/04/2566): its error is about that day.
_DAY_WRITTEN = re.compile(r"^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|(?:\D*วันที่)?\s*\d{1,2}\s*[\u0E01-\u0E4E])")


class MonthDate(date):
    """A date known to its month only, as a report dated "เมษายน 2566" prints it; never shown with a day.

    It compares, sorts and falls into fiscal years as the month's first day, the earliest day the
    report can have been issued: newest first, it comes after the dated items of its month, and it
    may be public from that day. It prints as "เมษายน 2566" (`format_thai_date`) and `2023-04`.
    """

    month_only = True  # what calendar.format_thai_date asks, so the calendar need not import this module

    def __new__(cls, year: int, month: int, day: int = 1) -> date:  # type: ignore[misc]
        # Date arithmetic builds its result through the subclass: a day other than the first is a real day.
        return super().__new__(cls, year, month, 1) if day == 1 else date(year, month, day)

    def __reduce__(self) -> tuple[type, tuple[int, int]]:
        return (MonthDate, (self.year, self.month))

    def isoformat(self) -> str:
        """`2023-04`: the month, with no invented day (also a valid HTML `<time>` value)."""
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"MonthDate({self.year}, {self.month})"


def parse_printed_date(value: str | date) -> date:
    """A date as printed: to the day (`parse_date`), or to the month only as a `MonthDate` ("เมษายน 2566", "2566-04")."""
    try:
        return parse_date(value)
    except ThaiDateError:
        if not isinstance(value, str) or _DAY_WRITTEN.match(to_arabic_digits(value).strip()):
            raise  # a day was written: its own message (there is no 31 April)
    try:
        return MonthDate(*parse_month(value))
    except ThaiDateError:
        raise ThaiDateError(
            f'อ่านวันที่ "{value}" ไม่ออก เขียนแบบ 15 เม.ย. 2566 หรือ 2023-04-15 ถ้ารายงานระบุเพียงเดือน ให้เขียน เมษายน 2566 หรือ 2566-04',
            f'cannot read the date "{value}"; write 15 เม.ย. 2566 or 2023-04-15, or, for a month only, เมษายน 2566 or 2566-04',
        ) from None
