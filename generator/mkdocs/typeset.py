"""Thai text set like print, on the rendered HTML: no line break between a word and its number.

A browser may break a Thai line at any space, so "พ.ศ. 2568" ended one line and began the next with
"2568", and the office's name broke between "เขต" and "1". After MkDocs and the theme have written a
page, every space between a word and the number that belongs to it becomes a no-break space (U+00A0):
"เขต 1", "พ.ศ. 2568", "มีนาคม 2568", "O 12", "ปีงบประมาณ พ.ศ. 2568" (the era joins its word too).

Why U+00A0 and not `<span class="nowrap">`: the joins are needed in `<title>` and in the header's
title too, where markup is not allowed (a span would be printed as text in the tab's title); a
no-break space needs no style sheet, survives copying and feed readers, reads the same to a screen
reader, and the search index reads it as a space (generator/search splits on every white space).

Only text is changed: never a tag, an attribute (URLs, `content`, `title`), a comment, or what is
inside `<code>`, `<pre>`, `<kbd>`, `<samp>`, `<script>`, `<style>`, `<textarea>` or `<svg>`.
No MkDocs import: the plugin calls `join_numbers` on each page's output.
"""

from __future__ import annotations

import bisect
import html
import re

NBSP = "\u00a0"
_THAI = "\u0e00-\u0e7f"
_DIGIT = "0-9\u0e50-\u0e59"
_RAW = ("code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math")
# An element whose text stays as it is, start tag to end tag (self-closed: the tag alone), and a
# comment: no join is made inside them.
_KEEP = re.compile(rf"<!--.*?-->|<({'|'.join(_RAW)})\b[^>]*?/>|<({'|'.join(_RAW)})\b[^>]*>.*?</\2\s*>",
                   re.DOTALL | re.IGNORECASE)
# A word (Thai, or one to three Latin letters such as "O", "ข้อ", "ที่", an abbreviation ending in ".")
# then spaces, then a number: "เขต 1", "พ.ศ. 2568", "O 12". Or a Thai word before the era:
# "ปีงบประมาณ พ.ศ.". Found from the space just before the number or the era (a pattern that starts
# with a space is searched at C speed), then checked backwards.
_SPACE = " \t\r\n"
_LAST_SPACE = re.compile(rf"[{_SPACE}](?:(?=[{_DIGIT}])|(?=พ\.ศ\.|ค\.ศ\.))")
_WORD_BEFORE_NUMBER = re.compile(rf"(?:[{_THAI}]\.?|(?<!\w)[A-Za-z]{{1,3}})\Z")
_THAI_CHAR = re.compile(rf"[{_THAI}]")


def _joins(text: str, at: int) -> int | None:
    """Where the run of spaces that ends at `at` begins, if the word before it joins what follows."""
    begin = at
    while begin and text[begin - 1] in _SPACE:
        begin -= 1
    if begin == 0:
        return None
    if text[at + 1] not in "พค":  # a number (the pattern let nothing else through)
        return begin if _WORD_BEFORE_NUMBER.search(text, max(0, begin - 4), begin) else None
    return begin if _THAI_CHAR.match(text, begin - 1) else None  # the era


def join_text(text: str) -> str:
    """`text` (a text node, entities as written) with its word–number spaces made no-break."""
    return _join(text, [])


def join_numbers(page: str) -> str:
    """The HTML `page` with every text node outside code, scripts and styles joined (see module doc).

    Each place to join is kept only if it lies in text (the last angle bracket before it closed a tag)
    and outside the elements kept as they are. A loop over the page's thousand tags cost a tenth of
    a build.
    """
    return _join(page, [(m.start(), m.end()) for m in _KEEP.finditer(page)])


def _join(page: str, kept: list[tuple[int, int]]) -> str:
    starts = [start for start, _ in kept]
    out: list[str] = []
    position = 0
    for space in _LAST_SPACE.finditer(page):
        at = space.start()
        if (begin := _joins(page, at)) is None or begin < position:
            continue
        if page.rfind(">", 0, at) < page.rfind("<", 0, at):
            continue  # inside a tag: an attribute
        if (i := bisect.bisect_right(starts, at) - 1) >= 0 and at < kept[i][1]:
            continue  # inside code, a script, a style, an SVG or a comment
        out += (page[position:begin], NBSP)
        position = at + 1
    out.append(page[position:])
    return "".join(out)


_P = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_BLOCKS = re.compile(r"<(table|pre|code|figure|nav|details|aside)\b.*?</\1>|<div class=\"admonition\b.*?</div>",
                     re.DOTALL)


def description(content: str, title: str = "", limit: int = 160) -> str:
    """A page's meta description: its first paragraph of prose, at most `limit` characters.

    Paragraphs inside tables, figures, code and admonitions are passed over, and so are status lines
    (parts joined by " · ") when prose follows; a status line alone or a short first
    paragraph ("ไม่มีการจัดซื้อจัดจ้าง") is led by the page's title so that two pages still differ.
    Plain text: the caller escapes it for the attribute.
    """
    body = _BLOCKS.sub(" ", content)
    paragraphs = [" ".join(html.unescape(_TAGS.sub("", m.group(1))).split()) for m in _P.finditer(body)]
    paragraphs = [p for p in paragraphs if p]
    # A status line ("ครบถ้วน · ตัวชี้วัดย่อยที่ 9.2 · …") is not prose: the first sentence after it is.
    prose = [p for p in paragraphs if " · " not in p and len(p) >= 20]
    text = (prose or paragraphs or [""])[0]
    plain_title = " ".join(html.unescape(_TAGS.sub("", title)).split())
    if (len(text) < 60 or not prose) and plain_title and plain_title not in text:
        text = f"{plain_title}: {text}" if text else plain_title
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,:;") + "…"
