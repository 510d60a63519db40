"""Atom feeds: valid XML, absolute links, newest first, only what is published, always escaped."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from generator.families.news import feeds
from generator.families.news.model import NewsPost

A = "{http://www.w3.org/2005/Atom}"


def entries(xml: str) -> list[ET.Element]:
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    return root.findall(f"{A}entry")


def test_site_feed_parses_with_absolute_links_newest_first(example_site):
    xml = example_site.path("/feed.xml").read_text(encoding="utf-8")
    root = ET.fromstring(xml)
    assert root.findtext(f"{A}title") == "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://www.spp-example1.go.th/feed.xml"
    found = entries(xml)
    assert 0 < len(found) <= feeds.LIMIT
    hrefs = [e.find(f"{A}link").get("href") for e in found]
    assert all(h.startswith("https://www.spp-example1.go.th/") for h in hrefs)
    published = [e.findtext(f"{A}published") for e in found]
    assert published == sorted(published, reverse=True)
    assert published[0].endswith("T00:00:00+07:00")
    assert root.findtext(f"{A}updated") >= published[0]
    # News, documents and policies all appear, each at a URL the site really has.
    assert {h.split("/")[3] for h in hrefs} == {"news", "documents", "policies"}
    for href in hrefs:
        assert example_site.path("/" + href.split("/", 3)[3]).exists(), href


def test_news_feed_holds_published_news_only(example_site):
    found = entries(example_site.path("/news/feed.xml").read_text(encoding="utf-8"))
    urls = [e.findtext(f"{A}id") for e in found]
    assert len(urls) == 18 and all("/news/" in u for u in urls)
    assert urls[0] == "https://www.spp-example1.go.th/news/ethics-training-2570/"
    assert not any("draft" in u or "student-admission-2570" in u for u in urls)  # a draft, a post of 2570-01-18
    summary = found[0].findtext(f"{A}summary")
    assert summary.startswith("16 พฤศจิกายน 2569 · ")


def test_the_site_feed_has_no_draft_or_future_post(example_site):
    xml = example_site.path("/feed.xml").read_text(encoding="utf-8")
    assert "committee-meeting-draft" not in xml and "student-admission-2570" not in xml


def test_titles_from_data_are_escaped(site):
    post = NewsPost.model_construct(slug="x", title='<script>alert(1)</script> & "q"', date=date(2025, 5, 1),
                                    summary="a < b & c", topics=[], draft=False, image=None)
    assets = {a.src_uri: a.text for a in feeds.build(dataclasses.replace(site, news=(post,)))}
    xml = assets["news/feed.xml"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in xml and "<script>" not in xml
    [entry] = entries(xml)
    assert entry.findtext(f"{A}title") == '<script>alert(1)</script> & "q"'
    assert entry.findtext(f"{A}summary") == "1 พฤษภาคม 2568 · a < b & c"


def test_feeds_keep_the_newest_fifty(site):
    posts = tuple(NewsPost(slug=f"p{i}", title=f"ข่าว {i}", date=date(2025, 1, 1) + timedelta(days=i))
                  for i in range(60))
    assets = {a.src_uri: a.text for a in feeds.build(dataclasses.replace(site, news=posts))}
    found = entries(assets["news/feed.xml"])
    assert len(found) == feeds.LIMIT
    assert found[0].findtext(f"{A}title") == "ข่าว 59" and found[-1].findtext(f"{A}title") == "ข่าว 10"
    assert len(entries(assets["feed.xml"])) == feeds.LIMIT


def test_every_xml_output_parses_strictly(example_site):
    """Feeds, the sitemap and any other XML the build writes: a feed reader rejects a whole invalid feed."""
    outputs = sorted(example_site.site_dir.rglob("*.xml"))
    assert {p.relative_to(example_site.site_dir).as_posix() for p in outputs} >= {"feed.xml", "news/feed.xml",
                                                                                  "sitemap.xml"}
    for path in outputs:
        ET.parse(path)  # expat: refuses NUL, control characters and unescaped markup
