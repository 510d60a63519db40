"""Shared fixtures: the small test office, the example office, and built sites to read by URL."""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.engine.render import md_escape
from generator.pipeline.core import run
from generator.pipeline.load import Project
from generator.engine.site import Site

from .chromium import chromium_for_tests, system_chromium
from .search.runner import served

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example"  # the example office: an office repository like any other
GOOD = Path(__file__).parent / "data" / "good"
BAD = Path(__file__).parent / "data" / "bad"
# Build date of the small test office: after the plan, before the future-dated announcement.
GOOD_TODAY = date(2025, 5, 15)
# Build date of the example office, pinned so that the example's pages stay the same every year.
EXAMPLE_TODAY = "2026-12-07"

# Property-based tests (tests/test_generated_input.py). Locally each run draws new inputs and
# .hypothesis/ replays the last failures; under `ci` the draw is the same on every run, so CI fails
# only on what a commit changed, and a failure prints the blob that reproduces it.
settings.register_profile("dev", print_blob=True)
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def site() -> Site:
    """The Site index of tests/data/good as published on GOOD_TODAY."""
    result = run(Project.at(GOOD), GOOD_TODAY)
    assert result.ok, [p.render() for p in result.problems]
    return result.site


# A generated table reaches MkDocs as HTML marked STX … ETX (engine/templates `data_table`, issue 21).
_RAW_TABLE = re.compile("\x02(<table>.*?</table>)\x03\n?", re.S)


def md_tables(markdown: str) -> str:
    """A generated page's Markdown with its HTML tables written back as the Markdown rows they stand
    for, each cell escaped as the `cells` filter escapes it: one way for a test to say "this row is in
    the table". That the HTML is exactly what Markdown made of those rows is tests/engine/test_raw_tables.py's job."""
    return _RAW_TABLE.sub(lambda match: _markdown_rows(match.group(1)), markdown)


def _markdown_rows(table: str) -> str:
    lines = []
    for number, row in enumerate(re.findall(r"<tr>(.*?)</tr>", table, re.S)):
        found = re.findall(r"<t([hd])([^>]*)>(.*?)</t[hd]>", row, re.S)
        lines.append("| " + " | ".join(_markdown_cell(text) for _tag, _style, text in found) + " |")
        if number == 0 and found and found[0][0] == "h":
            lines.append("|" + "".join("--:|" if "right" in style else "---|" for _tag, style, _text in found))
    return "\n".join(lines) + "\n\n"


def _markdown_cell(cell: str) -> str:
    strong = re.fullmatch(r"<strong>(.*)</strong>", cell, re.S)
    inner = strong.group(1) if strong else cell
    if re.search(r"<[a-z/]", inner):  # a cell given as markup (a link) reached the table as it was
        text = inner
    else:
        text = str(md_escape(html.unescape(inner)))
    return f"**{text}**" if strong and text else text


def project_with(tmp_path: Path, files: dict[str, str | Path]) -> Project:
    """A copy of the good test office with some files replaced (text, or a file to copy)."""
    root = tmp_path / "office"
    shutil.copytree(GOOD, root)
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copy(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    return Project.at(root)


def located(problems) -> set[tuple[str, int, str]]:
    return {(p.code, p.line, p.field) for p in problems}


def reported(result) -> list[tuple[str, int, str, str, str]]:
    """Each problem of a run as (file, line, field, code, severity), in the order check prints them."""
    return [(p.file, p.line, p.field, p.code, p.severity) for p in result.problems]


def pages_of(result) -> dict:
    """The pages and assets of a run that has no error, by source path (`risks/2568/index.md`)."""
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}


def csv_rows(asset) -> list[list[str]]:
    """A CSV download as rows, without the byte-order mark that Excel needs."""
    return list(csv.reader(io.StringIO(asset.text.lstrip("\ufeff"))))


class BuiltSite:
    """A real MkDocs build in a temporary folder, read back by URL."""

    def __init__(self, site_dir: Path, log: str):
        self.site_dir, self.log = site_dir, log

    def path(self, url: str) -> Path:
        """The file MkDocs wrote for `url` (`/office/` → `office/index.html`)."""
        rel = url.strip("/")
        target = self.site_dir / rel
        return target / "index.html" if not Path(rel).suffix else target

    def html(self, url: str) -> str:
        """The HTML served at `url`, its no-break spaces read as spaces (the site joins a word and its
        number with U+00A0, generator/mkdocs/typeset.py; tests look for the words)."""
        return self.path(url).read_text(encoding="utf-8").replace("\u00a0", " ")


def copy_example(work: Path, build_date: str = EXAMPLE_TODAY) -> Path:
    """The example office's own files in `work`, its build date pinned so its pages stay the same every year."""
    for name in ("mkdocs.yml", "data", "content"):
        src = EXAMPLE / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)
    text = (work / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - generator\n" in text
    (work / "mkdocs.yml").write_text(text.replace("  - generator\n", f"  - generator:\n      build_date: '{build_date}'\n"),
                                     encoding="utf-8")
    return work


def site_differences(left: Path, right: Path, ignore: tuple[str, ...] = ()) -> list[str]:
    """The files that differ between two built sites or exist in one only (folders named in `ignore` aside)."""
    import filecmp

    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.diff_files)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=list(ignore)), "")
    return sorted(found)


def build_project(root: Path, site_dir: Path, **overrides) -> None:
    """Run `mkdocs build --strict` on the project at `root`, writing into `site_dir`."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), **{"strict": True, **overrides})
    build(config)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The example office (example/) built once per test session with --strict."""
    import logging

    work = tmp_path_factory.mktemp("example")
    copy_example(work)
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build_project(work, work / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    log = "\n".join(f"{r.levelname}: {r.getMessage()}" for r in records if r.levelno >= logging.WARNING)
    return BuiltSite(work / "site", log)


# --- browser tests: the system Chromium and the built example served on 127.0.0.1 -------------

# $CHROMIUM or the system's; None leaves Playwright its own download (tests/chromium.py).
CHROMIUM = system_chromium()
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


# One local server for every browser test; tests/search/runner.py owns it because
# scripts/search_report.py uses it outside pytest too.
serve = served


@pytest.fixture(scope="module")
def server(example_site):
    """The built example site served on 127.0.0.1 for the duration of a test module."""
    with serve(example_site.site_dir) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, headless, with the flags this machine's closed network needs.

    One per test process: each test opens its own context (cookies, storage and cache of its own),
    so sharing the browser shares nothing a test can see, and saves a start per module.
    """
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=chromium_for_tests(p), args=FLAGS)
        yield chromium
        chromium.close()


# --- parallel runs: `make test` spreads the tests over the cores (pytest-xdist, --dist loadgroup) ---

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Keep the tests of a module that share a module-scoped fixture (a browser, a served or built site)
    on one worker, so that it is set up once per run, not once per worker that happens to run one.

    Every other test is distributed one by one, which is what balances the two cores. The mark only
    matters under `--dist loadgroup`; a run without xdist ignores it.
    """
    for item in items:
        fixtures = getattr(item, "_fixtureinfo", None)
        defs = fixtures.name2fixturedefs.values() if fixtures else ()
        if any(d and d[-1].scope == "module" for d in defs):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Whole modules move, so that a module's tests stay together and its module-scoped fixtures
        # (a browser, a built site) are set up once, not again when the module comes round a second time.
        long_modules = {item.nodeid.split("::", 1)[0] for item in items if _long(item)}
        items.sort(key=lambda item: item.nodeid.split("::", 1)[0] not in long_modules)


def _long(item: pytest.Item) -> bool:
    """A test that takes ten seconds or more: a browser crawl, a whole build, a Hypothesis search.

    Under xdist the modules that hold one are handed out first (the order is otherwise the
    collection's), so that the run does not end with one worker on a long test while the other has
    nothing left to do.
    """
    marked = item.get_closest_marker("browser") or item.get_closest_marker("slow")
    return bool(marked or getattr(getattr(item, "obj", None), "is_hypothesis_test", False))
