"""A generated page (`Page`), a generated file (`Asset`) and `page()`, the one way a builder makes a page.

Each family's builders (registered in generator/families/registry.py) return these; the pipeline
collects them (generator/pipeline/pages.py) and the MkDocs glue adds them to the site.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from typing import Any

from generator.engine.render import render
from generator.engine.workbook import Table


@dataclass(frozen=True)
class Page:
    """A page to add to the site: where it lives, its Markdown and its front matter.

    `src_uri` is docs-relative (`archive/2568.md` → URL `/archive/2568/`). Detail pages set
    `in_nav=False` so that thousands of them never enter the navigation MkDocs renders into every
    page. `source` is the data file the page is made from, used for the edit link.
    """

    src_uri: str
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    source: str | None = None

    @property
    def url(self) -> str:
        """The page's URL path, as MkDocs gives it with directory URLs."""
        path = self.src_uri.removesuffix(".md")
        path = path.removesuffix("index") if path.endswith("/index") or path == "index" else path + "/"
        return "/" + path

    def content(self) -> str:
        """The Markdown file MkDocs reads: YAML front matter, then the body."""
        # MkDocs themes print `page.title` without escaping it, so it is stored escaped.
        meta = {"title": html.escape(self.title, quote=False), **self.meta}
        # JSON is valid YAML and ten times quicker to write than PyYAML's dump (thousands of pages).
        front = json.dumps(meta, ensure_ascii=False)
        return f"---\n{front}\n---\n\n{self.markdown}"


    @property
    def topics(self) -> list[str]:
        """The topic keys this page is evidence for."""
        return list(self.meta.get("topics") or [])


@dataclass(frozen=True)
class Asset:
    """A generated file that is not a page (a CSV, JSON or XLSX export), copied to the site as it is."""

    src_uri: str
    text: str | bytes | Table  # a workbook is a Table until it is written (`bytes(table)`)


def page(src_uri: str, template: str, title: str, *, topics: list[str] | tuple[str, ...] = (),
         period: str | None = None, in_nav: bool = False, source: str | None = None, noindex: bool = False,
         searched: bool = True, **context: Any) -> Page:
    """Render `template` into a Page; the one way every builder makes its pages.

    `noindex` keeps a page out of the site search and asks search engines to do the same (a notice
    that an item was withdrawn is no answer to a search). `searched=False` keeps a page out of the
    site search only: the home page and the sitemap name every section, so they would answer every
    query without being what anyone searched for, yet search engines should still find them.
    """
    markdown = render(template, src_uri, title=title, **context)
    meta = {"topics": list(topics), "period": period, **({"robots": "noindex"} if noindex else {}),
            **({} if searched else {"search": {"exclude": True}})}
    return Page(src_uri, title, markdown, meta, in_nav, source)
