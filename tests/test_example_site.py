"""The example office built by a real `mkdocs build --strict`, checked page by page by URL."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from .conftest import ROOT


def example_documents() -> list[dict]:
    docs = []
    for path in sorted((ROOT / "data" / "documents").glob("*.yml")):
        for doc in yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]:
            docs.append({**doc, "fiscal_year": int(path.stem)})
    return docs


class Links(HTMLParser):
    """Collects href/src attributes of a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("href", "src") and v]


def links_of(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return parser.urls


def nav_of(html: str) -> str:
    """The primary navigation block that MkDocs renders into every page."""
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index("</nav>", start)]


def test_build_is_clean_under_strict(example_site):
    assert example_site.log == ""
    assert (example_site.site_dir / "index.html").exists()


def test_office_pages_show_the_office(example_site):
    office = yaml.safe_load((ROOT / "data" / "office.yml").read_text(encoding="utf-8"))
    executives = yaml.safe_load((ROOT / "data" / "executives.yml").read_text(encoding="utf-8"))["executives"]
    assert office["name_th"] in example_site.html("/office/")
    contact = example_site.html("/office/contact/")
    assert office["phones"][0]["number"] in contact and office["emails"][0]["address"] in contact
    page = example_site.html("/office/executives/")
    for exe in executives:
        assert (exe.get("name_th") or "ตำแหน่งว่าง") in page
        if exe.get("photo"):
            assert (example_site.site_dir / exe["photo"]).exists()
    assert "<title>ข้อมูลผู้บริหาร - " in page


def test_every_published_document_has_a_page_with_its_original(example_site):
    published = [d for d in example_documents()
                 if d.get("status", "published") == "published" and "withdrawn" not in d]
    assert len(published) >= 30
    for doc in published:
        html = example_site.html(f"/documents/{doc['id']}/")
        assert f'<time datetime="{doc["date"]}">' in html
        if doc.get("file"):
            assert (example_site.site_dir / doc["file"]).read_bytes().startswith(b"%PDF")
            assert f'files/{doc["file"].split("files/")[1]}' in html


def test_drafts_are_not_published(example_site):
    drafts = [d for d in example_documents() if d.get("status") == "draft"]
    assert drafts
    for doc in drafts:
        assert not example_site.path(f"/documents/{doc['id']}/").exists()
        assert doc["title_th"] not in example_site.html(f"/archive/{doc['fiscal_year']}/")


def test_archive_lists_both_years_with_thai_dates(example_site):
    index = example_site.html("/archive/")
    for year in (2567, 2568):
        assert f"ปีงบประมาณ พ.ศ. {year}" in index
        page = example_site.html(f"/archive/{year}/")
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [ก-๙.]+ 25\d\d</time>', page)


def test_detail_pages_stay_out_of_the_nav(example_site):
    nav = nav_of(example_site.html("/archive/2568/"))
    assert "documents/" not in nav and "/2567/" not in nav
    assert "office/executives/" in nav


def test_internal_links_resolve_and_no_page_requests_another_host(example_site):
    pages = list(example_site.site_dir.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        for link in links_of(page.read_text(encoding="utf-8")):
            if link.startswith(("http://", "https://", "mailto:", "tel:", "#")):
                continue
            path = link.split("#")[0]
            base = example_site.site_dir if path.startswith("/") else page.parent
            target = (base / path.lstrip("/")).resolve()
            assert target.exists() or (target / "index.html").exists(), f"{page}: {link}"
    for page in pages[:20]:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|img|iframe|source)[^>]+src="(https?:)?//', html), page
        assert not re.search(r'<link[^>]+rel="(stylesheet|preload|preconnect|icon)"[^>]+href="(https?:)?//', html), page


def test_oit_index_shows_all_three_statuses_with_item_links(example_site):
    html = example_site.html("/oit/2568/")
    assert html.count('class="oit-status oit-status--complete"') == 41
    assert 'href="o41/"' in html and 'href="o43/"' in html
    o41 = example_site.html("/oit/2568/o41/")
    assert "ไม่เป็นปัจจุบัน" in o41 and "มีเฉพาะของปีงบประมาณ 2567" in o41
    assert "ไม่มีข้อมูล" in example_site.html("/oit/2568/o43/")
    # the No Gift pages answer O31-O33 of the OBEC 2566 catalogue
    assert "nogift/2568/declaration/" in example_site.html("/oit/2568/o31/")
    assert "nogift/2568/activities/" in example_site.html("/oit/2568/o32/")
    assert "nogift/2568/report/" in example_site.html("/oit/2568/o33/")


def test_oit_exports_carry_absolute_urls_for_itas(example_site):
    import csv
    import io
    import json

    data = json.loads(example_site.path("/oit/2568.json").read_text(encoding="utf-8"))
    assert (data["year"], data["framework"], data["as_of"]) == (2568, "obec-school-2566", "2025-10-20")
    o1 = data["items"][0]
    assert o1["urls"][0] == "https://www.spp-example1.go.th/oit/2568/o1/"
    assert all(u.startswith("https://www.spp-example1.go.th/") for i in data["items"] for u in i["urls"])
    for item in data["items"]:  # every URL the assessor receives exists in the built site
        for url in item["urls"]:
            assert example_site.path(url.removeprefix("https://www.spp-example1.go.th")).exists(), url
    rows = list(csv.reader(io.StringIO(example_site.path("/oit/2568.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 44 and rows[1][:3] == ["O1", "โครงสร้าง", "มี"]


def test_policies_and_no_gift_pages_of_the_example(example_site):
    old = example_site.html("/policies/anti-bribery-2567/")
    assert "ฉบับนี้ถูกแทนที่แล้ว" in old and 'href="../anti-bribery-2568/"' in old
    order = example_site.html("/policies/order-ita-working-group-2568/")
    assert "รักษาราชการแทน ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1" in order
    assert "สั่ง ณ วันที่" in order
    declaration = example_site.html("/nogift/2568/declaration/")
    assert "จะไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใด" in declaration
    assert 'lang="en"' in example_site.html("/nogift/2568/declaration-en/")
    report = example_site.html("/nogift/2568/report/")
    assert "1,950.00" in report and "ส่งคืนผู้ให้" in report
    assert "ไม่มีการรับของขวัญหรือประโยชน์อื่นใด" in example_site.html("/nogift/2567/report/")
