"""`make bench`: build a large synthetic office and compare it with plain MkDocs + Material.

Prints, for the generator and for a baseline measured in the same run (plain MkDocs + Material with
its own search plugin, building the same pages as static Markdown, detail pages out of the nav):
wall time, peak memory, output size, page count, search index size and indexing time, and the
ratios. Then the rebuild time of `mkdocs serve` after one data file changes on the example office,
and what the browser transfers for the OIT index's first load and for one search query.
Figures are printed, never asserted: targets live in BENCHMARKS.md.

    .venv/bin/python bench/run.py [--scale 1.0] [--keep DIR] [--skip-browser]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import make_office  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def measured(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MiB, combined output) of a command run in a fresh child process."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
               "sys.stdout.write(p.stdout + p.stderr); "
               "print(f'@@ {time.perf_counter() - t:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss} "
               "{p.returncode}')")
    out = subprocess.run([PYTHON, "-c", wrapper, *command], cwd=cwd, capture_output=True, text=True).stdout
    seconds, rss_kib, code = re.findall(r"@@ (\S+) (\d+) (-?\d+)", out)[-1]
    if code != "0":
        raise SystemExit(f"{' '.join(command)} failed:\n{out[-3000:]}")
    return float(seconds), int(rss_kib) // 1024, out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - (1 if (site / "404.html").exists() else 0)


def build(project: Path, site: Path) -> dict:
    seconds, rss, out = measured([PYTHON, "-m", "mkdocs", "build", "--no-strict", "--clean", "-d", str(site)], project)
    search = re.search(r"search: (\d+) pages indexed in ([\d.]+) s \((\d+) KB\)", out)
    search_dir = site / "search"
    return {"seconds": seconds, "rss": rss, "bytes": folder_size(site), "pages": html_pages(site),
            "search_bytes": folder_size(search_dir) if search_dir.exists() else 0,
            "search_seconds": float(search.group(2)) if search else None}


def baseline_project(project: Path, out: Path) -> Path:
    """The same pages as plain Markdown files, built by MkDocs + Material with nothing of ours."""
    from generator.pipeline.core import run
    from generator.pipeline.load import Project
    from generator.engine.pages import Page

    result = run(Project.at(project), date.today())
    docs = out / "docs"
    shutil.copytree(project / "content", docs)
    for item in result.pages:
        target = docs / item.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content() if isinstance(item, Page) else item.text, encoding="utf-8")
    nav = (ROOT / "generator" / "mkdocs" / "nav.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: https://example.go.th/\ndocs_dir: docs\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  language: th\n  font: false\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, {toc: {permalink: true}}]\n"
        "validation: {nav: {omitted_files: info, not_found: warn}, links: {not_found: info, anchors: info,"
        " unrecognized_links: info}}\nnav:\n" + nav, encoding="utf-8")
    return out


def serve_rebuild(seconds_limit: float = 120) -> float | None:
    """Seconds from changing data/office.yml of the example to `mkdocs serve` reloading the browser."""
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    for name in ("mkdocs.yml", "data", "content"):
        src = ROOT / "example" / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    proc = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", "127.0.0.1:8765"],
                            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        _wait_for(proc, "Serving on", seconds_limit)
        time.sleep(1)
        office = work / "data" / "office.yml"
        start = time.perf_counter()
        office.write_text(office.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        _wait_for(proc, "Reloading browsers", seconds_limit)
        return time.perf_counter() - start
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def _wait_for(proc: subprocess.Popen, text: str, limit: float) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        line = proc.stdout.readline()
        if text in line:
            return
        if not line and proc.poll() is not None:
            raise SystemExit("mkdocs serve stopped")
    raise SystemExit(f"mkdocs serve: no '{text}' within {limit} s")


def browser_bytes(site: Path) -> dict:
    """Bytes the browser receives for the OIT index's first load and for one search query."""
    sys.path.insert(0, str(ROOT))
    from tests.search.runner import Browser, OurSearch, Query, served

    # Served gzip-compressed like GitHub/GitLab Pages; a phone width, where the search button shows.
    with served(site, compress=True) as base, Browser.launch(base) as browser:
        year = max(int(p.name) for p in (site / "oit").iterdir() if p.name.isdigit())
        browser.page.goto(f"{base}/oit/{year}/", wait_until="networkidle")
        browser.page.wait_for_timeout(300)
        first_load = browser.bytes_so_far()
        search = OurSearch(browser, start=None)
        before = browser.bytes_so_far()
        outcome = search.run(Query("bench", "จัดซื้อ", ()), every_result=False)
        return {"oit_first_load": first_load, "search_open": before - first_load, "search_query": outcome.bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 3,000 documents, 20,000 rows, …")
    parser.add_argument("--keep", type=Path, help="write the office and the sites here and keep them")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    s = args.scale
    print(f"cores: {os.cpu_count()} · python {sys.version.split()[0]}")
    t = time.perf_counter()
    office = make_office(work / "office", documents=int(3000 * s), purchases=int(20000 * s), cases=int(5000 * s),
                         news=int(500 * s))
    print(f"synthetic office: {time.perf_counter() - t:.1f} s, data {folder_size(office / 'data') / 2**20:.1f} MiB")
    ours = build(office, work / "site")
    base = build(baseline_project(office, work / "baseline"), work / "baseline-site")
    rows = [("wall time (s)", "seconds", "{:.1f}"), ("peak RSS (MiB)", "rss", "{}"),
            ("output (MiB)", "bytes", "{:.1f}"), ("HTML pages", "pages", "{}"),
            ("search index (MiB)", "search_bytes", "{:.2f}"), ("search indexing (s)", "search_seconds", "{}")]
    print(f"\n{'':24}{'generator':>12}{'baseline':>12}{'ratio':>8}")
    for label, key, fmt in rows:
        a, b = ours[key], base[key]
        if key in ("bytes", "search_bytes"):
            a, b = a / 2**20, b / 2**20
        ratio = f"{a / b:.2f}" if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else "-"
        print(f"{label:24}{fmt.format(a) if a is not None else '-':>12}{fmt.format(b) if b is not None else '-':>12}"
              f"{ratio:>8}")
    print(f"\nmkdocs serve rebuild after one data file changed (example office): {serve_rebuild():.1f} s")
    if not args.skip_browser:
        sizes = browser_bytes(work / "site")
        print(f"browser: OIT index first load {sizes['oit_first_load'] / 1024:.0f} KiB; opening search "
              f"{sizes['search_open'] / 1024:.0f} KiB; one query {sizes['search_query'] / 1024:.0f} KiB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
