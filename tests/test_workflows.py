"""The publishing pipelines and the pre-commit hooks do what the README promises.

Neither GitHub nor GitLab can be reached from a test, so these tests read the files as data and
evaluate their conditions for the events that matter: a push to main, a pull or merge request, the
daily schedule, a push to another branch. What they cannot show is that the hosted services accept
the files; that is checked by the first run on each service.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from typing import Any

import pytest
import yaml

from .conftest import ROOT

GITHUB = ROOT / "example" / ".github" / "workflows" / "site.yml"
GITLAB = ROOT / "example" / ".gitlab-ci.yml"
PRE_COMMIT = ROOT / "example" / ".pre-commit-config.yaml"
MAIN = "refs/heads/main"


def _yaml(path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _condition(expr: str | None, values: dict[str, str | None], names: str, and_: str = "&&") -> bool:
    """Evaluate the small expression language both services share for our conditions.

    Only names matching `names`, quoted strings, ==, !=, &&, ||, ! and parentheses are understood;
    anything else fails the test, so that a new condition is taught here before it is trusted.
    """
    if expr is None:
        return True
    text = str(expr).strip().removeprefix("${{").removesuffix("}}")
    python = []
    for token in re.findall(rf"{names}|'[^']*'|\"[^\"]*\"|==|!=|&&|\|\||[()!]|\S+", text):
        if re.fullmatch(names, token):
            python.append(repr(values.get(token.lstrip("$"))))
        elif token[0] in "'\"":
            python.append(repr(token[1:-1]))
        elif token in ("==", "!=", "(", ")"):
            python.append(token)
        elif token in ("&&", "||", "!"):
            python.append({"&&": "and", "||": "or", "!": "not"}[token])
        else:
            raise AssertionError(f"the test cannot evaluate {token!r} in {expr!r}; teach _condition")
    return bool(eval(" ".join(python)))  # noqa: S307 - tokens are whitelisted above


# --- GitHub Actions ------------------------------------------------------------------------------


def _github_runs(expr: str | None, event: str, ref: str) -> bool:
    return _condition(expr, {"github.event_name": event, "github.ref": ref}, r"github\.event_name|github\.ref")


@pytest.fixture(scope="module")
def github() -> dict[str, Any]:
    return _yaml(GITHUB)


def _step(job: dict[str, Any], text: str) -> tuple[int, dict[str, Any]]:
    """The index and the step whose `run` or `uses` contains `text` (exactly one)."""
    found = [(i, s) for i, s in enumerate(job["steps"]) if text in (s.get("run", "") + s.get("uses", ""))]
    assert len(found) == 1, f"{len(found)} steps contain {text!r}"
    return found[0]


def test_github_runs_on_push_to_main_pull_requests_schedule_and_by_hand(github):
    on = github.get("on", github.get(True))  # YAML 1.1 reads the key `on` as true
    assert on["push"]["branches"] == ["main"]
    assert "pull_request" in on and "workflow_dispatch" in on
    (schedule,) = on["schedule"]
    minute, hour, *days = schedule["cron"].split()
    assert days == ["*", "*", "*"], "a build every day"
    assert 0 <= (int(hour) + 7) % 24 < 6, "the daily build runs early in the day, Thai time (UTC+7)"
    assert minute.isdigit()


def test_github_checks_the_data_before_a_strict_build(github):
    build = github["jobs"]["build"]
    install, step = _step(build, "pip install")
    # The office's pinned generator (requirements.txt), not the test extras: an upgrade is that one line.
    assert re.search(r"pip install -r requirements\.txt(\s|$)", step["run"]), "install the pinned generator"
    check, step = _step(build, "python -m generator check")
    assert "continue-on-error" not in step
    # Not --strict: it also fails while an OIT item of the year is incomplete, which must not stop
    # publishing. The strict build below fails on every warning the check reports.
    assert "--strict" not in step["run"]
    built, step = _step(build, "mkdocs build")
    assert "--strict" in step["run"]
    assert install < check < built
    assert github["defaults"]["run"]["shell"] == "bash", "bash runs steps with pipefail: `check | tee` fails"


def test_github_builds_with_history_python_311_and_a_pip_cache(github):
    build = github["jobs"]["build"]
    _, checkout = _step(build, "actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0, "last-update dates come from git log"
    _, python = _step(build, "actions/setup-python@")
    assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"


@pytest.mark.parametrize("event, ref, deployed", [
    ("push", MAIN, True),
    ("schedule", MAIN, True),
    ("workflow_dispatch", MAIN, True),
    ("workflow_dispatch", "refs/heads/draft-budget", False),
    ("pull_request", "refs/pull/7/merge", False),
])
def test_github_deploys_only_main_and_only_after_the_build(github, event, ref, deployed):
    build, deploy = github["jobs"]["build"], github["jobs"]["deploy"]
    assert _github_runs(build.get("if"), event, ref), "every event builds (and so checks)"
    assert deploy["needs"] in ("build", ["build"]), "a failing build never reaches the deploy job"
    _, pages_upload = _step(build, "actions/upload-pages-artifact@")
    _, preview = _step(build, "actions/upload-artifact@")
    assert _github_runs(deploy.get("if"), event, ref) is deployed
    assert _github_runs(pages_upload.get("if"), event, ref) is deployed
    assert _github_runs(preview.get("if"), event, ref) is (event == "pull_request")


def test_github_pull_request_preview_is_named_for_the_pull_request(github):
    _, preview = _step(github["jobs"]["build"], "actions/upload-artifact@")
    assert "github.event.pull_request.number" in preview["with"]["name"]
    assert preview["with"]["path"].rstrip("/") == "site"


def test_github_deploy_has_pages_permissions_and_never_races(github):
    deploy = github["jobs"]["deploy"]
    assert deploy["permissions"]["pages"] == "write" and deploy["permissions"]["id-token"] == "write"
    assert github["permissions"] == {"contents": "read"}, "every other job only reads"
    assert deploy["concurrency"]["group"] and deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["environment"]["name"] == "github-pages"
    uses = [s.get("uses", "") for s in deploy["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert uses[-1].startswith("actions/deploy-pages@")


def test_github_actions_are_official_and_pinned(github):
    uses = [s["uses"] for job in github["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", u) for u in uses), uses


def test_build_date_is_the_day_in_thailand():
    """The TZ both pipelines set gives UTC+7 even without the tz database (POSIX form)."""
    for tz in (_yaml(GITHUB)["env"]["TZ"], _yaml(GITLAB)["variables"]["TZ"]):
        out = subprocess.run([sys.executable, "-c", "import time; print(time.strftime('%z'))"],
                             env={"TZ": tz}, capture_output=True, text=True, check=True).stdout.strip()
        assert out == "+0700", tz


# --- GitLab CI/CD --------------------------------------------------------------------------------

_PUSH_MAIN = {"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}
_SCHEDULE = {**_PUSH_MAIN, "CI_PIPELINE_SOURCE": "schedule"}
_MERGE_REQUEST = {"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main",
                  "CI_MERGE_REQUEST_IID": "7"}
_PUSH_BRANCH = {**_PUSH_MAIN, "CI_COMMIT_BRANCH": "draft-budget"}
_PUSH_BRANCH_WITH_MR = {**_PUSH_BRANCH, "CI_OPEN_MERGE_REQUESTS": "office/site!7"}


def _rules_allow(rules: list[dict[str, Any]] | None, variables: dict[str, str]) -> bool:
    """GitLab's `rules`: the first rule whose `if` holds decides; no rules means always."""
    if rules is None:
        return True
    for rule in rules:
        if _condition(rule.get("if"), variables, r"\$[A-Z_]+"):
            return rule.get("when", "on_success") != "never"
    return False


def _gitlab_jobs(config: dict[str, Any], variables: dict[str, str]) -> set[str]:
    """The jobs a pipeline for `variables` contains (empty when the workflow creates none)."""
    if not _rules_allow(config.get("workflow", {}).get("rules"), variables):
        return set()
    jobs = {k: v for k, v in config.items() if isinstance(v, dict) and "script" in v and not k.startswith(".")}
    return {name for name, job in jobs.items() if _rules_allow(job.get("rules"), variables)}


@pytest.fixture(scope="module")
def gitlab() -> dict[str, Any]:
    return _yaml(GITLAB)


@pytest.mark.parametrize("variables, jobs", [
    (_PUSH_MAIN, {"check", "audit", "pages"}),
    (_SCHEDULE, {"check", "audit", "pages"}),
    (_MERGE_REQUEST, {"check", "audit", "preview"}),
    (_PUSH_BRANCH, {"check", "audit"}),
    (_PUSH_BRANCH_WITH_MR, set()),  # the merge request pipeline runs instead, not both
], ids=["push to main", "schedule", "merge request", "other branch", "branch of a merge request"])
def test_gitlab_pipelines(gitlab, variables, jobs):
    assert _gitlab_jobs(gitlab, variables) == jobs


def test_gitlab_checks_before_pages_and_previews(gitlab):
    stages = gitlab["stages"]
    check = gitlab["check"]
    assert stages[0] == "check" and check["stage"] == "check" and not check.get("allow_failure")
    assert any("python -m generator check" in line and "--strict" not in line for line in check["script"])
    for name in ("pages", "preview"):
        job = gitlab[name]
        assert stages.index(job["stage"]) > stages.index("check") and job["needs"] == ["check"]
        build = [line for line in job["script"] if line.startswith("mkdocs build")]
        assert build and "--strict" in build[0] and "--site-dir public" in build[0]


def test_gitlab_audit_runs_beside_and_never_blocks_publishing(gitlab):
    audit = gitlab["audit"]
    assert any("pip_audit" in line for line in audit["script"]), "an office has no Makefile: pip-audit itself"
    assert audit["allow_failure"] is True and audit["needs"] == []
    assert all("audit" not in gitlab[name]["needs"] for name in ("pages", "preview"))


def test_gitlab_pages_publishes_public_and_preview_keeps_it(gitlab):
    assert [p.rstrip("/") for p in gitlab["pages"]["artifacts"]["paths"]] == ["public"]
    preview = gitlab["preview"]
    assert [p.rstrip("/") for p in preview["artifacts"]["paths"]] == ["public"]
    assert preview["artifacts"]["expire_in"]
    assert preview["environment"]["url"] == "$CI_JOB_URL/artifacts/file/public/index.html"
    assert "environment" not in gitlab["pages"]


def test_gitlab_image_install_history_and_schedule_note(gitlab):
    assert gitlab["image"] == "python:3.11", "the full image has git, for the last-update dates"
    assert str(gitlab["variables"]["GIT_DEPTH"]) == "0"
    assert any(re.search(r"pip install -r requirements\.txt$", line) for line in gitlab["default"]["before_script"])
    assert "Pipeline schedules" in GITLAB.read_text(encoding="utf-8")


# --- pre-commit ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hooks() -> dict[str, dict[str, Any]]:
    config = _yaml(PRE_COMMIT)
    assert all("repo" in repo and "hooks" in repo for repo in config["repos"])
    for repo in config["repos"]:
        assert repo["repo"] == "local" or re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"]), "pin hook repos to a tag"
    return {hook["id"]: {**hook, "repo": repo["repo"]} for repo in config["repos"] for hook in repo["hooks"]}


def _selected(hook: dict[str, Any], path: str) -> bool:
    return bool(re.search(hook.get("files", ""), path)) and not (
        hook.get("exclude") and re.search(hook["exclude"], path))


def test_pre_commit_runs_the_data_check_when_data_changes(hooks):
    check = hooks["generator-check"]
    assert check["repo"] == "local" and check["language"] in ("system", "python")
    assert check["pass_filenames"] is False
    assert "-m generator check" in check["entry"]
    for path in ("data/documents/2568.yml", "data/procurement/2568/11.csv", "content/news/x.md", "mkdocs.yml"):
        assert _selected(check, path), path
    for path in ("README.md", "generator/pipeline/load.py", "tests/data/good/mkdocs.yml"):
        assert not _selected(check, path), path


def test_pre_commit_hygiene_hooks_leave_originals_and_thai_data_alone(hooks):
    assert "--unsafe" not in hooks["check-yaml"].get("args", [])
    assert not _selected(hooks["check-yaml"], "data/documents/2568.yml"), "B.E. dates crash check-yaml"
    assert _selected(hooks["check-yaml"], "mkdocs.yml")
    (limit,) = [int(a.split("=")[1]) for a in hooks["check-added-large-files"]["args"] if a.startswith("--maxkb=")]
    assert limit >= 5 * 1024, "signed PDF scans of a few MB must pass"
    for name in ("end-of-file-fixer", "trailing-whitespace"):
        for path in ("content/files/2568/plan.pdf", "content/files/news/photo.jpg", "content/files/a.txt",
                     "data/procurement/2568/11.csv", "data/procurement/2568/12.xlsx"):
            assert not _selected(hooks[name], path), (name, path)
        assert _selected(hooks[name], "data/documents/2568.yml")
    linebreak = [a for a in hooks["trailing-whitespace"]["args"] if a.startswith("--markdown-linebreak-ext=")]
    assert linebreak and {"md", "j2"} <= set(linebreak[0].split("=")[1].split(","))


def test_pre_commit_is_not_a_dependency_of_the_site():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not any(d.startswith("pre-commit") for d in project["dependencies"])


def test_make_help_lists_every_command_with_what_it_does():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY: (.*)$", makefile, re.M)[1].split()
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    listed = {line.split()[1]: line for line in shown.splitlines() if line.strip().startswith("make ")}
    assert set(listed) == set(phony)
    assert all(len(line.split()) > 2 for line in listed.values())  # each with its description
    assert "test-artifacts" in makefile.split("\nclean:", 1)[1].splitlines()[1]
