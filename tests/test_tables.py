"""Tables on a 360 px phone and a 1280 px desktop (issue 19, part 3; tables.css and tables.js).

Marked `browser`. On the OIT index, the ITA results, a procurement month, the complaint statistics
and an anti-corruption plan, every cell of a key column (named here per table, by its header) lies
inside the screen and inside the box that shows it, and the page does not scroll sideways. Over every
page of the site at 360 px, no table is wider than its box without the cue that says it scrolls.
Saves test-artifacts/{oit,procurement,ita}-{360,1280}.png.
"""

from __future__ import annotations

import pytest

from .test_accessibility import ARTIFACTS
from .test_mobile import open_page

pytestmark = pytest.mark.browser

PHONE, DESKTOP = 360, 1280
MONTHS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.")

# Key columns by the start of their header's text: what a reader comes to the table for.
KEYS = {
    "oit": ("ข้อ", "สถานะ", "หลักฐาน"),
    "ita": ("ผล", "คะแนน", "ระดับ", "ผลการประเมิน", "บรรลุเป้าหมาย", "คะแนนเฉลี่ย", "คะแนนถ่วงน้ำหนัก"),
    "procurement": ("งานที่จัดซื้อหรือจัดจ้าง", "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือก",
                    "เลขที่สัญญา", "วันที่สัญญา", "ผู้ได้รับการคัดเลือก"),
    "complaints": ("ช่วงเวลา", "รับใหม่", "เสร็จ", "คงค้าง", "จำนวน", "เรื่องร้องเรียนทั้งหมด"),
    "plan": ("กิจกรรม", "งบประมาณ", "ผู้รับผิดชอบ", *MONTHS),
}
FIXED = {"oit": "/oit/2570/", "ita": "/ita/2569/", "complaints": "/complaints/2569/",
         "plan": "/anti-corruption/2569/"}

# Each key column's cells that are hidden, outside the screen or cut off by the box around them.
_KEY_CELLS = """keys => {
  const out = [];
  const W = innerWidth;
  document.querySelectorAll('article table').forEach((table, t) => {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) return;
    const names = [...head.cells].map(th => th.textContent.trim());
    const cols = names.map((n, i) => keys.some(k => n.startsWith(k)) ? i : -1).filter(i => i >= 0);
    const wrap = table.closest('.md-typeset__scrollwrap');
    const limit = Math.min(W, wrap ? wrap.getBoundingClientRect().right : W);
    for (const row of table.tBodies[0] ? table.tBodies[0].rows : []) {
      for (const i of cols) {
        const cell = row.cells[i];
        if (!cell || !cell.textContent.trim()) continue;
        const r = cell.getBoundingClientRect();
        if (!r.width || !r.height || r.left < -1 || r.right > limit + 1) {
          out.push(`table ${t + 1} "${names[i]}": ${cell.textContent.trim().slice(0, 30)} `
                   + `(${Math.round(r.left)}–${Math.round(r.right)} px, box ends ${Math.round(limit)})`);
        }
      }
    }
  });
  return {bad: out.slice(0, 12), count: out.length,
          checked: [...document.querySelectorAll('article table')].length,
          page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)};
}"""

# Tables wider than their box with no cue that they scroll (tables.js: .oit-scroll and its hint).
_UNCUED = """() => [...document.querySelectorAll('article table')].filter(t => {
  const wrap = t.closest('.md-typeset__scrollwrap');
  const box = wrap || t.parentElement;
  const over = box.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > innerWidth + 1;
  const hint = wrap && wrap.previousElementSibling;
  const cued = wrap && wrap.classList.contains('oit-scroll') && hint && hint.classList.contains('oit-scroll-hint')
               && hint.getBoundingClientRect().height > 0;
  return over && !cued;
}).map(t => (t.tHead ? t.tHead.textContent : t.textContent).trim().replace(/\\s+/g, ' ').slice(0, 60))"""


@pytest.fixture(scope="module")
def pages(browser):
    phone = browser.new_context(viewport={"width": PHONE, "height": 740}, is_mobile=True,
                                has_touch=True, locale="th-TH")
    desktop = browser.new_context(viewport={"width": DESKTOP, "height": 900}, locale="th-TH")
    yield {PHONE: phone.new_page(), DESKTOP: desktop.new_page()}
    phone.close()
    desktop.close()


@pytest.fixture(scope="module")
def urls(example_site):
    """The table pages, with a procurement month that has rows."""
    months = sorted(example_site.site_dir.glob("procurement/*/*/index.html"))
    with_rows = [p for p in months if "ราคาที่ตกลงซื้อหรือจ้าง" in p.read_text(encoding="utf-8")]
    assert with_rows, "no procurement month with rows in the example"
    month = "/" + with_rows[-1].parent.relative_to(example_site.site_dir).as_posix() + "/"
    found = {**FIXED, "procurement": month}
    assert all(example_site.path(u).exists() for u in found.values()), found
    return found


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", list(KEYS))
def test_key_columns_are_on_screen(pages, server, urls, name, width):
    page = pages[width]
    open_page(page, server + urls[name])
    result = page.evaluate(_KEY_CELLS, list(KEYS[name]))
    assert result["checked"], f"{urls[name]}: no table"
    assert not result["bad"], f"{urls[name]} at {width} px, {result['count']} cells:\n" + "\n".join(result["bad"])
    assert result["page"] <= width, result
    page.evaluate("window.scrollTo(200, window.scrollY)")
    assert page.evaluate("window.scrollX") == 0
    if name in ("oit", "procurement", "ita"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        assert path.stat().st_size > 1000


def test_oit_cards_put_status_and_evidence_first(pages, server, urls):
    page = pages[PHONE]
    open_page(page, server + urls["oit"])
    order = page.evaluate("""() => {
      const row = document.querySelector('.oit-cards--oit tbody tr');
      return [...row.cells].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
                           .map(c => c.dataset.label);
    }""")
    assert order[:2] == ["สถานะ", "หลักฐาน"], order


def test_plan_timeline_shows_the_whole_fiscal_year(pages, server, urls):
    for width, page in pages.items():
        open_page(page, server + urls["plan"])
        labels = page.evaluate("""() => {
          const t = document.querySelector('.oit-timeline table');
          return [...t.tHead.rows[0].cells].slice(1).map(c => c.textContent.trim());
        }""")
        assert [label.split()[0] for label in labels] == list(MONTHS), (width, labels)


def test_no_table_overflows_without_a_cue_at_360px(pages, server, example_site):
    page = pages[PHONE]
    site = example_site.site_dir
    urls = sorted("/" + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    urls = [u.replace("/./", "/") for u in urls]
    # No request interception here (say, to skip the photos): a route sends every request of the page
    # through the test process and doubles the crawl's time; the photos come from the local server.
    uncued = {}
    for url in urls:
        response = page.goto(server + url)
        assert response and response.ok, url
        page.evaluate("document.fonts.ready")
        found = page.evaluate(_UNCUED)
        if found:
            uncued[url] = found
    count = sum(len(v) for v in uncued.values())
    assert count == 0, f"{count} tables on {len(uncued)} of {len(urls)} pages:\n" + "\n".join(
        f"{u}: {v}" for u, v in list(uncued.items())[:20])
