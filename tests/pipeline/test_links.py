"""The link, anchor and nav checks that make `check` refuse what a strict MkDocs build refuses.

Pure functions are tested on strings; the whole check through `core.run` on copies of the small
test office, asserting (code, file, line, field) as the other check tests do.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from generator.pipeline.build_checks import _conflicts, _field_at, _url, lines_of
from generator.pipeline.build_config import DEFAULT_LEVELS, NAV_FILE, BuildConfig, NavEntry, read_build_config
from generator.pipeline.core import run
from generator.pipeline.links import Source, candidates, check_links, resolve, suggestion
from generator.pipeline.load import Project
from generator.mkdocs.mkdocs_log import Translator
from generator.base.problems import Problem
from generator.pipeline.rendered import Renderer, split_front_matter

from tests.conftest import GOOD, GOOD_TODAY, ROOT

STRICT = BuildConfig(levels={"nav.omitted_files": logging.WARNING, "nav.not_found": logging.WARNING,
                             "links.not_found": logging.WARNING, "links.anchors": logging.WARNING,
                             "links.unrecognized_links": logging.WARNING},
                     extensions=("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html"))
FILES = {"index.md", "policies/index.md", "policies/bribery.md", "files/2568/plan-2568.pdf", "about/index.md"}


def page(markdown: str, src_uri: str = "index.md", generated: bool = False) -> Source:
    return Source(src_uri, markdown, None if generated else f"content/{src_uri}", _url(src_uri), generated)


def findings(markdown: str, src_uri: str = "index.md", config: BuildConfig = STRICT,
             pages: dict[str, str] | None = None) -> list[tuple[str, int]]:
    """(code, line) of every problem check_links finds on one hand-written page."""
    source = page(markdown, src_uri)
    others = pages or {}

    def locate(where: Source, needle: str):
        return [("content/" + where.src_uri, line, "") for line in lines_of(where.markdown, needle) or [0]]

    problems = check_links([source], FILES | set(others), {"documents/draft.md": "ร่าง"}, config,
                           lambda uri: others.get(uri, "# x\n" if uri.endswith(".md") else None), locate)
    return sorted((p.code, p.line) for p in problems)


# --- candidates: a superset of what Markdown makes a link of -------------------------------------

@pytest.mark.parametrize("text, target", [
    ("[a](x.md)", "x.md"),
    ("![a](pic.png)", "pic.png"),
    ('[a](x.md "a title")', "x.md"),
    ("[a](<my file.pdf>)", "my file.pdf"),
    ("[a](report(1).pdf)", "report(1).pdf"),
    ("[a [b] c](x.md)", "x.md"),
    ("[a](x.md#part)", "x.md#part"),
    ("[a][r]\n\n[r]: defined.md\n", "defined.md"),
    ("    [r]: <spaced name.md>\n", "spaced name.md"),
])
def test_candidates_find_every_target(text, target):
    assert target in [t for _, t in candidates(text)]


def test_candidates_skip_pages_without_links():
    assert candidates("# หน้าแรก\n\nข้อความธรรมดา [ไม่ใช่ลิงก์]\n") == []


# --- resolve: MkDocs' rules (mkdocs/structure/pages.py, _RelativePathTreeprocessor) -------------

@pytest.mark.parametrize("url", ["https://example.go.th/x", "mailto:a@b.th", "tel:024", "/abs/x.md", "//host/x",
                                 "#part", "?q=1", "policies/index.md", "policies/bribery.md?x=1",
                                 "files/2568/plan%2D2568.pdf"])
def test_resolve_accepts(url):
    assert resolve(page(""), url, FILES, {}) is None


@pytest.mark.parametrize("url, code, better", [
    ("policies/", "link_unrecognized", "policies/index.md"),
    ("about", "link_unrecognized", "about/index.md"),
    ("./", "link_unrecognized", "index.md"),
    ("policies/index.html", "link_not_found", "policies/index.md"),
    ("files/2568/plan-2658.pdf", "link_not_found", "files/2568/plan-2568.pdf"),
    ("files\\2568\\plan-2568.pdf", "link_not_found", "files/2568/plan-2568.pdf"),
    ("documents/draft.md", "link_unpublished", None),
    ("saraban@example.go.th", "link_not_found", "mailto:saraban@example.go.th"),
])
def test_resolve_refuses_with_what_to_write(url, code, better):
    finding = resolve(page(""), url, FILES, {"documents/draft.md": "ร่าง"})
    assert finding and finding.code == code
    assert finding.th.split(" / ")[0] and finding.en
    if better:
        assert f"'{better}'" in finding.en or better in finding.en


def test_an_address_python_cannot_split_is_an_error_whatever_the_levels():
    finding = resolve(page(""), "https://[host/x", FILES, {})
    assert finding and finding.code == "link_invalid"
    assert findings("[a](http://[oops)\n", config=BuildConfig()) == [("link_invalid", 1)]


def test_resolve_counts_from_the_generated_page_and_says_which():
    finding = resolve(page("", "policies/bribery.md", generated=True), "plan.pdf", FILES, {})
    assert finding and "policies/plan.pdf" in finding.en and "/policies/bribery/" in finding.th


def test_suggestion_is_relative_to_the_page():
    assert suggestion("policies/bribery.md", "policies/index.html", FILES) == "index.md"
    assert suggestion("policies/bribery.md", "nothing/like/it.md", FILES) is None


# --- check_links: candidates confirmed by rendering, anchors, validation levels ------------------

def test_only_real_links_are_reported():
    text = ("# หน้าแรก\n\n```\n[a](code.md)\n```\n\n    [b](indented.md)\n\n\\[c](escaped.md)\n\n"
            "`[d](span.md)`\n\n<a href=\"raw.md\">raw HTML is left alone by MkDocs</a>\n\n[e](real.md)\n")
    assert findings(text) == [("link_not_found", 15)]


def test_links_in_tables_admonitions_and_markdown_blocks():
    text = "| a |\n|---|\n| [x](t.md) |\n\n!!! note\n    [y](a.md)\n\n<div markdown>\n[z](d.md)\n</div>\n"
    assert findings(text) == [("link_not_found", 3), ("link_not_found", 6), ("link_not_found", 9)]


def test_anchors_as_toc_and_attr_list_make_them():
    text = ("# หน้าแรก\n\n## Our team\n\n## ติดต่อ\n\n## Named {#named}\n\n<span id=\"raw\"></span>\n\n"
            "[a](#our-team) [b](#_1) [c](#named) [d](#raw) [e](#ติดต่อ) [f](policies/index.md#x)\n")
    assert findings(text, pages={"policies/index.md": "# x\n\n## X {#x}\n"}) == [("link_anchor", 11)]


def test_a_thai_anchor_gets_the_hint_about_thai_headings():
    source = page("# หน้าแรก\n\n## ติดต่อ\n\n[a](#ติดต่อ)\n")
    problems = check_links([source], FILES, {}, STRICT, lambda uri: None, lambda w, n: [("content/index.md", 5, "")])
    assert len(problems) == 1 and "#_1" in problems[0].th and "Thai headings" in problems[0].en


def test_an_unreferenced_footnote_when_footnotes_are_on():
    config = BuildConfig(levels=STRICT.levels, extensions=STRICT.extensions + ("footnotes",))
    assert findings("# x\n\ntext[^1]\n\n[^1]: used\n[^2]: never used\n", config=config) == [("footnote_unused", 0)]


def test_levels_below_warn_are_not_reported():
    lenient = BuildConfig(levels=dict(DEFAULT_LEVELS))  # MkDocs' own: unrecognized links and anchors are "info"
    assert findings("[a](policies/) [b](#nope) [c](gone.md)\n", config=lenient) == [("link_not_found", 1)]


def test_a_pdf_anchor_is_not_a_page_anchor():
    assert findings("[a](files/2568/plan-2568.pdf#page=2)\n") == []


def test_the_renderer_caches_and_survives_a_broken_extension():
    renderer = Renderer(("toc", "no.such.extension"), {})
    assert renderer.render("a.md", "## Title\n\n[x](y.md)\n").links == ("y.md",)


# --- front matter, as mkdocs/utils/meta.py reads it ----------------------------------------------

@pytest.mark.parametrize("text, meta, body", [
    ("---\ntitle: ก\n---\n# ข\n", {"title": "ก"}, "# ข\n"),
    ("---\n- a list\n---\n# ข\n", {}, "---\n- a list\n---\n# ข\n"),
    ("template: x.html\nTitle: ก\n\n# ข\n", {"template": "x.html", "title": "ก"}, "# ข\n"),
    ("# ข\n\ntemplate: x.html\n", {}, "# ข\n\ntemplate: x.html\n"),
])
def test_front_matter(text, meta, body):
    found, offset = split_front_matter(text)
    assert found == meta and text[offset:].lstrip("\n") == body


# --- mkdocs.yml ------------------------------------------------------------------------------------

def test_build_config_reads_nav_lines_levels_and_tags(tmp_path, monkeypatch):
    monkeypatch.setenv("OFFICE_URL", "https://x.go.th/")
    (tmp_path / "mkdocs.yml").write_text(
        "site_url: !ENV [OFFICE_URL, 'https://default/']\n"
        "validation:\n  omitted_files: warn\n  links:\n    anchors: warn\n    unrecognized_links: info\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n"
        "  - admonition\n  - tables\n"
        "not_in_nav: |\n  drafts/*.md\n"
        "nav:\n  - หน้าแรก: index.md\n  - ส่วน:\n      - a.md\n      - https://other.go.th/\n", encoding="utf-8")
    config = read_build_config(tmp_path / "mkdocs.yml")
    assert config.nav == (NavEntry("index.md", 15), NavEntry("a.md", 17), NavEntry("https://other.go.th/", 18))
    assert config.nav_line == 14
    assert config.fails("nav.omitted_files") and config.fails("links.anchors")
    assert not config.fails("links.unrecognized_links")
    assert config.extensions == ("toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html")
    assert callable(config.extension_configs["toc"]["slugify"])
    assert config.not_in_nav == ("drafts/*.md",)


def test_build_config_without_a_file_is_the_generators_own(tmp_path):
    config = read_build_config(tmp_path / "mkdocs.yml")
    assert NavEntry("oit/index.md", 14) in config.nav and config.nav_line == 0
    assert config.fails("links.not_found") and config.fails("links.anchors")
    assert not config.fails("nav.omitted_files")  # the office did not write the menu


def test_the_example_config():
    config = read_build_config(ROOT / "example" / "mkdocs.yml")
    # No nav of its own: the generator's menu, and a page left out of it is no finding.
    assert all(config.fails(check) for check in config.levels if check not in ("nav.absolute_links", "nav.omitted_files"))
    lines = NAV_FILE.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.endswith(" oit/index.md"))
    assert config.nav and NavEntry("oit/index.md", line) in config.nav
    assert any((d / "main.html").is_file() for d in config.template_dirs)


# --- locating text in data files -----------------------------------------------------------------

def test_field_at_finds_the_key_of_a_block_scalar():
    text = "policies:\n  - id: a\n    body_md: |\n      first\n\n      see [x](y.md)\n    date: 2024-10-01\n"
    assert lines_of(text, "y.md") == [6]
    assert _field_at(text, 6) == "body_md" and _field_at(text, 7) == "date"


def test_pages_with_one_address_in_mkdocs_order():
    pages = ["index.md", "README.md", "about.md", "about/index.md", ".hidden/index.md"]
    assert _conflicts(pages, BuildConfig()) == [("README.md", "index.md", True), ("about.md", "about/index.md", False)]


# --- through core.run, as check and the plugin both call it ---------------------------------------

def office(tmp_path: Path, nav: str = "", **files: str) -> Project:
    root = tmp_path / "office"
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + "validation:\n  omitted_files: warn\n  anchors: warn\n"
                                     "  unrecognized_links: warn\n" + nav, encoding="utf-8")
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return Project.at(root)


def problems_of(project: Project) -> list[tuple[str, str, int, str]]:
    return sorted((p.code, p.file, p.line, p.field) for p in run(project, GOOD_TODAY).problems
                  if p.code.startswith(("link", "nav", "page", "front", "footnote")))


def test_a_link_in_a_policy_body_is_reported_at_its_data_line(tmp_path):
    project = office(tmp_path)
    path = project.data_dir / "policies" / "2568.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("    body_md: ห้ามรับสินบน\n",
                                                             "    body_md: ห้ามรับสินบน [ดู](x)\n"), encoding="utf-8")
    result = run(project, GOOD_TODAY)
    assert [(p.code, p.file, p.line, p.field) for p in result.problems if p.code.startswith("link")] == [
        ("link_unrecognized", "data/policies/2568.yml", 10, "body_md")]
    assert not result.ok and result.site is None  # an error stops the build, as any data error does


def test_nav_entries_and_omitted_pages(tmp_path):
    nav = ("nav:\n  - index.md\n  - nope.md\n  - office/\n  - office/index.md\n  - https://other.go.th/\n")
    project = office(tmp_path, nav, **{"content/about.md": "# เกี่ยวกับ\n"})
    found = problems_of(project)
    assert found == [("nav_not_found", "mkdocs.yml", 22, "nav"), ("nav_not_found", "mkdocs.yml", 23, "nav"),
                     ("nav_omitted", "content/about.md", 1, ""),
                     ("nav_omitted", "mkdocs.yml", 20, "nav")]  # one problem for all generated pages


def test_absolute_nav_paths_follow_their_level(tmp_path):
    nav = "nav:\n  - index.md\n  - /office/index.md\n"

    def absolute(project: Project) -> list[tuple[str, int]]:
        return [(code, line) for code, _file, line, _field in problems_of(project) if code != "nav_omitted"]

    assert absolute(office(tmp_path / "a", nav)) == []  # MkDocs' default level: info
    warn = office(tmp_path / "b", "validation:\n  nav:\n    absolute_links: warn\n" + nav)
    assert absolute(warn) == [("nav_absolute", 25)]
    docs = office(tmp_path / "c", "validation:\n  nav:\n    absolute_links: relative_to_docs\n"
                  + nav.replace("office/index.md", "nope.md"))
    assert absolute(docs) == [("nav_not_found", 25)]


def test_not_in_nav_and_news_posts_need_no_nav_entry(tmp_path):
    project = office(tmp_path, "not_in_nav: about.md\nnav:\n  - index.md\n",
                     **{"content/about.md": "# เกี่ยวกับ\n",
                        "content/news/sport.md": "---\ntitle: กีฬา\ndate: 2025-01-10\n---\n\nข่าว\n"})
    assert [f for f in problems_of(project) if f[1].startswith("content/")] == []


def test_hand_written_pages_that_would_be_lost_or_crash(tmp_path):
    project = office(tmp_path, **{"content/README.md": "# อ่าน\n", "content/policies/index.md": "# ของเรา\n",
                                  "content/a.md": "---\ntemplate: nope.html\nhide: 1\nicon: material/nope\n---\n",
                                  "content/b.md": "---\ntemplate: main.html\nhide: [toc]\nicon: material/home\n---\n"})
    assert [p for p in problems_of(project) if p[0] != "nav_omitted"] == [
        ("front_matter", "content/a.md", 2, "template"), ("front_matter", "content/a.md", 3, "hide"),
        ("front_matter", "content/a.md", 4, "icon"),
        ("page_conflict", "content/README.md", 1, ""), ("page_replaced", "content/policies/index.md", 1, "")]


def test_the_example_office_has_no_broken_link():
    result = run(Project.at(ROOT / "example"), GOOD_TODAY.replace(year=2025, month=10, day=20))
    assert [p.render() for p in result.problems if p.code.startswith(("link", "nav", "page", "front"))] == []


# --- the plugin's safety net: MkDocs' own warnings said again, Thai first, located ----------------

def record(message: str, level: int = logging.WARNING) -> logging.LogRecord:
    return logging.LogRecord("mkdocs.structure.pages", level, __file__, 1, message, (), None)


def test_translator_locates_a_generated_page_at_its_data_line(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "p.yml").write_text("policies:\n  - body_md: ดู [x](x)\n", encoding="utf-8")
    translator = Translator(tmp_path, "content", {"policies/a.md": "data/p.yml"}, [])
    entry = record("Doc file 'policies/a.md' contains an unrecognized relative link 'x', it was left as is.")
    assert translator.filter(entry)
    assert entry.getMessage().startswith("data/p.yml:2: ลิงก์ 'x' ไม่ได้ระบุไฟล์")
    assert entry.getMessage().endswith("it was left as is.")


def test_translator_marks_what_it_cannot_read_and_drops_what_check_said():
    said = [Problem("content/about.md", 1, "", "nav_omitted", "ไม่อยู่ในเมนู", "not in the nav", "warning"),
            Problem("mkdocs.yml", 5, "nav", "nav_omitted", "-", "add these lines: - budget/index.md", "warning")]
    translator = Translator(Path("."), "content", {}, said)
    unknown = record("Something new went wrong.")
    assert translator.filter(unknown) and unknown.getMessage().startswith("MkDocs แจ้งปัญหา")
    omitted = "The following pages exist in the docs directory, but are not included in the \"nav\" configuration:"
    assert not translator.filter(record(omitted + "\n  - about.md\n  - budget/index.md"))
    assert translator.filter(record(omitted + "\n  - other.md"))
    assert translator.filter(record("Info only", logging.INFO))
