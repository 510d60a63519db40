"""Lighthouse on the built site, served on this machine: `make lighthouse` (figures in BENCHMARKS.md).

Builds the site into a temporary folder (or takes `--site DIR`), serves it on 127.0.0.1 the way a
static host does (text compressed with gzip when the browser asks for it), and runs Lighthouse with
its mobile and desktop presets on a few pages. Prints one table row per page and preset: the four
category scores and the paint and blocking figures behind the performance score.

Lighthouse is a Node program, not a Python dependency. The script takes, in this order: $LIGHTHOUSE,
`lighthouse` on the PATH, or its own copy in the user's cache, installed there with npm on first
use (`npm install --prefix ~/.cache/oit-site-generator/lighthouse lighthouse`). Chromium is
$CHROME_PATH, else the one the browser tests use (tests/chromium.py: $CHROMIUM, the system's, or
Playwright's own download).

    .venv/bin/python scripts/lighthouse.py                       # build, three pages, both presets
    .venv/bin/python scripts/lighthouse.py --site example/site --runs 3  # an existing build, median of 3
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The home page, the OIT index of the current year and a year's complaint statistics (issue 19).
PAGES = ["/", "/oit/2570/", "/complaints/2569/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync")
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv"}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed text as GitHub Pages, Netlify or nginx serve them."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix in COMPRESSED and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def lighthouse_command() -> list[str]:
    if custom := os.environ.get("LIGHTHOUSE"):
        return [custom]
    if found := shutil.which("lighthouse"):
        return [found]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "oit-site-generator" / "lighthouse"
    binary = cache / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("lighthouse: Lighthouse needs Node.js and npm (apt-get install npm), or set $LIGHTHOUSE.")
        print(f"lighthouse: installing Lighthouse with npm into {cache} (once)", file=sys.stderr)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(cache), "lighthouse"], check=True)
    return [str(binary)]


def build(target: Path) -> None:
    subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-q", "-d", str(target)],
                   cwd=ROOT / "example", check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def run_one(command: list[str], url: str, preset: str, chrome: str, out: Path) -> dict:
    args = [*command, url, "--quiet", "--output=json", f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if preset == "desktop":
        args.append("--preset=desktop")
    subprocess.run(args, check=True, env={**os.environ, "CHROME_PATH": chrome})
    report = json.loads(out.read_text())
    audits = report["audits"]
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"] / 1024,
        "failed": sorted(a for c in CATEGORIES[1:] for a in _failed(report, c)),
    }


def _failed(report: dict, category: str) -> list[str]:
    return [ref["id"] for ref in report["categories"][category]["auditRefs"]
            if ref["weight"] and (report["audits"][ref["id"]].get("score") or 0) < 1
            and report["audits"][ref["id"]].get("scoreDisplayMode") == "binary"]


def median(runs: list[dict]) -> dict:
    """The run of median performance score (Lighthouse's own advice for several runs)."""
    ordered = sorted(runs, key=lambda r: r["performance"])
    return ordered[len(ordered) // 2]


def chromium() -> str:
    """The Chromium the browser tests drive (tests/chromium.py); none is one message and exit 1."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.chromium import NoChromium, find_chromium

    with sync_playwright() as playwright:
        try:
            return find_chromium(playwright)
        except NoChromium as exc:
            sys.exit(str(exc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--pages", nargs="*", default=PAGES)
    parser.add_argument("--presets", nargs="*", default=["mobile", "desktop"], choices=["mobile", "desktop"])
    parser.add_argument("--runs", type=int, default=1, help="runs per page and preset; the median is shown")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    options = parser.parse_args()
    chrome = os.environ.get("CHROME_PATH") or chromium()
    command = lighthouse_command()
    with tempfile.TemporaryDirectory(prefix="oit-lighthouse-") as temp:
        site = options.site
        if site is None:
            site = Path(temp) / "site"
            build(site)
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(site.resolve())))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        load = os.getloadavg()[0]
        print(f"Lighthouse {date.today().isoformat()}, {os.cpu_count()} cores, load {load:.2f}, {base}")
        print("| page | preset | performance | accessibility | best practices | SEO "
              "| FCP s | LCP s | TBT ms | CLS | KiB | failed audits |")
        print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
        figures = []
        try:
            for preset in options.presets:
                for page in options.pages:
                    runs = [run_one(command, base + page, preset, chrome, Path(temp) / f"report-{i}.json")
                            for i in range(options.runs)]
                    r = median(runs)
                    figures.append({"page": page, "preset": preset, **r,
                                    "performance_runs": [x["performance"] for x in runs]})
                    print(f"| `{page}` | {preset} | {r['performance']} | {r['accessibility']} "
                          f"| {r['best-practices']} | {r['seo']} | {r['fcp']:.1f} | {r['lcp']:.1f} "
                          f"| {r['tbt']:.0f} | {r['cls']:.3f} | {r['bytes']:.0f} | {' '.join(r['failed'])} |",
                          flush=True)
        finally:
            server.shutdown()
        print(f"load after: {os.getloadavg()[0]:.2f}; "
              f"performance runs: {statistics.mean(f['performance'] for f in figures):.1f} on average")
        if options.json:
            options.json.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
