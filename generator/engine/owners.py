"""Who is responsible, as reports write it: one unit, several, or every unit ("ทุกกลุ่ม/หน่วย").

Plans, measures and risk controls all name owners; real reports assign a task to "ทุกกลุ่ม/หน่วย"
as often as to one group. One shape serves them all: a list of unit ids from data/units.yml, written
as one id, a list of ids, or one of the words for "all units", which is kept as `ALL_UNITS`.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field, WithJsonSchema

from generator.base.fields import Slug
from generator.base.problems import DataError

ALL_UNITS = "all"
ALL_UNITS_TH = "ทุกกลุ่ม/หน่วย"
_ALL_WORDS = frozenset({"all", "ทุกกลุ่ม", "ทุกหน่วย", "ทุกกลุ่มงาน", "ทุกกลุ่ม/หน่วย", "ทุกกลุ่ม/หน่วยงาน",
                        "ทุกกลุ่ม / หน่วย", "ทุกกลุ่มงาน/หน่วย", "ทุกหน่วยงาน"})


def _as_list(value: Any) -> Any:
    """One id or the words for all units as a list; the words as ALL_UNITS. Anything else is refused here, with
    the three ways to write owners (pydantic would only say "must be a list", and one id is not a list)."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        found_th, found_en = ("ไม่ใช่ค่าว่าง", "not empty") if value is None else (f"ไม่ใช่ '{value}'", f"not '{value}'")
        raise DataError(f"ผู้รับผิดชอบเขียนเป็นรหัสกลุ่มใน data/units.yml หนึ่งรหัส เช่น finance หลายรหัส เช่น "
                        f"[finance, ict] หรือ ทุกกลุ่ม ({found_th})",
                        f"owners are a unit id of data/units.yml (finance), several ([finance, ict]) or ทุกกลุ่ม "
                        f"for all units, {found_en}", "owners")
    return [ALL_UNITS if isinstance(v, str) and v.strip() in _ALL_WORDS else v for v in items]


_DESCRIPTION = "รหัสกลุ่มใน data/units.yml หนึ่งรหัส หลายรหัส หรือ ทุกกลุ่ม/หน่วย / unit id, ids, or all units"
# The schema says what a webmaster may write (one id, a list, or the Thai words), not the list it becomes.
Owners = Annotated[list[Slug], BeforeValidator(_as_list), WithJsonSchema({"anyOf": [
    {"type": "string"}, {"type": "array", "items": {"type": "string"}}], "description": _DESCRIPTION}),
    Field(description=_DESCRIPTION)]


def owner_names(owners: list[str], name_of: Any) -> str:
    """The owners as a page names them: units by name (`name_of(id)`), "ทุกกลุ่ม/หน่วย" for all."""
    return ", ".join(ALL_UNITS_TH if owner == ALL_UNITS else name_of(owner) for owner in owners)
