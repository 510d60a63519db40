"""The example site in a real browser (system Chromium via Playwright), at phone width.

Marked `browser`: slower than the rest, run by `make test` and CI, skipped by `make test-fast`.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="th-TH")
    page = context.new_page()
    yield page
    context.close()


def test_pages_load_on_a_phone_without_requests_to_other_hosts(phone, server):
    hosts: set[str] = set()
    phone.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for url in ("/", "/office/executives/", "/archive/2568/"):
        response = phone.goto(server + url)
        assert response.status == 200
    assert hosts == {urlparse(server).netloc}


def test_executives_page_shows_names_and_photos(phone, server):
    phone.goto(server + "/office/executives/")
    assert phone.locator("h1").inner_text().startswith("ข้อมูลผู้บริหาร")
    assert phone.get_by_text("ตำแหน่งว่าง").first.is_visible()
    photos = phone.locator("img.oit-photo")
    assert photos.count() >= 3
    assert all(photos.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
               for i in range(photos.count()))


def test_archive_link_leads_to_a_document_and_its_original(phone, server):
    phone.goto(server + "/archive/2568/")
    phone.locator("article a[href*='documents/']").first.click()
    phone.wait_for_load_state()
    assert "/documents/" in phone.url
    button = phone.get_by_text("ดาวน์โหลดต้นฉบับ")
    assert button.is_visible()
    response = phone.request.get(button.evaluate("link => link.href"))
    assert response.status == 200 and response.body().startswith(b"%PDF")


def test_navigation_drawer_opens_on_a_phone(phone, server):
    phone.goto(server + "/")
    phone.locator("label.md-header__button[for='__drawer']").click()
    assert phone.get_by_role("link", name="เอกสารเผยแพร่").first.is_visible()


def test_thai_text_is_set_in_self_hosted_sarabun(phone, server):
    fonts: list[str] = []
    phone.on("response", lambda r: fonts.append(r.url) if r.url.endswith(".woff2") and r.ok else None)
    phone.goto(server + "/office/")
    phone.evaluate("document.fonts.ready")
    assert phone.evaluate("document.fonts.check('16px Sarabun', 'สำนักงาน')")
    family = phone.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert family.startswith('"Sarabun"') or family.startswith("Sarabun")
    assert fonts and all(url.startswith(server + "/assets/fonts/sarabun-") for url in fonts)


def test_last_update_is_a_thai_date(phone, server):
    phone.goto(server + "/documents/annual-plan-2568/")
    text = phone.locator(".md-source-file").inner_text()
    assert text.strip().startswith("ปรับปรุงล่าสุด")
    assert re.search(r"\d{1,2}\s[ก-๙]+\s25\d\d", text)


def test_print_hides_navigation_and_writes_out_link_addresses(phone, server):
    phone.goto(server + "/oit/2568/")
    phone.emulate_media(media="print")
    phone.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not phone.locator(".md-header").is_visible()
    assert not phone.locator(".md-sidebar--primary").is_visible()
    link = phone.locator("article a[href*='o21/']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after.startswith('" <' + server + "/oit/2568/o21/")


def test_complaint_charts_read_without_javascript_and_print_in_colour(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    page.goto(server + "/complaints/2567/")
    chart = page.locator("figure.oit-chart").first
    assert chart.is_visible()
    widths = chart.locator(".oit-chart__bar--1").evaluate_all("bars => bars.map(b => b.getBoundingClientRect().width)")
    assert 0 < max(widths) < 60 and min(widths) == 0  # one case is a short bar (scale of 10, charts.py), a 0 has none
    assert chart.locator(".oit-chart__row").first.inner_text().replace("\n", " ").replace("\u00a0", " ").startswith("ต.ค. 66")
    box = chart.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360  # fits the phone, no sideways scrolling
    page.emulate_media(media="print")
    bar = chart.locator(".oit-chart__bar--1").first
    assert bar.evaluate("b => getComputedStyle(b).printColorAdjust") == "exact"
    assert hosts == {urlparse(server).netloc}
    context.close()


def test_every_complaint_table_downloads_as_csv(phone, server):
    phone.goto(server + "/complaints/2568/")
    links = phone.locator("article a[href$='.csv']")
    assert links.count() >= 9
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        response = phone.request.get(server + "/complaints/2568/" + href)
        assert response.status == 200 and response.body().startswith(b"\xef\xbb\xbf")
