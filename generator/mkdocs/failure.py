"""What `serve` shows in the browser while the site cannot be built: the build's own error messages.

A failed build logs its reason at ERROR level before MkDocs turns it into an `Abort`: the plugin's
data errors (the very lines `python -m generator check` prints, `file:line: field: message`), a
broken mkdocs.yml, a template that fails. Those messages are collected while a build runs and become
one self-contained page (templates/serve-error.html.j2), escaped, with no path of this machine in it.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).parent / "templates"
# The livereload server logs a failed request of its own at ERROR: not a reason the build failed.
_NOT_THE_BUILD = ("mkdocs.livereload",)


class _Collector(logging.Handler):
    """Keeps the messages of ERROR records from MkDocs and its plugins during one build."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(_NOT_THE_BUILD):
            self.messages.append(record.getMessage())


@contextmanager
def build_errors() -> Iterator[list[str]]:
    """The error messages MkDocs logs inside the `with` block, in order."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def failure_page(messages: list[str], root: Path) -> bytes:
    """The error page for `messages`, paths under `root` written relative to it (as `check` writes them)."""
    report = without_machine_paths("\n".join(messages), root)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
    return env.get_template("serve-error.html.j2").render(report=report).encode("utf-8")


def without_machine_paths(text: str, root: Path) -> str:
    """`text` without the absolute paths of this machine: the office's folder, then the home folder."""
    for folder, inside, itself in ((root.resolve(), "", "."), (root.absolute(), "", "."),
                                   (Path.home(), "~" + os.sep, "~")):
        if len(folder.parts) > 1:  # an office at / must not rewrite every path
            text = re.sub(re.escape(str(folder) + os.sep), lambda _: inside, text)
            text = re.sub(re.escape(str(folder)) + r"(?![\w.-])", lambda _: itself, text)
    return text
