"""Print the figures of the site search on the example office: recall@5 per query category, bytes a
query transfers in the browser, index size and build time; optionally the same query set against
Material's own search.

    .venv/bin/python scripts/search_report.py                # builds the example into a temp dir
    .venv/bin/python scripts/search_report.py --site /tmp/x  # an existing build of the example
    .venv/bin/python scripts/search_report.py --material     # also Material's search, for comparison

Bytes are counted from Chromium's network events (encoded bytes, headers included) in a fresh
browser context per query, after the search box has been opened and its runtime has loaded, so each
figure is what one query costs on its own. http.server does not compress: on a host that gzips
JavaScript the one-time figure is smaller; index chunks and cards are gzipped already.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.search import build_index  # noqa: E402
from tests.search.runner import (Browser, MaterialSearch, OurSearch, Outcome, Query,  # noqa: E402
                                 load_queries, recall_by_category, served)

BUILD_DATE = "2026-12-07"  # as tests/conftest.py: the example's pages stay the same every year


def build(work: Path, *, material: bool) -> tuple[Path, float]:
    """Build the example office into `work/site`; with `material`, using Material's search instead of ours."""
    work.mkdir(parents=True)
    for name in ("mkdocs.yml", "data", "content", ".cache"):  # .cache: the cut fonts
        src = ROOT / "example" / name
        if src.exists():
            (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - generator\n", f"  - generator:\n      build_date: '{BUILD_DATE}'\n")
    if material:  # Material's own header and search box, in front of the generator's
        config = config.replace("plugins:\n", "plugins:\n  - search\n", 1)
        config = config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n", 1)
        import material
        (work / "overrides" / "partials").mkdir(parents=True)
        for partial in ("header.html", "search.html"):
            shutil.copy(Path(material.__file__).parent / "templates" / "partials" / partial,
                        work / "overrides" / "partials" / partial)
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-f", str(work / "mkdocs.yml"),
                    "-d", str(work / "site")], check=True, env=env)
    return work / "site", time.perf_counter() - start


def run_queries(site: Path, engine: type, queries: list[Query]) -> tuple[list[Outcome], int, set[str]]:
    """Each query in its own browser context. Returns the outcomes, the one-time bytes, the hosts."""
    outcomes, opening, hosts = [], [], set()
    with served(site) as base:
        for query in queries:
            with Browser.launch(base) as browser:
                search = engine(browser, "/")
                browser.page.wait_for_load_state("networkidle")
                opening.append(browser.search_bytes())  # Material loads its index with the page
                outcome = search.run(query)
                outcome.urls = [u.lstrip("/") for u in outcome.urls]
                outcome.passed, outcome.why = query.judge(outcome.urls)
                outcomes.append(outcome)
                hosts |= browser.hosts
    return outcomes, int(statistics.median(opening)), hosts


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def folder_size(path: Path, pattern: str = "*") -> int:
    return sum(f.stat().st_size for f in path.rglob(pattern) if f.is_file())


def report(name: str, outcomes: list[Outcome], opening: int, hosts: set[str]) -> None:
    print(f"\n== {name}")
    print(f"{'category':16} recall@5")
    for category, (passed, total) in recall_by_category(outcomes).items():
        print(f"{category:16} {passed:2}/{total:<2} = {passed / total:.2f}")
    core = [o for o in outcomes if o.query.category != "known_limits"]
    print(f"{'all but known':16} {sum(o.passed for o in core)}/{len(core)}")
    sizes = [o.bytes for o in outcomes]
    times = [o.seconds for o in outcomes]
    print(f"search before the first query (scripts, index or manifest): {kib(opening)} per page view"
          " (cached by the browser after the first)")
    cards = [o.card_bytes for o in outcomes]
    print(f"per query: mean {kib(statistics.mean(sizes))} (of which result cards {kib(statistics.mean(cards))}),"
          f" max {kib(max(sizes))}"
          f" ({max(outcomes, key=lambda o: o.bytes).query.text!r}); typing to results: median"
          f" {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")
    print(f"hosts requested: {sorted(hosts)}")
    for o in outcomes:
        if not o.passed:
            print(f"  FAIL {o.query.category}: {o.query.text!r}: {o.why}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an existing build of the example office")
    parser.add_argument("--material", action="store_true", help="also run Material's own search")
    args = parser.parse_args()
    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="search-report-") as tmp:
        site, seconds = (args.site, None) if args.site else build(Path(tmp) / "ours", material=False)
        # Timed on a copy: the site keeps the index its build made. The example keeps its home page
        # and sitemap out of the search (`search: exclude`), as its build does.
        copy = Path(tmp) / "copy"
        shutil.copytree(site, copy, ignore=shutil.ignore_patterns("assets"))
        runs = [build_index(copy, frozenset({"", "sitemap/"})) for _ in range(3)]
        best = min(runs, key=lambda r: r.seconds)
        search = site / "search"
        print(f"queries: {len(queries)} in {len(recall_by_category_of(queries))} categories")
        if seconds:
            print(f"mkdocs build of the example, search included: {seconds:.1f} s")
        print(f"index build read back from the site ({best.pages} pages): {best.seconds:.2f} s wall,"
              f" {best.cpu_seconds:.2f} s CPU (best of 3; median {statistics.median(r.seconds for r in runs):.2f} s)")
        print(f"index on disk: {kib(best.bytes)} in {best.files} files = postings {kib(folder_size(search / 't'))}"
              f" (own files) + {kib(folder_size(search / 'b'))} (buckets) + vocabularies"
              f" {kib(folder_size(search / 'v'))} + manifest with filters"
              f" {kib((search / 'manifest.json.gz').stat().st_size)}"
              f" + cards {kib(folder_size(search / 'cards'))}")
        report("ours (sharded Thai-bigram index)", *run_queries(site, OurSearch, queries))
        if args.material:
            material, seconds = build(Path(tmp) / "material", material=True)
            print(f"\nmkdocs build with Material's search (and ours, unused): {seconds:.1f} s;"
                  f" search_index.json {kib((material / 'search' / 'search_index.json').stat().st_size)}")
            report("Material for MkDocs 9.8.1 search", *run_queries(material, MaterialSearch, queries))


def recall_by_category_of(queries: list[Query]) -> set[str]:
    return {q.category for q in queries}


if __name__ == "__main__":
    main()
