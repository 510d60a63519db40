"""Owners as reports write them: one unit, several, or all units."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from generator.engine.owners import ALL_UNITS, Owners, owner_names

OWNERS = TypeAdapter(Owners)


@pytest.mark.parametrize("written, kept", [
    ("legal", ["legal"]), (["legal", "admin"], ["legal", "admin"]),
    ("ทุกกลุ่ม/หน่วย", [ALL_UNITS]), ("ทุกกลุ่ม", [ALL_UNITS]), (["admin", "ทุกหน่วย"], ["admin", ALL_UNITS]),
])
def test_owners_are_read_as_written(written, kept):
    assert OWNERS.validate_python(written) == kept


def test_the_page_names_units_and_all_units():
    assert owner_names(["legal", ALL_UNITS], {"legal": "กลุ่มกฎหมายและคดี"}.get) == "กลุ่มกฎหมายและคดี, ทุกกลุ่ม/หน่วย"
