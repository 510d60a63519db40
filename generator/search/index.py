"""Write the site search under `site/search/`: the sharded index with its filters, one card per page.

- the index (`postings.py`): one file of positions per token, vocabularies, a manifest;
- `cards/<id>.json.gz`: what the results list shows of page `<id>`: URL, title, text for the Thai
  excerpt, kind and fiscal years;
- in the manifest, the filters: page ids per value (`filters`) and the menus, values with their Thai
  labels and page counts (`options`).

Why not Pagefind (tried first, same tokens, measured on the example's 77 queries): its index comes
in ~20 KB chunks of neighbouring words, and the bigrams of one Thai query fall in many of them, so a
query fetched 111 KiB on average (217 KiB at most, most of the index) after a 132 KiB runtime. One
file per token fetches only what the query needs; see scripts/search_report.py for the figures.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from generator.search.extract import PageText, read_page
from generator.search.facets import Facets, derive_facets
from generator.search.postings import Postings

_OURS = ("t", "b", "v", "cards", "manifest.json.gz")  # search/ may also hold Material's index


@dataclass(frozen=True)
class IndexStats:
    """Figures for the build log and the search report."""

    pages: int
    seconds: float      # wall clock
    cpu_seconds: float  # this process
    bytes: int
    files: int


def build_index(site_dir: Path, skipped: frozenset[str] = frozenset()) -> IndexStats:
    """Index every built page of `site_dir` into `site_dir/search/`, but the URLs in `skipped` (`sitemap/`)."""
    start, cpu = time.perf_counter(), _cpu()
    out = site_dir / "search"
    for name in _OURS:
        target = out / name
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    sources = ((url, path.read_text(encoding="utf-8")) for url, path in _built_pages(site_dir) if url not in skipped)
    pages = [read_page(url, html) for url, html in sources if not _noindex(html)]
    facets = derive_facets(pages)
    postings = Postings()
    for page in pages:
        postings.add(page.title, page.body, page.heads)
    postings.write(out, {"filters": _filter_ids(pages, facets), "options": facets.options(),
                         "nil": [n for n, page in enumerate(pages) if page.nil], "families": _families(pages)})
    _write_cards(pages, facets, out / "cards")
    written = [f for name in _OURS for f in ([out / name] if (out / name).is_file() else (out / name).rglob("*"))
               if f.is_file()]
    return IndexStats(len(pages), time.perf_counter() - start, _cpu() - cpu,
                      sum(f.stat().st_size for f in written), len(written))


def _noindex(html: str) -> bool:
    """Whether the page asks search engines to leave it out (a withdrawn item's notice): so does our search.

    Plain substring tests on the <head>: a regular expression over every page's whole HTML cost
    3.6 s on a 4,600-page site.
    """
    head = html[:html.find("</head>")]
    return '<meta name="robots"' in head and "noindex" in head


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _built_pages(site_dir: Path):
    """(site-relative URL, file) of every page MkDocs wrote, skipping the 404 page and our own output."""
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.split("/", 1)[0] in ("search", "assets"):
            continue
        yield ("" if rel == "." else rel + "/"), path


def _filter_ids(pages: list[PageText], facets: Facets) -> dict[str, dict[str, list[int]]]:
    """filter → value → ids of the pages that have it."""
    ids: dict[str, dict[str, list[int]]] = {}
    for page_id, page in enumerate(pages):
        for name, values in facets.of(page.url).items():
            for value in values:
                ids.setdefault(name, {}).setdefault(value, []).append(page_id)
    return ids


def _families(pages: list[PageText]) -> list[int]:
    """Per page, the id of its family's index page (`complaints/` for `complaints/2568/h1/`), or -1.

    A family whose index page is about the query (its title holds it) lends its pages some of that:
    the browser ranks them above pages of other families that only mention the words.
    """
    ids = {page.url: n for n, page in enumerate(pages)}
    return [ids.get(page.url.split("/", 1)[0] + "/", -1) if page.url else -1 for page in pages]


def _write_cards(pages: list[PageText], facets: Facets, cards: Path) -> None:
    """One gzipped JSON card per page id: gzip because Thai text is three bytes a letter in UTF-8."""
    cards.mkdir(parents=True)
    for page_id, page in enumerate(pages):
        card = {"url": page.url, "title": page.title, "text": page.text, **facets.labels(page.url)}
        body = json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode()
        (cards / f"{page_id}.json.gz").write_bytes(gzip.compress(body, 9, mtime=0))
