"""What a page loads on a slow phone: only what it needs, and nothing that blocks its first paint.

Two steps (issue 19, "fast on a slow phone"):

- `tune_page` rewrites the head of every page as MkDocs renders it (the plugin's on_post_page, and
  on_post_template for 404.html), so no page is read back from disk for it. Material's `bundle.js` is deferred (it
  waits for DOMContentLoaded anyway); `print.css` applies to print only; the site search's styles
  load without blocking (they style the results panel, which opens only on a click). The Atom feed
  link keeps its autodiscovery but no longer matches Material's `link[rel=alternate]`: Material
  takes every such link for another language of the site and fetches `sitemap.xml` next to it
  (`new URL("sitemap.xml", link.href)`), which made every page download the whole sitemap.
  The worker path in Material's `__config` points at its lunr search, which the site never runs
  (no form named "search"; the site search is generator/search): it is cleared.
- `prune_site` removes from the built site what no page uses: Material's lunr search runtime
  (`assets/javascripts/lunr/`, `assets/javascripts/workers/`, about 900 KB with `wordcut.js`) and
  every source map (`*.map`, 1.3 MB), and the `sourceMappingURL` comments that name those maps.
  A file some page still refers to is kept, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.pipeline.built_site import references

# Folders of Material's lunr search: never loaded, since no form is named "search".
UNUSED_DIRS = ("assets/javascripts/lunr", "assets/javascripts/workers")

_BUNDLE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
_PRINT_CSS = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/print\.css)">')
_SEARCH_CSS = re.compile(r'<link rel="stylesheet" href="([^"]*assets/stylesheets/search\.css)">')
# rel="alternate " (a trailing space): the same token list to feed readers and validators, which split
# rel on spaces, but not the exact value Material's `link[rel=alternate]` selector matches. (A second
# token such as "feed" would do too, but "feed" is not a registered link type: validators reject it.)
_FEED = re.compile(r'<link rel="alternate" (type="application/(?:atom|rss)\+xml")')
_WORKER = re.compile(r'"search":\s*"[^"]*assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
_SOURCE_MAP = re.compile(rb"\n?(?://# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^*]*\*/)\s*$")


def tune_page(output: str) -> str:
    """The page's HTML with its render-blocking and wasteful loads removed (see the module doc)."""
    output = _BUNDLE.sub(r'<script src="\1" defer></script>', output, count=1)
    output = _PRINT_CSS.sub(r'<link rel="stylesheet" href="\1" media="print">', output, count=1)
    output = _SEARCH_CSS.sub(
        r'<link rel="stylesheet" href="\1" media="print" onload="this.media=&#39;all&#39;">', output, count=1)
    output = _FEED.sub(r'<link rel="alternate " \1', output)
    return _WORKER.sub('"search": null', output, count=1)


@dataclass
class Pruned:
    files: int = 0
    bytes: int = 0
    kept: list[str] = field(default_factory=list)  # unused in name, yet referred to by a page


def unused_files(site: Path) -> list[Path]:
    """Material's lunr runtime and every source map inside the built site."""
    found = [path for folder in UNUSED_DIRS if (site / folder).is_dir()
             for path in (site / folder).rglob("*") if path.is_file()]
    return sorted({*found, *(p for p in site.rglob("*.map") if p.is_file())})


def referenced(site: Path) -> set[str]:
    """Every site path a written page's `src` or `href` names (for a site built elsewhere, and tests)."""
    names: set[str] = set()
    for page in site.rglob("*.html"):
        names |= references(page.read_text(encoding="utf-8", errors="replace"),
                            page.relative_to(site).as_posix())
    return names


def prune_site(site: Path, used: set[str] | None = None) -> Pruned:
    """Remove the unused runtime and source maps; drop the comments that name the maps.

    `used`: the paths the pages refer to, as collected while rendering; read from the site if not given."""
    result = Pruned()
    used = referenced(site) if used is None else used
    for path in unused_files(site):
        rel = path.relative_to(site).as_posix()
        if rel in used:
            result.kept.append(rel)
            continue
        result.files += 1
        result.bytes += path.stat().st_size
        path.unlink()
    for folder in UNUSED_DIRS:
        for directory in sorted((site / folder).rglob("*"), reverse=True) if (site / folder).is_dir() else ():
            if directory.is_dir() and not any(directory.iterdir()):
                directory.rmdir()
        if (site / folder).is_dir() and not any((site / folder).iterdir()):
            (site / folder).rmdir()
    for path in [*site.glob("assets/**/*.js"), *site.glob("assets/**/*.css")]:
        data = path.read_bytes()
        if b"sourceMappingURL=" in data[-300:]:
            stripped = _SOURCE_MAP.sub(b"\n", data)
            if stripped != data:
                path.write_bytes(stripped)
    return result
