"""`python -m generator serve`: `mkdocs serve --no-strict` that never leaves a browser waiting.

MkDocs' own server (mkdocs/commands/serve.py, 1.6.1) stops at a failed first build, and after a
failed rebuild it holds every page request until a build succeeds: the browser spins while the
reason sits in the terminal. Here a failed build is an outcome, not an exception: the server answers
every page with the error page (generator/mkdocs/failure.py) at once, and its reload script brings
the site back by itself once a build succeeds. The port is bound before the first build, so a busy
port is known at once (the command line says so in one line: generator/cli/serve.py).

`_Server` leans on LiveReloadServer's epoch fields and script injection; mkdocs is pinned to 1.6.1
and tests/cli/test_serve.py drives the whole loop.
"""

from __future__ import annotations

import logging
import shutil
import signal
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.__main__ import ColorFormatter
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from generator.mkdocs.failure import build_errors, failure_page
from generator.mkdocs.serve_search import BackgroundIndex

log = logging.getLogger("mkdocs.generator.serve")
# What an office edits, watched even when mkdocs.yml cannot be read (then no config names them).
WATCHED = ("mkdocs.yml", "data", "content", "overrides")
# How often the watched folders are polled, in seconds (MkDocs: 0.5): half of it is, on average, added
# to the time an edit takes to show. A poll of an office's folders costs about a millisecond.
POLL = 0.2


class _Server(LiveReloadServer):
    """MkDocs' live-reload server that answers with the error page while the last build failed."""

    failure: bytes | None = None  # the error page of the last build, None when it succeeded
    _bound = False

    def server_bind(self) -> None:
        if not self._bound:  # bound early by `serve`; LiveReloadServer.serve binds again
            super().server_bind()

    def server_activate(self) -> None:
        if not self._bound:
            super().server_activate()
            self._bound = True

    def _serve_request(self, environ, start_response) -> Iterable[bytes] | None:
        if environ["PATH_INFO"].startswith("/livereload/"):
            return super()._serve_request(environ, start_response)
        with self._epoch_cond:  # a rebuild under way ends in a site or an error page: wait for either
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch or self.failure is not None)
            epoch, page = self._visible_epoch, self.failure
        if page is None:
            return super()._serve_request(environ, start_response)
        body = self._inject_js_into_html(page, epoch)
        # 500: the page asked for cannot be produced; a link checker or `curl --fail` must not take
        # the error page for the page. Browsers show the body all the same; no-store keeps it out of the cache.
        start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Content-Length", str(len(body))), ("Cache-Control", "no-store")])
        return [body]


def serve(root: Path, host: str, port: int) -> int:
    """Serve the office at `root` on http://host:port/ until Ctrl-C; returns the exit code.

    Raises the OSError of a port that cannot be bound (busy, privileged) before anything is built.
    """
    _log_to_terminal()
    signal.signal(signal.SIGTERM, _stop)  # `kill`, a closed terminal, a test: stop as Ctrl-C does, cleaning up
    site_dir = tempfile.mkdtemp(prefix="oit_serve_")
    session = _Session(root, site_dir, host, port)
    try:
        session.server.server_bind()
        session.server.server_activate()
        session.run()
    finally:
        session.close()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


class _Session:
    """One serve run: the config as last read, the server, and the builder it calls on every change."""

    def __init__(self, root: Path, site_dir: str, host: str, port: int) -> None:
        self.root, self.site_dir, self.started = root, site_dir, None
        self.config = self._config()
        mount = urlsplit(self.config.site_url or "/").path if self.config else "/"
        self.server = _Server(builder=self.build, host=host, port=port, root=site_dir, mount_path=mount,
                              polling_interval=POLL)
        self.search = BackgroundIndex(Path(site_dir))
        self.server.error_handler = self._not_found

    def run(self) -> None:
        """The first build, the watches, then MkDocs' serve loop (which calls `build` on each change)."""
        self.build(self.config)
        for path in self._watched():
            self.server.watch(str(path))
        if self.config is not None:
            self.server = self.config.plugins.on_serve(self.server, config=self.config, builder=self.build)
        try:
            self.server.serve()
        except KeyboardInterrupt:
            log.info("หยุดแล้ว / Shutting down...")
        finally:
            self.server.shutdown()

    def build(self, config: MkDocsConfig | None = None) -> None:
        """Build the site, or on any failure keep its error messages as the page every request gets."""
        log.info("Building documentation...")
        self.search.wait()
        with build_errors() as messages:
            try:
                config = config or self._config(raise_errors=True)
                config.site_url = self.server.url
                build(config, serve_url=self.server.url, dirty=True)  # the plugin re-renders what changed
            except Exception as error:  # whatever stops the build is shown, never a hanging request
                if not messages:  # not an error MkDocs logged (mkdocs.yml unreadable, a bug): its words, no traceback
                    log.error("สร้างเว็บไซต์ไม่สำเร็จ / the build failed: %s: %s", type(error).__name__, error)
                self.server.failure = failure_page(messages, self.root)
                log.error("หน้าเว็บแสดงข้อผิดพลาดนี้จนกว่าจะแก้ไฟล์ / the browser shows these errors until the files are fixed")
                return
        self.server.failure = None
        self.search.after_build(_generator(config)._unsearched() if _generator(config) else frozenset())

    def close(self) -> None:
        self.search.close()
        if self.started is not None:
            self.started.plugins.on_shutdown()

    def _config(self, raise_errors: bool = False) -> MkDocsConfig | None:
        """mkdocs.yml as `mkdocs serve --no-strict` reads it; the first one read starts the plugins."""
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=self.site_dir, strict=False)
        except Exception:
            if raise_errors:
                raise
            return None  # the first build reads it again and shows why it cannot
        if self.started is None:  # serve, not build: the plugin then builds without staging, dirty
            config.plugins.on_startup(command="serve", dirty=True)
            self.started = config
        if plugin := _generator(config):
            plugin.defer_search = True  # made after the reload (serve_search.py); the instance lives on
        return config

    def _watched(self) -> list[Path]:
        paths = [self.root / name for name in WATCHED]
        if self.config is not None:
            paths += [Path(self.config.docs_dir), *map(Path, self.config.watch)]
        return [p for p in dict.fromkeys(p.resolve() for p in paths) if p.exists()]

    def _not_found(self, code: int) -> bytes | None:
        """MkDocs' error pages: the site's own 404.html."""
        page = Path(self.site_dir) / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


def _generator(config: MkDocsConfig):
    """The generator's plugin instance in `config` (None when the office's mkdocs.yml leaves it out)."""
    return config.plugins.get("generator")


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave links and nav stale: the plugin sees to it (KeptPages)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def _log_to_terminal() -> None:
    """MkDocs' messages as `mkdocs serve` prints them (its CLI sets this up; here no CLI runs)."""
    logging.getLogger("mkdocs.commands.build").addFilter(_NoDirtyWarning())
    logger = logging.getLogger("mkdocs")
    if not any(isinstance(h.formatter, ColorFormatter) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
