"""Site search (generator/search + generator/theme/assets/javascripts/search.js).

Fast tests check the Python side: normalisation, tokens, reading built pages, the filters. Browser
tests (marked `browser`) run the whole query set of tests/search/queries.yml through the real
search box of the example site in Chromium at phone width.
"""

from __future__ import annotations

import gzip
import itertools
import json
import multiprocessing
import shutil
from pathlib import Path

import pytest
import yaml

from generator.search import IndexWorker, SearchError, build_index
from generator.search.extract import read_page, resolve
from generator.search.facets import derive_facets
from generator.search.normalize import normalise, runs, thai_tokens, tokens
from generator.search.postings import Postings, bucket_of, token_file
from tests.search.runner import Browser, OurSearch, evaluate, load_queries, recall_by_category, served

VECTORS = yaml.safe_load((Path(__file__).parent / "normalise.yml").read_text(encoding="utf-8"))
# Categories held to the bar; `known_limits` documents what substring matching cannot do (see the file).
BAR = 0.95


@pytest.mark.parametrize("case", VECTORS, ids=lambda case: case["text"][:20])
def test_normalise_and_runs(case):
    assert normalise(case["text"]) == case["normalised"]
    assert [piece for _, piece in runs(normalise(case["text"]))] == case["runs"]


def test_a_thai_run_becomes_overlapping_bigrams_of_ascii_tokens():
    assert thai_tokens("ของ") == ["_0219", "_1907"]   # ขอ อง: U+0E02 U+0E2D, U+0E2D U+0E07 in base 36
    assert thai_tokens("ณ") == ["_0j"]                # one character: a prefix of every bigram it starts
    assert all(t.isascii() for t in tokens("ผู้อำนวยการ"))
    # The word of a query is a run of consecutive tokens of the page: that is the whole trick.
    page, word = tokens("นโยบายการไม่รับของขวัญและของกำนัล"), tokens("ของขวัญ")
    assert any(page[i:i + len(word)] == word for i in range(len(page)))


def test_thai_and_arabic_digits_and_abbreviation_dots_give_the_same_tokens():
    assert tokens("พ.ศ. ๒๕๖๘") == tokens("พศ 2568")
    assert tokens("สพป.") == tokens("สพป")
    assert tokens("No Gift") == tokens("no gift")


def test_postings_hold_positions_title_first_and_rare_tokens_in_buckets(tmp_path):
    postings = Postings()
    postings.add("ของขวัญ", "ไม่รับของขวัญ")
    postings.add("อื่น", "No Gift")
    postings.write(tmp_path, {"year": {"2568": [0]}})
    manifest = json.loads(gzip.decompress((tmp_path / "manifest.json.gz").read_bytes()))
    assert manifest["titles"] == [6, 3] and manifest["lengths"] == [19, 6]
    # Rare tokens share buckets: find "gift" (page 1, position 5: after the title and the gap).
    bucket = (tmp_path / "b" / str(bucket_of("gift", manifest["buckets"]))).read_bytes()
    assert bucket[:2] == b"\x1f\x8b"  # every bucket and token file is gzip; the browser inflates it
    bucket = gzip.decompress(bucket)
    assert b"\x04gift\x03\x01\x01\x05" in bucket  # name length, name, data length, page gap, count, position
    assert token_file("gift") == "gift" and token_file("é") == "~c3a9"


def test_a_built_page_is_read_without_navigation_or_permalinks():
    html = """<html><head><title>t - site</title><meta name="oit:fiscal-year" content="2568"></head><body>
    <nav>เมนู</nav><article class="md-content__inner md-typeset">
    <h1 id="x">ประกาศ<a class="headerlink" href="#x">&para;</a></h1><p>ไม่รับของขวัญ</p>
    <table><tr><td>ประเภท</td><td><a href="../../archive/declaration/">ประกาศเจตนารมณ์</a></td></tr></table>
    <aside class="md-source-file">ปรับปรุงล่าสุด</aside></article></body></html>"""
    page = read_page("documents/x/", html)
    assert page.title == "ประกาศ"
    assert page.text == "ไม่รับของขวัญ\nประเภท\nประกาศเจตนารมณ์"
    assert page.links == [("archive/declaration/", "ประกาศเจตนารมณ์")]
    assert page.meta == {"fiscal-year": "2568"}


def test_links_resolve_against_the_page():
    assert resolve("documents/x/", "../../archive/2568/") == "archive/2568/"
    assert resolve("oit/2568/o1/", "../") == "oit/2568/"
    assert resolve("", "office/") == "office/"
    assert resolve("documents/x/", "https://example.org/") is None


def test_filters_come_from_urls_and_the_links_of_document_and_item_pages():
    doc = read_page("documents/d/", '<article class="md-content__inner"><h1>d</h1>'
                    '<a href="../../archive/declaration/">ประกาศเจตนารมณ์</a><a href="../../archive/2568/">2568</a>'
                    "</article>")
    item = read_page("oit/2568/o31/", '<article class="md-content__inner"><h1>O31 ประกาศ</h1>'
                     '<a href="../">ปี</a><a href="../../../documents/d/">d</a></article>')
    facets = derive_facets([doc, item])
    assert facets.of("documents/d/") == {"year": ["2568"], "kind": ["declaration"], "item": ["2568/O31"]}
    assert facets.of("oit/2568/o31/") == {"year": ["2568"], "item": ["2568/O31"]}
    options = facets.options()
    assert options["kind"] == [{"value": "declaration", "label": "ประกาศเจตนารมณ์", "count": 1}]
    assert options["item"][0]["label"] == "O31 ประกาศ"


def test_the_example_site_has_its_search_index(example_site):
    search = example_site.site_dir / "search"
    manifest = json.loads(gzip.decompress((search / "manifest.json.gz").read_bytes()))
    shards = [json.loads(gzip.decompress(p.read_bytes())) for p in sorted((search / "cards").glob("*.json.gz"))]
    # One card per page, in shards: fewer files than pages.
    assert sum(map(len, shards)) == manifest["pages"] > 150 and len(shards) == len(manifest["cards"]) < 0.8 * manifest["pages"]
    url, title, text, years, kind = shards[0][0]
    assert url is not None and title
    # Every token of a page can be found again, in its own file or in its bucket.
    assert all((search / "t" / token_file(t)).stat().st_size == size for t, size in manifest["large"].items())
    assert len(list((search / "b").iterdir())) == manifest["buckets"]
    assert [o["value"] for o in manifest["options"]["year"]] == ["2570", "2569", "2568", "2567", "2566"]
    assert set(manifest["filters"]["kind"]["procurement-plan"]) <= set(range(manifest["pages"]))
    assert "search/search_index.json" not in {p.relative_to(example_site.site_dir).as_posix()
                                             for p in example_site.site_dir.rglob("*.json")}
    html = example_site.html("/")
    assert 'data-oit-search' in html and 'name="search"' not in html  # ours, not Material's


# ----- In the browser ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site_url(example_site):
    with served(example_site.site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def phone(browser, site_url):
    with Browser.open(browser, site_url, width=360) as page:
        yield page


@pytest.mark.browser
def test_every_query_category_reaches_recall_at_5_of_095(phone):
    outcomes = evaluate(OurSearch(phone, "/office/"), load_queries())
    failed = [f"{o.query.category}: {o.query.text!r}: {o.why}" for o in outcomes if not o.passed]
    recall = recall_by_category(outcomes)
    low = {c: f"{p}/{n}" for c, (p, n) in recall.items() if c != "known_limits" and p / n < BAR}
    assert not low, f"recall@5 below {BAR}: {low}\n" + "\n".join(failed)
    assert len(outcomes) >= 40
    # Known limits: extra pages, but the wanted one in the top 5 (or no result and a split query
    # offered, test_a_split_query_is_offered_when_words_typed_together_are_not_found).
    for o in outcomes:
        if o.query.category == "known_limits" and o.urls:
            assert o.query.found(o.urls), o.why
    assert phone.hosts == {phone.base.removeprefix("http://")}, "a request left 127.0.0.1"


@pytest.mark.browser
def test_javascript_normalises_like_python(phone):
    phone.page.goto(phone.base + "/")
    phone.page.wait_for_function("window.oitSearch")
    got = phone.page.evaluate("""async cases => {
        const m = await import(new URL("assets/javascripts/search-core.js", location.href).href);
        return cases.map(c => [m.normalise(c.text), m.runs(m.normalise(c.text)).map(r => r[1]), m.tokens(c.text)]);
    }""", VECTORS)
    assert got == [[c["normalised"], c["runs"], tokens(c["text"])] for c in VECTORS]


@pytest.mark.browser
def test_keyboard_opens_searches_and_follows_a_result(phone):
    page = phone.page
    page.goto(phone.base + "/office/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-oit-search-query]')")
    page.keyboard.type("ของขวัญ")
    page.wait_for_function("document.querySelector('[data-oit-search-result]').dataset.oitQuery === 'ของขวัญ'")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert "nogift" in first  # the No Gift pages: ของขวัญ is in their titles
    assert page.locator(".md-search-result__item mark").first.inner_text() == "ของขวัญ"
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    page.keyboard.press("s")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


@pytest.mark.browser
def test_filters_narrow_results_by_year_kind_and_oit_item(phone):
    page = phone.page
    page.goto(phone.base + "/")
    page.click("label.md-header__button[for='__search']")
    page.wait_for_function("document.querySelector('[data-oit-filter=item]').options.length > 10")

    def results(query: str) -> list[str]:
        page.fill("[data-oit-search-query]", query)
        page.wait_for_function("q => { const r = document.querySelector('[data-oit-search-result]');"
                               " return r.dataset.oitState === 'done' && r.dataset.oitQuery === q; }", arg=query)
        return page.eval_on_selector_all(".md-search-result__link", "ls => ls.map(a => new URL(a.href).pathname)")

    everything = results("ของขวัญ")
    page.select_option("[data-oit-filter=year]", "2567")
    in_2567 = results("ของขวัญ ")
    assert in_2567 and set(in_2567) < set(everything + in_2567)
    assert "/documents/nogift-declaration-2568/" not in in_2567
    page.select_option("[data-oit-filter=year]", "")
    page.select_option("[data-oit-filter=kind]", "procurement-plan")
    plans = results("จัดซื้อจัดจ้าง")
    assert "/documents/procurement-plan-2568/" in plans and all("procurement-plan" in url for url in plans)
    page.select_option("[data-oit-filter=kind]", "")
    page.select_option("[data-oit-filter=item]", "2568/O7")
    # O7 of NACC 2568 asks for the annual report of the year before: the item filter finds it anyway.
    assert "/documents/annual-report-2567/" in results("รายงาน")
    page.select_option("[data-oit-filter=item]", "")


@pytest.mark.browser
def test_a_split_query_is_offered_when_words_typed_together_are_not_found(phone):
    page = phone.page
    page.goto(phone.base + "/")
    page.click("label.md-header__button[for='__search']")
    page.fill("[data-oit-search-query]", "คำสั่งแต่งตั้ง ITA")  # the title: คำสั่ง ... เรื่อง แต่งตั้ง ... (ITA)
    page.wait_for_selector("[data-oit-search-suggestion]")
    assert page.locator(".md-search-result__link").count() == 0
    page.click("[data-oit-search-suggestion]")
    page.wait_for_function("document.querySelectorAll('.md-search-result__link').length > 0")
    links = page.eval_on_selector_all(".md-search-result__link", "ls => ls.map(a => new URL(a.href).pathname)")
    assert "/documents/order-ita-committee-2568/" in links or "/policies/order-ita-working-group-2568/" in links


@pytest.mark.browser
def test_the_results_fit_a_360_px_screen(phone):
    page = phone.page
    page.goto(phone.base + "/?q=" + "จัดซื้อจัดจ้าง")
    page.wait_for_function("document.querySelectorAll('.md-search-result__link').length > 0")
    # Material locks the page under the open search on phones (and its opening circle overflows until then).
    page.wait_for_function("document.body.hasAttribute('data-md-scrolllock')")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    box = page.locator(".oit-search__filters").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360


@pytest.mark.browser
def test_a_nothing_to_report_month_ranks_below_months_with_content(phone):
    search = OurSearch(phone, "/")
    from tests.search.runner import Query
    urls = search.run(Query("natural", "จัดซื้อจัดจ้าง", ())).urls
    empty = [u for u in urls if u in ("/procurement/2567/04/", "/procurement/2568/10/")]  # "ไม่มีการจัดซื้อจัดจ้าง"
    assert len(empty) == 2 and all(urls.index(u) >= 10 for u in empty), urls[:10]


def test_headings_and_nothing_to_report_are_read_from_a_page():
    page = read_page("procurement/2567/04/", '<article class="md-content__inner"><h1>เดือน</h1><h2>สรุป</h2>'
                     '<p class="oit-nil">ไม่มีการจัดซื้อจัดจ้าง</p></article>')
    assert page.heads == "สรุป" and page.body == "ไม่มีการจัดซื้อจัดจ้าง" and page.nil


# ----- Made while the site is built ----------------------------------------------------------------

def _decoded(site: Path) -> dict[str, dict]:
    """Per page URL: its card and every token with its positions, whatever the page ids are."""
    search = site / "search"
    manifest = json.loads(gzip.decompress((search / "manifest.json.gz").read_bytes()))
    place = list(itertools.accumulate(manifest["order"]))
    shards = [json.loads(gzip.decompress((search / "cards" / f"{n}.json.gz").read_bytes()))
              for n in range(len(manifest["cards"]))]
    cards = [dict(zip(("url", "title", "text", "years", "kind"), row)) for shard in shards for row in shard]  # URL order
    urls = [cards[place[n]]["url"] for n in range(manifest["pages"])]
    pages = {url: {"card": cards[place[n]], "title": manifest["titles"][n], "length": manifest["lengths"][n],
                   "tokens": {}} for n, url in enumerate(urls)}
    streams = {t: gzip.decompress((search / "t" / token_file(t)).read_bytes()) for t in manifest["large"]}
    for bucket in (search / "b").iterdir():
        data, at = gzip.decompress(bucket.read_bytes()), 0
        while at < len(data):
            size, at = _varint(data, at)
            name, at = data[at:at + size].decode(), at + size
            size, at = _varint(data, at)
            streams[name], at = data[at:at + size], at + size
    for token, data in streams.items():
        at, page = 0, 0
        while at < len(data):
            gap, at = _varint(data, at)
            count, at = _varint(data, at)
            page, positions = page + gap, []
            for _ in range(count):
                step, at = _varint(data, at)
                positions.append((positions[-1] if positions else 0) + step)
            pages[urls[page]]["tokens"][token] = positions
    return pages


def _varint(data: bytes, at: int) -> tuple[int, int]:
    n = shift = 0
    while True:
        byte, at = data[at], at + 1
        n, shift = n | (byte & 0x7F) << shift, shift + 7
        if byte < 0x80:
            return n, at


def test_the_index_made_during_the_build_is_the_one_the_built_pages_give(example_site, tmp_path):
    """The worker fed from the build indexes what a reading of site/ would: same pages, words, cards."""
    copy = tmp_path / "site"
    shutil.copytree(example_site.site_dir, copy, ignore=shutil.ignore_patterns("assets"))
    build_index(copy, frozenset({"", "sitemap/"}))  # the home page and the sitemap stay out (search: exclude)
    streamed, read_back = _decoded(example_site.site_dir), _decoded(copy)
    assert streamed.keys() == read_back.keys() and "" not in streamed and "sitemap/" not in streamed
    assert streamed == read_back
    assert not multiprocessing.active_children()  # the build (in this process) left no worker behind


def test_a_search_index_that_cannot_be_written_stops_the_build_with_a_thai_message(tmp_path):
    worker = IndexWorker()
    worker.add("office/", "<html><head></head><body><article class=\"md-content__inner\"><h1>สำนักงาน</h1>"
                          "</article></body></html>")
    (tmp_path / "search").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(SearchError, match=r"^เขียนดัชนีค้นหาลง .* / could not write the search index"):
        worker.finish(tmp_path / "search")
    assert not worker.process.is_alive()


def test_a_search_failure_stops_the_build_as_a_plugin_error_thai_first(tmp_path):
    from mkdocs.exceptions import PluginError

    from generator.mkdocs.search_feed import SearchFeed

    feed = SearchFeed(frozenset({""}))
    feed.page("index.html", "<html></html>")  # the home page stays out: no worker for it
    assert feed.worker is None
    feed.page("office/index.html", "<html><head></head><body><p>สำนักงาน</p></body></html>")
    (tmp_path / "search").write_text("not a folder", encoding="utf-8")
    with pytest.raises(PluginError, match=r"^ค้นหา / search: เขียนดัชนีค้นหาลง"):
        feed.finish(tmp_path)
    assert feed.worker is None and not multiprocessing.active_children()


def test_a_worker_that_dies_is_reported_instead_of_waited_for(tmp_path):
    worker = IndexWorker()
    worker.process.kill()
    worker.process.join(5)
    with pytest.raises(SearchError, match=r"^ตัวสร้างดัชนีค้นหาหยุดทำงานกลางคัน"):
        worker.finish(tmp_path / "search")
    assert not (tmp_path / "search").exists()
