"""A `serve` rebuild renders only the pages an edit changed, and leaves the same site as a full build.

`python -m generator serve` builds in MkDocs' dirty mode and the plugin decides which pages to read
and render again (generator/mkdocs/rebuild_memo.py, KeptPages). The danger of such a rebuild is a
page left stale: a nav or breadcrumb with an old title, a removed page still served. So each step
below is checked against a clean `mkdocs build` of the same files, byte for byte, apart from the
search index: the server makes it after the reload from the pages written (serve_search.py), which
lists the pages in the folder's order rather than the build's (tests/search covers its answers).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.conftest import copy_example, site_differences

OFFICE_OLD, OFFICE_NEW = "0 4499 9000", "0 4499 9123"  # the switchboard in data/office.yml, in every footer
SUMMARY_FILE = "data/documents/2567.yml"  # a document's summary: its own page and its year's list
SUMMARY_OLD, SUMMARY_NEW = "ระยะ 5 ปี กำหนดวิสัยทัศน์", "ระยะ 5 ปี (ฉบับแก้ไขระหว่างทาง) กำหนดวิสัยทัศน์"
TITLE_OLD = "title_th: แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567\n"
TITLE_NEW = "title_th: แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567 ฉบับปรับปรุง\n"
POST = "content/news/children-day-2568.md"
REMOVED = "content/news/children-day-2567.md"


class _Serve:
    """The plugin's serve rebuilds, in this process: one config per build, as the server loads it."""

    def __init__(self, root: Path, site: Path) -> None:
        self.root, self.site, self.started = root, site, False

    def build(self) -> None:
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=False)
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=True)
            self.started = True
        build(config, dirty=True)

    def close(self) -> None:
        """MkDocs keeps one plugin instance per process: leave it as a one-off build expects it."""
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site), strict=False)
        config.plugins.on_startup(command="build", dirty=False)


def _clean_build(root: Path, site: Path) -> None:
    """`mkdocs build` of the same files in a process of its own (the plugin instance here is serve's)."""
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-q", "-d", str(site)],
                   cwd=root, check=True, capture_output=True)


def _written(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, rel
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def office(tmp_path: Path):
    (root := tmp_path / "office").mkdir()
    copy_example(root)
    serve = _Serve(root, tmp_path / "served")
    try:
        serve.build()
        yield root, serve
    finally:
        serve.close()


def test_an_edit_renders_its_own_pages_and_the_site_is_the_same_as_a_full_build(office, tmp_path):
    root, serve = office
    before = _written(serve.site)
    _edit(root, SUMMARY_FILE, SUMMARY_OLD, SUMMARY_NEW)
    with (root / POST).open("a", encoding="utf-8") as post:
        post.write("\nย่อหน้าที่เพิ่มระหว่างแก้ไข\n")
    serve.build()
    after = _written(serve.site)
    rewritten = sorted(path for path, stamp in after.items() if before.get(path) != stamp)
    assert "ฉบับแก้ไขระหว่างทาง" in (serve.site / "documents/dev-plan-2566-2570/index.html").read_text(encoding="utf-8")
    assert "ย่อหน้าที่เพิ่มระหว่างแก้ไข" in (serve.site / "news/children-day-2568/index.html").read_text(encoding="utf-8")
    # The document's pages, the post, and the templates every build renders (404); not the other 370.
    assert "news/children-day-2568/index.html" in rewritten and len(rewritten) < 20, rewritten
    _clean_build(root, tmp_path / "clean")
    assert site_differences(serve.site, tmp_path / "clean", ignore=("search",)) == []


def test_a_new_title_and_a_removed_page_reach_every_page_as_in_a_full_build(office, tmp_path):
    root, serve = office
    _edit(root, next(str(p.relative_to(root)) for p in sorted((root / "data/documents").glob("*.yml"))
                     if TITLE_OLD in p.read_text(encoding="utf-8")), TITLE_OLD, TITLE_NEW)
    (root / REMOVED).unlink()
    _edit(root, "data/office.yml", OFFICE_OLD, OFFICE_NEW)
    serve.build()
    assert not (serve.site / "news/children-day-2567/index.html").exists()
    assert OFFICE_NEW in (serve.site / "archive/index.html").read_text(encoding="utf-8")  # a footer
    _clean_build(root, tmp_path / "clean")
    assert site_differences(serve.site, tmp_path / "clean", ignore=("search",)) == []


def test_a_file_moved_into_place_with_an_older_time_is_copied_again(office):
    """`mv` keeps a file's time: MkDocs' dirty copy, by file time alone, would keep serving the old one."""
    root, serve = office
    served = next((serve.site / "files").rglob("*.pdf"))
    original = root / "content" / served.relative_to(serve.site)
    before = original.stat()
    original.write_bytes(original.read_bytes() + b"\n%% replaced\n")
    os.utime(original, ns=(before.st_atime_ns - 10**12, before.st_mtime_ns - 10**12))  # a thousand seconds older
    serve.build()
    assert served.read_bytes() == original.read_bytes()
