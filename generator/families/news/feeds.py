"""Atom 1.0 feeds: `/feed.xml` (news, documents and policies) and `/news/feed.xml` (news only).

A citizen or a journalist follows the office in a feed reader instead of checking the site. The
XML is built with ElementTree, which escapes every text and attribute, so a title from data can
never break the feed. Dates are the records' own (Bangkok time), never the build time, so an
unchanged site gives byte-identical feeds. Links are absolute from MkDocs' `site_url`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from generator.base.calendar import format_thai_date
from generator.families.documents.model import Document
from generator.families.news.model import NewsPost
from generator.engine.pages import Asset
from generator.families.policies.model import POLICY_KINDS, Policy
from generator.engine.render import digit_style
from generator.engine.site import Site
from generator.base.topics import TOPICS
from generator.base.vocabulary import DOCUMENT_KINDS

ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50  # entries per feed: readers poll often, and the archive pages hold the rest
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_OFFSET = "+07:00"  # Asia/Bangkok has no daylight saving time


@dataclass(frozen=True)
class Entry:
    """One feed entry: a site-relative URL, dates and plain text (escaped when written)."""

    title: str
    url: str
    published: date
    summary: str
    categories: tuple[tuple[str, str], ...] = ()  # (term, label)
    updated: date | None = None


def build(site: Site) -> list[Asset]:
    """The site feed and the news feed, as files the plugin writes."""
    name = site.office.name_th if site.office else ""
    news = [news_entry(post) for post in site.news]
    # An undated document or policy has no moment in a feed of what is new: it stays on its pages.
    everything = (news + [_document_entry(site, d) for d in site.documents if d.publication_date]
                  + [_policy_entry(p) for p in site.policies if p.publication_date])
    return [
        Asset("feed.xml", atom(site, "feed.xml", "", name, newest(everything))),
        Asset("news/feed.xml", atom(site, "news/feed.xml", "news/", f"ข่าวประชาสัมพันธ์ {name}", newest(news))),
    ]


def newest(entries: list[Entry]) -> list[Entry]:
    """The newest LIMIT entries, newest first (ties in URL order, so the output is stable)."""
    by_url = sorted(entries, key=lambda e: e.url)
    return sorted(by_url, key=lambda e: e.published, reverse=True)[:LIMIT]


def news_entry(post: NewsPost) -> Entry:
    """A news post as an entry; the summary starts with its Thai B.E. date."""
    return Entry(post.title, f"news/{post.slug}/", post.date, _summary(post.date, post.summary),
                 tuple((t, TOPICS[t][0]) for t in post.all_topics))


def _document_entry(site: Site, doc: Document) -> Entry:
    kind = DOCUMENT_KINDS[doc.kind][0]
    changed = [c.date for c in doc.changes if c.date <= site.today]
    return Entry(doc.title_th, f"documents/{doc.id}/", doc.publication_date,
                 _summary(doc.publication_date, kind, doc.summary_th), ((doc.kind, kind),),
                 max([doc.publication_date, *changed]))


def _policy_entry(policy: Policy) -> Entry:
    kind = POLICY_KINDS[policy.kind][0]
    return Entry(policy.title_th, f"policies/{policy.id}/", policy.publication_date,
                 _summary(policy.publication_date, kind, policy.number_th), ((policy.kind, kind),))


def _summary(when: date, *parts: str | None) -> str:
    return " · ".join([format_thai_date(when, "full", digit_style()), *(p for p in parts if p)])


def atom(site: Site, self_uri: str, home_uri: str, title: str, entries: list[Entry]) -> str:
    """An Atom document: the feed's own and home links, then one `<entry>` per item."""
    feed = ET.Element("feed", {"xmlns": ATOM, _XML_LANG: "th"})
    _add(feed, "title", title)
    _add(feed, "id", site.absolute(self_uri))
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=site.absolute(self_uri))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=site.absolute(home_uri))
    _add(feed, "updated", _rfc3339(max((e.updated or e.published for e in entries), default=site.today)))
    _add(ET.SubElement(feed, "author"), "name", site.office.name_th if site.office else title)
    for item in entries:
        entry = ET.SubElement(feed, "entry")
        _add(entry, "title", item.title)
        _add(entry, "id", site.absolute(item.url))
        ET.SubElement(entry, "link", rel="alternate", type="text/html", href=site.absolute(item.url))
        _add(entry, "published", _rfc3339(item.published))
        _add(entry, "updated", _rfc3339(item.updated or item.published))
        _add(entry, "summary", item.summary, type="text")
        for term, label in item.categories:
            ET.SubElement(entry, "category", term=term, label=label)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _add(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _rfc3339(day: date) -> str:
    """Midnight of `day` in Bangkok, as Atom wants a date-time: `2025-03-15T00:00:00+07:00`.

    A month-dated document (base/month_dates.py) gives its month's first day, the day it may appear.
    """
    return f"{day:%Y-%m-%d}T00:00:00{_OFFSET}"
