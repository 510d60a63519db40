"""MkDocs glue, and nothing else: run the core, refuse a build with errors, add the generated pages.

All logic lives in `generator.core` and below, which know nothing of MkDocs; keeping this file thin
keeps a later move to another MkDocs-compatible host cheap.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import logging
from datetime import date
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.commands.build import _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.pipeline.core import Result, run
from markupsafe import Markup

from generator.mkdocs.defaults import apply_defaults
from generator.mkdocs.assets import prune_site, references, tune_page
from generator.engine.fonts import cache_dir, ensure_fonts
from generator.mkdocs.identity import apply_identity
from generator.engine.render import digits, templates, thai_date
from generator.mkdocs.revisions import changed_on, last_changed
from generator.pipeline.load import Project
from generator.pipeline.overrides import folder, render_problem
from generator.mkdocs.mkdocs_log import Translator
from generator.families.news.model import NewsPost, is_post_uri
from generator.engine.pages import Asset, Page
from generator.engine.workbook import Table, Writer
from generator.families.news.pages import with_date
from generator.base.problems import notes, render_report, warnings
from generator.base.reuse import Reuse
from generator.mkdocs.markdown_worker import MarkdownWorker, converter
from generator.mkdocs.rebuild_memo import TEMPLATES, FinishedPages, KeptPages, file_stamp, remove, shared_inputs
from generator.mkdocs.search_feed import SearchFeed
from generator.mkdocs.staging import Staging
from generator.mkdocs.navigation import breadcrumbs, menu_key, section_of
from generator.mkdocs.typeset import description, join_numbers

log = logging.getLogger("mkdocs.plugins.generator")


class GeneratorConfig(Config):
    enabled = c.Type(bool, default=True)
    data_dir = c.Type(str, default="data")
    # The build date decides what is published; tests pin it to keep output stable.
    build_date = c.Optional(c.Type(str))
    edit_data_uri = c.Optional(c.Type(str))


class GeneratorPlugin(BasePlugin[GeneratorConfig]):
    """Adds the pages generated from `data/` to the site."""

    result: Result | None = None
    fonts: dict[str, Path] = {}
    staging: Staging | None = None
    news: dict[str, NewsPost] = {}  # published posts by src_uri
    translator: Translator | None = None
    files: Files | None = None
    titles: dict[str, str] | None = None  # page URL → title, for the breadcrumbs
    marked: object | None = None  # the nav page marked as the current page's section
    used: set[str] = set()  # site paths the rendered pages refer to, so pruning reads no page again
    defer_search = False  # set by `python -m generator serve`, which indexes after the reload (serve_search.py)
    search: SearchFeed | None = None  # this build's pages on their way to the search index
    # Set by on_startup; a build run without it (tests call MkDocs' `build` directly) is a one-off build.
    command, dirty = "build", False
    memo: FinishedPages | None = None  # serve: each page's finished HTML, by its input
    kept: KeptPages | None = None  # a dirty serve: what each page was, so a rebuild renders what changed
    reuse: Reuse | None = None  # serve: each data file's records, while its bytes are the same
    converting: MarkdownWorker | None = None  # a large build: the last pages' Markdown, in another process
    books: list[Asset] = []  # the workbooks not written yet
    writer: Writer | None = None  # ...written in another process while the pages render
    nav_urls: list[str] | None = None  # this build's nav pages, for the shared menus

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps one plugin instance across `mkdocs serve` rebuilds.
        self.command = command
        self.dirty = dirty  # a --dirty rebuild renders only changed pages: search reads the site back
        self.memo = FinishedPages() if command == "serve" else None
        # A dirty serve (`python -m generator serve`, `mkdocs serve --dirty`) renders only what changed.
        self.kept = KeptPages() if command == "serve" and dirty else None
        self.reuse = Reuse() if command == "serve" else None

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        if self.memo is not None:  # serve: the theme is not compiled again on each rebuild
            env.bytecode_cache = TEMPLATES
        if self.kept is not None:  # MkDocs has read the changed pages: the others, if a title changed
            for page in self.kept.settle(self._pages(files)):
                _populate_page(page, config, files)  # MkDocs' own reading of a page (mkdocs pinned at 1.6.1)
        self._stop_converting()
        # The pages are read: the other core now writes the workbooks while MkDocs renders the pages.
        self.writer = Writer([book.text for book in self.books])
        return env

    def _stop_converting(self) -> None:
        if self.converting is not None:
            self.converting.close()
            self.converting = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        apply_defaults(config)
        root = Path(config.config_file_path).absolute().parent  # `-f mkdocs.yml` gives a relative path
        project = dataclasses.replace(Project.at(root, self.config.data_dir, config.docs_dir),
                                      reuse=self.reuse)
        config.watch.append(str(project.data_dir))
        if (root / "overrides").is_dir():  # the theme and our page templates, without --watch-theme
            config.watch.append(str(root / "overrides"))
        self.project, self.templates = project, folder(project.root)
        today = date.fromisoformat(self.config.build_date) if self.config.build_date else None
        self.result = run(project, today, config.site_url, Path(config.config_file_path))
        self.fonts = ensure_fonts(cache_dir(root))
        self.root, self.changes = root, last_changed(root)
        self.newest = max((d for path, d in self.changes.items() if path.startswith(self.config.data_dir + "/")),
                          default=None)  # the newest data change
        self.sources = {p.src_uri: p.source for p in self.result.pages if isinstance(p, Page)}
        if not self.result.ok:
            raise PluginError("ข้อมูลไม่ถูกต้อง ยังไม่สร้างเว็บไซต์ / the data has errors, no site was built:\n"
                              + render_report(self.result.problems))
        apply_identity(config, self.result.site.office, self.result.site.base_url)
        if self.command != "serve":  # serve builds into its own temporary folder
            self.staging = Staging(Path(config.site_dir))
            config.site_dir = str(self.staging.partial)
        for problem in warnings(self.result.problems):
            log.warning(problem.render())
        for problem in notes(self.result.problems):  # listed, never a reason to stop a strict build
            log.info(problem.render())
        # check found what MkDocs would warn about; anything it missed is still said Thai first, located.
        self.translator = Translator(root, project.display(project.content_dir), self.sources,
                                     warnings(self.result.problems))
        self.translator.install()
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.result is None:
            return None
        self.news = {post.src_uri: post for post in self.result.site.news}
        for file in [f for f in files if is_post_uri(f.src_uri)]:
            if file.src_uri in self.news:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # /news/ lists the posts; the nav must not grow
            else:
                files.remove(file)  # a draft, dated after the build date or withdrawn: never written to site/
        for uri in self.result.site.unpublished_files:
            if original := files.get_file_from_path(uri):
                files.remove(original)  # the original of a draft, a future or a withdrawn item
        # Workbooks not written yet: written beside the build once the pages are read (on_env), saved at its end.
        self.books = [p for p in self.result.pages if isinstance(p, Asset) and isinstance(p.text, Table)
                      and not p.text.written]
        for page in self.result.pages:
            if existing := files.get_file_from_path(page.src_uri):
                files.remove(existing)  # a generated page replaces a stub of the same path
            files.append(self._file(page, config))
        # From here MkDocs reads each page from its file: the pages keep their metadata, not a second
        # copy of their Markdown for the whole build (tens of MB on a large office).
        self.result = dataclasses.replace(self.result, pages=[
            dataclasses.replace(p, markdown="") if isinstance(p, Page) else p for p in self.result.pages])
        for uri, path in self.fonts.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        # The theme's custom_dir would publish overrides/generator/*.j2 as static files: they are ours.
        for file in [f for f in files if f.src_uri.startswith("generator/") and f.abs_src_path
                     and Path(f.abs_src_path).resolve().is_relative_to(self.templates)]:
            files.remove(file)
        self.files, self.titles, self.used, self.menus, self.nav_urls = files, None, set(), {}, None
        if self.kept is not None:
            self._plan(files, config)
        self.converting = self._converter(files, config)
        return files

    def _converter(self, files: Files, config: MkDocsConfig) -> MarkdownWorker | None:
        """A large build's last generated pages converted in another process (markdown_worker.py)."""
        if self.memo is not None:
            return None  # serve renders few pages at a time
        return converter(config, files, [f for f in files.documentation_pages() if f.src_uri in self.sources])

    def on_pre_page(self, page, *, config: MkDocsConfig, files: Files):
        if self.converting is not None and page.file.src_uri in self.converting:
            page.render = functools.partial(self.converting.render, page)  # converted by the other process
        return page

    def _plan(self, files: Files, config: MkDocsConfig) -> None:
        """Tell MkDocs' dirty build which pages to read and render again (rebuild_memo.KeptPages)."""
        keys, stamps = {}, {}
        for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve):
            revised = self._revised(file.src_uri, config)
            keys[file.src_uri] = hashlib.blake2b(file.content_bytes + repr(
                (revised, file.inclusion.name, file.edit_uri)).encode(), digest_size=16).digest()
            file.is_modified = functools.partial(self.kept.is_modified, file)
        for file in files:  # static files: MkDocs would copy them by file time alone
            if not file.is_documentation_page() and file.abs_src_path and (stamp := file_stamp(file.abs_src_path)):
                stamps[file.abs_src_path] = stamp
                file.is_modified = functools.partial(self.kept.copied, file)
        self.kept.plan(shared_inputs(config, files, self.result.site.thai_digits, self.config.build_date), keys,
                       {file.dest_uri for file in files}, stamps)

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self.result is None:
            return None
        uri = page.file.src_uri
        if uri in self.sources:  # a generated page, read now: MkDocs keeps its Markdown in `page.markdown`
            page.file.content_string = ""
        # Themes print page.title without escaping it (Material's <h1>, the navigation): the front-matter
        # title of a hand-written page is stored escaped, as every generated page stores its own.
        if uri not in self.sources and isinstance(page.meta.get("title"), str):
            page.meta["title"] = html.escape(page.meta["title"], quote=False)
        if uri not in self.news:
            return None
        # A post's date is front matter, which MkDocs does not show: put it under the heading.
        try:
            with digits("thai" if self.result.site.thai_digits else "arabic"), templates(self.templates):
                return with_date(markdown, self.news[uri])
        except Exception as error:  # the office's own news-post.md.j2 may fail; a shipped template may not
            if (problem := render_problem(self.project, error)) is None:
                raise
            raise PluginError(render_report([problem])) from error

    def on_page_context(self, context: dict, *, page, config: MkDocsConfig, nav) -> dict | None:
        # Material shows page.meta.revision_date as "ปรับปรุงล่าสุด": a Thai B.E. date of the data file
        # a generated page comes from, or of the Markdown file of a hand-written page.
        if not self.config.enabled or self.result is None:
            return None
        if changed := self._revised(page.file.src_uri, config):
            with digits("thai" if self.result.site.thai_digits else "arabic"):
                page.meta["revision_date"] = Markup("ปรับปรุงล่าสุด ") + thai_date(changed)
        # Each page's own description; the home page keeps the office's (identity.py). Material prints
        # it unescaped: escape it here.
        if not page.meta.get("description") and not page.is_homepage:
            page.meta["description"] = Markup(html.escape(description(page.content or "", page.title or "")))
        self._place(context, page, nav)
        return context

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str | None:
        if self.marked is not None:  # the nav is shared by every page: unmark the section again
            self.marked.active = False
            self.marked = None
        if not self.config.enabled or self.result is None:
            return None
        output = self._finish_html(output, page.file.dest_uri)
        if self.defer_search:
            return output
        if self.search is None:
            self.search = SearchFeed(self._unsearched())
        self.search.page(page.file.dest_uri, output)  # indexed in a worker process while the next page renders
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        return self._finish_html(output_content, template_name) if template_name.endswith(".html") else None

    def _finish_html(self, output: str, dest: str) -> str:
        """Thai set like print, a head that does not block the first paint, and what the page refers to."""
        output, used = (_finished(output, dest) if self.memo is None
                        else self.memo.finish(dest, output, lambda h: _finished(h, dest)))
        self.used |= used
        return output

    def _place(self, context: dict, page, nav) -> None:
        """Mark the section of a page the nav leaves out, and give every deep page its breadcrumb.

        A page out of the nav carries a trimmed menu (partials/nav-item.html): thousands of them repeat it.
        """
        detail = nav is not None and page not in nav.pages
        section = section_of(page.url, nav.pages) if detail else None
        if section is not None:
            section.active = True
            self.marked = section
        context["oit_nav_trim"] = detail
        if detail and self.nav_urls is None:
            self.nav_urls = [p.url for p in nav.pages]
        key = menu_key(page.url, section, self.nav_urls) if detail else None
        context["oit_menu_once"] = functools.partial(self._menu_once, key) if key is not None else None
        if self.titles is None and self.files is not None:
            self.titles = {f.page.url: f.page.title for f in self.files.documentation_pages()
                           if f.page is not None and f.page.title}
        context["oit_breadcrumbs"] = breadcrumbs(page.url, self.titles or {}, "หน้าแรก")

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        self._untranslate()  # MkDocs' page and link checks are over; its own summary stays as it is
        self._save_workbooks(Path(config.site_dir))
        # The search worker has indexed the pages as they were built: wait for it to write the files.
        feed, self.search = self.search or SearchFeed(self._unsearched()), None
        if self.kept is not None:
            self._keep(Path(config.site_dir))
        if not self.defer_search:
            feed.finish(Path(config.site_dir), reread=self.dirty)
        # Nothing render-blocking a first paint does not need, no sitemap.xml fetch, no unused files.
        pruned = prune_site(Path(config.site_dir), self.used)
        log.info("assets: %d unused files removed (%d KB)", pruned.files, pruned.bytes // 1024)
        for rel in pruned.kept:
            log.warning("assets: %s is referred to by a page, so it was kept", rel)
        if self.staging is not None and self.staging.finish(config.strict):
            config.site_dir = str(self.staging.final)  # what gh-deploy and later steps read
            log.info("site published to %s", self.staging.final)
            self.staging = None

    def _save_workbooks(self, site: Path) -> None:
        """The workbooks written beside the build, over the empty files MkDocs put in their place."""
        for book, data in zip(self.books, self.writer.result() if self.writer else []):
            if (site / book.src_uri).is_file():  # MkDocs copied its empty stand-in (an excluded one it did not)
                (site / book.src_uri).write_bytes(data)
        self.books, self.writer = [], None

    def _keep(self, site: Path) -> None:
        """Keep this build's pages for the next; remove what the last one wrote and this one did not."""
        pages = self._pages(self.files)
        stale = self.kept.commit(pages)
        remove(site, stale)
        self.memo.forget(stale)
        self.used |= self.memo.references({page.file.dest_uri for page in pages})  # the pages left as they were

    @staticmethod
    def _pages(files: Files) -> list:
        return [file.page for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
                if file.page is not None]

    def _menu_once(self, key: tuple, render) -> str:
        """The menu of the pages out of the nav that share `key` (navigation.menu_key), rendered once a build."""
        if (menu := self.menus.get(key)) is None:
            menu = self.menus[key] = render()
        return menu

    def on_build_error(self, *, error: Exception) -> None:
        self._untranslate()
        self._stop_converting()
        if self.writer is not None:
            self.writer.close()
        self.books, self.writer = [], None
        if self.kept is not None:
            self.kept.abandon()
        if self.search is not None:  # no index for a failed build: stop the worker now
            self.search.close()
            self.search = None
        if self.staging is not None:
            self.staging.abandon()
            self.staging = None

    def _unsearched(self) -> frozenset[str]:
        """The generated pages kept out of the site search (the home page, the sitemap), as index URLs."""
        return frozenset(p.url.lstrip("/") for p in self.result.pages
                         if isinstance(p, Page) and (p.meta.get("search") or {}).get("exclude"))

    def _untranslate(self) -> None:
        if self.translator is not None:
            self.translator.remove()
            self.translator = None

    def _revised(self, uri: str, config: MkDocsConfig) -> date | None:
        """The last change of the file a page comes from: its data file, or its Markdown file."""
        rel = self.sources.get(uri) or f"{Path(config.docs_dir).relative_to(self.root).as_posix()}/{uri}"
        if uri in self.sources and not self.sources[uri]:
            rel = self.config.data_dir  # pages drawn from all data (OIT index): the newest data change
        return self._changed(rel)

    def _changed(self, rel: str):
        if rel == self.config.data_dir:  # asked for every OIT page: worked out once a build
            return self.newest
        return changed_on(self.root, rel, self.changes)

    def _file(self, page: Page | Asset, config: MkDocsConfig) -> File:
        """A virtual file: detail pages out of the nav, edit links pointing at the data file."""
        if isinstance(page, Asset):  # a workbook not written yet is saved by on_post_build
            text = page.text if not isinstance(page.text, Table) else bytes(page.text) if page.text.written else b""
            return File.generated(config, page.src_uri, content=text)
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.src_uri, content=page.content(), inclusion=inclusion)
        if page.source and self.config.edit_data_uri:
            file.edit_uri = self.config.edit_data_uri.rstrip("/") + "/" + page.source
        return file


def _finished(page_html: str, dest: str) -> tuple[str, frozenset[str]]:
    """A page's final HTML and the site paths it refers to."""
    output = tune_page(join_numbers(page_html))
    return output, frozenset(references(output, dest))
