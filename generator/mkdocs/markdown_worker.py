"""Markdown of the generated pages converted in a process beside the build, while MkDocs converts the rest.

MkDocs reads every page on one core: on a 1× benchmark office, Markdown was a third of the build's
critical path while the other core waited for the search index to start. So, on a large build, the
plugin sends the last part of the generated pages (in MkDocs' reading order) to this process, which
converts them with MkDocs' own `Page.render`: the same `mkdocs.yml`, the generator's defaults
(defaults.py), the same files for resolving links. When MkDocs reaches such a page, the plugin sets
the page's content, table of contents, title and anchors from the result instead of converting it
(`Page.render` is replaced on that page object, mkdocs pinned at 1.6.1); MkDocs' messages about the
page (a link it cannot resolve) are said in the build, so a strict build counts them.

It is used only where nothing else could see a page's Markdown: the generator is the only plugin
and no hook is configured. A failure of the process (it was killed, it could not start) costs time,
not pages: the page is then converted in the build as usual.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.base.workers import worker

# Fewer generated pages than this are converted in the build: the process costs a second to start.
AT_LEAST = 400
# The share of the generated pages' Markdown sent to the process (it starts a second late, and the
# XLSX writer takes the same core afterwards).
SHARE = 0.45
_BATCH = 48  # pages a batch


@dataclass(frozen=True)
class Converted:
    """What `Page.render` sets on a page, and what MkDocs said meanwhile."""

    content: str
    toc: Any
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]] | None  # src_uri of the page linked to → anchor → the link as written
    said: tuple[tuple[str, int, str], ...]  # (logger, level, message)


class MarkdownWorker:
    """The generated pages given to the other process, and their results as MkDocs reaches them."""

    def __init__(self, config: MkDocsConfig, files: Files, pages: dict[str, str]) -> None:
        """Send `pages` (src_uri → Markdown, in MkDocs' reading order) to a new process."""
        listing = [(f.src_uri, f.dest_uri, f.inclusion.value) for f in files]
        settings = {"site_dir": config.site_dir, "docs_dir": config.docs_dir,
                    "use_directory_urls": config.use_directory_urls, "strict": config.strict}
        # The settings and the files once, as the process starts (it reads mkdocs.yml meanwhile).
        self.pool = worker(_start, config.config_file_path, settings, listing)
        self.results: dict[str, tuple[Future, int]] = {}
        items = list(pages.items())
        for start in range(0, len(items), _BATCH):
            batch = items[start:start + _BATCH]
            future = self.pool.submit(_convert, batch)
            self.results.update({uri: (future, n) for n, (uri, _) in enumerate(batch)})

    def __contains__(self, uri: str) -> bool:
        return uri in self.results

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render` for a page given to the process: its result, or MkDocs' own conversion if it failed."""
        future, n = self.results.pop(page.file.src_uri)
        try:
            done: Converted = future.result()[n]
        except Exception:  # the process failed: convert here, as MkDocs would have
            Page.render(page, config, files)
            return
        for name, level, message in done.said:
            logging.getLogger(name).log(level, message)
        page.content, page.toc, page._title_from_render = done.content, done.toc, done.title
        page.present_anchor_ids = done.anchors
        if done.links is not None:
            page.links_to_anchors = {target: anchors for uri, anchors in done.links.items()
                                     if (target := files.get_file_from_path(uri)) is not None}

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def converter(config: MkDocsConfig, files: Files, generated: list[File]) -> MarkdownWorker | None:
    """A worker for the last part of the `generated` pages, or None for a small build or another plugin.

    Only where nothing but the generator sees a page: another plugin or a hook might read or change
    its Markdown on the way.
    """
    if len(generated) < AT_LEAST or list(config.plugins) != ["generator"] or config.hooks:
        return None
    try:
        return MarkdownWorker(config, files, share([(f.src_uri, f.content_string) for f in generated]))
    except (OSError, RuntimeError):  # no process could be started here: MkDocs converts every page
        return None


def share(pages: list[tuple[str, str]]) -> dict[str, str]:
    """The last pages of `pages` holding about `SHARE` of their Markdown (tables marked raw cost nothing)."""
    sizes = [len(markdown) - _raw(markdown) for _, markdown in pages]
    budget, taken = SHARE * sum(sizes), 0
    start = len(pages)
    while start > 0 and taken + sizes[start - 1] <= budget:
        start -= 1
        taken += sizes[start]
    return dict(pages[start:])


def _raw(markdown: str) -> int:
    """Characters of the tables stored unread (between STX and ETX: generator/mkdocs/raw_tables.py)."""
    total, at = 0, markdown.find("\x02")
    while at >= 0 and (end := markdown.find("\x03", at)) >= 0:
        total += end - at
        at = markdown.find("\x02", end)
    return total


# ------------------------------------------------------------------------------------ in the process

_STATE: dict[str, Any] = {}


def _start(config_file: str, settings: dict, listing: list) -> None:
    """The process's start: read mkdocs.yml, know the files."""
    _STATE.update(_setup(config_file, settings, listing))


def _convert(batch: list[tuple[str, str]]) -> list[Converted]:
    """Convert a batch of pages as MkDocs would."""
    config, files, said = _STATE["config"], _STATE["files"], _STATE["said"]
    out = []
    for uri, markdown in batch:
        said.clear()
        file = files.get_file_from_path(uri)
        file.content_string = markdown
        page = Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        links = None if page.links_to_anchors is None else {
            target.src_uri: dict(anchors) for target, anchors in page.links_to_anchors.items()}
        out.append(Converted(page.content or "", page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
                             links, tuple(said)))
        file.content_string, file.page = "", None  # nothing of the page kept
    return out


def _setup(config_file: str, settings: dict, listing: list) -> dict[str, Any]:
    from mkdocs.config import load_config

    from generator.mkdocs.defaults import apply_defaults

    config = load_config(config_file, **settings)
    apply_defaults(config)
    files = Files([File(uri, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                        dest_uri=dest, inclusion=InclusionLevel(inclusion)) for uri, dest, inclusion in listing])
    said: list[tuple[str, int, str]] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: said.append((record.name, record.levelno, record.getMessage()))  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return {"config": config, "files": files, "said": said}
