"""Edit a data file as text, keeping the webmaster's comments, order and line ends, and prove each edit.

Loading a YAML file and dumping it again would drop every comment and reorder keys. So the scaffold
adds lines to the text instead, parses the result and checks that it holds exactly the old values
plus the new one. If it does not (an unusual layout), the file is left alone and the webmaster is
told to make the change by hand.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.base import calendar
from generator.base.sources import parse_yaml


class Refused(Exception):
    """A change the tools will not make (overwrite, unsafe edit); Thai first, and what to do instead."""

    def __init__(self, th: str, en: str):
        super().__init__(f"{th} / {en}")
        self.th, self.en = th, en


@dataclass(frozen=True)
class Style:
    """How a file is written on disk, so that an edit changes nothing else."""

    bom: bool = False
    newline: str = "\n"


def read_text(path: Path) -> tuple[str, Style]:
    """The text with `\\n` line ends, and the file's own style (byte-order mark, CRLF)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n"), Style(raw.startswith(codecs.BOM_UTF8), "\r\n" if b"\r\n" in raw else "\n")


def write_text(path: Path, text: str, style: Style) -> None:
    """Replace the file in one step (a half-written data file must never be left behind)."""
    data = (codecs.BOM_UTF8 if style.bom else b"") + text.replace("\n", style.newline).encode("utf-8")
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def append_entry(text: str, key: str, entry: str, record_id: str, display: str) -> str:
    """`text` with `entry` (list item lines, indented two spaces) appended to the top-level list `key`."""
    before = _mapping(text, display)
    old = before.get(key) or []
    if not isinstance(old, list):
        raise _by_hand(display, f"{key}: ต้องเป็นรายการ", f"{key}: must be a list")
    match = re.search(rf"^{key}:(?P<value>[^#\n]*)(?P<comment>#.*)?$", text, re.MULTILINE)
    if match is None:
        updated = f"{text.rstrip()}\n{key}:\n" if text.strip() else f"{key}:\n"
    elif match["value"].strip() in ("", "[]"):
        comment = f"  {match['comment']}" if match["comment"] else ""
        updated = text[:match.start()] + f"{key}:{comment}" + text[match.end():]
        updated = updated.rstrip("\n") + ("\n\n" if old else "\n")
    else:
        raise _by_hand(display, f"รายการ {key}: เขียนแบบบรรทัดเดียว [...]", f"the {key}: list is written on one line")
    indent = re.search(r"^( *)- ", text[match.end():] if match else "", re.MULTILINE)
    updated += _reindent(entry, len(indent[1]) if indent else 2)
    after = _mapping(updated, display)
    items = after.get(key)
    added = isinstance(items, list) and len(items) == len(old) + 1 and items[:-1] == old
    if not (added and isinstance(items[-1], dict) and items[-1].get("id") == record_id
            and _others(after, key) == _others(before, key)):
        raise _by_hand(display, "ไฟล์มีรูปแบบที่เพิ่มรายการต่อท้ายไม่ได้", "the file's layout does not allow appending")
    return updated


def add_year_line(text: str, key: str, year: int, value: str, display: str) -> str:
    """`text` with `<year>: <value>` added to the top-level mapping `key`, in year order, comments kept."""
    before = _mapping(text, display)
    old = _by_year(before.get(key) or {}, display, key)
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if re.match(rf"^{key}:", line)), None)
    if at is None:
        updated = f"{text.rstrip()}\n{key}:\n  {year}: {value}\n" if text.strip() else f"{key}:\n  {year}: {value}\n"
    elif flow := re.match(rf"^{key}:\s*\{{(?P<inner>[^}}]*)\}}(?P<rest>\s*(#.*)?)$", lines[at]):
        inner = flow["inner"].strip()
        lines[at] = f"{key}: {{{inner + ', ' if inner else ''}{year}: {value}}}{flow['rest']}"
        updated = "\n".join(lines)
    else:
        entries = []
        for i in range(at + 1, len(lines)):
            if lines[i].strip() and not lines[i].startswith((" ", "\t", "#")):
                break  # the next top-level key
            if found := re.match(r"^(\s+)['\"]?([0-9๐-๙]{4})['\"]?\s*:", lines[i]):
                entries.append((i, found[1], int(calendar.to_arabic_digits(found[2]))))
        earlier = [e for e in entries if e[2] < year]
        row, indent = ((earlier[-1][0] + 1, earlier[-1][1]) if earlier else
                       (entries[0][0], entries[0][1]) if entries else (at + 1, "  "))
        lines.insert(row, f"{indent}{year}: {value}")
        updated = "\n".join(lines)
    after = _mapping(updated, display)
    added = _by_year(after.get(key) or {}, display, key) == {**old, year: value}
    if not added or _others(after, key) != _others(before, key):
        raise _by_hand(display, f"เพิ่ม {year}: {value} ใต้ {key}: เองไม่ได้",
                       f"could not add {year}: {value} under {key}:")
    return updated


def _mapping(text: str, display: str) -> dict[str, Any]:
    problems: list = []
    source = parse_yaml(text, display, problems)
    if source is None or problems or not isinstance(source.value, dict):
        raise Refused(f"อ่าน {display} ไม่ได้ ให้แก้ไฟล์ให้ถูกต้องก่อน (make check บอกตำแหน่งที่ผิด) ระบบไม่แก้ไฟล์นี้",
                          f"cannot read {display}; fix it first (make check shows where); the file was not changed")
    return source.value


def _others(mapping: dict[str, Any], key: str) -> dict[str, Any]:
    """Everything but `key`: what an edit of `key` must leave as it was."""
    return {k: v for k, v in mapping.items() if k != key}


def _by_year(mapping: Any, display: str, key: str) -> dict[int, Any]:
    if not isinstance(mapping, dict):
        raise _by_hand(display, f"{key}: ต้องเป็นชุด ปี: ค่า", f"{key}: must map years to values")
    return {int(calendar.to_arabic_digits(str(k))): v for k, v in mapping.items()}


def _reindent(entry: str, indent: int) -> str:
    """Template entries are indented two spaces; match the file's own indentation."""
    if indent == 2:
        return entry
    return "".join(" " * indent + line[2:] if line.startswith("  ") else line for line in entry.splitlines(True))


def _by_hand(display: str, th: str, en: str) -> Refused:
    return Refused(f"{th} ระบบจึงไม่แก้ {display} ให้แก้เอง (ดูตัวอย่างใน README)",
                       f"{en}, so {display} was not changed; edit it by hand (see the README)")
