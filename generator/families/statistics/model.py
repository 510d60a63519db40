"""Office statistics (ข้อมูลสถิติ): the tables an area office's report prints, as printed.

`data/statistics/<fiscal year>.yml` holds the year's tables: schools, pupils, teachers and
classrooms by district, or any rows the report has. Each table keeps its title, its column headers
and its row labels in the report's own wording, the figures of each row, and the totals row when
the report prints one. The site computes each column's total and each declared ratio (pupils per
teacher: `numerator` and `denominator` name columns) and checks them against the printed ones; the
printed figure stays the official one (generator/engine/figures.py). A cell printed as "-" is no
figure: it is shown as printed and never counted as 0. A ratio printed as "1 : 19" (one teacher to
19 pupils) is kept as printed, a `PrintedRatio`: it compares as its number (19) and prints as "1 : 19".
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
import re
from typing import Annotated, Any

from pydantic import Field, ValidatorFunctionWrapHandler, WithJsonSchema, WrapValidator, field_validator, model_validator

from generator.base.calendar import to_arabic_digits
from generator.base.fields import PrintedDate, PrintedNumber, Slug, Text
from generator.base.messages import allowed_hint
from generator.base.problems import DataError
from generator.engine.figures import Acknowledging
from generator.engine.records import Record

_NO_FIGURE = ("-", "–", "—", "")
# "1 : 19", "๑ : ๑๙", "19:1": two figures around a colon.
_RATIO = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*:\s*(\d[\d,]*(?:\.\d+)?)\s*$")


class PrintedRatio(Decimal):
    """A ratio printed as "1 : 19": compared, checked and sorted as its number (19), always shown as printed.

    The number is the side that is not 1 (one teacher to 19 pupils is 19 pupils per teacher, however
    the table orders the sides), so it meets the ratio computed from the columns as any figure does.
    Arithmetic gives plain numbers; only the printed cell keeps its form.
    """

    printed: str

    def __new__(cls, number: Decimal | str, printed: str) -> PrintedRatio:
        self = super().__new__(cls, number)
        self.printed = printed
        return self

    def __str__(self) -> str:
        return self.printed

    def __format__(self, spec: str) -> str:
        return self.printed  # as printed, whatever the places a page asks for

    def __repr__(self) -> str:
        return f"PrintedRatio({self.printed!r})"

    def __reduce__(self) -> tuple[type, tuple[Decimal, str]]:
        return (PrintedRatio, (Decimal(self), self.printed))

    def like(self, value: Decimal) -> PrintedRatio:
        """`value` in this ratio's printed form: a computed 18 beside a printed "1 : 19" reads "1 : 18"."""
        left = _RATIO.match(to_arabic_digits(self.printed)).group(1)  # type: ignore[union-attr]
        one_first = Decimal(left.replace(",", "")) == 1
        return PrintedRatio(value, f"1 : {value}" if one_first else f"{value} : 1")


def printed_ratio(value: Any) -> PrintedRatio | None:
    """A cell written "1 : 19" as a PrintedRatio (None: not that form); a ratio of two figures other than 1 is refused."""
    found = _RATIO.match(to_arabic_digits(value)) if isinstance(value, str) else None
    if found is None:
        return None
    left, right = (Decimal(side.replace(",", "")) for side in found.groups())
    if left != 1 and right != 1:
        raise DataError(f"อัตราส่วน '{value}' ต้องมีข้างหนึ่งเป็น 1 เช่น 1 : 19 (ครู 1 คน ต่อนักเรียน 19 คน)",
                        f"a ratio '{value}' needs 1 on one side, e.g. 1 : 19 (one teacher to 19 pupils)", "figure")
    return PrintedRatio(right if left == 1 else left, value.strip())


def _ratio_or_number(value: Any, number: ValidatorFunctionWrapHandler) -> Any:
    ratio = printed_ratio(value)
    return ratio if ratio is not None else number(value)


Cell = Annotated[PrintedNumber, WrapValidator(_ratio_or_number), WithJsonSchema(
    {"type": ["number", "string"], "description": "ตัวเลขตามที่พิมพ์ เช่น 8,120 หรือ 15.86 หรือ อัตราส่วน 1 : 19 "
                                                  "/ a figure or a ratio as printed"})]
Cells = list[Cell | None]


def _cells(value: Any) -> Any:
    """A printed "-" (or an empty cell) is no figure: None, never 0."""
    if isinstance(value, list):
        return [None if isinstance(v, str) and v.strip() in _NO_FIGURE else v for v in value]
    return value


class Row(Record):
    """One printed row: its label as printed (a district, a school size, anything) and its figures."""

    label_th: Text = Field(description="ชื่อแถวตามที่พิมพ์ เช่น อำเภอเมือง / row label as printed")
    values: Cells = Field(description="ตัวเลขของแถว เรียงตามคอลัมน์ ช่องที่พิมพ์ - ให้เขียน - / the row's figures")

    _no_figure = field_validator("values", mode="before")(_cells)


class Ratio(Record):
    """A ratio the report prints or the office wants computed, e.g. pupils per teacher."""

    label_th: Text = Field(description="ชื่ออัตราส่วน เช่น นักเรียนต่อครู / its name")
    numerator: Text = Field(description="หัวคอลัมน์ตัวตั้ง เช่น นักเรียน / header of the numerator column")
    denominator: Text = Field(description="หัวคอลัมน์ตัวหาร เช่น ครู / header of the denominator column")
    column: Text | None = Field(None, description="หัวคอลัมน์ที่พิมพ์อัตราส่วนนี้ไว้ (ถ้ามี) ระบบตรวจกับที่คำนวณได้ "
                                                  "/ header of the column that prints it, checked")
    places: int = Field(2, ge=0, le=4, description="จำนวนทศนิยมเมื่อคำนวณ / decimals when computed")


class Table(Record):
    """One printed table: title, the label column's header and the other headers as printed, rows, totals."""

    id: Slug = Field(description="รหัสตาราง ใช้เป็นชื่อไฟล์ CSV/XLSX / table id, the download's file name")
    title_th: Text = Field(description="ชื่อตารางตามที่พิมพ์ / title as printed")
    label_th: Text = Field(description="หัวคอลัมน์แรกตามที่พิมพ์ เช่น อำเภอ / header of the label column")
    columns: list[Text] = Field(min_length=1, description="หัวคอลัมน์ตัวเลขตามที่พิมพ์ / figure headers as printed")
    rows: list[Row] = Field(min_length=1)
    totals: Cells | None = Field(None, description="แถวรวมตามที่พิมพ์ (ถ้ามี) เรียงตามคอลัมน์ / printed totals row")
    totals_label_th: Text = Field("รวม", description="ชื่อแถวรวมตามที่พิมพ์ / the totals row's label")
    ratios: list[Ratio] = []
    note_th: Text | None = None

    _no_figure = field_validator("totals", mode="before")(_cells)

    @model_validator(mode="after")
    def _headers_known(self) -> Table:
        if len(set(self.columns)) != len(self.columns):
            raise DataError("หัวคอลัมน์ซ้ำกัน ให้ตั้งหัวคอลัมน์ให้ต่างกัน (อัตราส่วนอ้างถึงคอลัมน์ด้วยหัวคอลัมน์)",
                            "two columns have the same header; make them differ (ratios name columns by header)",
                            "columns")
        for ratio in self.ratios:
            for header in (ratio.numerator, ratio.denominator, ratio.column):
                if header is not None and header not in self.columns:
                    hint_th, hint_en = allowed_hint(header, self.columns)
                    raise DataError(f"ไม่มีคอลัมน์ '{header}' ในตาราง '{self.id}' {hint_th}",
                                    f"table '{self.id}' has no column '{header}'; {hint_en}", "ratio_column")
        return self

    def index(self, header: str) -> int:
        """The position of a column among `columns`."""
        return self.columns.index(header)

    @property
    def ratio_columns(self) -> set[int]:
        """Columns that print a ratio: their total is the ratio of the totals, not a sum."""
        return {self.index(r.column) for r in self.ratios if r.column}


class StatisticsYear(Acknowledging):
    """`data/statistics/<fiscal year>.yml`: the year's tables, where they come from and as of when."""

    title_th: Text | None = Field(None, description="ชื่อรายงาน เช่น ข้อมูลสารสนเทศทางการศึกษา ปีการศึกษา 2569 / title")
    as_of: PrintedDate | None = Field(None, description="ข้อมูล ณ วันที่ (หรือเดือน) / data as of")
    source_th: Text | None = Field(None, description="แหล่งข้อมูล เช่น ระบบ DMC / where the figures come from")
    tables: list[Table] = Field(min_length=1)

    @model_validator(mode="after")
    def _tables_apart(self) -> StatisticsYear:
        ids = [t.id for t in self.tables]
        if len(set(ids)) != len(ids):
            raise DataError("รหัสตาราง (id) ซ้ำกัน ให้ตั้งรหัสให้ต่างกัน (ใช้เป็นชื่อไฟล์ดาวน์โหลด)",
                            "two tables have the same id; make them differ (it names the download)", "duplicate_id")
        return self


def as_printed(official: Decimal | None, computed: Decimal | None) -> Decimal | None:
    """The computed figure in the form of the printed one (a ratio printed "1 : 19" is checked as "1 : 18")."""
    if isinstance(official, PrintedRatio) and computed is not None:
        return official.like(computed)
    return computed


def column_total(table: Table, column: int) -> Decimal | None:
    """The sum of a column over the rows (None: no row has a figure there, or the column is a ratio)."""
    if column in table.ratio_columns:
        return None
    values = [v for row in table.rows if column < len(row.values) and (v := row.values[column]) is not None]
    return sum(values, Decimal(0)) if values else None


def ratio_of(values: list[Decimal | None], table: Table, ratio: Ratio, places: int) -> Decimal | None:
    """numerator / denominator of one row (or of the totals), half up to `places`; None without both or by zero."""
    top, bottom = (values[table.index(h)] if table.index(h) < len(values) else None
                   for h in (ratio.numerator, ratio.denominator))
    if top is None or bottom is None or bottom == 0:
        return None
    return (top / bottom).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def places_of(value: Decimal | None, default: int) -> int:
    """The decimals a figure was printed with (15.86 → 2), or `default` when there is none."""
    if value is None:
        return default
    return max(0, -int(value.as_tuple().exponent))


def computed_totals(table: Table) -> list[Decimal | None]:
    """The totals row as computed: each column's sum, each printed ratio from the summed columns."""
    sums = [column_total(table, j) for j in range(len(table.columns))]
    for ratio in table.ratios:
        if ratio.column:
            printed = (table.totals or [None] * len(table.columns))[table.index(ratio.column)]
            sums[table.index(ratio.column)] = ratio_of(sums, table, ratio, places_of(printed, ratio.places))
    return sums


def public(years: dict[int, StatisticsYear], today: date) -> dict[int, StatisticsYear]:
    """The years whose figures exist by `today`: a table as of a later day (or month) is not yet published."""
    return {year: record for year, record in years.items() if record.as_of is None or record.as_of <= today}
