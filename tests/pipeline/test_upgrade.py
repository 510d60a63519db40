"""An office made before 0.2.0 kept a copy of the theme in overrides/: the check names it and the fix."""

from __future__ import annotations

import pytest

from generator.pipeline.build_config import THEME_DIR
from generator.pipeline.core import run

from ..conftest import GOOD_TODAY, build_project, project_with


def test_a_copied_theme_file_is_a_warning_naming_the_command_and_a_changed_one_a_note(tmp_path):
    project = project_with(tmp_path, {"overrides/main.html": THEME_DIR / "main.html",
                                      "overrides/partials/footer.html": "{# our own footer #}\n",
                                      "overrides/partials/extra.html": "not a theme file\n"})
    found = {(p.file, p.line, p.code, p.severity): p.render() for p in run(project, GOOD_TODAY).problems
             if p.code.startswith("theme_")}
    assert set(found) == {("overrides/main.html", 1, "theme_copy", "warning"),
                          ("overrides/partials/footer.html", 1, "theme_replaced", "note")}
    assert "git rm overrides/main.html" in found[("overrides/main.html", 1, "theme_copy", "warning")]


def test_the_strict_build_stops_on_a_stale_copy_and_passes_once_it_is_removed(tmp_path):
    project = project_with(tmp_path, {"overrides/main.html": THEME_DIR / "main.html"})
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                  "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    with pytest.raises(Exception, match="strict"):  # MkDocs: "Aborted with 1 warnings in strict mode!"
        build_project(project.root, tmp_path / "site")
    (project.root / "overrides" / "main.html").unlink()
    build_project(project.root, tmp_path / "site")
