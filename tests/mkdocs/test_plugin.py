"""The MkDocs glue: a build with data errors fails and writes nothing; serve watches data/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

from generator.cli.schema import schemas

from tests.conftest import BAD, GOOD, ROOT, project_with


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)


def test_build_with_errors_fails_lists_every_error_and_writes_no_site(tmp_path):
    project = project_with(tmp_path, {"data/documents/2568.yml": BAD / "five-mistakes.yml"})
    result = mkdocs(project.root, "build", "--strict")
    assert result.returncode != 0
    assert result.stderr.count("data/documents/2568.yml:") == 5
    assert "Traceback" not in result.stderr
    assert not (project.root / "site").exists()


def test_good_test_office_builds_with_generated_pages(tmp_path):
    project = project_with(tmp_path, {})
    result = mkdocs(project.root, "build", "--strict")
    assert result.returncode == 0, result.stderr
    site = project.root / "site"
    assert "นายทดสอบ ระบบดี" in (site / "office" / "executives" / "index.html").read_text(encoding="utf-8")
    assert (site / "documents" / "plan-2568" / "index.html").exists()
    assert not (site / "documents" / "draft-2568").exists()


def test_serve_watches_the_data_folder():
    config = load_config(str(GOOD / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config = config.plugins.on_config(config)
        assert str(GOOD / "data") in config.watch
    finally:  # MkDocs keeps a plugin with on_startup across config loads: later in-process builds are builds
        config.plugins.on_startup(command="build", dirty=False)


def test_committed_json_schemas_match_the_models():
    for name, schema in schemas().items():
        committed = json.loads((ROOT / "example" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name}.schema.json is stale: run `make schemas`"


def test_a_failed_build_leaves_the_published_site_untouched(tmp_path):
    project = project_with(tmp_path, {})
    site = project.root / "site"
    assert mkdocs(project.root, "build", "--strict").returncode == 0
    (site / "marker.txt").write_text("published earlier", encoding="utf-8")
    before = (site / "office" / "index.html").read_bytes()
    # a data warning (a stray file) fails a strict build after MkDocs has written every page
    (project.data_dir / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    failed = mkdocs(project.root, "build", "--strict")
    assert failed.returncode != 0 and "Traceback" not in failed.stderr
    assert (site / "marker.txt").exists() and (site / "office" / "index.html").read_bytes() == before
    assert not (project.root / "site.partial").exists()
    # the same data builds without strict mode, and then replaces the whole site
    assert mkdocs(project.root, "build", "--no-strict").returncode == 0
    assert not (site / "marker.txt").exists() and (site / "office" / "index.html").exists()
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith("site")) == ["site"]
