"""Hypothesis strategies for hostile values and structures, shared by tests/test_generated_input.py.

The listed pieces are the classes issue 16 names (control characters, NUL, bidi overrides,
surrogates, amounts such as 1e9999999 or 1.500,50, NaN, Thai digits, HTML, YAML's special words);
Hypothesis combines them with free text, very long strings and random trees, and shrinks a failure
to its smallest form.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"] + ["\x7f"]
C1 = ["\x80", "\x85", "\x9b", "\x9f"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e",
        "\u200f", "\u061c"]
ODD = ["\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\u2029", "\ufffe", "\uffff", "\ufffd", "\U0010ffff",
       "\U0001f600", "\u0e48\u0e48\u0e48", "\u0301" * 20, "e\u0301", "\uff1c"]
SURROGATES = ["\ud800", "\udfff", "\ud83d\ude00"]  # lone, and a pair left as two code units
NUMBERS = ["1e9999999", "-1e9999999", "1e309", "1e999", "1e-9999999", "1.0e+9999999", "1.500,50", "1,500.50",
           "1.500.000", "1,5", "NaN", "nan", "-NaN", "sNaN", "Infinity", "-inf", ".inf", ".nan", "๑,๕๐๐.๕๐", "๑๒๓",
           "1_000", "0x1F", "0o17", "0b1", "1 500", "1'500", "฿1,500", "1,500 บาท", "-0", "+5", "-5", "9" * 400,
           "0." + "0" * 400 + "1", "1E3", "9" * 4301, "١٢٣", "１２３", "½", "²", "1e", "e5", "--1", "1-", "١,٥٠٠", "0", "00"]
DATES = ["2568-02-30", "2025-02-31", "2025-02-29", "31/02/2568", "0000-00-00", "9999-12-31", "0001-01-01",
         "12:30:00", "2025-01-01T00:00:00Z", "๒๕๖๘-๐๒-๓๐", "32 มี.ค. 2568", "1 ม.ค. 99999", "2568-13-01",
         "15/06/2567", "-2025-01-01", "2025-1-1"]
YAML_WORDS = ["yes", "no", "on", "off", "y", "n", "~", "null", "Null", "true", "False", "", " ", "-", "---", "...",
              "?", ":", "- x", "a: b", "[", "]", "{", "}", "&a", "*a", "!tag", "!!python/object/apply:os.system",
              "<<", "@x", "`x", "%YAML 1.1", "|", ">", "#", "'", '"', "=", ",", "\\", "\t"]
HTML = ["<script>pwned()</script>", "<img src=x onerror=pwned()>", '<a href="javascript:pwned()">x</a>',
        "[x](javascript:pwned())", "</textarea><svg onload=pwned()>", "<!--", "<![CDATA[", "]]>", "&amp;", "&#0;",
        "&#x202e;", "{{ 7*7 }}", "{% raw %}", "${7*7}", "\"'><script>pwned()</script>", "<style>*{}</style>",
        "//evil.example/x", "/etc/passwd", "../../../etc/passwd", "file:///etc/passwd",
        "data:text/html,<script>pwned()</script>", "<", ">", "&", "&lt;script&gt;", "<b>", "</p>", "\\<script>"]
THAI = ["สำนักงาน", "ก", "๒๕๖๘", "เงิน ๑,๕๐๐ บาท", "นาย ก.", "ฯลฯ", "ๆ", "เ", "ไม้ยมก", "somchai@example.com",
        "081-234-5678", "3-1005-01234-56-7"]
PIECES = C0 + C1 + BIDI + ODD + NUMBERS + DATES + YAML_WORDS + HTML + THAI

piece = st.sampled_from(PIECES)
surrogate = st.sampled_from(SURROGATES)


def _long(char: str, n: int) -> str:
    return char * n


# Very long values: up to 8,000 characters while the open issue "email-scan-quadratic" stands (the
# personal-data scan takes the square of a run of letters and digits: 100,000 of them, minutes).
LONG = 8_000
long_text = st.builds(_long, st.sampled_from(["ก", "a", "<b>", "\u0e48", "9", " ", "\x00", "\u202e", "&"]),
                      st.integers(1_000, LONG))
# Free text, listed pieces and their combinations; surrogates only where the encoding can carry them.
text = st.one_of(piece, st.lists(st.one_of(piece, st.text(max_size=6)), min_size=1, max_size=5).map("".join),
                 st.text(max_size=20), long_text)
text_with_surrogates = st.one_of(text, st.lists(st.one_of(piece, surrogate), min_size=1, max_size=4).map("".join))
# Values as YAML can type them: text, booleans, null, huge and odd numbers.
scalar = st.one_of(text_with_surrogates, st.booleans(), st.none(), st.integers(-10**30, 10**30),
                   st.just(10**400), st.floats(allow_nan=True, allow_infinity=True))


def trees(keys: list[str]) -> st.SearchStrategy:
    """Random YAML trees of mappings, lists and scalars, keyed by known field names and hostile text."""
    key = st.one_of(st.sampled_from(keys), text, st.integers(-3, 3), st.none())
    return st.recursive(scalar, lambda kids: st.one_of(st.lists(kids, max_size=3),
                                                       st.dictionaries(key, kids, max_size=3)), max_leaves=12)


def paths_of(value: Any, path: tuple = ()) -> list[tuple]:
    """Every path into a tree of dicts and lists, the root first."""
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += paths_of(child, path + (i,))
    return found


def keys_of(value: Any) -> set[str]:
    """Every mapping key in a tree."""
    if isinstance(value, dict):
        return set(map(str, value)) | {k for child in value.values() for k in keys_of(child)}
    if isinstance(value, list):
        return {k for child in value for k in keys_of(child)}
    return set()


OPERATIONS = ("replace", "replace", "replace", "delete", "add", "wrap", "duplicate", "unwrap")


def mutate(tree: Any, path: tuple, operation: str, value: Any) -> Any:
    """A copy of `tree` with one change at `path` (a wrong type, a missing or unknown key, a list made scalar)."""
    box = {"file": copy.deepcopy(tree)}  # the root gets a parent too, so every operation applies to it
    path = ("file", *path)
    parent = box
    for part in path[:-1]:
        parent = parent[part]
    last, current = path[-1], parent[path[-1]]
    if operation == "replace":
        parent[last] = value
    elif operation == "delete":
        del parent[last]
    elif operation == "add" and isinstance(current, dict):
        current[str(value)[:40] or "x"] = value
    elif operation == "add" and isinstance(current, list):
        current.append(value)
    elif operation == "wrap":
        parent[last] = [current]
    elif operation == "duplicate" and isinstance(current, list) and current:
        current.append(copy.deepcopy(current[0]))
    elif operation == "unwrap" and isinstance(current, (list, dict)) and current:
        parent[last] = next(iter(current.values())) if isinstance(current, dict) else current[0]
    else:
        parent[last] = value
    return box.get("file")  # None when the whole file was deleted


# YAML text written as it stands after a key: typed scalars, tags, aliases, escapes and broken syntax.
RAW_TOKENS = ["1e9999999", "1.0e+9999999", "-1.0e+9999999", ".nan", ".NaN", ".inf", "-.inf", "1.500,50", "0x_1",
              '"\\0"', '"\\x00"', '"\\e[2J"', '"\\u202e"', '"\\ud800"', '"\\U0010FFFF"', '"\\uFFFE"', '"\\x85"',
              '"a\\nb"', "!!python/object/apply:os.system [\"echo pwned\"]", "!!binary aGk=",
              "!!timestamp 2025-01-01", "!!set {a, b}", "!!omap [{a: 1}]", "!!float .nan", "!!int 1" + "0" * 500,
              "!!str", "!custom x", "&a x", "*a", "*undefined", "{a: &b [*b]}", "<<: {x: 1}", "[1, [2, [3]]]",
              "'unterminated", '"unterminated', "|", ">-\n  folded", "? x", "%TAG ! tag:x", "@", "`", "2568-13-45",
              "2025-02-29", "๒๕๖๘-๐๒-๓๐", "12:30", "1_0", "0o777", "=", "~", "null", "[]", "{}", '"   "', '"\\t"',
              "yes", "No", "-", "- - -", "[" * 40, "{a: " * 40, "a: b: c", "\t", "\u00a0x", "x # comment", "\\"]


def raw_yaml(seed_text: str) -> st.SearchStrategy[str]:
    """The seed file with one `key: value` line's value replaced by a raw token or hostile text."""
    lines = seed_text.splitlines(keepends=True)
    leaves = [i for i, line in enumerate(lines)
              if ": " in line and not line.lstrip().startswith("#") and line.rstrip().split(": ", 1)[1]]
    token = st.one_of(st.sampled_from(RAW_TOKENS), text)

    def put(i: int, value: str) -> str:
        key = lines[i].split(": ", 1)[0]
        return "".join(lines[:i] + [f"{key}: {value}\n"] + lines[i + 1:])

    return st.builds(put, st.sampled_from(leaves), token)
