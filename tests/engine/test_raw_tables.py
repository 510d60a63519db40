"""Generated tables reach MkDocs as HTML (issue 21, part 4), and every page reads as it did.

The `data_table` macro used to write a Markdown table; it now writes the HTML that Markdown's
`tables` extension made of it, marked for generator/mkdocs/raw_tables.py. The reference below is
the old macro, kept here: each test renders both through Python-Markdown with the site's extensions
and asks for the same HTML, byte for byte (no whitespace allowance), with the extension (what MkDocs
runs) and without it (what the link check's renderer runs).
"""

from __future__ import annotations

import shutil
from datetime import date
from functools import lru_cache
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings, strategies as st

from generator.engine.downloads import DataTable
from generator.engine.render import environment
from generator.mkdocs.raw_tables import RawTablesExtension
from generator.mkdocs.slugs import slugify
from generator.pipeline.build_config import BUILTIN_EXTENSIONS, GENERATOR_EXTENSIONS
from generator.pipeline.core import run
from generator.pipeline.load import Project

from ..conftest import copy_example

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "generator" / "engine" / "templates" / "_macros.md.j2"

# The macro as it was before issue 21: a Markdown table, every cell read by Markdown's inline parser.
MARKDOWN_TABLE = """{% macro data_table(table) %}
| {{ table.columns | cells }} |
|{% for column in table.columns %}{% if table.right_aligned(loop.index0) %}--:|{% else %}---|{% endif %}{% endfor %}

{% for row in table.rows %}
| {{ row | cells }} |
{% endfor %}
{% if table.footer %}
| {{ table.footer | cells(strong=True) }} |
{% endif %}

[ดาวน์โหลดตารางนี้ (CSV): {{ table.title }}]({{ table.csv_path(page_uri) | href }}) · [ดาวน์โหลดตารางนี้ (Excel): {{ table.title }}]({{ table.xlsx_path(page_uri) | href }})
{% endmacro %}"""

# Where a table stands on a page: alone, in a card box (md_in_html), before a heading, a note, a list.
PLACES = ("# T\n\n{}\n", "<div class=\"oit-cards\" markdown>\n\n{}\n\n</div>\n\nต่อไป\n", "{}\n## ต่อไป\n",
          "{}\n!!! note \"หมายเหตุ\"\n    ข้อความ\n", "ก่อน\n\n{}\n- หนึ่ง\n- สอง\n")


@lru_cache(maxsize=2)
def _markdown(raw_tables: bool) -> markdown.Markdown:
    extensions = [*BUILTIN_EXTENSIONS, *GENERATOR_EXTENSIONS, *([RawTablesExtension()] if raw_tables else [])]
    return markdown.Markdown(extensions=extensions,
                             extension_configs={"toc": {"permalink": True, "slugify": slugify}})


def to_html(text: str, raw_tables: bool) -> str:
    """The page's HTML as MkDocs makes it (the site's extensions), with or without the raw-table extension."""
    return _markdown(raw_tables).reset().convert(text)


def both(table: DataTable) -> tuple[str, str]:
    """The table as the shipped macro writes it, and as the old Markdown macro wrote it."""
    env = environment()
    new = env.from_string('{% from "_macros.md.j2" import data_table with context %}{{ data_table(t) }}')
    old = env.from_string(MARKDOWN_TABLE + "{{ data_table(t) }}")
    return (new.render(t=table, page_uri="complaints/2568/index.md"),
            old.render(t=table, page_uri="complaints/2568/index.md"))


def assert_same(table: DataTable) -> None:
    new, old = both(table)
    assert "\x02<table>" in new and "|---" not in new
    for place in PLACES:
        reference = to_html(place.format(old), raw_tables=False)
        assert to_html(place.format(new), raw_tables=True) == reference, place
        assert to_html(place.format(new), raw_tables=False) == reference, place


def table(rows, footer=None, **kw) -> DataTable:
    return DataTable("t", "ตาราง <ทดสอบ>", ("ช่วงเวลา", "รับ|ใหม่", "เสร็จ *"), tuple(rows), footer, **kw)


@pytest.mark.parametrize("shape", [
    table([("ต.ค. 68", 1, 0), ("พ.ย. 68", 12, 3)], ("รวม", 13, 3)),
    table([("a", None, ""), ("b",), ("c", 1, 2, 3)], ("รวม", "", 0)),  # empty, short and long rows
    table([]),  # Markdown gave an empty table one empty row
    table([], ("รวม", 0, 0)),
    table([("x", "y", 1)], text_columns=2),
    table([("x", 1, "z")], figure_columns=(1,)),
])
def test_a_table_reads_as_its_markdown_table_did(shape):
    assert_same(shape)


_PIECES = st.sampled_from(list("\\`*_{}[]()#+-.!|<>&\"'~:\t\u00a0\u2028") + [
    "&amp;", "&#123;", "<b>x</b>", "**x**", "[a](b.md)", "<http://x>", "  ", "1. ", "- ", "> ", "    code", "\\|"])
_TEXT = st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=8) | _PIECES,
                 max_size=5).map("".join)


@settings(deadline=None)  # Markdown three times in five places: slow on a loaded machine
@given(st.lists(st.tuples(_TEXT, _TEXT | st.integers(), _TEXT), max_size=4), st.tuples(_TEXT, _TEXT, _TEXT))
def test_any_cell_text_reads_as_it_did(rows, footer):
    assert_same(table(rows, footer))


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory) -> tuple[dict[str, str], dict[str, str]]:
    """The example office's generated pages with the shipped macros, and with the old Markdown table."""
    work = copy_example(tmp_path_factory.mktemp("tables"))
    shipped = {p.src_uri: p.markdown for p in run(Project.at(work), date(2026, 12, 7)).pages if p.src_uri.endswith(".md")}
    overrides = work / "overrides" / "generator"
    overrides.mkdir(parents=True)
    text = SHIPPED.read_text(encoding="utf-8")
    start = text.index("{% macro data_table(table) %}")
    end = text.index("{% endmacro %}", start) + len("{% endmacro %}")
    (overrides / "_macros.md.j2").write_text(text[:start] + MARKDOWN_TABLE + text[end:], encoding="utf-8")
    before = {p.src_uri: p.markdown for p in run(Project.at(work), date(2026, 12, 7)).pages if p.src_uri.endswith(".md")}
    shutil.rmtree(work)
    return shipped, before


def test_every_page_of_the_example_reads_as_before(example_pages):
    shipped, before = example_pages
    assert shipped.keys() == before.keys()
    tables = [uri for uri, text in shipped.items() if "\x02<table>" in text]
    # Procurement months, complaints, statistics, risks, budget, measures, anti-corruption reports.
    assert {uri.split("/")[0] for uri in tables} >= {"procurement", "complaints", "risks", "budget"}
    changed = [uri for uri in shipped if shipped[uri] != before[uri]]
    assert set(changed) == set(tables)
    for uri in changed:
        assert to_html(shipped[uri], raw_tables=True) == to_html(before[uri], raw_tables=False), uri


def test_a_marked_table_is_stored_unread():
    """The point of the extension: Markdown's HTML parser never sees the table's tags."""
    new, _ = both(table([("ต.ค. 68", 1, 0)] * 50))
    md = markdown.Markdown(extensions=["md_in_html", RawTablesExtension()])
    lines = md.preprocessors["html_block"].run(md.preprocessors["oit_raw_tables_store"].run(
        md.preprocessors["normalize_whitespace"].run(md.preprocessors["oit_raw_tables_take"].run(new.split("\n")))))
    assert not any("<td" in line for line in lines)
    assert any(stored.startswith("<table>\n<thead>") for stored in md.htmlStash.rawHtmlBlocks)
