"""A page's Markdown read the way MkDocs reads it: front matter, then links and anchors after rendering.

The link check (generator/pipeline/links.py) finds candidate links with a regular expression, which is fast
but cannot know Markdown's rules (code blocks, escapes, raw HTML, footnotes). Only a page where a
candidate looks broken is rendered here, with the office's own Markdown extensions, and only what
Python-Markdown really makes a link is then reported. Anchors come from the same rendering: every
`id` in the rendered tree and in raw HTML, as MkDocs collects them (mkdocs/structure/pages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor

# mkdocs/utils/meta.py (1.6): YAML front matter, or MultiMarkdown `key: value` lines at the top.
_YAML = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def body_offset(text: str) -> int:
    """Where the Markdown of a page starts, after its front matter (without reading the YAML)."""
    if match := _YAML.match(text):
        return match.end()
    return split_front_matter(text)[1] if _META.match(text) else 0


def split_front_matter(text: str) -> tuple[dict[str, Any], int]:
    """The page's metadata as MkDocs reads it, and the offset where its Markdown starts."""
    if match := _YAML.match(text):
        try:
            data = yaml.load(match[1], Loader=_SafeLoader)
        except Exception:  # as MkDocs does: a date such as 2025-02-30 raises ValueError, not YAMLError
            return {}, 0
        return (data, match.end()) if isinstance(data, dict) else ({}, 0)
    data: dict[str, Any] = {}
    key, offset = None, 0
    for line in text.splitlines(keepends=True):
        if not line.strip():
            return data, offset + len(line) if data else 0
        if m := _META.match(line):
            key = m["key"].lower().strip()
            data[key] = f"{data[key]} {m['value'].strip()}" if key in data else m["value"].strip()
        elif key and (m := _META_MORE.match(line)):
            data[key] = f"{data[key]} {m['value'].strip()}"
        else:
            return ({}, 0) if not data else (data, offset)
        offset += len(line)
    return data, offset if data else 0


@dataclass(frozen=True)
class Rendered:
    """What MkDocs sees in one rendered page: link and image targets in order, and anchor ids."""

    links: tuple[str, ...]
    ids: frozenset[str]


class _Collector(Treeprocessor):
    """Registered last (priority 0, like MkDocs' own link rewriter), after `toc` has set the ids."""

    def run(self, root):
        self.links: list[str] = []
        self.ids: set[str] = set()
        for element in root.iter():
            if anchor := element.get("id"):
                self.ids.add(anchor)
            if element.tag == "a":
                if name := element.get("name"):
                    self.ids.add(name)
                if (href := element.get("href")) is not None:
                    self.links.append(href)
            elif element.tag == "img" and (src := element.get("src")) is not None:
                self.links.append(src)
        return root


class _RawIds(HTMLParser):
    """`id=` (and `name=` on `<a>`) in raw HTML, which Python-Markdown stashes away from the tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.ids.add(value)


class Renderer:
    """One Python-Markdown instance with the office's extensions, reused for every page it renders."""

    def __init__(self, extensions: tuple[str, ...], configs: dict[str, dict]) -> None:
        try:
            self._md = markdown.Markdown(extensions=list(extensions), extension_configs=configs)
        except Exception:  # an extension that cannot load: MkDocs refuses the config and says why
            self._md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
        self._collector = _Collector(self._md)
        self._md.treeprocessors.register(self._collector, "generator_links", 0)
        self._cache: dict[str, Rendered] = {}

    def render(self, key: str, text: str) -> Rendered:
        """The links and ids of the page `key` (cached: a page is rendered at most once per check)."""
        if key not in self._cache:
            self._md.reset()
            try:
                self._md.convert(text)
                links, ids = tuple(self._collector.links), set(self._collector.ids)
            except Exception:  # an extension's own failure: MkDocs reports it when it builds the page
                links, ids = (), set()
            raw = _RawIds()
            if "<" in text:
                raw.feed(text)
                raw.close()
            self._cache[key] = Rendered(links, frozenset(ids | raw.ids))
        return self._cache[key]
