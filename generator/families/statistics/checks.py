"""Checks of the statistics tables: rows that do not fit the headers, printed totals and ratios that
differ from the ones the rows give, and a row label printed twice.

A row or a totals row with more or fewer figures than the table has columns is an error: nothing
could say which figure belongs to which header; so is a ratio printed as "1 : 19" in a column no
ratio names, which would be summed as a count. A printed total or ratio that differs is a
discrepancy the webmaster may acknowledge next to the figure (generator/engine/figures.py); a
repeated label is a plain warning, since a reader could not tell the two rows apart.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.base.problems import Problem
from generator.base.sources import dotted
from generator.engine.checking import problem_at
from generator.engine.data import Data, Project
from generator.engine.checking import discrepancy_at
from generator.engine.printed import printed_total, repeated_rows
from generator.families.statistics.model import (PrintedRatio, Ratio, Table, as_printed, computed_totals, places_of,
                                                 ratio_of)

KIND = "statistics"  # the Data.origins kind of data/statistics/<year>.yml


def check_statistics(data: Data, project: Project) -> list[Problem]:
    """Every table of every year: its shape, its printed totals and ratios, its row labels."""
    problems: list[Problem] = []
    for year, record in sorted(data.statistics.items()):
        key = str(year)
        for t, table in enumerate(record.tables):
            at = ("tables", t)
            shape = _check_shape(data, key, at, table) + _check_ratio_cells(data, key, at, table)
            problems += shape
            problems += repeated_rows(data, KIND, key, at + ("rows",), [r.label_th for r in table.rows],
                                      "ชื่อแถว", "row label", code="duplicate_label")
            if not shape:
                problems += _check_totals(data, key, at, table) + _check_ratios(data, key, at, table)
    return problems


def _check_shape(data: Data, key: str, at: tuple[Any, ...], table: Table) -> list[Problem]:
    """Each row, and the totals row, has one figure per column."""
    width = len(table.columns)
    cells = [(("rows", i, "values"), row.values) for i, row in enumerate(table.rows)]
    cells += [(("totals",), table.totals)] if table.totals is not None else []
    return [problem_at(data, KIND, key, at + path, "row_width",
                       f"มีตัวเลข {len(values)} ช่อง แต่ตารางมี {width} คอลัมน์ ({', '.join(table.columns)}) "
                       "ให้ใส่ตัวเลขให้ครบทุกคอลัมน์ ช่องที่ไม่มีตัวเลขให้เขียน -",
                       f"{len(values)} figures for {width} columns ({', '.join(table.columns)}); give one per "
                       "column, - for an empty cell")
            for path, values in cells if len(values) != width]


def _check_ratio_cells(data: Data, key: str, at: tuple[Any, ...], table: Table) -> list[Problem]:
    """A ratio printed "1 : 19" belongs in a column a ratio names with `column:`; elsewhere it would be summed."""
    cells = [(("rows", i, "values", j), value) for i, row in enumerate(table.rows) for j, value in enumerate(row.values)]
    cells += [(("totals", j), value) for j, value in enumerate(table.totals or [])]
    named = table.ratio_columns
    return [problem_at(data, KIND, key, at + path, "ratio_outside_ratio_column",
                       f"ช่องนี้พิมพ์เป็นอัตราส่วน ({value}) แต่คอลัมน์ '{table.columns[path[-1]]}' ไม่ใช่คอลัมน์อัตราส่วน "
                       "ให้เพิ่มใน ratios: ชื่ออัตราส่วน numerator, denominator และ column: หัวคอลัมน์นี้",
                       f"this cell is a ratio ({value}) but the column '{table.columns[path[-1]]}' is not a ratio's; "
                       "add it under ratios: with numerator, denominator and column: this header")
            for path, value in cells if isinstance(value, PrintedRatio) and path[-1] < len(table.columns)
            and path[-1] not in named]


def _check_totals(data: Data, key: str, at: tuple[Any, ...], table: Table) -> list[Problem]:
    """Each printed total of a summed column against the sum of the rows."""
    if table.totals is None:
        return []
    computed = computed_totals(table)
    return [p for j, header in enumerate(table.columns) if j not in table.ratio_columns
            for p in printed_total(data, KIND, key, at + ("totals", j), _count(table.totals[j]), _count(computed[j]),
                                   f"ผลรวมของคอลัมน์ '{header}' ", f"total of the column '{header}'")]


def _check_ratios(data: Data, key: str, at: tuple[Any, ...], table: Table) -> list[Problem]:
    """Each printed ratio (its column in every row and in the totals row) against the one its columns give."""
    problems = []
    for ratio in (r for r in table.ratios if r.column):
        k = table.index(ratio.column)  # type: ignore[arg-type]
        printed_rows = [(("rows", i, "values", k), row.values[k], row.values) for i, row in enumerate(table.rows)]
        if table.totals is not None:
            printed_rows.append((("totals", k), table.totals[k], computed_totals(table)))
        for path, printed, values in printed_rows:
            found = ratio_of(values, table, ratio, places_of(printed, ratio.places)) if path[0] == "rows" else values[k]
            if printed is not None and found is not None and printed != found:
                problems.append(_ratio_differs(data, key, at + path, ratio, printed, as_printed(printed, found)))
    return problems


def _ratio_differs(data: Data, key: str, path: tuple[Any, ...], ratio: Ratio, printed: Decimal,
                   found: Decimal) -> Problem:
    return discrepancy_at(
        data, KIND, key, path, "printed_ratio",
        f"อัตราส่วน{ratio.label_th}ตามที่พิมพ์ ({printed}) ไม่ตรงกับที่คำนวณจาก {ratio.numerator} ÷ {ratio.denominator} "
        f"({found}) เว็บไซต์แสดงตัวเลขที่พิมพ์เป็นตัวเลขทางการและแสดงที่คำนวณได้ไว้ข้างกัน ให้ตรวจต้นฉบับ "
        f"หรือรับทราบความต่างใน acknowledged: {dotted(path)}",
        f"the printed ratio {ratio.label_th} ({printed}) differs from {ratio.numerator} / {ratio.denominator} "
        f"({found}); the site shows the printed figure as official with the computed one beside it. Check the "
        f"source, or acknowledge the difference under acknowledged: {dotted(path)}")


def _count(value: Decimal | None) -> int | Decimal | None:
    """A whole figure as a count (messages print 1,250, not 1,250.00)."""
    if value is None:
        return None
    return int(value) if places_of(value, 0) == 0 else value
