"""The example's home page and footer as built: every entry links to a page the site has, the OIT
readiness of the current year matches the OIT index, the latest news are listed, and every page's footer
says how to reach the office and when the page last changed. In the browser at 360 and 1280 px: the
office's name never parts "เขต" from "1" and every entry is on screen; screenshots in test-artifacts/.
"""

from __future__ import annotations

import posixpath
import re
from html import unescape

import pytest

from .test_accessibility import ARTIFACTS

ENTRIES = ("แจ้งเรื่องร้องเรียน", "การเปิดเผยข้อมูล (OIT)", "ไม่รับของขวัญ (No Gift Policy)", "จัดซื้อจัดจ้าง",
           "ติดต่อเรา", "E-Service บริการออนไลน์", "ข่าวประชาสัมพันธ์")
CARD = re.compile(r'<a class="home-entry__link" href="([^"]+)">(.*?)</a>', re.S)


def _text(html: str) -> str:
    """The page's text, with the no-break spaces the typesetting puts before numbers read as spaces."""
    return unescape(re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ")


def test_every_entry_is_there_and_links_to_a_built_page(example_site):
    html = example_site.html("/")
    text = _text(html)
    for entry in ENTRIES:
        assert entry in text, entry
    cards = CARD.findall(html)
    assert len(cards) >= 10  # six entries and four news posts
    for href, title in cards:
        path = example_site.path("/" + posixpath.normpath(href).lstrip("./") + "/")
        assert path.is_file(), (title, href)
    assert "images/office-emblem.svg" in html and example_site.path("/images/office-emblem.svg").is_file()
    assert "เขต&nbsp;1" in html or "เขต\u00a01" in html


def test_the_oit_entry_shows_the_current_years_readiness_as_the_oit_index_counts_it(example_site):
    home = _text(example_site.html("/"))
    oit = re.search(r"ครบถ้วน (\d+) จาก (\d+) ข้อ", _text(example_site.html("/oit/2570/")))
    assert oit and "การเปิดเผยข้อมูล (OIT) ปีงบประมาณ พ.ศ. 2570" in home
    assert f"ครบถ้วน {oit[1]} จาก {oit[2]} ข้อ" in home


def test_the_latest_news_are_listed(example_site):
    home = _text(example_site.html("/"))
    news = example_site.html("/news/").split('id="ข่าวล่าสุด"', 1)[1].split("<h2", 1)[0]
    latest = [_text(t) for t in re.findall(r'<a href="[^"]+">(.*?)</a>', news)][:4]
    assert len(latest) == 4
    for title in latest:
        assert title.strip() in home, title
    pictures = re.findall(r'<img [^>]*src="(files/news/[^"]+)"', example_site.html("/"))
    assert len(pictures) == 4 and all(example_site.path("/" + src).is_file() for src in pictures)


@pytest.mark.parametrize("url", ["/oit/2568/o1/", "/office/laws/", "/"])
def test_the_footer_tells_how_to_reach_the_office_and_when_the_page_changed(example_site, url):
    footer = example_site.html(url).split('<footer class="md-footer">', 1)[1]
    text = _text(footer)
    assert "เลขที่ 99 หมู่ที่ 9 ถนนตัวอย่างพัฒนา" in text
    assert 'href="tel:044999000"' in footer and "0 4499 9090" in text
    assert 'href="mailto:saraban@spp-example1.go.th"' in footer
    assert "เวลาทำการ วันจันทร์ – วันศุกร์" in text
    assert "LINE Official Account" in text
    sitemap = re.search(r'<a href="([^"]+)">แผนผังเว็บไซต์</a>', footer)
    assert sitemap and example_site.path(posixpath.normpath(posixpath.join(url, sitemap[1])) + "/").is_file()
    # The page's last change; a page drawn from all data has none in a copy without git history.
    assert re.search(r"(ปรับปรุงล่าสุด|สร้างเว็บไซต์เมื่อ) \d+ \S+ \d{4}", text)
    if url == "/office/laws/":
        assert "ปรับปรุงล่าสุด" in text


# --- in the browser ---------------------------------------------------------------------------

_NAME_LINES = """() => {
  const title = document.querySelector('h1.home-title');
  const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.search(/เขต[\\s\\u00a0]*1/);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + node.data.slice(at).search(/1/) + 1);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    return tops.size;
  }
  return -1;
}"""

_OFF_SCREEN = """width => [...document.querySelectorAll('.home-entries li, .home-services li, .home-news li')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > width + 0.5; })
  .map(el => el.textContent.trim().slice(0, 40))"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_home_at_phone_and_desktop_width(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="th-TH",
                                  is_mobile=width < 600, has_touch=width < 600)
    page = context.new_page()
    try:
        response = page.goto(server + "/")
        assert response and response.ok
        page.evaluate("() => document.fonts.ready")
        assert page.evaluate(_NAME_LINES) == 1  # "เขต 1" sits on one line
        assert page.evaluate(_OFF_SCREEN, width) == []
        for entry in ENTRIES:
            assert page.locator(".md-content").get_by_text(entry, exact=False).first.is_visible(), entry
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"home-{width}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        assert path.stat().st_size > 1000
    finally:
        context.close()
