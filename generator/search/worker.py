"""The indexer in a process of its own, fed page by page while MkDocs renders the next pages.

MkDocs builds on one core; tokenising and encoding a page's words (a quarter of a build) need
none of MkDocs, so a second process does them as the pages come (`IndexWorker.add`, called as each
page is finished) and writes the files when the build asks (`finish`). The build process only cuts
the page's <head> and article out (`extract.cut`) and puts them on a bounded queue.

A worker must never take the build down with it or hold it: an error in the worker comes back as
a `SearchError` naming the page; a worker that dies, or answers nothing for `TIMEOUT` seconds, is
an error too; `close` ends the process whatever state it is in (a failed build, a rebuild).
"""

from __future__ import annotations

import multiprocessing
import queue
import signal
import time
from pathlib import Path

from generator.search.extract import cut
from generator.search.index import Indexer, IndexStats, cpu_seconds

QUEUE_PAGES = 128  # pages waiting for the worker; the build waits beyond that (memory stays flat)
TIMEOUT = 600.0    # seconds without progress before the worker is given up


class SearchError(RuntimeError):
    """The search index could not be made; the message is Thai first and names the page."""


class IndexWorker:
    """Feeds built pages to an `Indexer` in a separate process."""

    def __init__(self, timeout: float = TIMEOUT, first: tuple | None = None) -> None:
        """`first`: `(function, *args)` the process calls before it indexes (module-level, so it can be sent)."""
        # spawn, not fork: `mkdocs serve` runs threads (the reload server, the file watcher) and a
        # fork would copy their locks in whatever state they are.
        context = multiprocessing.get_context("spawn")
        self.timeout = timeout
        self.pages = context.Queue(maxsize=QUEUE_PAGES)
        self.results = context.Queue()
        self.process = context.Process(target=_work, args=(self.pages, self.results, first), daemon=True,
                                       name="oit-search-index")
        self.process.start()

    def add(self, url: str, html: str) -> None:
        """Index the page served at `url` (site-relative, `""` for the home page) from its final HTML."""
        self._put(("page", url, *cut(html)))

    def finish(self, out: Path) -> IndexStats:
        """Wait for the worker to index what it was given and write it into `out`; ends the worker."""
        try:
            self._put(("write", str(out)))
            answer = self._get()
        finally:
            self.close()
        if answer[0] == "error":
            raise SearchError(answer[1])
        return answer[1]

    def close(self) -> None:
        """End the worker now, whatever it is doing (nothing is written)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        for q in (self.pages, self.results):
            q.cancel_join_thread()  # pages never read must not hold the build's exit
            q.close()

    def _put(self, item: tuple) -> None:
        waited = 0.0
        while True:
            try:
                self.pages.put(item, timeout=1.0)
                return
            except queue.Full:
                waited += 1.0
                self._check(waited)

    def _get(self) -> tuple:
        waited = 0.0
        while True:
            try:
                return self.results.get(timeout=1.0)
            except queue.Empty:
                waited += 1.0
                if not self.process.is_alive():  # its answer may still be in the pipe
                    try:
                        return self.results.get(timeout=1.0)
                    except queue.Empty:
                        pass
                self._check(waited)

    def _check(self, waited: float) -> None:
        """Raise if the worker died or has not moved for `timeout` seconds."""
        if not self.process.is_alive():
            raise SearchError(f"ตัวสร้างดัชนีค้นหาหยุดทำงานกลางคัน (รหัส {self.process.exitcode})"
                              f" / the search indexer stopped (exit code {self.process.exitcode})")
        if waited >= self.timeout:
            raise SearchError(f"ตัวสร้างดัชนีค้นหาไม่ตอบสนองใน {self.timeout:.0f} วินาที"
                              f" / the search indexer did not answer in {self.timeout:.0f} s")


def _work(pages, results, first: tuple | None) -> None:
    """The worker's loop: index pages until told to write; an error is kept and answered at the end.

    Pages after an error are still read (and dropped), so the build never waits on a full queue.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the build stops us
    if first is not None:
        first[0](*first[1:])
    indexer, failure, start, cpu = Indexer(), None, None, cpu_seconds()
    while True:
        item = pages.get()
        start = start or time.perf_counter()
        if item[0] == "page" and failure is None:
            try:
                indexer.add(*item[1:])
            except Exception as error:  # noqa: BLE001 (any fault of one page becomes the build's error)
                failure = (f"อ่านหน้า /{item[1]} เพื่อทำดัชนีค้นหาไม่ได้ / could not index page /{item[1]}:"
                           f" {type(error).__name__}: {error}")
        elif item[0] == "write":
            results.put(("error", failure) if failure else _write(indexer, Path(item[1]), start, cpu))
            return


def _write(indexer: Indexer, out: Path, start: float | None, cpu: float) -> tuple:
    try:
        size, files = indexer.write(out)
    except Exception as error:  # noqa: BLE001 (a full disk, a folder that cannot be written)
        return ("error", f"เขียนดัชนีค้นหาลง {out} ไม่ได้ / could not write the search index to {out}:"
                         f" {type(error).__name__}: {error}")
    seconds = time.perf_counter() - start if start else 0.0
    return ("ok", IndexStats(len(indexer.pages), seconds, cpu_seconds() - cpu, size, files, _peak_kib()))


def _peak_kib() -> int:
    """This process's peak resident memory (Linux; 0 elsewhere).

    From /proc, not `getrusage`: a spawned process's `ru_maxrss` still counts the build process it
    was forked from before it became Python again.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except OSError:
        return 0
