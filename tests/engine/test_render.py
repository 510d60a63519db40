"""Escaping: data text never becomes markup, in HTML or in Markdown."""

import posixpath

import markdown
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.engine.render import md_escape, relative, url


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "**bold** _it_ `code` # heading",
    "a | b",
    '<img src=x onerror="alert(1)">',
])
def test_escaped_text_renders_as_the_same_text(text):
    html = markdown.markdown(f"| a |\n|---|\n| {md_escape(text)} |", extensions=["tables"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<strong" not in html
    plain = markdown.markdown(md_escape(text))
    assert "<script" not in plain and "<a " not in plain and "<em>" not in plain


@pytest.mark.parametrize("text", ["ราคา ~ 5,000 บาท", "R&D <ทดสอบ>", "สพป.ตัวอย่าง (เขต 1) #2", "a_b*c*"])
def test_escaped_text_shows_exactly_the_original_text(text):
    import html as html_lib
    import re

    rendered = markdown.markdown(md_escape(text), extensions=["tables"])
    assert html_lib.unescape(re.sub(r"</?p>", "", rendered)) == text


def test_escape_keeps_thai_and_joins_lines():
    assert md_escape("สพป.ตัวอย่าง\nเขต 1") == "สพป\\.ตัวอย่าง เขต 1"


def test_url_encodes_characters_that_end_a_link():
    assert url("https://x.example/a b(1)") == "https://x.example/a%20b%281%29"


# Parts of a site path as pages and files name them, with the odd ones relpath normalises.
_PART = st.sampled_from(["oit", "2570", "o1", "documents", "ไฟล์", "a b", "x.pdf", "", ".", ".."])


@settings(max_examples=400)
@given(target=st.lists(_PART, min_size=1, max_size=5), here=st.lists(_PART, max_size=4))
def test_a_link_between_two_pages_is_what_relpath_makes(target, here):
    target, here = "/".join(target), "/".join(here)
    # relpath refuses an empty path, and a link is never between an absolute and a relative one
    assume(target.strip("/") and here.startswith("/") == target.startswith("/"))
    assert relative(target, here) == posixpath.relpath(target, here or ".")
