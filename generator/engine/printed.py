"""What real reports' tables get wrong, checked the same way in every family.

A printed total that is not the sum of its rows, a stated count that is not the number of rows, a
row printed twice: each is a located problem. The first two are discrepancies (a warning the
webmaster may acknowledge next to the figure, generator/engine/figures.py); a repeated row is a
plain warning, since the page would otherwise count it twice without saying so.
"""

from __future__ import annotations

import re
from typing import Any, Hashable, Iterable

from generator.base.problems import Problem
from generator.base.sources import dotted
from generator.engine.data import Data
from generator.engine.checking import problem_at
from generator.engine.checking import discrepancy_at
from generator.engine.figures import Number


def printed_total(data: Data, kind: str, record_id: str, path: tuple[Any, ...], printed: Number | None,
                  computed: Number | None, what_th: str, what_en: str, basis_th: str = "ผลรวมของรายการ",
                  basis_en: str = "the sum of its rows", code: str = "printed_total") -> list[Problem]:
    """A printed figure (at `path`) that differs from the one computed, as an acknowledgeable warning.

    The figure computed is the sum of its rows unless `basis_th`/`basis_en` name another (the register of the
    same period, the row's own columns); `code` tells the two kinds of check apart (`printed_register`).
    """
    if printed is None or computed is None or printed == computed:
        return []
    field, shown, found, gap = dotted(path), _amount(printed), _amount(computed), _amount(printed - computed)
    return [discrepancy_at(
        data, kind, record_id, path, code,
        f"{what_th}ตามที่พิมพ์ ({shown}) ไม่ตรงกับ{basis_th} ({found}) ต่างกัน {gap} "
        "เว็บไซต์แสดงตัวเลขที่พิมพ์เป็นตัวเลขทางการและแสดงค่าที่คำนวณได้ไว้ข้างกัน "
        f"ให้ตรวจต้นฉบับ แก้ตัวเลขที่กรอกผิด หรือรับทราบความต่างใน acknowledged: {field}",
        f"the printed {what_en} ({shown}) differs from {basis_en} ({found}) by {gap}; the site shows the "
        "printed figure as official with the computed one beside it. Check the source, correct a typo, or "
        f"acknowledge the difference under acknowledged: {field}")]


def _amount(value: Number) -> str:
    """A count as a count (1,250), an amount with its satang (1,250.00)."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def stated_count(data: Data, kind: str, record_id: str, path: tuple[Any, ...], stated: int | None, counted: int,
                 what_th: str, what_en: str) -> list[Problem]:
    """A count the report states (at `path`) that differs from the number of rows, as an acknowledgeable warning."""
    if stated is None or stated == counted:
        return []
    field = dotted(path)
    return [discrepancy_at(
        data, kind, record_id, path, "stated_count",
        f"จำนวน{what_th}ที่ระบุไว้ ({stated}) ไม่ตรงกับจำนวนในรายการ ({counted}) เว็บไซต์แสดงจำนวนที่ระบุเป็นตัวเลข"
        f"ทางการและแสดงจำนวนที่นับได้ไว้ข้างกัน ให้ตรวจต้นฉบับ หรือรับทราบความต่างใน acknowledged: {field}",
        f"the stated number of {what_en} ({stated}) differs from the rows ({counted}); the site shows the stated "
        f"number as official with the count beside it. Check the source, or acknowledge under acknowledged: {field}")]


def same_words(text: str) -> str:
    """A name as it is compared for repeats: any run of spaces, line breaks and zero-width spaces is one space
    (the same name pasted twice from a report often differs only there)."""
    return re.sub(r"[\s\u200b]+", " ", text).strip()


def repeats(items: Iterable[Hashable]) -> list[tuple[int, int]]:
    """(index, index of its first occurrence) of every item equal to an earlier one."""
    first: dict[Hashable, int] = {}
    out = []
    for i, item in enumerate(items):
        if item in first:
            out.append((i, first[item]))
        else:
            first[item] = i
    return out


def repeated_rows(data: Data, kind: str, record_id: str, path: tuple[Any, ...], rows: Iterable[Any],
                  what_th: str, what_en: str, code: str = "duplicate_row") -> list[Problem]:
    """A warning at each row (of the list at `path`) equal to an earlier one: the page would count it twice.

    Rows are records or plain values; records are compared by all their fields.
    """
    keys = (row.model_dump_json() if hasattr(row, "model_dump_json") else row for row in rows)
    return [problem_at(data, kind, record_id, path + (i,), code,
                       f"{what_th}นี้ซ้ำกับรายการที่ {j + 1} ให้ลบรายการที่ซ้ำ หรือแก้ให้ต่างกันตามต้นฉบับ",
                       f"this {what_en} repeats entry {j + 1}; remove the repeat or correct it from the source",
                       "warning") for i, j in repeats(keys)]
