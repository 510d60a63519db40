"""A Markdown extension that hands the generator's HTML tables to the page untouched (issue 21, part 4).

The `data_table` macro (generator/engine/templates/_macros.md.j2) writes each table as the HTML that
Markdown's `tables` extension made of it, between the characters STX and ETX. Python-Markdown would
still read that HTML tag by tag (Python's HTMLParser, then inside a `<div markdown>` an element tree
that is written out again): most of the cost of a procurement month. This extension puts each marked
table in Markdown's store of raw HTML before anything reads it, so the page gets the same bytes at a
sixth of the cost.

Without this extension the page is the same: Markdown's first preprocessor deletes STX and ETX, and
the table, already in the form Markdown writes, comes out as it went in (tests/engine/test_raw_tables.py).
The marks come only from the macro: data fields and hand-written pages refuse control characters.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

MARKED = re.compile("\x02(<table>\n.*?\n</table>)\x03", re.DOTALL)
_TOKEN = re.compile("\x1e([0-9]+)\x1e")  # survives Markdown's whitespace normalisation, which deletes STX/ETX


class _Take(Preprocessor):
    """Before Markdown normalises the text: each marked table out, a numbered token in its place."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.tables: list[str] = []

    def run(self, lines: list[str]) -> list[str]:
        self.tables = []
        text = "\n".join(lines)
        if "\x02<table>" not in text:
            return lines
        return MARKED.sub(self._token, text).split("\n")

    def _token(self, match: re.Match[str]) -> str:
        self.tables.append(match[1])
        return f"\x1e{len(self.tables) - 1}\x1e"


class _Store(Preprocessor):
    """After normalising, before raw HTML is read: each token becomes a stored block of its own."""

    def __init__(self, md: Markdown, take: _Take) -> None:
        super().__init__(md)
        self.take = take

    def run(self, lines: list[str]) -> list[str]:
        if not self.take.tables:
            return lines
        text = _TOKEN.sub(lambda m: "\n" + self.md.htmlStash.store(self.take.tables[int(m[1])]) + "\n",
                          "\n".join(lines))
        return text.split("\n")


class RawTablesExtension(Extension):
    """Registered by the plugin (generator/mkdocs/defaults.py) for every page it builds."""

    def extendMarkdown(self, md: Markdown) -> None:
        take = _Take(md)
        md.preprocessors.register(take, "oit_raw_tables_take", 31)  # normalize_whitespace is 30
        md.preprocessors.register(_Store(md, take), "oit_raw_tables_store", 29)  # html_block is 20


def makeExtension(**kwargs) -> RawTablesExtension:  # the name Python-Markdown loads an extension by
    return RawTablesExtension(**kwargs)
