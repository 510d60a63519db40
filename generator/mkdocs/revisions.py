"""When each data or content file last changed, for the "ปรับปรุงล่าสุด" (last update) date on pages.

Assessors and citizens judge a page by how fresh it is. The date comes from git (one `git log` call
for the whole repository); a file git does not know yet falls back to its modification time.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("data", "content")) -> dict[str, date]:
    """Date of the newest commit touching each file, keyed by its path relative to `root`."""
    try:
        out = subprocess.run(
            # quotePath=false: Thai file names come out as they are, not as octal escapes
            ["git", "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--relative",
             "--", *folders],
            cwd=root, capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}  # not a git checkout (a downloaded zip): callers fall back to file times
    dates: dict[str, date] = {}
    current: date | None = None
    for line in out.splitlines():
        if line.startswith("\x00"):
            current = date.fromisoformat(line[1:])
        elif line and current:
            dates.setdefault(line, current)  # git log lists newest first
    return dates


def changed_on(root: Path, rel: str, known: dict[str, date]) -> date | None:
    """The last change of one file: from git when committed, else its modification time."""
    if rel in known:
        return known[rel]
    try:
        return date.fromtimestamp((root / rel).stat().st_mtime)
    except OSError:
        return None
