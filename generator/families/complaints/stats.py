"""Complaint statistics, computed from the anonymised register, never typed by hand.

The legal group's table has five columns per period: brought forward (ยกมา), new (รับใหม่), total
(รวม), finished (เสร็จ) and pending (คงค้าง). Here they follow from the dates alone, so that
`ยกมา + รับใหม่ = รวม = เสร็จ + คงค้าง` always holds and the next period's brought-forward is this
period's pending. The OIT form (total, finished, in progress) is the same figures for corruption and
misconduct cases. Everything is counted as of a date: a case received later is not there yet, and a
case closed later is still open.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable

from generator.base import calendar
from generator.families.complaints.model import CLOSED_STATUSES, MATTERS, STATUSES, Case, PrintedTable

# A published cross-tabulation may not show a cell below this count (other than 0): a small cell
# can point at one person. Such a table is replaced by its margins (DESIGN: nothing leaks).
MIN_CELL = 3
_FIELDS = ("brought_forward", "received", "total", "finished", "pending")


@dataclass(frozen=True)
class Counts:
    """One period of the legal group's table."""

    brought_forward: int = 0
    received: int = 0
    finished: int = 0

    @property
    def total(self) -> int:
        """รวม = ยกมา + รับใหม่."""
        return self.brought_forward + self.received

    @property
    def pending(self) -> int:
        """คงค้าง = รวม − เสร็จ: the cases still open at the end of the period."""
        return self.total - self.finished

    def value(self, name: str) -> int:
        """A column by name (`brought_forward`, …, `pending`)."""
        return getattr(self, name)


def counts(cases: Iterable[Case], start: date, end: date) -> Counts:
    """The period `start`–`end`: open at its start, received in it, and closed in it."""
    carried = received = finished = 0
    for case in cases:  # 770 periods × 5,000 cases on a large office: plain reads, no method calls
        got, closed = case.received, case.closed
        if got < start:
            if closed is not None and closed < start:  # closed before the period: not carried into it
                continue
            carried += 1
        elif got <= end:
            received += 1
        else:
            continue
        finished += closed is not None and start <= closed <= end
    return Counts(carried, received, finished)


@dataclass(frozen=True)
class PeriodRow:
    """A month, quarter, half or the year; `counts` is None while the period has not begun."""

    key: str
    label: str
    period: calendar.Period
    counts: Counts | None
    until: date | None = None  # set while the period is still running: the as-of date it is counted to


@dataclass(frozen=True)
class Share:
    """One line of a one-way breakdown (a margin): a value and how many cases have it."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class CrossTab:
    """A two-way table, or the reason it is withheld (a non-zero cell below MIN_CELL)."""

    rows: tuple[tuple[str, str], ...]  # (key, label)
    columns: tuple[tuple[str, str], ...]
    cells: dict[tuple[str, str], int]
    withheld: bool

    def cell(self, row: str, column: str) -> int:
        """The count of one cell (0 when no case has both values)."""
        return self.cells.get((row, column), 0)


@dataclass(frozen=True)
class DaysToClose:
    """How long closing took, over the cases closed in the year (calendar days)."""

    closed: int
    average: Decimal | None
    longest: int | None


class YearStats:
    """The statistics of one fiscal year as of a date, over cases of that year and earlier ones."""

    def __init__(self, year: int, cases: Iterable[Case], as_of: date, category: str | None = None) -> None:
        self.year = year
        self.start, self.end = calendar.fiscal_year_bounds(year)
        self.as_of = min(as_of, self.end)
        self.category = category
        self.cases = tuple(c for c in cases if c.received <= self.as_of
                           and (category is None or c.category == category))
        self.of_year = tuple(c for c in self.cases if c.received >= self.start)

    @property
    def started(self) -> bool:
        """Whether the fiscal year had begun on the as-of date."""
        return self.as_of >= self.start

    def period(self, period: calendar.Period) -> PeriodRow:
        """One row for `period`, cut at the as-of date."""
        if period.start > self.as_of:
            return PeriodRow(period.key, period.label_th, period, None)
        end = min(period.end, self.as_of)
        return PeriodRow(period.key, period.label_th, period, counts(self.cases, period.start, end),
                         end if end < period.end else None)

    def months(self) -> list[PeriodRow]:
        """October to September."""
        rows = []
        for year, month in calendar.fiscal_months(self.year):
            row = self.period(calendar.parse_period(f"{calendar.ce_to_be(year)}-{month:02d}"))
            rows.append(PeriodRow(row.key, calendar.format_thai_date(date(year, month, 1), "month"), row.period,
                                  row.counts, row.until))
        return rows

    def quarters(self) -> list[PeriodRow]:
        """Q1 (Oct–Dec) to Q4 (Jul–Sep)."""
        return [self._part("Q", n, f"ไตรมาสที่ {n}") for n in range(1, 5)]

    def halves(self) -> list[PeriodRow]:
        """The first six months (the OIT period) and the second."""
        return [self._part("H", 1, "รอบ 6 เดือนแรก (ต.ค.–มี.ค.)"), self._part("H", 2, "รอบ 6 เดือนหลัง (เม.ย.–ก.ย.)")]

    def whole(self) -> PeriodRow:
        """The fiscal year up to the as-of date."""
        row = self.period(calendar.period_for_fiscal_year(self.year))
        return PeriodRow(row.key, "ทั้งปีงบประมาณ", row.period, row.counts, row.until)

    def _part(self, part: str, n: int, label: str) -> PeriodRow:
        row = self.period(calendar.parse_period(f"{self.year}-{part}{n}"))
        return PeriodRow(row.key, label, row.period, row.counts, row.until)

    def by(self, name: str, table: dict[str, tuple[str, str]]) -> list[Share]:
        """Cases received in the year by one field (channel, category, matter), in vocabulary order."""
        found = Counter(getattr(c, name) for c in self.of_year)
        return [Share(key, table[key][0], found[key]) for key in table if found[key]]

    def statuses(self) -> list[Share]:
        """Every case handled in the year (brought forward or new) by its status on the as-of date."""
        handled = [c for c in self.cases if not c.closed_by(self.start - timedelta(days=1))]
        found = Counter(status_on(c, self.as_of) for c in handled)
        return [Share(key, label, found[key]) for key, (label, _) in STATUSES.items() if found[key]]

    def outcomes(self, table: dict[str, tuple[str, str]]) -> list[Share]:
        """Cases closed in the year by outcome; a closed case without one counts as `ไม่ระบุ`."""
        closed = self._closed()
        found = Counter(c.outcome for c in closed)
        shares = [Share(key, table[key][0], found[key]) for key in table if found[key]]
        return shares + ([Share("", "ไม่ระบุ", found[None])] if found[None] else [])

    def days_to_close(self) -> DaysToClose:
        """Average (one decimal, half up) and longest time to close, over the cases closed in the year."""
        days = [(c.closed - c.received).days for c in self._closed() if c.closed]
        if not days:
            return DaysToClose(0, None, None)
        average = (Decimal(sum(days)) / len(days)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        return DaysToClose(len(days), average, max(days))

    def cross(self, row_field: str, row_table: dict[str, tuple[str, str]], column_field: str,
              column_table: dict[str, tuple[str, str]]) -> CrossTab:
        """Cases received in the year by two fields; withheld when a cell could single out a person."""
        cells = Counter((getattr(c, row_field), _value(c, column_field, self.as_of)) for c in self.of_year)
        rows = tuple((k, row_table[k][0]) for k in row_table if any(r == k for r, _ in cells))
        columns = tuple((k, column_table[k][0]) for k in column_table if any(c == k for _, c in cells))
        withheld = any(0 < n < MIN_CELL for n in cells.values())
        return CrossTab(rows, columns, dict(cells), withheld)

    def _closed(self) -> list[Case]:
        return [c for c in self.cases if c.closed is not None and self.start <= c.closed <= self.as_of]


def status_on(case: Case, day: date) -> str:
    """The status a case had on `day`: a case closed after that day was still in progress."""
    if case.status in CLOSED_STATUSES and not case.closed_by(day):
        return "in_progress"
    return case.status


def _value(case: Case, name: str, day: date) -> str:
    return status_on(case, day) if name == "status" else getattr(case, name)


# --- printed summary tables --------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """A printed figure that differs from what the table's own figures (or the register) give."""

    row: int | None  # None: the totals row
    name: str  # the column
    printed: int
    computed: int


@dataclass(frozen=True)
class PrintedCheck:
    """A printed table with its recomputed row totals, column sums and the differences found."""

    table: PrintedTable
    rows: tuple[Counts, ...]
    totals: Counts
    differences: tuple[Difference, ...]

    def printed(self, row: int | None, name: str) -> int | None:
        """The figure as printed, for the page to show beside the computed one."""
        source = self.table.totals if row is None else self.table.rows[row]
        return getattr(source, name, None) if source is not None else None

    def differs(self, row: int | None, name: str) -> bool:
        """Whether the printed figure at (row, column) is wrong."""
        return any(d.row == row and d.name == name for d in self.differences)


def check_printed(table: PrintedTable) -> PrintedCheck:
    """Recompute each row's total and pending, and the column sums; list every printed figure that differs."""
    rows = tuple(Counts(r.brought_forward, r.received, r.finished) for r in table.rows)
    differences = [Difference(i, name, getattr(printed, name), computed.value(name))
                   for i, (printed, computed) in enumerate(zip(table.rows, rows))
                   for name in ("total", "pending")
                   if getattr(printed, name) is not None and getattr(printed, name) != computed.value(name)]
    totals = Counts(*(sum(getattr(r, name) for r in rows) for name in ("brought_forward", "received", "finished")))
    if table.totals is not None:
        differences += [Difference(None, name, getattr(table.totals, name), totals.value(name)) for name in _FIELDS
                        if getattr(table.totals, name) is not None and getattr(table.totals, name) != totals.value(name)]
    return PrintedCheck(table, rows, totals, tuple(differences))


def against_register(table: PrintedTable, cases: Iterable[Case]) -> list[Difference]:
    """Printed rows compared with the register over the same period, scope and matter; a row in the report's
    own wording names no matter of the register, and is not compared."""
    period = table.period_obj
    cases = [c for c in cases if table.scope is None or c.category == table.scope]
    out = []
    for i, row in enumerate(table.rows):
        if row.matter not in MATTERS:
            continue
        computed = counts((c for c in cases if c.matter == row.matter), period.start, period.end)
        out += [Difference(i, name, getattr(row, name), computed.value(name))
                for name in ("brought_forward", "received", "finished") if getattr(row, name) != computed.value(name)]
    return out


COLUMN_LABELS: dict[str, str] = {
    "brought_forward": "ยกมา", "received": "รับใหม่", "total": "รวม", "finished": "เสร็จ", "pending": "คงค้าง",
}
