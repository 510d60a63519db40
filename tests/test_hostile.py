"""The hostile-input corpus (tests/hostile/*.yml): every bad input ends in a clear error or inert text.

Each case is run as a webmaster meets it: `python -m generator check` (in-process, its output
captured) and a strict MkDocs build into a folder that already holds a published site. Any
exception other than MkDocs' own "build failed" would be a traceback in front of the user.
Whatever the outcome, check and build must agree: the build fails exactly when check reports a
problem, and MkDocs never warns of anything check did not report first.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from collections import Counter
from html.parser import HTMLParser
from xml.etree import ElementTree
from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort, PluginError

from generator.cli.main import main

from .conftest import GOOD, ROOT, build_project

# cases.yml is the first corpus; each later class of hostile input has a file of its own beside it.
CASES = [case for path in sorted((Path(__file__).parent / "hostile").glob("*.yml"))
         for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []]
BUILD_DATE = "2025-05-15"  # the good office's build date (tests/data/good/mkdocs.yml)
PUBLISHED = "<p>the site published before this change</p>"
THAI = re.compile("[\u0e00-\u0e7f]")
# An office that writes the link and nav checks out in its mkdocs.yml (the levels the generator uses
# anyway): the cases' line numbers in mkdocs.yml count these lines.
VALIDATION = ("validation:\n  nav:\n    absolute_links: info\n    not_found: warn\n  links:\n    not_found: warn\n"
              "    anchors: warn\n    unrecognized_links: warn\n")
REPORTED = re.compile(r"(\d+) error\(s\), (\d+) warning\(s\)")


def make_office(root: Path, case: dict) -> Path:
    """The small test office (the generator's theme and link checks come with the package) and the case's changes."""
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
                                     + VALIDATION, encoding="utf-8")
    (root / "overrides").mkdir()
    for rel, pairs in case.get("edit", {}).items():
        text = (root / rel).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, f"{case['id']}: {old!r} is not in {rel}"
            text = text.replace(old, new, 1)
        (root / rel).write_text(text, encoding="utf-8")
    for rel in case.get("delete", []):
        (root / rel).unlink()
    for kind in ("write", "raw", "append", "encode", "copy", "symlink", "big", "fifo", "mkdir", "pad", "xlsx"):
        for rel, value in case.get(kind, {}).items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            _put(kind, target, value, root)
    return root


def _put(kind: str, target: Path, value, root: Path) -> None:
    if kind == "write":
        target.write_text(value, encoding="utf-8")
    elif kind == "raw":  # a YAML string of \x escapes: one character per byte
        target.write_bytes(value.encode("latin-1"))
    elif kind == "append":
        with target.open("ab") as out:
            out.write(value.encode("utf-8"))
    elif kind == "encode":
        encoding, text = value
        target.write_bytes(text.encode(encoding))
    elif kind == "copy":
        shutil.copy(root / value, target)
    elif kind == "symlink":
        target.symlink_to(value)
    elif kind == "fifo":  # a named pipe: opening it for reading would wait for a writer forever
        os.mkfifo(target)
    elif kind == "mkdir":  # a folder where a file is expected, holding `value` (a file name → text)
        target.mkdir()
        for name, text in (value or {}).items():
            (target / name).write_text(text, encoding="utf-8")
    elif kind == "pad":  # [text, character, count]: the text, then one character repeated, then a line end
        text, character, count = value
        target.write_text(text + character * count + "\n", encoding="utf-8")
    elif kind == "xlsx":  # a workbook whose first sheet holds `value` (cell → value, e.g. {A1: งาน})
        import openpyxl

        book = openpyxl.Workbook()
        for cell, content in value.items():
            book.active[cell] = content
        book.save(target)
    elif kind == "big":  # valid-looking text, `value` MB of it
        line = "  - id: law\n    title_th: พระราชบัญญัติทดสอบ\n".encode("utf-8")
        with target.open("wb") as out:
            out.write(b"laws:\n" + line * (value * 1024 * 1024 // len(line)))


def run_check(root: Path, capsys, *extra: str) -> tuple[int, str]:
    """Exit code and output of `python -m generator check` on the office."""
    code = main(["check", "--root", str(root), "--as-of", BUILD_DATE, *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def run_build(root: Path, foreign: list[str] | None = None) -> str | None:
    """A strict build over an already published site; the failure message, or None on success.

    `foreign` receives what MkDocs itself logged at WARNING or above: anything but the generator's
    own report, i.e. what check did not find first.
    """
    site = root / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text(PUBLISHED, encoding="utf-8")
    records: list[logging.LogRecord] = []
    recorder = logging.Handler(logging.WARNING)
    recorder.emit = records.append  # type: ignore[method-assign]
    logging.getLogger("mkdocs").addHandler(recorder)
    failure, refusal = None, None
    try:
        build_project(root, site)
    except (PluginError, Abort) as error:  # MkDocs prints these as a message, not a traceback
        failure = str(error) or "aborted"
        refusal = str(error.__context__ or error)  # MkDocs logs the plugin's refusal, then aborts
    finally:
        logging.getLogger("mkdocs").removeHandler(recorder)
    if foreign is not None:
        foreign += [r.getMessage() for r in records if r.name != "mkdocs.plugins.generator"
                    and r.getMessage() != refusal]
    return failure


def _marks(case: dict) -> list:
    """A case found and reported but not fixed yet (`open: <why>`) is expected to fail, not hidden."""
    return [pytest.mark.xfail(reason=case["open"], strict=False)] if "open" in case else []


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"], marks=_marks(c)) for c in CASES])
def test_hostile_input(case, tmp_path, capsys):
    root = make_office(tmp_path / "office", case)
    expect = case["expect"]
    started = time.monotonic()
    code, out = run_check(root, capsys)
    if "within" in case:  # seconds: an input that made check take minutes, however it ended
        assert time.monotonic() - started < case["within"], f"check took over {case['within']} s"
    assert "Traceback" not in out
    assert str(tmp_path) not in out and str(tmp_path.resolve()) not in out, "the machine's path is shown"
    foreign: list[str] = []
    failure = run_build(root, foreign)
    _assert_agree(out, failure, foreign)
    if "error" in expect:
        assert code == 1, out
        _assert_located(out, expect["error"])
        _assert_refused(root, failure)
    elif "warning" in expect:
        assert code == 0, out
        _assert_located(out, expect["warning"])
        assert run_check(root, capsys, "--strict")[0] != 0
        _assert_refused(root, failure)
    else:
        assert code == 0, out
        assert failure is None, failure
        _assert_shown(root, expect)


def _assert_agree(out: str, failure: str | None, foreign: list[str]) -> None:
    """`check --strict` fails on a problem exactly when the strict build fails, for the same reasons.

    `check --strict` also fails on OIT items still incomplete, which no build refuses, so the
    comparison is with the problems check reports (errors, and warnings that --strict makes fatal).
    """
    counts = REPORTED.search(out)
    reported = bool(counts and (int(counts[1]) + int(counts[2])))
    assert not foreign, f"the strict build warned of what check did not report: {foreign}"
    assert reported == (failure is not None), f"check {'reported' if reported else 'passed'}, " \
        f"the strict build {'failed: ' + failure if failure else 'passed'}\n{out}"


def _assert_located(out: str, where: str) -> None:
    """The report names the file, line and field, and says it in Thai before the English."""
    lines = [line for line in out.splitlines() if line.startswith(where)]
    assert lines, f"no problem at {where!r} in:\n{out}"
    thai, _, english = lines[0][len(where):].rpartition(" / ")
    assert THAI.search(thai) and english, lines[0]


def _assert_refused(root: Path, failure: str | None) -> None:
    """The build failed without naming the machine's paths, the published site is untouched and no
    half-built site is left."""
    assert failure is not None
    assert str(root.parent) not in failure and str(root.parent.resolve()) not in failure, failure
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == PUBLISHED
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site"]


def _assert_shown(root: Path, expect: dict) -> None:
    """The page exists and shows the text; nothing in it carries the payload as code; every XML output
    (feeds, sitemap) still parses."""
    for xml in (root / "site").rglob("*.xml"):
        ElementTree.parse(xml)
    url = expect.get("inert") or expect["accepted"]
    html = (root / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8")
    page = Page.parse(html)
    assert _squash(expect["shows"]) in _squash(page.text), f"{expect['shows']!r} is not shown on {url}"
    assert page.active == [], f"{url} carries the payload as code: {page.active}"
    if "file" in expect:  # the file is published (and, if linked, the page's link resolves to it)
        assert (root / "site" / expect["file"].strip("/")).is_file()
        assert not expect.get("linked") or any(_resolves(url, href, expect["file"]) for href in page.hrefs)
    if "csv" in expect:
        csv = (root / "site" / expect["csv"].strip("/")).read_text(encoding="utf-8-sig")
        assert expect["csv_shows"] in csv


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _resolves(page_url: str, href: str, target: str) -> bool:
    from urllib.parse import unquote, urljoin

    return unquote(urljoin(page_url, href)) == target


class Page(HTMLParser):
    """A built page read as a browser would: its visible text, its links and anything that would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.hrefs, self.active = "", [], []
        self._skip = 0
        self._script = False

    @classmethod
    def parse(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "pwned" in value:
                self.active.append(f"<{tag} {name}>")
            if name in ("href", "src", "action") and re.sub(r"\s", "", value).lower().startswith("javascript:"):
                self.active.append(f"<{tag} {name}={value}>")
            if name == "href":
                self.hrefs.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "pwned" in data and not data.lstrip().startswith("{"):
            self.active.append(f"<script>{data[:60]}")  # a JSON island (search data) is data, not code
        if not self._skip:
            self.text += data


def test_the_corpus_covers_every_outcome():
    """Sixty cases at least, and the count per outcome that the closing note reports."""
    outcomes = Counter(next(k for k in ("error", "warning", "inert", "accepted") if k in c["expect"]) for c in CASES)
    print(dict(outcomes))
    assert len(CASES) >= 60 and len({c["id"] for c in CASES}) == len(CASES)
    assert outcomes["error"] and outcomes["inert"] and outcomes["accepted"]
