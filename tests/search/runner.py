"""Run the query set of `queries.yml` through a built site's search UI in Chromium, and score it.

Shared by `tests/search/test_search.py` (asserts) and `scripts/search_report.py` (prints figures).
Each query is typed into the real search box; the results are read from the rendered list, and
every result (not only the shown ones) from the page's own search engine.
"""

from __future__ import annotations

import contextlib
import fnmatch
import functools
import gzip
import http.server
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml

from ..chromium import find_chromium

QUERIES = Path(__file__).with_name("queries.yml")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
TOP = 5


@dataclass(frozen=True)
class Query:
    """One query: `want` pages (one must be in the top 5), `accept` patterns (may also appear)."""

    category: str
    text: str
    want: tuple[str, ...]
    accept: tuple[str, ...] = ()
    note: str = ""

    def allowed(self, url: str) -> bool:
        """May this page appear among the results at all?"""
        return any(fnmatch.fnmatchcase(url, pattern) for pattern in self.want + self.accept)

    def found(self, urls: list[str]) -> bool:
        """Is a wanted page among the first five results?"""
        return any(fnmatch.fnmatchcase(u, p) for u in urls[:TOP] for p in self.want)

    def judge(self, urls: list[str]) -> tuple[bool, str]:
        """(passed, why not): a wanted page in the top 5 and nothing unacceptable; none at all if nothing is wanted."""
        if not self.want:
            return (not urls, f"expected no result, got {urls[:3]}")
        stray = [u for u in urls if not self.allowed(u)]
        if stray:
            return False, f"unacceptable: {stray[:3]}"
        if not self.found(urls):
            return False, f"no wanted page in top {TOP}: {urls[:TOP]}"
        return True, ""


def load_queries(path: Path = QUERIES) -> list[Query]:
    """The query set, in file order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Query(category, str(q["query"]), tuple(q.get("want") or ()), tuple(q.get("accept") or ()),
                  q.get("note", ""))
            for category, queries in data["categories"].items() for q in queries]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


class _Gzip(_Quiet):
    """Compresses text as GitHub Pages and GitLab Pages do, so that transfer figures are realistic."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".csv", ".txt", ".map")

    def do_GET(self):  # noqa: N802 (the http.server name)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.TEXT and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None


@contextlib.contextmanager
def served(site_dir: Path, compress: bool = False):
    """`site_dir` served on 127.0.0.1 (any free port), optionally gzip-compressed; yields the base URL."""
    handler = functools.partial(_Gzip if compress else _Quiet, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@dataclass
class Outcome:
    """What one query did in the browser."""

    query: Query
    urls: list[str]                 # every result, best first (site paths like /documents/x/)
    shown: list[str]                # the rendered list
    bytes: int                      # transferred while the query ran
    seconds: float
    card_bytes: int = 0             # of which the result cards
    passed: bool = False
    why: str = ""


@dataclass
class Browser:
    """A Chromium page on a served site, counting bytes and hosts of every request."""

    base: str
    page: object
    hosts: set[str] = field(default_factory=set)
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))  # cards, index, runtime, other
    urls: dict[str, str] = field(default_factory=dict)  # CDP request id → URL

    @classmethod
    @contextlib.contextmanager
    def launch(cls, base: str, width: int = 360):
        """A Chromium of its own (the benchmark and scripts/search_report.py), with one page on `base`."""
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path=find_chromium(p), args=FLAGS)
            try:
                with cls.open(chromium, base, width) as browser:
                    yield browser
            finally:
                chromium.close()

    @classmethod
    @contextlib.contextmanager
    def open(cls, chromium, base: str, width: int = 360):
        """A page on `base` in a context of its own of an already running Chromium (the tests' browser)."""
        context = chromium.new_context(viewport={"width": width, "height": 780}, locale="th-TH")
        page = context.new_page()
        browser = cls(base, page)
        page.on("request", lambda request: browser.hosts.add(urlparse(request.url).netloc))
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", lambda e: browser.urls.__setitem__(e["requestId"], e["request"]["url"]))
        cdp.on("Network.loadingFinished", lambda e: browser.count(e["requestId"], int(e["encodedDataLength"])))
        browser.cdp = cdp
        try:
            yield browser
        finally:
            context.close()

    def count(self, request: str, size: int) -> None:
        path = urlparse(self.urls.get(request, "")).path
        if "/search/cards/" in path:
            kind = "cards"
        elif "/search/" in path:
            kind = "index"  # ours, or Material's search_index.json
        elif "/javascripts/search" in path or "/javascripts/workers/" in path or "/javascripts/lunr/" in path:
            kind = "runtime"
        else:
            kind = "other"
        self.by_kind[kind] += size

    def search_bytes(self) -> int:
        """Bytes of everything search: scripts, index, cards."""
        return sum(self.by_kind[kind] for kind in ("runtime", "index", "cards"))

    def bytes_so_far(self, kind: str | None = None) -> int:
        """Bytes received so far (encoded, headers included), of one kind or all."""
        return self.by_kind[kind] if kind else sum(self.by_kind.values())


def _path(url: str) -> str:
    return urlparse(url).path


class OurSearch:
    """Our search box (generator/theme/partials/search.html) driven like a user would."""

    def __init__(self, browser: Browser, start: str | None = "/"):
        self.browser = browser
        if start is not None:
            browser.page.goto(browser.base + start)
        self.open()

    def open(self) -> None:
        """Click the search button and wait until the runtime and the filter menus have loaded."""
        page = self.browser.page
        page.click("label.md-header__button[for='__search']")
        page.wait_for_function("window.oitSearch && window.oitSearch.ready")
        page.evaluate("async () => { await window.oitSearch.ready; return true; }")  # runtime first
        page.wait_for_function("window.oitSearch.options")  # the manifest (with the filter menus) is in

    def run(self, query: Query, *, every_result: bool = True) -> Outcome:
        page = self.browser.page
        before, cards, start = self.browser.bytes_so_far(), self.browser.bytes_so_far("cards"), time.perf_counter()
        page.fill("[data-oit-search-query]", query.text)
        page.wait_for_function(
            "q => { const r = document.querySelector('[data-oit-search-result]');"
            " return r.dataset.oitState === 'done' && r.dataset.oitQuery === q; }", arg=query.text)
        seconds = time.perf_counter() - start
        page.wait_for_timeout(50)  # let the last loadingFinished events arrive
        spent, cards = self.browser.bytes_so_far() - before, self.browser.bytes_so_far("cards") - cards
        shown = [_path(u) for u in page.eval_on_selector_all(
            "[data-oit-search-result] .md-search-result__link", "links => links.map(a => a.href)")]
        urls = shown
        if every_result:
            urls = [_path(self.browser.base + "/" + u) for u in page.evaluate(
                "async q => { const e = window.oitSearch.engine; const { ids } = await e.find(q);"
                " return Promise.all(ids.map(id => e.card(id).then(c => c.url))); }", query.text)]
        return Outcome(query, urls, shown, spent, seconds, cards)


class MaterialSearch:
    """Material's own search box (for comparison), on a build made with Material's search plugin."""

    def __init__(self, browser: Browser, start: str | None = "/"):
        self.browser = browser
        if start is not None:
            browser.page.goto(browser.base + start)
        page = browser.page
        page.click("label.md-header__button[for='__search']")
        # Ready when the worker has the index (loaded with the page): the meta line leaves
        # "กำลังเริ่มต้นการค้นหา" (initialising) for "พิมพ์เพื่อเริ่มค้นหา" (type to search).
        page.wait_for_function("document.querySelector('.md-search-result__meta').innerText.trim()"
                               " === 'พิมพ์เพื่อเริ่มค้นหา'")

    def run(self, query: Query, *, every_result: bool = True) -> Outcome:
        page = self.browser.page
        before, start = self.browser.bytes_so_far(), time.perf_counter()
        page.fill(".md-search__input", query.text)
        page.press(".md-search__input", "End")  # Material reads the query on keyup, not on input
        last, stable = None, 0
        while stable < 4:  # Material has no "done" signal: wait for the list to stop changing
            page.wait_for_timeout(100)
            now = page.eval_on_selector(".md-search-result", "r => r.innerText")
            stable = stable + 1 if now == last else 0
            last = now
        seconds = time.perf_counter() - start - 0.4
        spent = self.browser.bytes_so_far() - before
        if every_result:  # Material adds results as the list is scrolled
            for _ in range(30):
                moved = page.evaluate("() => { const w = document.querySelector('.md-search__scrollwrap');"
                                      " const h = w.scrollHeight; w.scrollTop = h; return h; }")
                page.wait_for_timeout(120)
                if page.evaluate("() => document.querySelector('.md-search__scrollwrap').scrollHeight") == moved:
                    break
        urls = [_path(u) for u in page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href.split('#')[0])")]
        urls = list(dict.fromkeys(urls))
        return Outcome(query, urls, urls[:10], spent, seconds)


def evaluate(search, queries: list[Query]) -> list[Outcome]:
    """Run every query and judge it."""
    outcomes = []
    for query in queries:
        outcome = search.run(query)
        outcome.urls = [u.lstrip("/") for u in outcome.urls]
        outcome.shown = [u.lstrip("/") for u in outcome.shown]
        outcome.passed, outcome.why = query.judge(outcome.urls)
        outcomes.append(outcome)
    return outcomes


def recall_by_category(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """Category → (passed, total), in query-file order."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for outcome in outcomes:
        row = table[outcome.query.category]
        row[0] += outcome.passed
        row[1] += 1
    return {category: (passed, total) for category, (passed, total) in table.items()}
