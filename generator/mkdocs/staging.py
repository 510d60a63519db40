"""Atomic publication: a build writes into a staging folder that replaces `site/` only on success.

MkDocs writes every page straight into `site_dir`, and in strict mode it aborts only after writing
them all; a failed build would leave a half-new site for the next `git push` or upload. So the
build goes to `<site>.partial`, and only a build that ends without an error (or, in strict mode,
without a warning) is moved into place, in two renames. A failed build removes its staging folder.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from generator.mkdocs import host


class _Counter(logging.Handler):
    """Counts warnings and errors logged by MkDocs and its plugins during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class Staging:
    """One build's staging folder for the site folder `final`."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.partial = final.with_name(final.name + ".partial")
        self.counter = _Counter()
        if self.partial.exists():  # left by a build that was killed
            shutil.rmtree(self.partial)
        for name in host.logger_names():  # ProperDocs logs its own warnings under `properdocs`
            logging.getLogger(name).addHandler(self.counter)

    def finish(self, strict: bool) -> bool:
        """Put the staged site in place unless strict mode will abort the build; True if published."""
        self._stop_counting()
        if strict and self.counter.count:
            return False  # MkDocs raises right after this event; abandon() then removes the folder
        old = self.final.with_name(self.final.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        if self.final.exists():
            self.final.rename(old)
        self.partial.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def abandon(self) -> None:
        """Drop the staged site of a failed build; the published one is untouched."""
        self._stop_counting()
        shutil.rmtree(self.partial, ignore_errors=True)

    def _stop_counting(self) -> None:
        for name in host.logger_names():
            logging.getLogger(name).removeHandler(self.counter)
