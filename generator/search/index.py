"""Write the site search under `site/search/`: the sharded index with its filters, the result cards.

- the index (`postings.py`): one file of positions per token, vocabularies, a manifest;
- `cards/<n>.json.gz`: what the results list shows of a run of pages next to each other in URL
  order (a shard, `_write_cards`): per page its URL, title, text for the Thai excerpt, fiscal years
  and kind. The manifest's `cards` holds the URL-order place of every shard's first page;
- in the manifest, the filters: page ids per value (`filters`) and the menus, values with their Thai
  labels and page counts (`options`); and `order`, each page's place in URL order (`_places`): page
  ids follow the order MkDocs builds the pages in, and the place breaks ties between equal scores
  as the page id did when the index was read back from the site in URL order.

Pages come in one by one (`Indexer.add`, fed by the MkDocs plugin while it builds, see `worker.py`)
or are read back from a built site (`build_index`, for a site on disk). Their words are encoded as
they come; only what the cards and the filters need is kept until `write`.

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

from generator.search.extract import PageText, cut, noindex, read_parts
from generator.search.facets import Facets, derive_facets
from generator.search.postings import Postings

_OURS = ("t", "b", "v", "cards", "manifest.json.gz")  # search/ may also hold Material's index
SHARD_BYTES = 2560  # JSON of the cards of one shard, before gzip
SHARD_PAGES = 64
BIG_CARD = 2000     # a card this long (JSON bytes) starts a shard


@dataclass(frozen=True)
class IndexStats:
    """Figures for the build log and the search report."""

    pages: int
    seconds: float      # wall clock
    cpu_seconds: float  # this process
    bytes: int
    files: int
    peak_kib: int = 0   # the indexing process's peak resident memory, when it is a process of its own


def url_order(url: str) -> list[str]:
    """Sort key of a page URL: the order of its built file's path (`a/index.html` before `a-b/index.html`)."""
    return (url + "index.html").split("/")


class Indexer:
    """Pages in, search files out: each page's words are encoded as it is added."""

    def __init__(self) -> None:
        self.postings = Postings()
        self.pages: list[PageText] = []  # in id order, without the text already encoded

    def add(self, url: str, head: str, article: str) -> bool:
        """Index the page served at `url` from its `<head>` and article (`extract.cut`); False if it asks not to be."""
        if noindex(head):
            return False
        page = read_parts(url, head, article)
        self.postings.add(page.title, page.body, page.heads)
        page.body = page.heads = ""  # encoded: the card needs only `text`
        self.pages.append(page)
        return True

    def write(self, out: Path) -> tuple[int, int]:
        """Write the index into `out` (replacing ours there); returns (bytes, files) written."""
        for name in _OURS:
            target = out / name
            shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
        pages = self.pages
        by_url = sorted(range(len(pages)), key=lambda n: url_order(pages[n].url))
        facets = derive_facets([pages[n] for n in by_url])  # first label seen wins: in URL order, as ever
        starts = _write_cards(pages, by_url, facets, out / "cards")
        self.postings.write(out, {"filters": _filter_ids(pages, facets), "options": facets.options(),
                                  "nil": [n for n, page in enumerate(pages) if page.nil],
                                  "families": _families(pages), "cards": starts, "order": _places(by_url)})
        written = [f for name in _OURS for f in ([out / name] if (out / name).is_file() else (out / name).rglob("*"))
                   if f.is_file()]
        return sum(f.stat().st_size for f in written), len(written)


def build_index(site_dir: Path, skipped: frozenset[str] = frozenset()) -> IndexStats:
    """Index every built page of `site_dir` into `site_dir/search/`, but the URLs in `skipped` (`sitemap/`).

    Reads the site back: for a site on disk (the search report, a `--dirty` rebuild). A build
    feeds its pages to a worker process instead (`worker.py`).
    """
    start, cpu = time.perf_counter(), cpu_seconds()
    indexer = Indexer()
    for url, path in _built_pages(site_dir):
        if url not in skipped:
            indexer.add(url, *cut(path.read_text(encoding="utf-8")))
    size, files = indexer.write(site_dir / "search")
    return IndexStats(len(indexer.pages), time.perf_counter() - start, cpu_seconds() - cpu, size, files)


def cpu_seconds() -> float:
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


def _places(by_url: list[int]) -> list[int]:
    """Each page's place in URL order, written as the difference from the page before's.

    Pages of one family are built in a row, mostly in URL order or its reverse: differences of 1 and
    -1, which gzip packs into a few bytes per hundred pages.
    """
    place = [0] * len(by_url)
    for rank, page_id in enumerate(by_url):
        place[page_id] = rank
    return [b - a for a, b in zip([0] + place, place)]


def _write_cards(pages: list[PageText], by_url: list[int], facets: Facets, folder: Path) -> list[int]:
    """The cards in shards of pages next to each other in URL order, gzipped (Thai is three bytes a letter).

    A card is a row `[url, title, text, years, kind]` (no key repeated per card). A shard ends where
    the family changes (`documents/`, `procurement/`), at `SHARD_BYTES` of JSON or `SHARD_PAGES`
    pages, and before a big card (`BIG_CARD`), which would make the pages beside it expensive: a
    query shows ten results, mostly of one family, and on the example's query set the first query
    fetches a little less than with one file per card, in a quarter fewer files
    (scripts/search_report.py). Returns the URL-order place of every shard's first page.
    """
    folder.mkdir(parents=True)
    rows = []
    for page_id in by_url:
        page = pages[page_id]
        labels = facets.labels(page.url)
        row = [page.url, page.title, page.text, labels.get("years", []), labels.get("kind", "")]
        rows.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode())
    starts, size = [], 0
    for rank, row in enumerate(rows):
        if not starts or rank - starts[-1] == SHARD_PAGES or size >= SHARD_BYTES or len(row) >= BIG_CARD \
                or _family(pages[by_url[rank]].url) != _family(pages[by_url[rank - 1]].url):
            starts.append(rank)
            size = 0
        size += len(row)
    for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(rows)])):
        body = b"[" + b",".join(rows[start:end]) + b"]"
        (folder / f"{n}.json.gz").write_bytes(gzip.compress(body, 9, mtime=0))
    return starts


def _family(url: str) -> str:
    return url.split("/", 1)[0]
