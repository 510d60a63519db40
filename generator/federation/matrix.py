"""The build matrix for a CI engine: one job per office, or batches when the list exceeds its limit.

GitHub Actions runs at most 256 jobs from one matrix; GitLab's `parallel:matrix` at most 200. Offices
are never split between jobs and jobs stay as even as the list allows (600 offices on GitHub: 200
jobs of 3), so the slowest job decides the wall time, as it would anyway. One office's broken data
fails its own job only: the workflows run the matrix with fail-fast off.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from math import ceil

import yaml

from generator.federation.model import Federation

LIMITS = {"github": 256, "gitlab": 200}  # jobs per matrix, as each engine documents it


@dataclass(frozen=True)
class Job:
    """One job of the matrix: a name and the codes of the offices it builds."""

    name: str
    offices: tuple[str, ...]


def jobs(codes: list[str], limit: int) -> list[Job]:
    """`codes` in jobs of equal size (±1), at most `limit` jobs, in the order of the file."""
    if not codes:
        return []
    per_job = ceil(len(codes) / limit)
    count = ceil(len(codes) / per_job)
    size, extra = divmod(len(codes), count)
    result, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        chunk = tuple(codes[start:end])
        result.append(Job(chunk[0] if len(chunk) == 1 else f"batch-{index + 1:03d}", chunk))
        start = end
    return result


def github_matrix(federation: Federation, limit: int = LIMITS["github"]) -> str:
    """The JSON a workflow step writes to $GITHUB_OUTPUT for `strategy.matrix: ${{ fromJSON(...) }}`."""
    include = [{"name": job.name, "offices": " ".join(job.offices)}
               for job in jobs([m.code for m in federation.offices if m.repository], limit)]
    return json.dumps({"include": include}, ensure_ascii=False, separators=(",", ":"))


def gitlab_pipeline(federation: Federation, file: str, limit: int = LIMITS["gitlab"]) -> str:
    """A child pipeline: one job per office or batch, each building its offices, none stopping another."""
    pipeline: dict = {
        "image": "python:3.11",
        "variables": {"GIT_DEPTH": "0", "TZ": "ICT-7", "NO_MKDOCS_2_WARNING": "1"},
        "stages": ["build", "supervise"],
        "default": {"before_script": ["python -m pip install -r requirements.txt"]},
    }
    for job in jobs([m.code for m in federation.offices if m.repository], limit):
        pipeline[f"build:{job.name}"] = {
            "stage": "build",
            "script": [f"python -m generator federation build {file} --only {','.join(job.offices)} --out out"],
            "artifacts": {"when": "always", "expire_in": "1 week",
                          "paths": ["out/*/status.json", "out/*/check.json", "out/*/site/oit/"]},
        }
    # A later stage receives every earlier job's artifacts (no `needs`, whose list stops at 50 jobs);
    # `when: always` writes the site even when some offices failed.
    pipeline["supervise"] = {
        "stage": "supervise", "when": "always",
        "script": [f"python -m generator federation site {file} --from out --out public"],
        "artifacts": {"paths": ["public/"], "expire_in": "30 days"},
    }
    return yaml.safe_dump(pipeline, allow_unicode=True, sort_keys=False)
