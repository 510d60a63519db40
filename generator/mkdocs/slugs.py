"""Heading ids that a Thai reader can read: `#ช่องทางการร้องเรียน`, not `#_3`.

Python-Markdown's `toc` drops every character that is not ASCII, so a Thai heading got `_1`, `_2`…
in order, an id that changes when a heading is added above it. `slugify_unicode` and
`pymdownx.slugs.slugify` keep Thai consonants but drop the vowel and tone marks (Unicode category Mn
and Mc are not `\\w`), which leaves `ขอมลหนวยงาน` for "ข้อมูลหน่วยงาน". This slugify keeps them:
the id is the heading's own words, lower case, spaces as `-`, punctuation dropped, so it stays the
same as long as the heading does. mkdocs.yml names it (`toc.slugify`); the build checks
(generator/pipeline/rendered.py) load it from there, so both agree on every anchor.

No MkDocs import: this is plain text work, named from mkdocs.yml.
"""

from __future__ import annotations

import re
import unicodedata

_MARKS = {"Mn", "Mc"}
_SPACES = re.compile(r"[\s\-]+")


def slugify(value: str, separator: str = "-") -> str:
    """The id of a heading whose text is `value` (toc passes the text without markup)."""
    text = unicodedata.normalize("NFC", value).lower()
    kept = "".join(ch for ch in text if ch.isalnum() or ch == "_" or ch in " -\u00a0\t"
                   or unicodedata.category(ch) in _MARKS)
    return _SPACES.sub(separator, kept.replace("\u00a0", " ")).strip(separator)
