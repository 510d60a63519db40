"""The federation's CI files (example-federation/) fan out, build and supervise as docs/federation.md says.

Neither GitHub nor GitLab can be reached from a test: the files are read as data, and the commands
their steps run are run here on the example federation.
"""

from __future__ import annotations

import json
import shlex

import yaml

from generator.cli.main import main
from generator.federation.model import Federation

from ..conftest import ROOT

FOLDER = ROOT / "example-federation"
GITHUB = yaml.safe_load((FOLDER / ".github" / "workflows" / "federation.yml").read_text(encoding="utf-8"))
GITLAB = yaml.safe_load((FOLDER / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def _run(step: dict) -> list[str]:
    """The generator command of a step's `run`, as arguments."""
    text = step["run"].split("$(", 1)[1].split(")", 1)[0] if "$(" in step["run"] else step["run"]
    return shlex.split(text.replace('"${{ matrix.offices }}"', "spp-example-1"))[3:]  # after `python -m generator`


def test_the_first_job_emits_a_matrix_the_build_job_fans_out_over(capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    matrix_step = next(s for s in GITHUB["jobs"]["matrix"]["steps"] if s.get("id") == "matrix")
    assert ">> \"$GITHUB_OUTPUT\"" in matrix_step["run"] and "matrix=" in matrix_step["run"]
    assert main(_run(matrix_step)) == 0
    emitted = json.loads(capsys.readouterr().out)
    assert emitted == {"include": [{"name": "spp-example-1", "offices": "spp-example-1"}]}
    build = GITHUB["jobs"]["build"]
    assert build["needs"] == "matrix" and build["strategy"]["fail-fast"] is False  # one office fails alone
    assert build["strategy"]["matrix"] == "${{ fromJSON(needs.matrix.outputs.matrix) }}"
    assert GITHUB["jobs"]["matrix"]["outputs"]["matrix"] == "${{ steps.matrix.outputs.matrix }}"
    command = next(s["run"] for s in build["steps"] if "federation build" in s.get("run", ""))
    assert '--only "${{ matrix.offices }}"' in command
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "always()", "a failed office's status.json must reach the supervisory site"


def test_the_supervisory_site_is_written_after_every_build_passed_or_not():
    supervise = GITHUB["jobs"]["supervise"]
    assert supervise["needs"] == "build" and supervise["if"] == "always()"
    download = next(s for s in supervise["steps"] if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["pattern"] == "out-*" and download["with"]["merge-multiple"] is True
    assert any("federation site federation.yml --from out" in s.get("run", "") for s in supervise["steps"])
    assert GITHUB["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert GITHUB["permissions"] == {"contents": "read"}


def test_gitlab_writes_a_child_pipeline_and_runs_it(capsys, monkeypatch):
    monkeypatch.chdir(FOLDER)
    script = GITLAB["matrix"]["script"][-1]
    assert script.endswith("> child-pipeline.yml") and GITLAB["matrix"]["artifacts"]["paths"] == ["child-pipeline.yml"]
    assert main(shlex.split(script.split(">")[0])[3:]) == 0
    child = yaml.safe_load(capsys.readouterr().out)
    assert child["stages"] == ["build", "supervise"]
    assert child["build:spp-example-1"]["artifacts"]["when"] == "always"
    assert child["supervise"]["when"] == "always" and "needs" not in child["supervise"]  # every earlier job's out/
    trigger = GITLAB["build"]["trigger"]
    assert trigger["include"] == [{"artifact": "child-pipeline.yml", "job": "matrix"}] and trigger["strategy"] == "depend"


def test_the_example_federation_file_is_valid_and_its_schema_current(capsys):
    assert main(["federation", "check", str(FOLDER / "federation.yml")]) == 0
    schema = json.loads((FOLDER / "schemas" / "federation.schema.json").read_text(encoding="utf-8"))
    assert schema == Federation.model_json_schema(), "regenerate example-federation/schemas/federation.schema.json"
