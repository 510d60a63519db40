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

import html
import re

NBSP = "\u00a0"
_THAI = "\u0e00-\u0e7f"
_DIGIT = "0-9\u0e50-\u0e59"
# Tags, comments, doctype; anything else between them is text.
_TOKEN = re.compile(r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^>]*>", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")
_RAW = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
_VOID_RAW = {"script", "style", "textarea"}  # their content is never parsed as tags
# A word (Thai, or one to three Latin letters such as "O", "ข้อ", "ที่", an abbreviation ending in ".")
# then spaces, then a number: "เขต 1", "พ.ศ. 2568", "O 12". And a word before the era: "ปีงบประมาณ พ.ศ.".
_BEFORE_NUMBER = re.compile(rf"(?:(?<=[{_THAI}])|(?<=[{_THAI}]\.)|(?<=\b[A-Za-z])|(?<=\b[A-Za-z]{{2}})"
                            rf"|(?<=\b[A-Za-z]{{3}}))[ \t\r\n]+(?=[{_DIGIT}])")
_BEFORE_ERA = re.compile(rf"(?<=[{_THAI}])[ \t\r\n]+(?=พ\.ศ\.|ค\.ศ\.)")


def join_text(text: str) -> str:
    """`text` (a text node, entities as written) with its word–number spaces made no-break."""
    return _BEFORE_ERA.sub(NBSP, _BEFORE_NUMBER.sub(NBSP, text))


def join_numbers(page: str) -> str:
    """The HTML `page` with every text node outside code, scripts and styles joined (see module doc)."""
    out: list[str] = []
    skip: list[str] = []  # the open raw elements
    position = 0
    while match := _TOKEN.search(page, position):
        text = page[position:match.start()]
        out.append(text if skip or not text else join_text(text))
        token = match.group(0)
        out.append(token)
        position = match.end()
        if token.startswith(("<!", "<?")):
            continue
        name = (m := _TAG_NAME.match(token)) and m.group(1).lower()
        if name not in _RAW or token.endswith("/>"):
            continue
        if token.startswith("</"):
            if name in skip:
                del skip[len(skip) - 1 - skip[::-1].index(name):]
        elif name in _VOID_RAW:  # copied to its end tag as it is: "<" inside a script is not a tag
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(page, position)
            stop = end.start() if end else len(page)
            out.append(page[position:stop])
            position = stop
        else:
            skip.append(name)
    tail = page[position:]
    out.append(tail if skip else join_text(tail))
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
