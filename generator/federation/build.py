"""Build every office of a federation on this machine, in parallel processes (small federations, tests).

Each office is built exactly as it builds alone (`check`, then a strict `mkdocs build`), in a process
of its own, so one office's broken data or crash fails that office only. What each build leaves in
`out/<code>/` is what a CI job uploads: the site, `check.json` and `status.json`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.federation.model import Federation, Member
from generator.federation.roster import repository_of

TIMEOUT = 1800  # seconds for one office; a hung build must not hold the others


@dataclass(frozen=True)
class Built:
    """How one office's build went: `error` is the end of what the failing step printed."""

    code: str
    ok: bool
    seconds: float
    step: str = ""
    error: str = ""


def build_all(federation: Federation, federation_file: Path, out: Path, only: set[str] | None = None,
              jobs: int | None = None) -> list[Built]:
    """Build the offices (all, or those in `only`) into `out/<code>/`; returns one result per office."""
    members = [m for m in federation.offices if m.repository and (only is None or m.code in only)]
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:  # each thread waits on a process
        return list(pool.map(lambda m: build_one(m, federation_file, out / m.code), members))


def build_one(member: Member, federation_file: Path, out: Path) -> Built:
    """`check` then a strict build of one office; `status.json` records the outcome either way."""
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if _is_remote(member.repository or ""):
        root, cloned = out / "repository", _clone(member.repository or "", out / "repository")
        result = _steps(member, root, out, start) if cloned is None else Built(member.code, False, 0.0, "clone", cloned)
    else:
        result = _steps(member, repository_of(Path(member.repository or ""), federation_file), out, start)
    (out / "status.json").write_text(json.dumps(asdict(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return result


def _steps(member: Member, root: Path, out: Path, start: float) -> Built:
    if not (root / "mkdocs.yml").is_file():
        return Built(member.code, False, 0.0, "repository",
                     f"ไม่พบ mkdocs.yml ใน {member.repository} / no mkdocs.yml in {member.repository}")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    check = _run([sys.executable, "-m", "generator", "check", "--root", str(root), "--format", "json"], env)
    (out / "check.json").write_text(check.stdout, encoding="utf-8")
    if check.returncode not in (0, 1):
        return Built(member.code, False, time.perf_counter() - start, "check", _tail(check.stderr or check.stdout, root))
    build = _run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(root / "mkdocs.yml"),
                  "-d", str((out / "site").resolve())], env)
    if build.returncode != 0:
        return Built(member.code, False, time.perf_counter() - start, "build", _tail(build.stderr or build.stdout, root))
    return Built(member.code, True, time.perf_counter() - start)


def _is_remote(repository: str) -> bool:
    return "://" in repository or repository.startswith("git@")


def _clone(repository: str, target: Path) -> str | None:
    """Clone a member's repository (whole history: last-update dates come from it); the error, or None."""
    if target.exists():
        shutil.rmtree(target)
    done = _run(["git", "clone", "--quiet", repository, str(target)], dict(os.environ))
    return None if done.returncode == 0 else _tail(done.stderr)


def _run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(command, 124, "", f"หมดเวลา {TIMEOUT} วินาที / timed out after {TIMEOUT} s")


def _tail(text: str, root: Path | None = None, lines: int = 12) -> str:
    """The end of a failing step's output, the part that names the problem, without this machine's
    paths (it is published on the supervisory site): the office folder and the home folder go."""
    for folder, shown in ((root.resolve() if root else None, ""), (Path.home(), "~/")):
        if folder is not None:
            text = text.replace(f"{folder}{os.sep}", shown)
    return "\n".join(text.strip().splitlines()[-lines:])
