"""What a `mkdocs serve` rebuild can take from the one before: pages left as they were, templates compiled.

An edit changes a few pages; MkDocs would read and render every page again. What a rebuild does not
need to do twice for the same input:

- reading and rendering a page whose input and whose shared surroundings did not change
  (`KeptPages`, under MkDocs' dirty mode: the page stays in the site folder as it was written);

- finishing a page (`join_numbers`, `tune_page`, the references it makes) is a pure function of the
  page's HTML, so a page whose HTML did not change gets the output of the rebuild before (a fifth of
  the example's rebuild time went there);
- MkDocs makes a new Jinja environment on every build, which compiles the theme's templates again;
  `TEMPLATES` keeps their compiled code for the life of the process, checked against each template's
  source as Jinja always does.

Only `serve` uses them (plugin.py): a one-off build sees every page once, and holding its pages
would only cost memory.
"""

from __future__ import annotations

import hashlib
import json
import os
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page


class FinishedPages:
    """Each page's last finished HTML and references, by destination, with the digest of its input."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[bytes, str, frozenset[str]]] = {}

    def finish(self, dest: str, html: str, work: Callable[[str], tuple[str, frozenset[str]]]) -> tuple[str, frozenset[str]]:
        """`work(html)` for `dest`, or its result of the rebuild before when `html` is the same."""
        digest = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = self._pages.get(dest)
        if kept is not None and kept[0] == digest:
            return kept[1], kept[2]
        output, used = work(html)
        self._pages[dest] = (digest, output, used)
        return output, used

    def references(self, dests: set[str]) -> set[str]:
        """What the pages at `dests` refer to, as last finished (a page left unrendered refers to them still)."""
        return set().union(*(self._pages[dest][2] for dest in dests if dest in self._pages))

    def forget(self, dests: set[str]) -> None:
        """Drop the pages no longer built."""
        for dest in dests:
            self._pages.pop(dest, None)


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates in memory; a template whose source changed is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _CompiledTemplates()


class KeptPages:
    """Each page of the last finished build as the other pages see it, so a rebuild renders what changed.

    MkDocs' dirty mode (`build(dirty=True)`, which `serve` uses) skips a page whose
    `file.is_modified()` is false, judged by file times alone: a generated page is always "modified"
    (its text is in memory), and a page whose nav, breadcrumbs or footer show another page's new
    title would not be. So the plugin gives each page's file this class's `is_modified`:

    - a page is read and rendered again when its own input changed (its Markdown, its last-update
      date, its place in or out of the nav, its edit link: the `key` the plugin gives) or its output
      is missing from the site folder;
    - every page is, when anything all pages share changed: the settings and templates, the set of
      files (a page added or removed changes lists and links), or any page's title, icon, subtitle
      or status (nav, breadcrumbs and the footer's previous/next show them; known only once the
      changed pages are read).

    A page left unread keeps what the others read from it: its title, its metadata (the nav's icons)
    and its anchors (the link checks). Nothing is kept from a build that failed.
    """

    def __init__(self) -> None:
        self._pages: dict[str, _Kept] = {}
        self._shared = b""
        self._dests: set[str] = set()  # every file the last build wrote, by its path in the site
        self._next: _Plan | None = None  # the build under way, once planned
        self._stamps: dict[str, tuple] = {}  # each static file's (time, size) when the last build copied it
        self._changed: set[str] = set()
        self.everything = True

    def plan(self, shared: bytes, keys: dict[str, bytes], dests: set[str], stamps: dict[str, tuple]) -> None:
        """Before MkDocs reads the pages: what all pages share, each page's own input by source path,
        every file the build is to write, and each static file's (time, size) by its path."""
        self._next = _Plan(shared, keys, dests, stamps)
        self.everything = shared != self._shared or keys.keys() != self._pages.keys()
        self._changed = {uri for uri, key in keys.items() if uri not in self._pages or self._pages[uri].key != key}

    def is_modified(self, file: File) -> bool:
        """Whether MkDocs must read and render this page again (its `File.is_modified` under a dirty build)."""
        return self.everything or file.src_uri in self._changed or not os.path.isfile(file.abs_dest_path)

    def copied(self, file: File) -> bool:
        """Whether MkDocs must copy a static file again (a PDF, an image): MkDocs compares file times
        alone, and a file moved into place (`mv`) keeps an older time than the copy in the site."""
        stamps = self._next.stamps if self._next is not None else {}
        return (self._stamps.get(file.abs_src_path) != stamps.get(file.abs_src_path)
                or not os.path.isfile(file.abs_dest_path))

    def settle(self, pages: list[Page]) -> list[Page]:
        """After MkDocs read the changed pages: those it left unread that must be read now.

        All of them when what the other pages show of a page changed (`_shown`); otherwise none,
        and each gets back its title, metadata and anchors of the last build.
        """
        for page in pages:
            kept = self._pages.get(page.file.src_uri)
            if page.markdown is not None and kept is not None and kept.shown != _shown(page):
                self.everything = True
        unread = [page for page in pages if page.markdown is None]
        if self.everything:
            return unread
        for page in unread:
            kept = self._pages[page.file.src_uri]
            page.markdown, page.meta = "", kept.meta  # "": MkDocs reads a page's title only once it has text
            page._title_from_render, page.present_anchor_ids = kept.title_from_render, kept.anchors
        return []

    def commit(self, pages: list[Page]) -> set[str]:
        """Keep this finished build's pages; the files of the last build this one no longer has."""
        plan, self._next = self._next or _Plan(b"", {}, set(), {}), None
        self._shared, self._stamps = plan.shared, plan.stamps
        self._pages = {page.file.src_uri: _Kept(plan.keys[page.file.src_uri], _shown(page), page.meta,
                                               page._title_from_render, page.present_anchor_ids)
                       for page in pages if page.file.src_uri in plan.keys}
        stale, self._dests = self._dests - plan.dests, plan.dests
        return stale

    def abandon(self) -> None:
        """A build failed: if it may have written pages, the next renders every page again.

        A data error stops the build before any page (the usual case while editing): nothing to undo.
        """
        if self._next is not None:
            self._dests |= self._next.dests  # what it may have written: removed later if no build writes it again
            self._shared, self._next = b"", None


def _shown(page: Page) -> tuple:
    """What the other pages show of a page: its title, and the icon, subtitle and status the menu prints."""
    meta = page.meta or {}
    return page.title, meta.get("icon"), meta.get("subtitle"), meta.get("status")


@dataclass(frozen=True)
class _Plan:
    """One build's inputs, as `KeptPages.plan` was told them."""

    shared: bytes
    keys: dict[str, bytes]  # src_uri → digest of the page's own input
    dests: set[str]  # every file the build writes
    stamps: dict[str, tuple]  # a static file's source path → (time, size)


@dataclass(frozen=True)
class _Kept:
    key: bytes
    shown: tuple  # _shown(page)
    meta: dict
    title_from_render: str | None
    anchors: set[str] | None


# Settings that reach a page's HTML (with the plugins' own settings, which `shared_inputs` adds). Not
# the folders or the server; the draft and exclusion settings act through the files, taken too.
SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright", "nav", "use_directory_urls",
            "repo_url", "repo_name", "edit_uri", "edit_uri_template", "extra_css", "extra_javascript",
            "extra_templates", "markdown_extensions", "mdx_configs", "extra", "docs_dir")


def shared_inputs(config: MkDocsConfig, files: Files, *more: object) -> bytes:
    """A digest of what every page's HTML depends on: settings, theme, templates, the set of files, `more`."""
    digest = hashlib.blake2b(digest_size=16)
    settings = {name: config[name] for name in SETTINGS} | {"theme": dict(config.theme), "more": more,
                                                             "plugins": {k: dict(p.config) for k, p in config.plugins.items()}}
    try:
        text = json.dumps(settings, sort_keys=True, default=repr, ensure_ascii=False)
    except TypeError:  # keys of mixed types in an office's `extra`: unsorted, stable within one serve
        text = repr(settings)
    digest.update(text.encode("utf-8", "surrogatepass"))
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"{file.src_uri}\0{file.dest_uri}\0{file.inclusion.name}\n".encode())
    for folder in config.theme.dirs:  # the office's overrides and the generator's templates; not installed themes
        if not _installed(Path(folder)):
            for path in sorted(Path(folder).rglob("*")):
                try:
                    stat = path.stat()
                except OSError:  # an editor's temporary file, gone since it was listed
                    continue
                digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode("utf-8", "surrogatepass"))
    return digest.digest()


def _installed(folder: Path) -> bool:
    """Whether `folder` is inside an installed package (which does not change while a server runs)."""
    return any(folder.resolve().is_relative_to(Path(p).resolve())
               for p in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})


def file_stamp(path: str) -> tuple[int, int] | None:
    """A file's (modification time, size), or None when it cannot be read."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def remove(site: Path, dests: set[str]) -> None:
    """Remove the files the site no longer has, and the folders they leave empty (a removed page's URL)."""
    for dest in dests:
        path = site / dest
        if not path.is_file():
            continue
        path.unlink()
        for folder in path.parents:
            if folder == site or any(folder.iterdir()):
                break
            folder.rmdir()
