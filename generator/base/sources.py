"""Read YAML data files while keeping the line of every key and list item.

PyYAML's constructed values know nothing of positions, and pydantic knows nothing of files. So we
compose the node tree once, build plain Python values from it ourselves and record, for every path
(`("documents", 3, "date")`), the line it starts on. `line_of(path)` then answers for any pydantic
error location, falling back to the nearest enclosing key.

Dates are deliberately left as text: PyYAML would turn `2568-03-15` into year 2568 C.E. and crash on
`2025-02-31`; `generator.calendar.parse_date` does both properly and reports a Thai error instead.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.base.problems import Problem


# libyaml's parser is about ten times faster than the pure-Python one and keeps the same marks.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _NoDatesLoader(_Base):  # type: ignore[valid-type, misc]
    """SafeLoader without the timestamp resolver: dates stay strings until our calendar parses them."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

Path_ = tuple[str | int, ...]
# A year of a large office's procurement rows is about 2 MB; a bigger data file is a mistake (an
# export of everything, a pasted binary) that would keep a build busy for minutes.
MAX_BYTES = 10 * 1024 * 1024
# Real data nests five or six levels deep; a deeper file is hostile and would exhaust the stack.
MAX_DEPTH = 32
_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
# C0 control characters but tab, newline and carriage return; DEL; lone surrogates and the two
# non-characters. No real text holds them (they arrive pasted, or as YAML escapes such as "\0"), and
# each breaks an output: a NUL makes the feeds and the sitemap invalid XML, a surrogate cannot be
# written as UTF-8 at all.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


@dataclass
class SourceFile:
    """A parsed data file: its display name, its value, and the line of every path inside it."""

    name: str
    value: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest recorded ancestor (1 for the file itself)."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 1

    def field_name(self, path: Path_) -> str:
        """How a message names the field at `path` (`documents[3].date`)."""
        return dotted(path)

    def key_line(self, path: Path_) -> int:
        """The line where the key at `path` is named (in a table: the header row)."""
        return self.line_of(path)


def control_character(text: str, name: str, line: int, field_name: str) -> Problem | None:
    """A located problem for the first control character in `text` (which starts on `line`), if any."""
    found = _CONTROL.search(text)
    if found is None:
        return None
    line += text.count("\n", 0, found.start())
    column = found.start() - text.rfind("\n", 0, found.start())
    code = f"U+{ord(found[0]):04X}"
    return Problem(name, line, field_name, "control",
                   f"ข้อความมีอักขระควบคุมที่มองไม่เห็น ({code}) ที่ตำแหน่งที่ {column} ของบรรทัด "
                   "ให้ลบออกแล้วพิมพ์ข้อความนั้นใหม่ (อย่าคัดลอกมาจากโปรแกรมอื่น)",
                   f"the text contains an invisible control character ({code}) at character {column} of the line; "
                   "delete it and type the text again instead of pasting it")


def strip_controls(text: str) -> str:
    """The text without its control characters (what is checked further once they are reported)."""
    return _CONTROL.sub("", text)


def not_a_file(display: str) -> Problem:
    """A FIFO, device, socket or directory where a file is expected: never opened, which could hang."""
    return Problem(display, 1, "", "not_file",
                   "ชื่อนี้ไม่ใช่ไฟล์ธรรมดา (เป็นโฟลเดอร์หรือไฟล์พิเศษ) ระบบจึงไม่อ่าน ให้ลบออกหรือแทนด้วยไฟล์ข้อมูล",
                   "this name is not a regular file (a folder or a special file), so it is not read; remove it "
                   "or replace it with a data file")


def regular_size(path: Path, display: str, problems: list[Problem]) -> int | None:
    """The size of a regular file; None, with a located problem, for anything else or a vanished file."""
    try:
        info = os.stat(path)
    except OSError:
        problems.append(Problem(display, 1, "", "unreadable", "เปิดไฟล์ไม่ได้ ตรวจว่าไฟล์ยังอยู่และเปิดอ่านได้",
                                "the file cannot be opened; check that it exists and can be read"))
        return None
    if not stat.S_ISREG(info.st_mode):
        problems.append(not_a_file(display))
        return None
    return info.st_size


def too_big(path: Path, display: str, problems: list[Problem]) -> bool:
    """True, with a located problem, if a data file is not a regular file or larger than any real one."""
    size = regular_size(path, display, problems)
    if size is None:
        return True
    if size <= MAX_BYTES:
        return False
    mb, limit = size / (1024 * 1024), MAX_BYTES // (1024 * 1024)
    problems.append(Problem(display, 1, "", "too_big",
                            f"ไฟล์ใหญ่ {mb:.0f} MB เกินขนาดที่รับได้ ({limit} MB) ตรวจว่าเป็นไฟล์ข้อมูลที่ถูกต้อง "
                            "หรือแยกเป็นหลายไฟล์ เช่น รายปีหรือรายเดือน",
                            f"the file is {mb:.0f} MB, above the {limit} MB limit; check it is the right file, "
                            "or split it by year or month"))
    return True


def read_utf8(path: Path, display: str, problems: list[Problem]) -> str | None:
    """A text file's content (a BOM is dropped); None with a located problem if it is not UTF-8."""
    if too_big(path, display, problems):
        return None
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError:  # removed or made unreadable since it was checked: never the machine's own message
        problems.append(Problem(display, 1, "", "unreadable", "เปิดไฟล์ไม่ได้ ตรวจว่าไฟล์ยังอยู่และเปิดอ่านได้",
                                "the file cannot be opened; check that it exists and can be read"))
        return None
    except UnicodeDecodeError as exc:
        problems.append(Problem(display, 1, "", "encoding",
                                "ไฟล์ไม่ได้บันทึกเป็น UTF-8 ให้บันทึกไฟล์ใหม่ด้วยการเข้ารหัส UTF-8",
                                f"the file is not UTF-8 ({exc.reason}); save it again as UTF-8"))
        return None


def read_yaml(path: Path, display: str, problems: list[Problem]) -> SourceFile | None:
    """Parse one YAML file; on failure append a located problem and return None."""
    text = read_utf8(path, display, problems)
    return None if text is None else parse_yaml(text, display, problems)


def parse_yaml(text: str, display: str, problems: list[Problem], first_line: int = 1) -> SourceFile | None:
    """Parse YAML text that starts on `first_line` of its file (front matter starts on line 2)."""
    source = SourceFile(display)
    try:
        node = yaml.compose(text, Loader=_NoDatesLoader)
    except RecursionError:
        _too_deep(source, problems, first_line, ())
        return None
    except yaml.YAMLError as exc:  # syntax, and characters YAML refuses (control codes pasted from Word)
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else text.count("\n", 0, getattr(exc, "position", 0)) + first_line
        what = getattr(exc, "problem", None) or getattr(exc, "reason", None) or "unreadable"
        problems.append(Problem(display, line, "", "yaml",
                                f"รูปแบบ YAML ไม่ถูกต้อง ({what}) ตรวจการเยื้องบรรทัดด้วยช่องว่าง (ห้ามใช้แท็บ) "
                                "เครื่องหมาย : และอักขระพิเศษที่คัดลอกมา",
                                f"invalid YAML ({what}); check indentation (spaces, not tabs), colons and pasted "
                                "control characters"))
        return None
    if node is None:
        source.value = {}
        return source
    try:
        source.value = _Builder(source, problems, first_line - 1).build(node, ())
    except _TooDeep:
        return None
    return source


class _TooDeep(Exception):
    """Raised once the nesting limit is passed, so a hostile file is reported once, not per level."""


def _too_deep(source: SourceFile, problems: list[Problem], line: int, path: Path_) -> None:
    where = dotted(path[:3]) + ("…" if len(path) > 3 else "")  # thirty-two levels would fill the screen
    problems.append(Problem(source.name, line, where, "yaml_depth",
                            f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น ตรวจการเยื้องบรรทัดและวงเล็บ [ ] {{ }}",
                            f"the data nests deeper than {MAX_DEPTH} levels; check indentation and brackets"))


@dataclass
class _Builder:
    """Turns a node tree into plain values, recording lines, refusing duplicate keys and aliases."""

    source: SourceFile
    problems: list[Problem]
    offset: int = 0  # lines of the file before the YAML text
    seen: set[int] = field(default_factory=set)
    aliased: bool = False

    def build(self, node: yaml.Node, path: Path_) -> Any:
        """Build the value of `node` found at `path`."""
        self.source.lines.setdefault(path, node.start_mark.line + 1 + self.offset)
        if len(path) > MAX_DEPTH:
            _too_deep(self.source, self.problems, node.start_mark.line + 1 + self.offset, path)
            raise _TooDeep
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            # An alias is the same node object met twice; expanding it is how "billion laughs"
            # files exhaust memory, and data files never need it.
            if id(node) in self.seen:
                self._alias(node, path)
                return None
            self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS and not isinstance(node, yaml.ScalarNode):
            return self._unsupported_tag(node, path)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:str":
            return self._text(node.value, path)
        construct = _constructor.yaml_constructors.get(node.tag)
        if construct is None:
            return self._unsupported_tag(node, path)
        return construct(_constructor, node)

    def _text(self, value: str, path: Path_) -> str:
        """A string; one with a control character is reported and read without it, so that the rest of
        the file is still checked without a follow-on error."""
        problem = control_character(value, self.source.name, self.source.line_of(path), dotted(path))
        if problem is None:
            return value
        self.problems.append(problem)
        return strip_controls(value)

    def _unsupported_tag(self, node: yaml.Node, path: Path_) -> None:
        """`!tag` or `!!python/...`: data files never need them, and some would run code elsewhere."""
        self.problems.append(Problem(
            self.source.name, self.source.line_of(path), dotted(path), "yaml_tag",
            f"ไม่รองรับแท็ก {node.tag} ให้ลบแท็กออกแล้วเขียนค่าธรรมดา",
            f"the tag {node.tag} is not supported; remove it and write a plain value"))

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        source, result = self.source, {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            line = key_node.start_mark.line + 1 + self.offset
            if problem := control_character(key, source.name, line, dotted(path)):
                self.problems.append(problem)
                key = strip_controls(key)  # the key is printed in later messages
            key_path = path + (key,)
            if key in result:
                first = source.lines[key_path]
                self.problems.append(Problem(
                    source.name, line, dotted(key_path), "duplicate_key",
                    f"คีย์ '{key}' ซ้ำกับบรรทัด {first} ให้ลบหรือรวมเป็นรายการเดียว",
                    f"key '{key}' repeats line {first}; remove or merge one of them"))
                continue
            source.lines[key_path] = line
            result[key] = self.build(value_node, key_path)
        return result

    def _alias_line(self, path: Path_) -> int:
        """A key's own line; for a list item, its list's line (the node's mark is the anchor's)."""
        return self.source.line_of(path if not path or isinstance(path[-1], str) else path[:-1])

    def _alias(self, node: yaml.Node, path: Path_) -> None:
        """Report the first alias of a file, where it is used (an alias bomb would give thousands)."""
        if self.aliased:
            return
        self.aliased = True
        self.problems.append(Problem(
            self.source.name, self._alias_line(path), dotted(path), "yaml_alias",
            "ไม่รองรับการอ้างอิงซ้ำด้วย & และ * ให้เขียนค่าซ้ำตรง ๆ",
            "YAML anchors and aliases (& and *) are not supported; write the value out again"))


_constructor = _NoDatesLoader("")


def dotted(path: Path_) -> str:
    """`("documents", 3, "date")` → `documents[3].date`, the form used in messages."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
