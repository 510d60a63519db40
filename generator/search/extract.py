"""Read a built page back: its title, its main text in blocks, its links and its `oit:*` meta tags.

Only the article (`<article class="md-content__inner">`) is read, so the navigation, header and
footer that MkDocs repeats on every page never reach the index. MkDocs writes regular HTML, so
regular expressions read it several times faster than an HTML parser would;
tests/search/test_search.py pins what they keep and drop.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field

_BLOCKS = ("address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr"
           "|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul")
_FLAGS = re.S | re.I
# Not content: scripts and icons, permalink anchors (¶), Material's edit buttons and "last updated".
_DROP = re.compile(r"<!--.*?-->|<(script|style|svg|template|noscript|button)\b.*?</\1\s*>"
                   r'|<a\b[^>]*\bclass="[^"]*\b(?:headerlink|md-content__button)\b[^"]*"[^>]*>.*?</a\s*>'
                   r'|<aside\b[^>]*\bclass="[^"]*\bmd-source-file\b[^"]*"[^>]*>.*?</aside\s*>', _FLAGS)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", _FLAGS)
_LINK = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"[^>]*>(.*?)</a\s*>', _FLAGS)
_BLOCK = re.compile(rf"</?(?:{_BLOCKS})\b[^>]*>", _FLAGS)
_TAG = re.compile(r"<[^>]*>")
_META = re.compile(r"<meta\b[^>]*>", _FLAGS)
_ATTR = re.compile(r'\b(name|content)="([^"]*)"')
_TITLE = re.compile(r"<title>(.*?)</title>", _FLAGS)
_HEAD = re.compile(r"<h([2-4])\b[^>]*>(.*?)</h\1\s*>", _FLAGS)
# "Nothing to report": the status line a month without procurement or a register without entries
# shows (`<p class="oit-nil">ไม่มีการจัดซื้อจัดจ้าง</p>`). Such pages rank below pages with content.
_NIL = re.compile(r'<p\b[^>]*\bclass="[^"]*\boit-nil\b', _FLAGS)


@dataclass
class PageText:
    """What the index needs from one built page."""

    url: str                      # site-relative, no leading slash: "documents/x/" ("" for the home page)
    title: str
    text: str                     # the article without its title; blocks separated by newlines
    links: list[tuple[str, str]] = field(default_factory=list)  # (site-relative target, link text)
    meta: dict[str, str] = field(default_factory=dict)          # <meta name="oit:*"> values
    heads: str = ""               # the headings (h2–h4), one a line: what the page is about, after its title
    body: str = ""                # the text without those headings (what the index reads as text)
    nil: bool = False             # a "nothing to report" page (no procurement this month, no complaint)


def _plain(fragment: str) -> str:
    """HTML → text: block elements become line breaks, other tags go, entities are decoded."""
    return html.unescape(_TAG.sub("", _BLOCK.sub("\n", fragment)))


def _clean(text: str) -> str:
    """Collapse spaces inside each block and drop empty blocks."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def resolve(page_url: str, href: str) -> str | None:
    """A link target relative to the site root (`../../archive/2568/` → `archive/2568/`), or None if external."""
    href = href.split("#", 1)[0].split("?", 1)[0]
    if not href or "://" in href or href.startswith(("mailto:", "tel:", "//", "javascript:")):
        return None
    base = "/" + page_url
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base, href))
    path = path.lstrip("/")
    if href.endswith("/") and path:
        path += "/"
    return "" if path == "." else path


def cut(source: str) -> tuple[str, str]:
    """The parts of a built page the index reads: its <head> and its article (the whole page if it has none).

    Two finds and two slices: cheap enough for the build process, which hands only these to the
    indexer (the header, navigation and footer are most of a page's bytes).
    """
    head_end, start = source.find("</head>"), source.find('<article class="md-content__inner')
    head = source[:head_end] if head_end > 0 else ""
    end = source.find("</article>", start)
    return head, (source[start:end] if start >= 0 and end > 0 else source)


def noindex(head: str) -> bool:
    """Whether the page asks search engines to leave it out (a withdrawn item's notice): so does our search.

    Plain substring tests on the <head>: a regular expression over every page's whole HTML cost
    3.6 s on a 4,600-page site.
    """
    return '<meta name="robots"' in head and "noindex" in head


def read_page(url: str, source: str) -> PageText:
    """Read the HTML of the page served at `url` (site-relative)."""
    return read_parts(url, *cut(source))


def read_parts(url: str, head: str, article: str) -> PageText:
    """Read a page from the parts `cut` kept."""
    article = _DROP.sub(" ", article)
    meta = {}
    for tag in _META.findall(head):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("name", "").startswith("oit:"):
            meta[attrs["name"][4:]] = html.unescape(attrs.get("content", ""))
    h1 = _H1.search(article)
    title = _clean(_plain(h1[1])) if h1 else ""
    if not title and (found := _TITLE.search(head)):
        title = html.unescape(found[1]).strip()
    body = article[:h1.start()] + "\n" + article[h1.end():] if h1 else article
    links = [(target, _clean(_plain(text))) for href, text in _LINK.findall(body)
             if (target := resolve(url, html.unescape(href))) is not None]
    heads = _clean("\n".join(_plain(found[2]) for found in _HEAD.finditer(body)))
    prose = _clean(_plain(_HEAD.sub("\n", body)))
    return PageText(url, title, _clean(_plain(body)), links, meta, heads, prose, bool(_NIL.search(body)))
