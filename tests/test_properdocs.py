"""The package works unchanged under ProperDocs, the continuation of MkDocs 1.x (docs/stack.md).

The example office is built by MkDocs (the session's shared build, `example_site`) and by ProperDocs
(`python -m properdocs build --strict`, reading the same mkdocs.yml), and every file of the two sites is
compared: the same set of files, the same bytes, and the same HTML once the few lines that name the
program which built the page are normalised (NORMALISED lists each one and why). A page that differs in
anything else fails the test with the first differing line of each side.

Marked `slow`: the ProperDocs build of the example takes about ten seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import GOOD, BuiltSite, copy_example

# Each (pattern, replacement, why) is a difference the two hosts are allowed to make, and nothing else is.
NORMALISED: tuple[tuple[re.Pattern[str], str, str], ...] = (
    # Material prints `mkdocs-{{ mkdocs_version }}, mkdocs-material-{{ version }}`: under MkDocs
    # "mkdocs-1.6.1, …", under ProperDocs "mkdocs-ProperDocs 1.6.7, …". Our own generator meta
    # (oit-site-generator <version>) is the same under both and is not normalised.
    (re.compile(r'<meta name="generator" content="mkdocs-[^",]*, '), '<meta name="generator" content="HOST, ',
     "Material's generator meta names the building program and its version"),
)


def normalised(html: str) -> str:
    """The page with every difference NORMALISED allows replaced by the same placeholder."""
    for pattern, replacement, _why in NORMALISED:
        html = pattern.sub(replacement, html)
    return html


def site_files(site_dir: Path) -> dict[str, Path]:
    """Every file of a built site by its path in the site (`office/index.html`)."""
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*")) if p.is_file()}


def differences(first: Path, second: Path, names: tuple[str, str] = ("mkdocs", "properdocs")) -> list[str]:
    """What differs between two built sites, one line per file: files only one has, HTML that differs
    once normalised (with the first differing line of each), any other file whose bytes differ."""
    a, b = site_files(first), site_files(second)
    found = [f"only in {names[0]}: {rel}" for rel in sorted(a.keys() - b.keys())]
    found += [f"only in {names[1]}: {rel}" for rel in sorted(b.keys() - a.keys())]
    for rel in sorted(a.keys() & b.keys()):
        one, two = a[rel].read_bytes(), b[rel].read_bytes()
        if one == two:
            continue
        if not rel.endswith(".html"):
            found.append(f"differs: {rel}")
        elif (x := normalised(one.decode("utf-8"))) != (y := normalised(two.decode("utf-8"))):
            line = next(i for i, (p, q) in enumerate(zip(x.splitlines() + [""], y.splitlines() + [""])) if p != q)
            found.append(f"differs: {rel}:{line + 1}: {names[0]}: {_line(x, line)} | {names[1]}: {_line(y, line)}")
    return found


def _line(text: str, index: int) -> str:
    lines = text.splitlines()
    return lines[index].strip()[:160] if index < len(lines) else "(end of file)"


def host(program: str, root: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m <program> build …` (mkdocs or properdocs) in `root`, as a webmaster would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", program, *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


# --- the comparison itself ------------------------------------------------------------------

def _site(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


PAGE = '<head>\n<meta name="generator" content="{host}, mkdocs-material-9.8.1">\n</head>\n<h1>{title}</h1>\n'


def test_only_the_building_program_is_normalised(tmp_path):
    mk = _site(tmp_path / "a", {"index.html": PAGE.format(host="mkdocs-1.6.1", title="หน้าแรก"),
                                "search.json": "{}"})
    pd = _site(tmp_path / "b", {"index.html": PAGE.format(host="mkdocs-ProperDocs 1.6.7", title="หน้าแรก"),
                                "search.json": "{}"})
    assert differences(mk, pd) == []


def test_a_page_that_differs_is_named_with_its_first_differing_line(tmp_path):
    mk = _site(tmp_path / "a", {"office/index.html": PAGE.format(host="mkdocs-1.6.1", title="หน้าแรก"),
                                "search.json": "{}", "old.html": ""})
    pd = _site(tmp_path / "b", {"office/index.html": PAGE.format(host="mkdocs-ProperDocs 1.6.7", title="ProperDocs 1.6.7"),
                                "search.json": "{ }", "new.html": ""})
    assert differences(mk, pd) == [
        "only in mkdocs: old.html",
        "only in properdocs: new.html",
        "differs: office/index.html:4: mkdocs: <h1>หน้าแรก</h1> | properdocs: <h1>ProperDocs 1.6.7</h1>",
        "differs: search.json",
    ]


# --- the example office under both ----------------------------------------------------------

@pytest.mark.slow
def test_properdocs_builds_the_example_page_for_page_as_mkdocs_does(tmp_path, example_site: BuiltSite):
    work = copy_example(tmp_path)
    built = host("properdocs", work, "build", "--strict", "-f", "mkdocs.yml", "-d", str(tmp_path / "properdocs-site"))
    assert built.returncode == 0, built.stderr[-3000:]
    assert "WARNING" not in built.stderr and "Traceback" not in built.stderr
    assert "search: 375 pages indexed" in built.stderr  # the whole office, not an empty shell
    assert differences(example_site.site_dir, tmp_path / "properdocs-site") == []


HOOK = '''
def on_page_markdown(markdown, page, **kwargs):
    """A link made after `check` has run, as an extension could make: only the host can see it."""
    return markdown + "\\n\\n[ต่อ](nowhere.md)\\n" if page.file.src_uri == "index.md" else None
'''


@pytest.mark.slow
@pytest.mark.parametrize("program", ["mkdocs", "properdocs"])
def test_a_warning_of_the_host_itself_is_said_in_thai_and_publishes_nothing(tmp_path, program):
    root = tmp_path / "office"
    shutil.copytree(GOOD, root)
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("hooks:\n  - hook.py\n")
    _site(root / "site", {"marker.txt": "published earlier"})
    failed = host(program, root, "build", "--strict", "-f", "mkdocs.yml")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert "ลิงก์ 'nowhere.md' ชี้ไปยังไฟล์ที่ไม่มีในเว็บไซต์" in failed.stderr
    assert (root / "site" / "marker.txt").exists() and not (root / "site.partial").exists()
