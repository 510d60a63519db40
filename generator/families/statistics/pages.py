"""Statistics pages: `/statistics/` lists the years, `/statistics/<year>/` prints each table as the report does.

Each table shows the printed figures, its totals row as printed with the sum of the rows beside a
total that differs, and each printed ratio with the computed one beside it (a ratio printed "1 : 19"
as printed, its check as "1 : 18"); a ratio the report does not print is its own column marked
(คำนวณ). A difference is explained under the table, with the office's reason when it acknowledged it. Every table is also a CSV and an XLSX (engine/downloads.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.pages import Asset, Page, page
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.families.statistics.model import (Ratio, StatisticsYear, Table, as_printed, computed_totals,
                                                 places_of, ratio_of)

TOPIC = "org.statistics"
TITLE = "ข้อมูลสถิติ"


@dataclass(frozen=True)
class Shown:
    """One table as the page prints it: the DataTable and the figures whose printed value differs."""

    table: Table
    data: DataTable
    notes: tuple[Figure, ...]


def build(site: Site) -> list[Page | Asset]:
    """The index (in the nav), then each year's page with its tables and their downloads.

    The index is made even before the first year's file, saying so, as every family's index is:
    a new office's nav, copied from the example, names it.
    """
    years = sorted(site.statistics, reverse=True)
    out: list[Page | Asset] = [page("statistics/index.md", "statistics.md.j2", TITLE, in_nav=True,
                                    years=[(y, site.statistics[y]) for y in years])]
    for year in years:
        out += _year(site, year, site.statistics[year])
    return out


def _year(site: Site, year: int, record: StatisticsYear) -> list[Page | Asset]:
    uri = f"statistics/{year}/index.md"
    shown = [_shown(record, t, table) for t, table in enumerate(record.tables)]
    built = page(uri, "statistics-year.md.j2", f"{TITLE} {fy_label(year)}", topics=(TOPIC,), period=str(year),
                 source=site.source("statistics", str(year)), record=record, tables=shown)
    return [built, *(Asset(s.data.csv_path(uri), s.data.csv()) for s in shown)]


def _shown(record: StatisticsYear, t: int, table: Table) -> Shown:
    """The table's rows and totals as cells, the printed figure first in each."""
    printed = {table.index(r.column): r for r in table.ratios if r.column}
    extra = [r for r in table.ratios if not r.column]  # computed only: a column of their own
    notes: list[Figure] = []
    rows = []
    for i, row in enumerate(table.rows):
        cells = []
        for j, value in enumerate(row.values):
            if j in printed:
                found = ratio_of(row.values, table, printed[j], places_of(value, printed[j].places))
                cell = _figure(f"{printed[j].label_th} ({row.label_th})", value, found, record,
                               f"tables[{t}].rows[{i}].values[{j}]")
                notes += [cell] if cell.differs else []
                cells.append(cell.cell or "-")
            else:
                cells.append(_text(value))
        rows.append((row.label_th, *cells, *(_text(ratio_of(row.values, table, r, r.places)) for r in extra)))
    footer, total_notes = _footer(record, t, table, extra)
    columns = (table.label_th, *table.columns, *(f"{r.label_th} (คำนวณ)" for r in extra))
    return Shown(table, DataTable(table.id, table.title_th, columns, tuple(rows), footer), tuple(notes + total_notes))


def _footer(record: StatisticsYear, t: int, table: Table, extra: list[Ratio]) -> tuple[tuple[str, ...], list[Figure]]:
    """The totals row: each printed total with its computed check, or the computed totals, marked as such."""
    computed = computed_totals(table)
    printed = table.totals or [None] * len(table.columns)
    figures = [_figure(f"{table.totals_label_th}: {header}", printed[j], computed[j], record, f"tables[{t}].totals[{j}]")
               for j, header in enumerate(table.columns)]
    shown: list[Decimal | None] = [f.shown for f in figures]  # type: ignore[misc]
    label = table.totals_label_th if table.totals is not None else f"{table.totals_label_th} (คำนวณ)"
    cells = (label, *(f.cell or "-" for f in figures), *(_text(ratio_of(shown, table, r, r.places)) for r in extra))
    return cells, [f for f in figures if f.differs]


def _figure(label: str, official: Decimal | None, computed: Decimal | None, record: StatisticsYear,
            field: str) -> Figure:
    """A printed figure and its check; a ratio printed "1 : 19" keeps its form, and so does its check."""
    places = places_of(official if official is not None else computed, 0)
    return figure(label, official, as_printed(official, computed), record, field, places=places)


def _text(value: Decimal | None) -> str:
    """A figure as printed (8,120, 15.86 or 1 : 19), "-" for none."""
    return "-" if value is None else f"{value:,.{places_of(value, 0)}f}"
