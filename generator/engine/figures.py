"""Published figures beside computed ones, and the webmaster's acknowledgement of a known difference.

A real report prints totals, scores and counts, and some of them are wrong. The site never replaces
a figure the office or the assessor published: it shows it as the official one, with the figure
computed from its rows beside it as the check (DESIGN.md, idea 3). A difference is a warning, located
at the printed figure, that a strict build refuses, until the webmaster writes next to the figure
that it is known and why it is kept:

    total_printed: 91.25
    acknowledged:
      total_printed:
        reason_th: ตัวเลขตามที่พิมพ์ในรายงานฉบับที่เผยแพร่
        date: 2569-11-20

Checks report a difference with `discrepancy_at` (generator/engine/checking.py, so that this module,
which the family models import, imports no checks) and never read `acknowledged` themselves: one
pipeline step (generator/pipeline/acknowledge.py) turns each acknowledged difference into a note and
warns about an acknowledgement that no longer matches any difference. Nothing else can be silenced.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import Field

from generator.base.fields import Text, ThaiDate
from generator.engine.records import Record


class Acknowledgement(Record):
    """Why a printed figure that differs from its rows is kept as printed, and since when."""

    reason_th: Text = Field(description="เหตุผลที่คงตัวเลขตามที่พิมพ์ไว้ / why the printed figure is kept")
    date: ThaiDate = Field(description="วันที่รับทราบ / date acknowledged")


# Field path from the record, as messages name it ("total_printed", "printed_tables[0].totals.received").
Acknowledgements = dict[str, Acknowledgement]


class Acknowledging(Record):
    """A record with printed figures: it may acknowledge their known differences."""

    acknowledged: Acknowledgements = Field(
        default_factory=dict,
        description="ความต่างที่รับทราบแล้ว: ชื่อช่อง → เหตุผลและวันที่ / known differences, by field")


Number = int | Decimal | float
# A published label (a risk level "สูงมาก") is a figure too: shown as published, the computed one beside it.
Value = Number | str


@dataclass(frozen=True)
class Figure:
    """One published figure and its check, for a page: the official figure is always the one shown first.

    `official` is what the source printed (None: it printed nothing, then the computed figure is all
    there is, and the page says it is computed); `computed` is what the rows give (None: no rows).
    """

    label_th: str
    official: Value | None
    computed: Value | None
    acknowledgement: Acknowledgement | None = None
    places: int = 2  # decimals as reports print them: 2 for scores and baht, 0 for counts
    tolerance: Number = 0  # a difference this small is a rounding step, not a difference (ITA: 0.01)

    def text(self, value: Value | None) -> str:
        """A figure as reports print it (`1,234.50`), a label as it is, empty for none."""
        if value is None:
            return ""
        return value if isinstance(value, str) else f"{value:,.{self.places}f}"

    @property
    def cell(self) -> str:
        """The figure as a table cell and in CSV: the official one, the computed check in brackets if it differs."""
        if self.official is None:
            return self.text(self.computed)
        if self.differs:
            return f"{self.text(self.official)} (คำนวณได้ {self.text(self.computed)})"
        return self.text(self.official)

    @property
    def differs(self) -> bool:
        """True when both figures exist and differ (numbers: by more than the tolerance)."""
        if self.official is None or self.computed is None:
            return False
        if isinstance(self.official, str) or isinstance(self.computed, str):
            return self.official != self.computed
        return abs(self.official - self.computed) > self.tolerance  # type: ignore[operator]

    @property
    def difference(self) -> Number | None:
        """Official minus computed, when both exist and are numbers."""
        if self.official is None or self.computed is None or isinstance(self.official, str):
            return None
        return self.official - self.computed  # type: ignore[operator]

    @property
    def noun_th(self) -> str:
        """What the note calls the figure: a number (ตัวเลข), or a value such as a printed level (ค่า)."""
        return "ค่า" if isinstance(self.official, str) else "ตัวเลข"

    @property
    def shown(self) -> Value | None:
        """The figure a headline shows: the official one whenever there is one."""
        return self.official if self.official is not None else self.computed


def figure(label_th: str, official: Value | None, computed: Value | None, record: Any = None,
           field: str = "", places: int = 2, tolerance: Number = 0) -> Figure:
    """A Figure with the record's acknowledgement of `field` (its path from the record), if it has one."""
    acknowledged = getattr(record, "acknowledged", None) or {}
    return Figure(label_th, official, computed, acknowledged.get(field), places, tolerance)
