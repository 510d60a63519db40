"""The three search filters of a page, read from the built site: fiscal year, document kind, OIT item.

A page may say them itself in `<meta name="oit:fiscal-year|oit:kind|oit:kind-label|oit:items">`
tags; otherwise they come from where the page lives and what links to it:

- fiscal year: a year right after the family (`/archive/2568/`, `/oit/2568/o21/`, `/nogift/2568/report/`),
  or a link to such a year page of the page's own family or of the archive (a document's
  `/archive/2568/`, a policy's `/policies/2568/`);
- kind: `/archive/<kind>/`, and a document page's link to its kind's archive (the link text is the label);
- OIT item: the item page `/oit/<year>/o<NN>/` itself and every page its evidence list links to.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from generator.search.extract import PageText

_YEAR_URL = re.compile(r"^([a-z0-9-]+)/(25\d\d)/")  # B.E. fiscal years: 25xx
_ARCHIVE = re.compile(r"^archive/([^/]+)/$")
_ITEM_URL = re.compile(r"^oit/(\d{4})/o(\d+)/$")


@dataclass
class Facets:
    """Filter values per page URL, and the Thai label of each value."""

    years: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kinds: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    items: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    kind_labels: dict[str, str] = field(default_factory=dict)
    item_labels: dict[str, str] = field(default_factory=dict)

    def of(self, url: str) -> dict[str, list[str]]:
        """The filters of a page: `{"year": [...], "kind": [...], "item": [...]}`, empty ones left out."""
        found = {"year": self.years.get(url), "kind": self.kinds.get(url), "item": self.items.get(url)}
        return {name: sorted(values) for name, values in found.items() if values}

    def labels(self, url: str) -> dict[str, object]:
        """What a result card shows under its title: fiscal years and kind label."""
        card: dict[str, object] = {}
        if years := self.years.get(url):
            card["years"] = sorted(years, reverse=True)
        if kinds := self.kinds.get(url):
            card["kind"] = " · ".join(self.kind_labels.get(k, k) for k in sorted(kinds))
        return card

    def options(self) -> dict[str, list[dict[str, object]]]:
        """Every filter value with its label and page count, for the filter menus."""
        def count(values: dict[str, set[str]]) -> dict[str, int]:
            totals: dict[str, int] = defaultdict(int)
            for page_values in values.values():
                for value in page_values:
                    totals[value] += 1
            return totals

        years = count(self.years)
        kinds = count(self.kinds)
        items = count(self.items)
        return {
            "year": [{"value": y, "label": y, "count": n} for y, n in sorted(years.items(), reverse=True)],
            "kind": [{"value": k, "label": self.kind_labels.get(k, k), "count": n} for k, n in sorted(kinds.items())],
            "item": [{"value": i, "label": self.item_labels.get(i, i), "year": i.split("/")[0], "count": n}
                     for i, n in sorted(items.items(), key=lambda kv: _item_order(kv[0]))],
        }


def _item_order(key: str) -> tuple[int, int]:
    """`2568/O21` sorts by year (newest first), then by number."""
    year, number = key.split("/")
    return -int(year), int(number.lstrip("Oo") or 0)


def derive_facets(pages: list[PageText]) -> Facets:
    """The filters of every page, from its own meta tags or from URLs and links (module docstring)."""
    facets = Facets()
    for page in pages:
        if "fiscal-year" in page.meta:
            facets.years[page.url].update(page.meta["fiscal-year"].split())
        elif match := _YEAR_URL.match(page.url):
            facets.years[page.url].add(match[2])
        else:
            family = page.url.split("/", 1)[0]
            facets.years[page.url].update(m[2] for target, _ in page.links if (m := _YEAR_URL.fullmatch(target))
                                          and m[1] in (family, "archive"))
        if "kind" in page.meta:
            facets.kinds[page.url].update(page.meta["kind"].split())
            if "kind-label" in page.meta:
                facets.kind_labels.setdefault(page.meta["kind"].split()[0], page.meta["kind-label"])
        elif (match := _ARCHIVE.match(page.url)) and not match[1].isdigit():
            facets.kinds[page.url].add(match[1])
        if "items" in page.meta:
            facets.items[page.url].update(page.meta["items"].split())
        if page.url.startswith("documents/"):
            _document_facets(facets, page)
        if match := _ITEM_URL.match(page.url):
            _item_facets(facets, page, f"{match[1]}/O{int(match[2])}")
    return facets


def _document_facets(facets: Facets, page: PageText) -> None:
    """A document page links to the archive of its fiscal year and of its kind."""
    for target, text in page.links:
        if (match := _ARCHIVE.match(target)) and not match[1].isdigit():
            if "kind" not in page.meta:
                facets.kinds[page.url].add(match[1])
            facets.kind_labels.setdefault(match[1], text)


def _item_facets(facets: Facets, page: PageText, key: str) -> None:
    """An OIT item page belongs to its item, and so does every page it gives as evidence."""
    facets.item_labels[key] = page.title
    if "items" in page.meta:
        return
    facets.items[page.url].add(key)
    for target, _ in page.links:
        if target and not target.startswith(("oit/", "files/", "search/")) and target.endswith("/"):
            facets.items[target].add(key)
