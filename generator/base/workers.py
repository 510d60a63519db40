"""What every process a build starts beside itself does first: end when the build is gone.

A build killed from outside (a CI timeout, `kill`, a closed terminal) gets no chance to stop the
processes it started (the search index, the workbooks, the Markdown of the last pages); spawned
processes outlive their parent, so each one watches it and ends when it is gone, instead of
waiting for work that will never come.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable

_EVERY = 1.0  # seconds between two looks at the parent


def worker(start: Callable[..., None] | None = None, *args: Any) -> ProcessPoolExecutor:
    """One process beside the build, which ends with it; `start(*args)` runs first in it, if given.

    Spawned, not forked: `mkdocs serve` runs threads (the reload server, the file watcher) whose
    locks a fork would copy in whatever state they are.
    """
    return ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_begin,
                               initargs=(os.getpid(), start, args))


def _begin(parent: int, start: Callable[..., None] | None, args: tuple) -> None:
    end_with(parent)
    if start is not None:
        start(*args)


def end_with(parent: int) -> None:
    """In a worker process: end it once the process `parent` (the build) has ended.

    Ctrl-C reaches the whole process group: the worker leaves it to the build, which stops its
    workers itself (else each idle worker prints a traceback of its own).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch, args=(parent,), name="end-with-build", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_EVERY)
    os._exit(1)  # the build is gone: nothing here is of use to anyone
