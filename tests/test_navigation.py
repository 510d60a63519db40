"""Navigation and Thai titles on a 360 px phone (issue 19): titles keep "พ.ศ. 2568" on one line,
the menu names every section, the current section is marked on pages out of the menu, item pages
have a breadcrumb, the 404 page is Thai. Marked `browser`."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SECTIONS = ["หน้าแรก", "ข้อมูลหน่วยงาน", "การเปิดเผยข้อมูล (OIT)", "การจัดซื้อจัดจ้าง", "งบประมาณ",
            "เอกสารเผยแพร่", "นโยบายและประกาศ", "ไม่รับของขวัญ (No Gift)", "เรื่องร้องเรียน",
            "แผนป้องกันการทุจริต", "การประเมินความเสี่ยงการทุจริต", "มาตรการส่งเสริมคุณธรรม",
            "ผลการประเมิน ITA", "ข่าวประชาสัมพันธ์"]

# The line boxes of each word-and-number ("พ.ศ. 2568", "…คม 2568": the last two letters of a Thai word
# and the number after it) in the titles: one distinct top per line the text was set on.
_LINES_OF_ERA = """selector => {
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(/(?:พ\\.ศ\\.|[\\u0e01-\\u0e4e]{2})[\\s\\u00a0]+[0-9๐-๙]+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        found.push({text: m[0], lines: tops.size});
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="th-TH")
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("url", ["/oit/2568/", "/procurement/2568/03/", "/budget/2568/", "/anti-corruption/2568/"])
def test_titles_never_break_between_the_era_and_the_year(phone, server, url):
    phone.goto(server + url)
    found = phone.evaluate(_LINES_OF_ERA, "article h1, article h2, .md-header__topic")
    assert found, f"no word and number in the titles of {url}"
    assert all(f["lines"] == 1 for f in found), found


def test_the_menu_names_every_section_and_marks_the_current_one(phone, server):
    phone.goto(server + "/oit/2568/")
    names = [" ".join(t.split()) for t in
             phone.locator(".md-nav--primary a.md-nav__link .md-ellipsis").all_inner_texts()]
    for name in SECTIONS:
        assert name in names, name
    current = phone.locator(".md-nav--primary .md-nav__item--active > a.md-nav__link")
    assert current.count() == 1 and current.evaluate("a => a.href").endswith("/oit/")
    phone.locator(".md-header label[for='__drawer']").click()  # the menu on a phone: OIT is shown current
    assert current.is_visible()
    assert current.evaluate("a => getComputedStyle(a).fontWeight") == "700"


def test_an_item_page_has_a_breadcrumb_home_section_year_item(phone, server):
    phone.goto(server + "/oit/2568/o12/")
    crumbs = phone.locator("nav.oit-breadcrumbs li")
    texts = [" ".join(t.split()) for t in crumbs.all_inner_texts()]
    assert texts[:2] == ["หน้าแรก", "การเปิดเผยข้อมูล (OIT)"] and "2568" in texts[2] and texts[-1].startswith("O12")
    assert phone.locator("nav.oit-breadcrumbs [aria-current='page']").count() == 1
    box = phone.locator("nav.oit-breadcrumbs").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    phone.locator("nav.oit-breadcrumbs a").nth(1).click()
    assert phone.url.rstrip("/").endswith("/oit")


def test_a_wrong_address_shows_the_thai_404_page_with_a_way_home(phone, server):
    phone.goto(server + "/no-such-page/")
    if "ไม่พบหน้าที่ต้องการ" not in phone.content():  # a plain file server: open the 404 page itself
        phone.goto(server + "/404.html")
    assert phone.locator("article h1").inner_text() == "ไม่พบหน้าที่ต้องการ"
    assert phone.locator("html").get_attribute("lang") == "th"
    phone.locator("article a", has_text="กลับหน้าแรก").click()
    assert phone.url.rstrip("/") == server.rstrip("/")
