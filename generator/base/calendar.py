"""Thai calendar: Buddhist Era years, fiscal years and periods, Thai digits, parsing and rendering Thai dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

_BE_OFFSET = 543
# A 4-digit year at or above this is B.E.; below it, C.E. No real document predates B.E. 2400 (C.E. 1857).
_BE_MIN = 2400
_BE_MAX = 2700

MONTHS_FULL: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
_MONTHS_EN = ("January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December")


def _month_key(name: str) -> str:
    # Dots and spaces inside abbreviations vary ("มี.ค", "มี. ค."); the letters alone still tell months apart.
    return re.sub(r"[.\s]", "", name)


_MONTH_LOOKUP: dict[str, int] = {
    _month_key(name): number
    for names in (MONTHS_FULL, MONTHS_ABBR)
    for number, name in enumerate(names, start=1)
}
_MONTH_LOOKUP[_month_key("กรกฏาคม")] = 7  # common misspelling of กรกฎาคม

_MONTH_YEAR = (
    r"(?:เดือน\s*)?(?P<month>[\u0E01-\u0E4E.\s]+?)\s*"
    r"(?:พ\.\s*ศ\.?\s*)?(?P<year>\d{4}|\d{2})$"
)
_DATE_PREFIX = r"^(?:(?:(?:ประกาศ|สั่ง)\s*)?ณ\s*วันที่|วันที่)?\s*"
_THAI_DATE_RE = re.compile(_DATE_PREFIX + r"(?P<day>\d{1,2})\s*" + _MONTH_YEAR)
_THAI_MONTH_RE = re.compile(r"^" + _MONTH_YEAR)
_ISO_DATE_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_ISO_MONTH_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$")
# What Thai Excel and typed reports write: day first, then month, then a B.E. or C.E. year (15/03/2568).
_SLASH_DATE_RE = re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$")
_PERIOD_RE = re.compile(
    r"^(?P<fy>\d{4})(?:-(?:(?P<part>[HQ])(?P<n>\d+)|(?P<end>\d{4})|(?P<month>\d{1,2})))?$"
)

_STYLES = {
    "full": "{day} {full} {be}",
    "medium": "{day} {abbr} {be}",
    "short": "{day} {abbr} {yy}",
    "month": "{full} {be}",
    "month_short": "{abbr} {yy}",
}
# A date known to its month only is printed without a day, in the style asked for.
_MONTH_STYLES = {"full": "{full} {be}", "medium": "{abbr} {be}", "short": "{abbr} {yy}",
                 "month": "{full} {be}", "month_short": "{abbr} {yy}"}


class ThaiDateError(ValueError):
    """A date or period that cannot be read, explained in Thai and English with what to write instead."""

    def __init__(self, th: str, en: str) -> None:
        super().__init__(f"{th} / {en}")
        self.th = th
        self.en = en


def to_arabic_digits(text: str) -> str:
    """Replace Thai digits with Arabic ones, so numbers can be parsed and stored uniformly."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    """Replace Arabic digits with Thai ones, for prose rendered in Thai style (never for URLs or codes)."""
    return text.translate(_TO_THAI)


def _apply_digits(text: str, digits: str) -> str:
    if digits == "arabic":
        return text
    if digits == "thai":
        return to_thai_digits(text)
    raise ValueError(f"unknown digits {digits!r}; use 'arabic' or 'thai'")


def month_number(name: str) -> int | None:
    """Return 1..12 for a full or abbreviated Thai month name (whole token only), else None."""
    return _MONTH_LOOKUP.get(_month_key(name))


def be_to_ce(year: int) -> int:
    """Convert a Buddhist Era year to the Common Era year."""
    return year - _BE_OFFSET


def ce_to_be(year: int) -> int:
    """Convert a Common Era year to the Buddhist Era year."""
    return year + _BE_OFFSET


def fiscal_year(d: date) -> int:
    """Return the B.E. fiscal year of a date; it runs 1 Oct–30 Sep and is named by the year it ends in."""
    return ce_to_be(d.year) + (1 if d.month >= 10 else 0)


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """Return the first and last day of B.E. fiscal year ``fy``."""
    end_year = be_to_ce(fy)
    return date(end_year - 1, 10, 1), date(end_year, 9, 30)


def fiscal_quarter(d: date) -> int:
    """Return the fiscal quarter of a date: 1 = Oct–Dec, 2 = Jan–Mar, 3 = Apr–Jun, 4 = Jul–Sep."""
    return (d.month - 10) % 12 // 3 + 1


def fiscal_half(d: date) -> int:
    """Return the fiscal half of a date: 1 = Oct–Mar (the 6-month report), 2 = Apr–Sep."""
    return 1 if fiscal_quarter(d) <= 2 else 2


class Round(NamedTuple):
    """The report round a report of a fiscal year belongs to, from the day its figures speak for."""

    period: str  # the period key it covers: "2568" (the whole year, or part of it) or "2568-H1"
    kind: Literal["year", "half", "interim"]  # "year" once the year is over, "half" once March is, else "interim"


def round_of(fiscal_year: int, as_of: date) -> Round:
    """The report round of a report of ``fiscal_year`` whose figures speak for ``as_of``.

    The whole year once it is over (as of 30 September or later), the first half (``2568-H1``, the
    six-month report) once March is over, and otherwise an interim report filed under its year: it
    covers October to March no more than the whole year, so the OIT half-year rule rightly does not
    accept it. Offices name the rounds (รอบ 12 เดือน, รอบ 6 เดือน); the caller words them.
    """
    year_end = fiscal_year_bounds(fiscal_year)[1]
    if as_of >= year_end:
        return Round(str(fiscal_year), "year")
    if as_of >= date(year_end.year, 3, 31):
        return Round(f"{fiscal_year}-H1", "half")
    return Round(str(fiscal_year), "interim")


def fiscal_months(fy: int) -> list[tuple[int, int]]:
    """Return the twelve (C.E. year, month) pairs of fiscal year ``fy``, October first."""
    end_year = be_to_ce(fy)
    return [(end_year - 1, m) for m in (10, 11, 12)] + [(end_year, m) for m in range(1, 10)]


def _days_in_month(year: int, month: int) -> int:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - timedelta(days=1)).day


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _days_in_month(year, month))


def _fiscal_slice(fy: int, first: int, count: int) -> tuple[date, date]:
    # Halves and quarters are runs of consecutive fiscal months.
    months = fiscal_months(fy)[first:first + count]
    return date(*months[0], 1), _month_bounds(*months[-1])[1]


def _clean(text: str) -> str:
    # Zero-width spaces are common in Thai text copied from word processors.
    text = to_arabic_digits(text).replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def _to_be(year: int, width: int) -> int:
    # Two-digit years are always B.E. 25xx; four-digit years below the threshold are C.E.
    if width == 2:
        be = 2500 + year
    else:
        be = year if year >= _BE_MIN else ce_to_be(year)
    if not _BE_MIN <= be <= _BE_MAX:
        raise ThaiDateError(
            f"ปี พ.ศ. {be} อยู่นอกช่วง {_BE_MIN}–{_BE_MAX} น่าจะพิมพ์ผิด เขียนปี พ.ศ. 4 หลัก เช่น 2568",
            f"year {be} B.E. is outside {_BE_MIN}–{_BE_MAX} (a typo?); write a 4-digit B.E. year such as 2568",
        )
    return be


def _year_from_text(raw: str) -> int:
    return _to_be(int(raw), len(raw))


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise ThaiDateError(
            f"ไม่มีเดือนที่ {month} เขียนเดือนเป็นเลข 1–12 หรือชื่อเดือน เช่น มีนาคม",
            f"there is no month {month}; write a month number 1–12 or a month name such as มีนาคม",
        )


def _month_from_name(name: str) -> int:
    number = month_number(name)
    if number is None:
        raise ThaiDateError(
            f'ไม่รู้จักชื่อเดือน "{name}" เขียนชื่อเดือนเต็ม เช่น มีนาคม หรือชื่อย่อ เช่น มี.ค.',
            f'unknown month name "{name}"; write a full month name such as มีนาคม or an abbreviation such as มี.ค.',
        )
    return number


def _make_date(be: int, month: int, day: int) -> date:
    # Leap years are a property of the C.E. year: B.E. 2567 (2024) has 29 February, B.E. 2566 (2023) does not.
    _check_month(month)
    ce = be_to_ce(be)
    days = _days_in_month(ce, month)
    if not 1 <= day <= days:
        example = min(max(day, 1), days)
        raise ThaiDateError(
            f"ไม่มีวันที่ {day} {MONTHS_FULL[month - 1]} {be} (เดือนนี้มี {days} วัน) "
            f"เขียนวันที่ที่มีจริง เช่น {example} {MONTHS_ABBR[month - 1]} {be}",
            f"there is no {day} {_MONTHS_EN[month - 1]} {be} (that month has {days} days); "
            f"write a real date such as {example} {_MONTHS_EN[month - 1][:3]} {be}",
        )
    return date(ce, month, day)


def parse_date(value: str | date) -> date:
    """Read a date written in any common Thai or ISO form (B.E. or C.E., Thai or Arabic digits) as a C.E. date."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        # YAML turns "2568-03-15" into date(2568, 3, 15): such a year is B.E.
        return _make_date(_to_be(value.year, 4), value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(f"expected a date or a string, got {type(value).__name__}")
    text = _clean(value)
    if match := _ISO_DATE_RE.match(text) or _SLASH_DATE_RE.match(text):
        month = int(match["month"])
    elif match := _THAI_DATE_RE.match(text):
        month = _month_from_name(match["month"])
    else:
        raise ThaiDateError(
            f'อ่านวันที่ "{value}" ไม่ออก เขียนวันที่แบบ 2025-03-15, 15/03/2568, 15 มี.ค. 2568 หรือ 15 มีนาคม 2568',
            f'cannot read the date "{value}"; write it as 2025-03-15, 15/03/2568, 15 มี.ค. 2568 or 15 มีนาคม 2568',
        )
    return _make_date(_year_from_text(match["year"]), month, int(match["day"]))


def parse_month(text: str) -> tuple[int, int]:
    """Read month-and-year text such as ``ม.ค. 66``, ``มกราคม ๒๕๖๗`` or ``2023-11`` as (C.E. year, month)."""
    clean = _clean(text)
    if match := _ISO_MONTH_RE.match(clean):
        month = int(match["month"])
    elif match := _THAI_MONTH_RE.match(clean):
        month = _month_from_name(match["month"])
    else:
        raise ThaiDateError(
            f'อ่านเดือน "{text}" ไม่ออก เขียนเดือนและปีแบบ มี.ค. 2568, มีนาคม 2568 หรือ 2025-03',
            f'cannot read the month "{text}"; write it as มี.ค. 2568, มีนาคม 2568 or 2025-03',
        )
    _check_month(month)
    return be_to_ce(_year_from_text(match["year"])), month


def format_thai_date(d: date, style: str = "full", digits: str = "arabic") -> str:
    """Render a date the Thai way with a B.E. year: full, medium, short (2-digit year) or month only.

    A date known to its month only (`month_only`, generator/base/month_dates.py) is rendered without a
    day whatever the style: "เมษายน 2566" (full), "เม.ย. 2566" (medium).
    """
    if style not in _STYLES:
        raise ValueError(f"unknown style {style!r}; use one of {', '.join(_STYLES)}")
    be = ce_to_be(d.year)
    text = (_MONTH_STYLES if getattr(d, "month_only", False) else _STYLES)[style].format(
        day=d.day, full=MONTHS_FULL[d.month - 1], abbr=MONTHS_ABBR[d.month - 1], be=be, yy=f"{be % 100:02d}"
    )
    return _apply_digits(text, digits)


def fy_label(fy: int, digits: str = "arabic") -> str:
    """Render the standard Thai name of a fiscal year, e.g. ``ปีงบประมาณ พ.ศ. 2567``."""
    return _apply_digits(f"ปีงบประมาณ พ.ศ. {fy}", digits)


@dataclass(frozen=True)
class Period:
    """A reporting period (fiscal year, half, quarter, span of fiscal years or month) with a canonical key."""

    start: date
    end: date
    key: str

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period {self.key!r} starts after it ends")

    @property
    def label_th(self) -> str:
        """The Thai label used in headings, e.g. ``รอบ 6 เดือน (1 ตุลาคม 2566 – 31 มีนาคม 2567)``."""
        match = _PERIOD_RE.match(self.key)
        span = f"{format_thai_date(self.start)} – {format_thai_date(self.end)}"
        if match is None:
            return span
        if match["month"]:
            return format_thai_date(self.start, "month")
        if match["end"]:
            return f"พ.ศ. {match['fy']} – {match['end']}"
        if match["part"] == "H":
            return f"รอบ 6 เดือน ({span})" if match["n"] == "1" else f"รอบ 6 เดือนหลัง ({span})"
        if match["part"] == "Q":
            return f"ไตรมาสที่ {match['n']} {fy_label(int(match['fy']))} ({span})"
        return fy_label(int(match["fy"]))

    @property
    def fiscal_years(self) -> range:
        """The B.E. fiscal years this period overlaps."""
        return range(fiscal_year(self.start), fiscal_year(self.end) + 1)

    def contains(self, d: date) -> bool:
        """Whether a date (also B.E. or a datetime, normalised like ``parse_date``) falls inside the period."""
        return self.start <= parse_date(d) <= self.end


def period_for_fiscal_year(fy: int) -> Period:
    """Return the whole fiscal year ``fy`` as a Period."""
    return Period(*fiscal_year_bounds(fy), key=str(fy))


def _period_error(text: str, th_reason: str, en_reason: str) -> ThaiDateError:
    return ThaiDateError(
        f'ช่วงเวลา "{text}" ใช้ไม่ได้: {th_reason} เขียนแบบ 2567, 2567-H1, 2567-Q1, 2566-2570 หรือ 2023-11',
        f'period "{text}" is not valid: {en_reason}; write it as 2567, 2567-H1, 2567-Q1, 2566-2570 or 2023-11',
    )


def _fiscal_year_key(raw: str, text: str) -> int:
    fy = int(raw)
    if not _BE_MIN <= fy <= _BE_MAX:
        raise _period_error(text, f"ปีงบประมาณ {fy} ต้องเป็น พ.ศ. ระหว่าง {_BE_MIN}–{_BE_MAX}",
                            f"fiscal year {fy} must be a B.E. year within {_BE_MIN}–{_BE_MAX}")
    return fy


def _part_period(fy: int, part: str, n: int, text: str) -> Period:
    count = 6 if part == "H" else 3
    parts = 12 // count
    if not 1 <= n <= parts:
        raise _period_error(text, f"{part}{n} ไม่มีในปีงบประมาณ (มี {part}1 ถึง {part}{parts})",
                            f"a fiscal year has {part}1 to {part}{parts}, not {part}{n}")
    start, end = _fiscal_slice(fy, (n - 1) * count, count)
    return Period(start, end, f"{fy}-{part}{n}")


def _span_period(first: int, last: int, text: str) -> Period:
    if first > last:
        raise _period_error(text, "ปีแรกต้องไม่มากกว่าปีสุดท้าย", "the first year must not be after the last")
    return Period(fiscal_year_bounds(first)[0], fiscal_year_bounds(last)[1], f"{first}-{last}")


def parse_period(text: str) -> Period:
    """Read a period key (``2567``, ``2567-H1``, ``2567-Q3``, ``2566-2570``, ``2023-11``; Thai digits allowed)."""
    clean = _clean(text).upper()
    match = _PERIOD_RE.match(clean)
    if match is None:
        raise _period_error(text, "รูปแบบไม่ถูกต้อง", "unrecognised form")
    if match["month"]:
        year, month = parse_month(clean)
        return Period(*_month_bounds(year, month), key=f"{year:04d}-{month:02d}")
    fy = _fiscal_year_key(match["fy"], text)
    if match["end"]:
        return _span_period(fy, _fiscal_year_key(match["end"], text), text)
    if match["part"]:
        return _part_period(fy, match["part"], int(match["n"]), text)
    return period_for_fiscal_year(fy)
