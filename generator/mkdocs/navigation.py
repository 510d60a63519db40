"""Where a page sits: its section marked in the menu and a breadcrumb, for pages the nav leaves out.

The nav names the index page of each family; the pages under it (`/oit/2568/o12/`, a procurement
month, a news post) are out of the nav by design (DESIGN.md idea 8), so Material marked no section
on them. The section is the nav page whose URL is the longest prefix of the page's URL; marking it
`active` for the page's rendering makes Material open its group and highlight it, as it does for a
page in the nav. The breadcrumb is made from the URL and the titles of the pages on the way:
home → section → year → item. Duck-typed on MkDocs' page and nav objects: nothing is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True)
class Crumb:
    title: str  # as MkDocs holds page titles here: already escaped text
    url: str    # site-relative, "" for the home page


def section_of(url: str, nav_pages: Iterable[Any]) -> Any | None:
    """The nav page whose URL is the longest proper prefix of `url` (never the home page), or None."""
    best = None
    for candidate in nav_pages:
        prefix = candidate.url
        if prefix and prefix != url and url.startswith(prefix) and prefix.endswith("/"):
            if best is None or len(prefix) > len(best.url):
                best = candidate
    return best


def breadcrumbs(url: str, titles: dict[str, str], home: str) -> list[Crumb]:
    """home → each ancestor that is a page → the page itself; empty above two levels deep.

    `titles` maps a page URL ("oit/2568/") to its title; an ancestor URL that is no page is left out.
    """
    parts = [p for p in url.split("/") if p]
    if len(parts) < 2:
        return []
    crumbs = [Crumb(home, "")]
    for depth in range(1, len(parts) + 1):
        prefix = "/".join(parts[:depth]) + ("/" if url.endswith("/") or depth < len(parts) else "")
        if prefix in titles:
            crumbs.append(Crumb(titles[prefix], prefix))
    return crumbs if len(crumbs) > 2 else []


def menu_key(url: str, section: Any | None, nav_urls: Iterable[str]) -> tuple | None:
    """Which pages out of the nav carry the same menu, byte for byte: one key for all of them, or None.

    On such a page the menu depends only on the section marked (its group open, the others trimmed)
    and on where the page sits, since every link is relative to it: pages in the same folder get the
    same links, unless a link points inside the page's own URL (then None: the menu is made for it
    alone). A 1× office's 4,000 detail pages share about a hundred menus (plugin.py renders each once).
    """
    folder, _, _ = url.rstrip("/").rpartition("/")
    if any(link.startswith(url) for link in nav_urls):
        return None
    return (id(section), folder, url.endswith("/"))
