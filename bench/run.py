"""`make bench`: build a synthetic office at several sizes, alternating with plain MkDocs + Material.

For each scale of the series (`--scales 0.5,1,2`), the synthetic office (bench/synthetic.py: Thai text
from PyThaiNLP's word list, a git history of one commit per fiscal year) is built `--runs` times by the
generator and as often by a baseline, alternately (generator, baseline, generator, ...): plain MkDocs +
Material with its own search plugin, building the same pages as static Markdown (tables as Markdown
tables), detail pages out of the nav. Each build runs in a fresh process under bench/measure.py: CPU
(user + system of the build and its children), wall time, peak RSS and the load average around it.
The table gives the median and the spread (min–max) of each, the ratios of the medians, and the load.
Then output sizes, the search indexes gzipped as a host serves them, the time `python -m generator
serve` takes from one edit to the browser's reload (a document's summary: a few pages; the phone in
every footer: all pages) on the example and on the office nearest scale 1 (any free port), and what the browser
transfers for the OIT index's first load and for one search query. Figures are printed, never
asserted: the method and the targets are in BENCHMARKS.md.

`--generator-root DIR` builds with the generator code of another checkout (say a `git worktree` of an
older commit): DIR comes first on the builds' PYTHONPATH, checked before the first build. The
synthetic office and the baseline always come from this checkout, so "before" and "after" meet the
same office and the same baselines in one session.

    .venv/bin/python bench/run.py [--scales 0.5,1,2] [--runs 3] [--generator-root DIR] [--keep DIR]
                                  [--json FILE] [--skip-serve] [--skip-browser]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import commit_history, make_office, thai_vocabulary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MEASURE = ROOT / "bench" / "measure.py"
SIZES = {"documents": 3000, "purchases": 20000, "cases": 5000, "news": 500}  # at scale 1


# ---------------------------------------------------------------------------------------------- builds

def measured(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> dict:
    """What one command cost (bench/measure.py, a process of its own); its output is in `log`."""
    out = subprocess.run([PYTHON, str(MEASURE), str(log), *command], cwd=cwd, env=env, capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise SystemExit(f"bench: วัดผลไม่ได้ / could not measure {' '.join(command)}:\n{out.stderr[-2000:]}")
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    if figures["returncode"] != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"bench: สร้างเว็บไซต์ไม่สำเร็จ / the build failed ({cwd}):\n{tail}")
    return figures


def build(project: Path, site: Path, env: dict[str, str]) -> dict:
    """Build `project` into `site` once: the measure, plus pages, output and search index sizes."""
    log = site.with_name(site.name + ".log")
    figures = measured([PYTHON, "-m", "mkdocs", "build", "--no-strict", "--clean", "-d", str(site)], project, env, log)
    search = re.search(r"search: (\d+) pages indexed in ([\d.]+) s", log.read_text(encoding="utf-8", errors="replace"))
    return {**figures, "bytes": folder_size(site), "pages": html_pages(site),
            "search_served": served_size(site / "search"), "search_raw": folder_size(site / "search"),
            "search_seconds": float(search.group(2)) if search else None}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def served_size(folder: Path) -> int:
    """Bytes a host sends for every file of `folder`: text gzipped (level 6) as GitHub and GitLab Pages
    do, other files (our `.gz` postings and cards) as they are. Material's `search_index.json` and our
    index are compared on this one footing."""
    from tests.search.runner import _Gzip  # the suffixes the test server compresses, one list for both

    return sum(len(gzip.compress(p.read_bytes(), 6)) if p.suffix in _Gzip.TEXT else p.stat().st_size
               for p in folder.rglob("*") if p.is_file())


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - (1 if (site / "404.html").exists() else 0)


def baseline_project(project: Path, out: Path) -> Path:
    """The same pages as plain Markdown files, built by MkDocs + Material with nothing of ours."""
    from generator.engine.pages import Page
    from generator.pipeline.core import run
    from generator.pipeline.load import Project

    result = run(Project.at(project), date.today())
    docs = out / "docs"
    shutil.copytree(project / "content", docs)
    for item in result.pages:
        target = docs / item.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        text = item.content() if isinstance(item, Page) else item.text
        target.write_bytes(text.encode("utf-8") if isinstance(text, str) else bytes(text))  # a workbook: its bytes
    nav = (ROOT / "generator" / "mkdocs" / "nav.yml").read_text(encoding="utf-8")
    (out / "mkdocs.yml").write_text(
        "site_name: Baseline\nsite_url: https://example.go.th/\ndocs_dir: docs\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  language: th\n  font: false\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables, {toc: {permalink: true}}]\n"
        "validation: {nav: {omitted_files: info, not_found: warn}, links: {not_found: info, anchors: info,"
        " unrecognized_links: info}}\nnav:\n" + nav, encoding="utf-8")
    return out


# ------------------------------------------------------------------------------------ generator code

def generator_env(root: Path | None) -> dict[str, str]:
    """The builds' environment: `root` first on PYTHONPATH when another checkout's code is measured."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if root:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


def generator_source(env: dict[str, str], root: Path) -> str:
    """The file MkDocs loads the generator plugin from under `env`, which must lie in `root`.

    Asked of a fresh interpreter through the same entry point MkDocs uses, so an editable install
    of this checkout that shadowed `root` is caught before any figure is taken.
    """
    probe = ("import importlib.metadata as m, sys; "
             "ep = next(e for e in m.entry_points(group='mkdocs.plugins') if e.name == 'generator'); "
             "print(sys.modules[ep.load().__module__].__file__)")
    found = subprocess.run([PYTHON, "-c", probe], env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    where = Path(found.stdout.strip() or "?").resolve()
    if found.returncode != 0 or not where.is_relative_to(root.resolve()):
        raise SystemExit(f"bench: โค้ดของตัวสร้างไม่ได้มาจาก {root} / the plugin is not loaded from {root}: "
                         f"{where}\n{found.stderr[-1500:]}")
    return str(where)


def revision(root: Path) -> str:
    found = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %cs %s"], capture_output=True, text=True)
    return found.stdout.strip()[:72] or "(not a git checkout)"


# ---------------------------------------------------------------------------------------- the series

def measure_scale(scale: float, work: Path, runs: int, env: dict[str, str]) -> dict:
    """Write the office of `scale`, then build it and its baseline `runs` times each, alternately."""
    t = time.perf_counter()
    office = make_office(work / "office", vocabulary=thai_vocabulary(),
                         **{name: int(count * scale) for name, count in SIZES.items()})
    commits = commit_history(office)
    baseline = baseline_project(office, work / "baseline")
    print(f"\n── scale {scale:g}: office and baseline written in {time.perf_counter() - t:.1f} s "
          f"(data {folder_size(office / 'data') / 2**20:.1f} MiB, {commits} commits)", flush=True)
    ours, base = [], []
    for n in range(runs):
        for label, project, site, results, build_env in (("generator", office, work / "site", ours, env),
                                                         ("baseline", baseline, work / "baseline-site", base,
                                                          generator_env(None))):
            results.append(build(project, site, build_env))
            r = results[-1]
            print(f"   run {n + 1} {label:9} CPU {r['cpu']:7.1f} s  wall {r['wall']:7.1f} s  RSS {r['rss']:5} MiB "
                  f"(tree {r['tree_rss']})  load {r['load_before']:.2f} → {r['load_after']:.2f}", flush=True)
    return {"scale": scale, "generator": ours, "baseline": base}


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """'median [min–max]'."""
    return f"{fmt.format(statistics.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def print_series(series: list[dict]) -> None:
    """The one table of the series, then sizes per scale."""
    print(f"\n{'scale':>5} {'pages':>6}  {'generator CPU s':>19} {'generator wall s':>19}  {'baseline CPU s':>19} "
          f"{'baseline wall s':>19}  {'CPU':>5} {'wall':>5}  {'RSS MiB gen/base':>16}  {'load':>9}")
    for s in series:
        ours, base = s["generator"], s["baseline"]
        loads = [r[k] for r in ours + base for k in ("load_before", "load_after")]
        print(f"{s['scale']:>5g} {ours[-1]['pages']:>6}  {spread([r['cpu'] for r in ours]):>19} "
              f"{spread([r['wall'] for r in ours]):>19}  {spread([r['cpu'] for r in base]):>19} "
              f"{spread([r['wall'] for r in base]):>19}  {median_of(ours, 'cpu') / median_of(base, 'cpu'):>5.2f} "
              f"{median_of(ours, 'wall') / median_of(base, 'wall'):>5.2f}  "
              f"{max(r['rss'] for r in ours):>7} / {max(r['rss'] for r in base):<6}  "
              f"{min(loads):.1f}–{max(loads):.1f}")
    print(f"\n{'scale':>5} {'pages gen/base':>15}  {'output MiB gen/base':>20}  {'search KiB gzipped gen/base':>28}  "
          f"{'indexing s':>10}  {'tree RSS MiB gen/base':>21}")
    for s in series:
        ours, base = s["generator"][-1], s["baseline"][-1]
        indexing = [r["search_seconds"] for r in s["generator"] if r["search_seconds"] is not None]
        print(f"{s['scale']:>5g} {ours['pages']:>7} / {base['pages']:<5}  "
              f"{ours['bytes'] / 2**20:>9.1f} / {base['bytes'] / 2**20:<8.1f}  "
              f"{ours['search_served'] / 1024:>13.0f} / {base['search_served'] / 1024:<12.0f}  "
              f"{statistics.median(indexing) if indexing else float('nan'):>10.1f}  "
              f"{max(r['tree_rss'] for r in s['generator']):>10} / {max(r['tree_rss'] for r in s['baseline']):<8}")


# ------------------------------------------------------------------------------------ mkdocs serve

def free_port() -> int:
    """A port nobody listens on now (the kernel's choice for port 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What an edit under serve is timed on: (name, file, change). A document's summary shows on its own
# page and its year's list; the switchboard number in every page's footer.
EDITS = (("one document", "data/documents", "summary"), ("every page", "data/office.yml", "phone"))
PHONE = "0 4499 9000"


def serve_rebuild(env: dict[str, str], office: Path, attempts: int = 3, limit: float = 600) -> dict[str, float] | None:
    """Seconds from each edit (EDITS) of a copy of `office` to `python -m generator serve` reloading the browser.

    The command a webmaster runs (`make serve`), on any free port; a port taken between the choice
    and the start (or a serve that fails) is tried again on another, and after `attempts` the figures
    are left out: they never stop the benchmark.
    """
    for _ in range(attempts):
        work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
        try:
            for name in ("mkdocs.yml", "data", "content", ".git"):
                if (src := office / name).exists():
                    (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
            seconds = _one_serve(work, free_port(), env, limit)
            if seconds is not None:
                return seconds
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return None


def _one_serve(work: Path, port: int, env: dict[str, str], limit: float) -> dict[str, float] | None:
    proc = subprocess.Popen([PYTHON, "-m", "generator", "serve", "--root", str(work), "--port", str(port)],
                            cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout] + [lines.put("")], daemon=True).start()
    figures: dict[str, float] = {}
    try:
        if not _wait_for(lines, "Serving on", limit):
            return None
        for name, rel, change in EDITS:
            _wait_for(lines, "indexed", 5 + limit / 10)  # the search index of the last build, made after the reload
            time.sleep(1)
            start = time.perf_counter()
            _edit(work / rel, change)
            if not _wait_for(lines, "Reloading browsers", limit):
                return None
            figures[name] = time.perf_counter() - start
        return figures
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:  # a serve that does not stop (older code waited for its index)
            proc.kill()
            proc.wait()


def _edit(path: Path, change: str) -> None:
    """One edit a webmaster makes: a word added to the first document's summary, or a new phone number."""
    if path.is_dir():
        path = sorted(path.glob("*.yml"))[0]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    if change == "phone":
        at = next(i for i, line in enumerate(lines) if PHONE in line)
        lines[at] = lines[at].replace(PHONE, "0 4499 9123")
    else:
        at = next(i for i, line in enumerate(lines) if "summary_th:" in line)
        at += lines[at].rstrip().endswith((">-", ">", "|")) or 0  # a folded summary: its first line of text
        lines[at] = lines[at].rstrip("\n") + " ฉบับแก้ไข\n"
    path.write_text("".join(lines), encoding="utf-8")


def _wait_for(lines: queue.Queue, text: str, limit: float) -> bool:
    """Whether `text` appears in the output within `limit` seconds (False when serve stopped)."""
    end = time.monotonic() + limit
    while (left := end - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        if text in line:
            return True
        if not line:
            return False
    return False


def browser_bytes(site: Path) -> dict:
    """Bytes the browser receives for the OIT index's first load and for one search query."""
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


# ------------------------------------------------------------------------------------------- main

def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="0.5,1,2", help="comma-separated; 1 = 3,000 documents, 20,000 rows, …")
    parser.add_argument("--scale", type=float, help="one scale only (the same as --scales X)")
    parser.add_argument("--runs", type=int, default=3, help="builds of each side per scale, alternating")
    parser.add_argument("--generator-root", type=Path, help="build with the generator code of this checkout")
    parser.add_argument("--keep", type=Path, help="write the offices and the sites here and keep them")
    parser.add_argument("--json", type=Path, help="also write every run's figures here")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    args.scales = [args.scale] if args.scale else [float(s) for s in args.scales.split(",")]
    if args.runs < 1:
        parser.error("--runs: at least 1")
    return args


def main() -> None:
    args = arguments()
    code = (args.generator_root or ROOT).resolve()
    env = generator_env(args.generator_root and code)
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    print(f"cores: {os.cpu_count()} · python {sys.version.split()[0]} · load {os.getloadavg()[0]:.2f} · "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    print(f"generator: {revision(code)}\n           plugin loaded from {generator_source(env, code)}")
    print(f"office and baseline: {revision(ROOT)}")
    series = [measure_scale(scale, work / f"scale-{scale:g}", args.runs, env) for scale in args.scales]
    print_series(series)
    extra: dict[str, object] = {}
    if not args.skip_serve:
        nearest = min(args.scales, key=lambda s: abs(s - 1))
        offices = {"example": ROOT / "example", f"scale {nearest:g}": work / f"scale-{nearest:g}" / "office"}
        extra["serve_rebuild"] = {name: serve_rebuild(env, office) for name, office in offices.items()}
        print("\npython -m generator serve, one edit to the browser's reload:")
        for name, figures in extra["serve_rebuild"].items():
            shown = ", ".join(f"{edit} {seconds:.2f} s" for edit, seconds in figures.items()) if figures else "not measured"
            print(f"  {name}: {shown}")
    if not args.skip_browser:
        nearest = min(args.scales, key=lambda s: abs(s - 1))
        extra["browser"] = sizes = browser_bytes(work / f"scale-{nearest:g}" / "site")
        print(f"browser (scale {nearest:g}): OIT index first load {sizes['oit_first_load'] / 1024:.0f} KiB; opening "
              f"search {sizes['search_open'] / 1024:.0f} KiB; one query {sizes['search_query'] / 1024:.0f} KiB")
    if args.json:
        args.json.write_text(json.dumps({"generator": str(code), "series": series, **extra}, indent=1),
                             encoding="utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
