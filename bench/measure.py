"""Run one command and print, as one JSON line, what it cost: wall and CPU time, peak memory, load.

bench/run.py starts this script once per build, so that `RUSAGE_CHILDREN` here covers that one build
and everything it started and waited for (git, worker processes), and nothing else:

- `cpu`: user + system seconds of the command and its children (`ru_utime + ru_stime`);
- `wall`: seconds from start to exit (`time.perf_counter`), without this script's own start-up;
- `rss`: `ru_maxrss` of the children, in MiB: the largest single process, as the kernel counts it;
- `tree_rss`: the largest sum of the resident memory of the command and its descendants, sampled
  from /proc every 0.2 s (differs from `rss` when the build runs processes side by side; 0 where
  /proc is missing);
- `load_before`, `load_after`: the one-minute load average (`os.getloadavg`) around the command.

The command's output goes to LOG (a file, so that nothing blocks on a full pipe while we sample).

    python bench/measure.py LOG COMMAND [ARG ...]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SAMPLE_SECONDS = 0.2


def tree_rss_kib(pid: int) -> int:
    """Resident memory of `pid` and its descendants in KiB (0 for a process that is gone)."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += tree_rss_kib(int(child))
    except (OSError, ValueError):
        pass  # exited between two reads, or no /proc
    return total


def run(log: Path, command: list[str]) -> dict:
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    tree_peak = 0
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        while True:
            tree_peak = max(tree_peak, tree_rss_kib(proc.pid))
            try:
                proc.wait(SAMPLE_SECONDS)  # returns at the exit, so the wall time is not rounded up
                break
            except subprocess.TimeoutExpired:
                continue
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"returncode": proc.returncode, "wall": round(wall, 3), "cpu": round(usage.ru_utime + usage.ru_stime, 3),
            "user": round(usage.ru_utime, 3), "sys": round(usage.ru_stime, 3), "rss": usage.ru_maxrss // 1024,
            "tree_rss": tree_peak // 1024, "load_before": load_before, "load_after": os.getloadavg()[0]}


if __name__ == "__main__":
    print(json.dumps(run(Path(sys.argv[1]), sys.argv[2:])))
