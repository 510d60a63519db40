"""Serve's site search, made after the browser reloads instead of before it (issue 21).

Indexing the example takes about a fifth of a full rebuild; under `serve` an edit should show at
once. So the plugin leaves the index out of a serve build (`GeneratorPlugin.defer_search`) and this
thread makes it from the written site once the build is over. The search box answers meanwhile from
the index of the previous edit, stale for the second or two the new one takes (a query in the moment
the files are rewritten may fail; the next one answers). Serve builds dirty and leaves that index in
the site folder; a build that starts afresh (the first, or after a failed one emptied it) gets the
last finished index back from a copy kept outside the folder.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
import time
from pathlib import Path

from generator.search import build_index

log = logging.getLogger("mkdocs.generator.serve")
# The browser asks for its reloaded page first: the indexer, which holds the interpreter while it works, waits.
AFTER_RELOAD = 0.3


class BackgroundIndex:
    """One indexer at a time, never while MkDocs writes the site."""

    def __init__(self, site_dir: Path) -> None:
        self.site_dir = site_dir
        self.kept = Path(tempfile.mkdtemp(prefix="oit_search_"))  # the last finished index
        self.thread: threading.Thread | None = None
        self.closing = False

    def wait(self) -> None:
        """Let a running indexer finish (the next build is about to empty the site folder)."""
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def after_build(self, skipped: frozenset[str]) -> None:
        """Put the last index back where the site has none, then make the new one in the background."""
        if (self.kept / "search").is_dir():
            shutil.copytree(self.kept / "search", self.site_dir / "search", dirs_exist_ok=True, copy_function=_if_absent)
        self.thread = threading.Thread(target=self._index, args=(skipped,), name="search-index", daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop at once: an index under way (20 s on a large office) is dropped, not waited for."""
        self.closing = True
        shutil.rmtree(self.kept, ignore_errors=True)

    def _index(self, skipped: frozenset[str]) -> None:
        time.sleep(AFTER_RELOAD)
        try:
            stats = build_index(self.site_dir, skipped)
            if self.closing:  # the server stopped meanwhile: its folders are being removed
                return
            shutil.rmtree(self.kept / "search", ignore_errors=True)
            shutil.copytree(self.site_dir / "search", self.kept / "search")
        except Exception as error:  # the site is served all the same; the search box keeps the last index
            if self.closing:
                return  # the folder it read was removed as the server stopped
            log.warning("ค้นหา: สร้างดัชนีไม่สำเร็จ / search: the index was not made: %s: %s", type(error).__name__, error)
            return
        log.info("search: %d pages indexed in %.2f s, after the reload", stats.pages, stats.seconds)


def _if_absent(source: str, target: str) -> None:
    """Copy one file of the kept index unless this build wrote that file itself (search/ is not all ours)."""
    if not Path(target).exists():
        shutil.copy2(source, target)
