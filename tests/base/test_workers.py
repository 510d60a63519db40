"""A process a build starts beside itself ends when the build is killed (generator/base/workers.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

# A build that starts the workbook writer and the search index, then is gone without a word, as
# `kill -9` leaves it.
KILLED_BUILD = """
import os
from generator.base.workers import end_with
from generator.engine.workbook import Writer, workbook
from generator.search import IndexWorker
writer = Writer([workbook(f"t{n}", ("a",), [(i,) for i in range(5)]) for n in range(20)])
writer.batches[0].result()  # the writer's process is up and working
index = IndexWorker(first=(end_with, os.getpid()))
index.add("a/", "<html><head></head><body><article class='md-content__inner'>ก</article></body></html>")
print(*writer.pool._processes, index.process.pid, flush=True)
os._exit(0)
"""


def _alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its parent to reap it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def test_the_workbook_writer_and_the_search_index_end_when_the_build_is_killed():
    out = subprocess.run([sys.executable, "-c", KILLED_BUILD], cwd=ROOT, capture_output=True, text=True, timeout=60)
    pids = [int(p) for p in out.stdout.split()]
    assert len(pids) == 2, out.stderr
    end = time.monotonic() + 10
    while any(map(_alive, pids)) and time.monotonic() < end:
        time.sleep(0.1)
    assert not any(map(_alive, pids))
