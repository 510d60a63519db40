"""An office's own page templates: `overrides/generator/<name>` replaces the shipped template `<name>`.

Two offices are built in one process, one with an override and one without, so a test also shows
that one office's templates never reach another's pages (the environment is cached per folder).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.engine.render import TEMPLATES
from generator.pipeline.core import run
from generator.pipeline.load import Project

from ..conftest import GOOD, GOOD_TODAY, ROOT, build_project

OFFICE = next(d / "office.md.j2" for d in TEMPLATES if (d / "office.md.j2").is_file())
NEWS_POST = next(d / "news-post.md.j2" for d in TEMPLATES if (d / "news-post.md.j2").is_file())
MARK = "ข้อความจากแม่แบบของสำนักงานเอง"
POST = "---\ntitle: ข่าวทดสอบ\ndate: 2025-03-01\n---\n\n# ข่าวทดสอบ\n\nเนื้อข่าว\n"


def office(root: Path, overrides: dict[str, str]) -> Path:
    """The small test office with its own `overrides/` folder, a news post, and `overrides/generator/` files."""
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))
    (root / "overrides").mkdir()
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
                                     encoding="utf-8")
    (root / "content" / "news").mkdir(parents=True, exist_ok=True)
    (root / "content" / "news" / "test-post.md").write_text(POST, encoding="utf-8")
    for name, text in overrides.items():
        (root / "overrides" / "generator").mkdir(parents=True, exist_ok=True)
        (root / "overrides" / "generator" / name).write_text(text, encoding="utf-8")
    return root


def _text(html: str) -> str:
    return " ".join(html.split())


@pytest.fixture(scope="module")
def two_offices(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Built one after the other in this process: first with the overrides, then without."""
    with_override = office(tmp_path_factory.mktemp("offices") / "with-override", {
        "office.md.j2": OFFICE.read_text(encoding="utf-8").replace("# {{ title }}\n", f"# {{{{ title }}}}\n\n{MARK}\n", 1),
        "news-post.md.j2": f"{MARK} {{{{ post.date | thai_date }}}}\n",
    })
    plain = office(with_override.parent / "without-override", {})
    for root in (with_override, plain):
        build_project(root, root / "site")
    return with_override / "site", plain / "site"


def test_the_override_replaces_the_shipped_template(two_offices):
    site, _ = two_offices
    page = _text((site / "office" / "index.html").read_text(encoding="utf-8"))
    assert MARK in page
    assert "ประเภทหน่วยงาน" in page  # the rest of the copied template still renders


def test_an_override_also_makes_the_date_line_of_a_news_post(two_offices):
    site, _ = two_offices
    assert MARK in (site / "news" / "test-post" / "index.html").read_text(encoding="utf-8")


def test_an_office_without_overrides_built_next_gets_the_shipped_templates(two_offices):
    _, site = two_offices
    assert MARK not in (site / "office" / "index.html").read_text(encoding="utf-8")
    assert "oit-news-date" in (site / "news" / "test-post" / "index.html").read_text(encoding="utf-8")
    assert "ประเภทหน่วยงาน" in _text((site / "office" / "index.html").read_text(encoding="utf-8"))


def test_override_templates_are_not_published_as_theme_files(two_offices):
    site, _ = two_offices
    assert not (site / "generator").exists()
    assert not list(site.rglob("*.j2"))


def _problems(root: Path) -> list[tuple[str, int, str, str]]:
    result = run(Project.at(root), GOOD_TODAY)
    return [(p.file, p.line, p.code, p.severity) for p in result.problems]


def test_a_file_that_replaces_nothing_is_a_warning(tmp_path):
    root = office(tmp_path / "office", {"ofice.md.j2": "# {{ title }}\n"})
    assert ("overrides/generator/ofice.md.j2", 0, "unknown_template", "warning") in _problems(root)


def test_a_template_jinja_cannot_read_is_an_error_at_its_line(tmp_path):
    root = office(tmp_path / "office", {"office.md.j2": "# {{ title }}\n\n{% if office %}\nไม่มี endif\n"})
    result = run(Project.at(root), GOOD_TODAY)
    assert not result.ok
    assert [(p.file, p.line, p.code) for p in result.problems] == [("overrides/generator/office.md.j2", 4, "template")]
    assert result.problems[0].th.startswith("ใช้แม่แบบนี้สร้างหน้าไม่ได้")


def test_a_template_that_fails_while_rendering_is_an_error_at_its_line(tmp_path):
    root = office(tmp_path / "office", {"office.md.j2": "# {{ title }}\n\n{{ office.no_such_field }}\n"})
    result = run(Project.at(root), GOOD_TODAY)
    assert [(p.file, p.line, p.code) for p in result.problems] == [("overrides/generator/office.md.j2", 3, "template")]
    assert "no_such_field" in result.problems[0].en


@pytest.mark.parametrize("name, text", [("office.md.j2", "{{ office.no_such_field }}\n"),
                                        ("news-post.md.j2", "{{ post.no_such_field }}\n")])
def test_the_build_refuses_a_broken_override_with_the_located_problem(tmp_path, caplog, name, text):
    root = office(tmp_path / "office", {name: text})
    with pytest.raises(Abort):  # MkDocs prints the plugin's report as a message, not a traceback
        build_project(root, root / "site")
    assert f"overrides/generator/{name}:1: ใช้แม่แบบนี้สร้างหน้าไม่ได้" in caplog.text


def test_serve_rebuilds_when_an_override_changes(tmp_path):
    root = office(tmp_path / "office", {"office.md.j2": OFFICE.read_text(encoding="utf-8")})
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
        assert str(root.resolve() / "overrides") in config.watch  # no --watch-theme needed
    finally:  # MkDocs keeps a plugin with on_startup across config loads: later in-process builds are builds
        config.plugins.on_startup(command="build", dirty=False)
