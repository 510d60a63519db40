"""Fast on a slow phone (generator/mkdocs/assets.py): what the built example ships and what a page loads.

No Lighthouse here (scripts/lighthouse.py, `make lighthouse`, figures in BENCHMARKS.md): these tests
check the causes Lighthouse found. The built site carries no source map and no Material lunr runtime,
no page refers to a file that is not there, nothing needed only for print or for an open search
blocks the first paint, and a page in Chromium requests neither `sitemap.xml` nor another host.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from generator.mkdocs.assets import prune_site, referenced, tune_page

# The home page, the OIT index of a year and a year's complaint statistics: the pages Lighthouse measures.
PAGES = ["/", "/oit/2568/", "/complaints/2567/"]


def test_no_source_maps_and_no_lunr_runtime(example_site):
    site = example_site.site_dir
    assert not list(site.rglob("*.map"))
    assert not (site / "assets/javascripts/lunr").exists()
    assert not (site / "assets/javascripts/workers").exists()
    assert not [p for p in site.rglob("*") if "wordcut" in p.name or p.name.startswith("lunr.")]
    for path in [*site.glob("assets/**/*.js"), *site.glob("assets/**/*.css")]:
        assert b"sourceMappingURL" not in path.read_bytes(), path


def test_every_page_reference_resolves(example_site):
    site = example_site.site_dir
    missing = sorted(rel for rel in referenced(site)
                     if not (site / rel).is_file() and not (site / rel / "index.html").is_file())
    assert not missing
    for page in site.rglob("*.html"):  # Material's config no longer names its search worker
        assert "javascripts/workers/" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("url", PAGES)
def test_head_blocks_only_on_what_a_first_paint_needs(example_site, url):
    html = example_site.html(url)
    assert re.search(r'<script src="[^"]*/bundle\.[0-9a-f]+\.min\.js" defer>', html)
    assert re.search(r'href="[^"]*assets/stylesheets/print\.css" media="print"', html)
    assert re.search(r'href="[^"]*assets/stylesheets/search\.css" media="print" onload=', html)
    # Every classic script is deferred or a module; no stylesheet but the layout's blocks.
    for tag in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html):
        assert " defer" in tag or 'type="module"' in tag, tag
    # The feed stays discoverable, as an `alternate` link Material's selector does not take for a language.
    assert re.search(r'<link rel="alternate " type="application/atom\+xml"[^>]*href="[^"]*feed\.xml"', html)
    assert not re.search(r'<link rel="alternate"', html)


def test_tune_page_is_idempotent_and_leaves_other_links():
    page = ('<link rel="stylesheet" href="../assets/stylesheets/print.css">'
            '<link rel="stylesheet" href="../assets/stylesheets/oit.css">'
            '<link rel="alternate" href="../en/" hreflang="en">'
            '<link rel="alternate" type="application/atom+xml" title="t" href="../feed.xml">'
            '<script id="__config" type="application/json">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
            '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>')
    once = tune_page(page)
    assert tune_page(once) == once
    assert '<link rel="stylesheet" href="../assets/stylesheets/oit.css">' in once
    assert '<link rel="alternate" href="../en/" hreflang="en">' in once  # a real language stays Material's
    assert '"search": null' in once and 'bundle.a5f9d56c.min.js" defer' in once


def test_prune_keeps_a_file_a_page_refers_to(tmp_path: Path):
    (tmp_path / "assets/javascripts/lunr/min").mkdir(parents=True)
    (tmp_path / "assets/javascripts/lunr/min/lunr.th.min.js").write_text("x")
    (tmp_path / "assets/javascripts/lunr/wordcut.js").write_text("x")
    (tmp_path / "assets/javascripts/app.js").write_text("code\n//# sourceMappingURL=app.js.map\n")
    (tmp_path / "assets/javascripts/app.js.map").write_text("{}")
    (tmp_path / "page").mkdir()
    (tmp_path / "page/index.html").write_text('<script src="../assets/javascripts/lunr/wordcut.js"></script>')
    result = prune_site(tmp_path)
    assert result.kept == ["assets/javascripts/lunr/wordcut.js"]
    assert result.files == 2
    assert not (tmp_path / "assets/javascripts/lunr/min").exists()
    assert (tmp_path / "assets/javascripts/app.js").read_text() == "code\n"


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES)
def test_a_page_requests_no_sitemap_and_no_other_host(browser, server, url):
    requests: list[str] = []
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(server + url, wait_until="networkidle")
        page.wait_for_timeout(500)  # Material's observables fire after load
    finally:
        page.close()
    here = urlsplit(server).netloc
    assert not [r for r in requests if urlsplit(r).path.endswith("sitemap.xml")]
    assert not [r for r in requests if urlsplit(r).scheme in ("http", "https") and urlsplit(r).netloc != here]
