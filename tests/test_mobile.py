"""The example site on a 360 px phone: nothing scrolls sideways, long tables scroll in their box.

Marked `browser`. Also saves a full-page screenshot of each page type at 360 and 1280 px to
`test-artifacts/screenshots/` (gitignored; CI keeps it as an artifact).
"""

from __future__ import annotations

import pytest

from .test_accessibility import (
    ARTIFACTS,
    AXE_OPTIONS,
    aggregate,
    blocking_violations,
    render,
)

pytestmark = pytest.mark.browser

PHONE = 360
DESKTOP = 1280
# One page of each type; the example office is built on a pinned date, so these URLs are stable.
PAGE_TYPES = {
    "home": "/",
    "office-executives": "/office/executives/",
    "oit-index": "/oit/2568/",
    "oit-item": "/oit/2568/o1/",
    "document": "/documents/annual-plan-2567/",  # signer and change log: both of its tables
    "archive-year": "/archive/2568/",
    "archive-kind": "/archive/procurement-notice/",
    "complaints-year": "/complaints/2567/",  # charts and wide statistics tables
    "procurement-month": "/procurement/2568/03/",  # the widest table of the site
    "budget-report": "/budget/2568/h1/",
    "risk-assessment": "/risks/2568/",  # the 5×5 risk matrix must fit a phone without scrolling
    "news-post": "/news/no-gift-new-year-2568/",
    "contact": "/office/contact/",
}
SCREENSHOTS = ARTIFACTS / "screenshots"

# What sticks out to the right of the screen. html has overflow-x: hidden in Material, so the page
# never scrolls sideways even when its content is too wide: the content is cut off instead. Hence
# every element is measured. One inside a box that scrolls sideways (a table in its scrollwrap)
# is fine; so is the page frame's own clipping (the header title's ellipsis) and what is hidden
# (the closed search dialog waits off screen, transparent).
_OVERFLOW = """width => {
  const offenders = [];
  const hidden = el => {
    for (; el; el = el.parentElement) {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.opacity === '0' || s.display === 'none') return true;
    }
    return false;
  };
  const scrolls = el => {
    for (el = el.parentElement; el && el !== document.body; el = el.parentElement) {
      const x = getComputedStyle(el).overflowX;
      if (x === 'auto' || x === 'scroll') return true;
      if (x !== 'visible' && !el.closest('article')) return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.height && r.right > width + 1 && !scrolls(el) && !hidden(el)) {
      offenders.push(`${el.outerHTML.slice(0, 100)} (right edge ${Math.round(r.right)} px)`);
    }
  }
  return {page: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
          inner: innerWidth, offenders: offenders.slice(0, 10)};
}"""

# Every table of the content, with its wrapper: Material's JavaScript puts each table in
# div.md-typeset__scrollwrap > div.md-typeset__table, and the scrollwrap has overflow-x: auto.
_TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
  const wrap = table.closest('.md-typeset__scrollwrap');
  return {
    wrapped: !!wrap,
    overflowX: wrap ? getComputedStyle(wrap).overflowX : null,
    wrapRight: wrap ? wrap.getBoundingClientRect().right : null,
    clientWidth: wrap ? wrap.clientWidth : null,
    tableWidth: table.getBoundingClientRect().width,
  };
})"""


@pytest.fixture(scope="module")
def phone(browser):
    """A 360 px wide touch phone; one page reused by the tests of the module."""
    context = browser.new_context(viewport={"width": PHONE, "height": 740}, is_mobile=True,
                                  has_touch=True, locale="th-TH")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, locale="th-TH")
    yield context.new_page()
    context.close()


def open_page(page, url: str) -> None:
    """Load `url` with its web fonts and every photo (lazy ones too), as a reader would see it."""
    response = page.goto(url)
    assert response and response.ok, f"{url}: HTTP {response and response.status}"
    page.evaluate("""() => Promise.all([
      document.fonts.ready,
      ...[...document.images].map(img => { img.loading = 'eager';
        return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; }); }),
    ])""")


def test_every_page_type_exists(example_site):
    missing = [url for url in PAGE_TYPES.values() if not example_site.path(url).exists()]
    assert not missing


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_fits_a_360px_phone_without_sideways_scrolling(phone, server, name):
    open_page(phone, server + PAGE_TYPES[name])
    fit = phone.evaluate(_OVERFLOW, PHONE)
    assert fit["inner"] == PHONE, fit  # a phone zooms out when the page is wider than the screen
    assert fit["page"] <= PHONE, fit
    assert not fit["offenders"], "\n".join(fit["offenders"])
    phone.evaluate("window.scrollTo(200, 0)")
    assert phone.evaluate("window.scrollX") == 0


@pytest.mark.parametrize("name", ["oit-index", "archive-year", "document"])
def test_long_tables_scroll_inside_their_wrapper(phone, server, name):
    open_page(phone, server + PAGE_TYPES[name])
    tables = phone.evaluate(_TABLES)
    assert tables, "no table on the page"
    for n, table in enumerate(tables, start=1):
        assert table["wrapped"] and table["overflowX"] == "auto", (n, table)
        assert table["wrapRight"] <= PHONE + 1, (n, table)
    if name == "oit-index":
        # Four columns of Thai text do not fit 360 px: each row is a card (tables.css), as wide as its
        # box, so nothing scrolls (tests/test_tables.py checks the key columns).
        assert all(t["tableWidth"] <= t["clientWidth"] + 1 for t in tables), tables
        assert phone.evaluate("window.scrollX") == 0


def test_page_types_have_no_serious_wcag_violation_at_phone_width(phone, server):
    # The crawl in test_accessibility runs at 1280 px; a phone shows another layout (the drawer,
    # tables that now scroll, which must be reachable by keyboard).
    from axe_playwright_python.base import AXE_SCRIPT

    results = {}
    for url in PAGE_TYPES.values():
        open_page(phone, server + url)
        phone.evaluate(AXE_SCRIPT)
        results[url] = phone.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    blocking = {url: dict(r, violations=blocking_violations(r)) for url, r in results.items()}
    rules = aggregate(blocking)
    assert not rules, "serious or critical WCAG 2.1 AA violations at 360 px:\n" + render(rules)


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_screenshot(phone, desktop, server, name, width):
    page = phone if width == PHONE else desktop
    open_page(page, server + PAGE_TYPES[name])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    assert path.stat().st_size > 1000
