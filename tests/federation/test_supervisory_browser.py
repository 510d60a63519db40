"""The supervisory site passes the browser checks of an office site: a 360 px phone, WCAG 2.1 AA, no other host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from generator.cli.main import main

from ..conftest import served
from ..test_accessibility import AXE_OPTIONS, aggregate, blocking_violations, render
from .test_federation import write

pytestmark = pytest.mark.browser
PHONE = 360
PAGES = ("/index.html", "/offices/good/index.html", "/offices/broken/index.html", "/items/o1/index.html")


@pytest.fixture(scope="module")
def supervision(tmp_path_factory):
    folder = tmp_path_factory.mktemp("supervision")
    main(["federation", "build", str(write(folder)), "--out", str(folder / "out"), "--site", str(folder / "site")])
    with served(folder / "site") as base:
        yield base


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": PHONE, "height": 740}, is_mobile=True, has_touch=True,
                                  locale="th-TH")
    page = context.new_page()
    page.hosts = set()
    page.on("request", lambda request: page.hosts.add(urlsplit(request.url).hostname))
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_fits_a_phone_and_asks_no_other_host(phone, supervision, path):
    response = phone.goto(supervision + path)
    assert response and response.ok
    phone.evaluate("document.fonts.ready")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE
    assert phone.hosts <= {"127.0.0.1"}, phone.hosts
    assert phone.evaluate("getComputedStyle(document.body).fontFamily").startswith("Sarabun")


def test_no_serious_wcag_violation_on_a_phone(phone, supervision):
    from axe_playwright_python.base import AXE_SCRIPT

    results = {}
    for path in PAGES:
        phone.goto(supervision + path)
        phone.evaluate(AXE_SCRIPT)
        result = phone.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
        results[path] = dict(result, violations=blocking_violations(result))
    rules = aggregate(results)
    assert not rules, "serious or critical WCAG 2.1 AA violations:\n" + render(rules)


def test_the_filter_shows_the_offices_of_one_type(phone, supervision):
    phone.goto(supervision + "/index.html")
    rows = phone.locator("#office-table tbody tr")
    assert rows.count() == 3
    phone.select_option("select[name=type]", "school")
    visible = [r for r in rows.all() if r.is_visible()]
    assert [r.locator("th").inner_text() for r in visible] == ["สำนักงานข้อมูลผิด"]
    assert "แสดง 1 จาก 3 หน่วยงาน" in phone.locator("output").inner_text()
