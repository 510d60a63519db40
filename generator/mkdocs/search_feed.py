"""The site search, fed by the build: each finished page goes to the indexer's worker process.

The plugin hands every page's final HTML to `SearchFeed.page` (from `on_post_page`) and asks for
the files in `on_post_build`; the worker (generator/search/worker.py) tokenises and encodes while
MkDocs renders the next pages, so the site is never read back. Kept out as before: the pages the
generator marks `search: exclude` (home page, sitemap), pages that ask `noindex`, the 404 page and
anything but a page's `index.html`.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from generator.base.workers import end_with
from generator.search import IndexStats, IndexWorker, SearchError, build_index

log = logging.getLogger("mkdocs.plugins.generator")


def index_url(dest_uri: str) -> str | None:
    """The search URL of a built file (`a/b/index.html` → `a/b/`), None for files search leaves out."""
    if dest_uri == "index.html":
        return ""
    if not dest_uri.endswith("/index.html") or dest_uri.split("/", 1)[0] in ("search", "assets"):
        return None
    return dest_uri[:-len("index.html")]


class SearchFeed:
    """One build's pages on their way to the index."""

    def __init__(self, skipped: frozenset[str]) -> None:
        self.skipped = skipped
        self.worker: IndexWorker | None = None  # started with the first page

    def page(self, dest_uri: str, html: str) -> None:
        url = index_url(dest_uri)
        if url is None or url in self.skipped:
            return
        if self.worker is None:
            self.worker = IndexWorker(first=(end_with, os.getpid()))  # ends if the build is killed
        self._guard(lambda: self.worker.add(url, html))

    def finish(self, site_dir: Path, reread: bool = False) -> None:
        """Write the index into `site_dir/search/` and log its figures; `reread`: from the files on disk
        (a `--dirty` rebuild renders only the changed pages)."""
        start = time.perf_counter()
        if reread or self.worker is None:
            self.close()
            stats = self._guard(lambda: build_index(site_dir, self.skipped))
        else:
            worker, self.worker = self.worker, None
            stats = self._guard(lambda: worker.finish(site_dir / "search"))
        _report(stats, time.perf_counter() - start)

    def close(self) -> None:
        """Stop the worker without writing anything (a failed build)."""
        if self.worker is not None:
            self.worker.close()
            self.worker = None

    def _guard(self, step):
        try:
            return step()
        except (SearchError, OSError) as error:
            self.close()
            raise PluginError(f"ค้นหา / search: {error}") from error


def _report(stats: IndexStats, waited: float) -> None:
    """The figures `make bench` reads (bench/run.py parses the first part), and what the build waited."""
    log.info("search: %d pages indexed in %.2f s (%d KB); %.2f s CPU in the indexer%s, the build waited %.2f s",
             stats.pages, stats.seconds, stats.bytes // 1024, stats.cpu_seconds,
             f" (peak {stats.peak_kib // 1024} MiB)" if stats.peak_kib else "", waited)
