"""The example office built by a real `mkdocs build --strict`, checked page by page by URL."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from .conftest import ROOT


def example_documents() -> list[dict]:
    docs = []
    for path in sorted((ROOT / "example" / "data" / "documents").glob("*.yml")):
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
    office = yaml.safe_load((ROOT / "example" / "data" / "office.yml").read_text(encoding="utf-8"))
    executives = yaml.safe_load((ROOT / "example" / "data" / "executives.yml").read_text(encoding="utf-8"))["executives"]
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
        if isinstance(doc["date"], str):  # a month only, as printed ("มกราคม 2569")
            assert re.search(rf'<time datetime="\d{{4}}-\d\d">{doc["date"]}</time>', html), doc["id"]
        else:
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


def test_archive_lists_every_fiscal_year_with_thai_dates(example_site):
    index = example_site.html("/archive/")
    for year in (2567, 2568, 2569, 2570):
        assert f"ปีงบประมาณ พ.ศ. {year}" in index
        page = example_site.html(f"/archive/{year}/")
        assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">\d{1,2} [ก-๙.]+ 25\d\d</time>', page)


def test_detail_pages_stay_out_of_the_nav(example_site):
    nav = nav_of(example_site.html("/archive/2568/"))
    assert "documents/" not in nav and "/2567/" not in nav
    # The menu of a page out of the nav names the sections; the office's own pages are in nav pages' menus.
    assert '/office/"' in nav and "office/executives/" not in nav


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


def catalogue(name: str) -> list[str]:
    """The item numbers of a shipped OIT catalogue, in order."""
    data = yaml.safe_load((ROOT / "generator" / "oit" / "frameworks" / f"{name}.yml").read_text(encoding="utf-8"))
    return [item["number"] for indicator in data["indicators"] for sub in indicator["sub_indicators"]
            for item in sub["items"]]


def test_every_item_of_the_nacc_lists_has_a_page_in_each_year(example_site):
    assert len(catalogue("nacc-2568")) == 28 and len(catalogue("nacc-2569")) == 26
    for year, name in ((2568, "nacc-2568"), (2569, "nacc-2569"), (2570, "nacc-2569")):
        index = example_site.html(f"/oit/{year}/")
        for number in catalogue(name):
            assert f'href="{number.lower()}/"' in index, (year, number)
            assert example_site.path(f"/oit/{year}/{number.lower()}/").exists(), (year, number)
    assert not example_site.path("/oit/2567/").exists()  # 2567 is history: no NACC list of that year is shipped


def test_finished_years_are_complete_and_the_year_in_progress_shows_what_is_ready(example_site):
    assert example_site.html("/oit/2568/").count('class="oit-status oit-status--complete"') == 28
    assert example_site.html("/oit/2569/").count('class="oit-status oit-status--complete"') == 26
    current = example_site.html("/oit/2570/")
    assert current.count('class="oit-status oit-status--complete"') == 23
    assert current.count('class="oit-status oit-status--out-of-period"') == 3
    # No NACC list of 2570 yet: the 2569 list stands in, and every page of the year says so.
    provisional = "ใช้รายการของปี 2569 จนกว่าสำนักงาน ป.ป.ช. จะประกาศรายการของปี 2570"
    assert provisional in current and provisional in example_site.html("/oit/2570/o6/")
    assert "มีเฉพาะของปีงบประมาณ 2567, 2568, 2569" in example_site.html("/oit/2570/o6/")
    # No Gift answers O21 and O22 of NACC 2568, and O20 of 2569 (this year's declaration, last year's report)
    assert "nogift/2568/declaration/" in example_site.html("/oit/2568/o21/")
    assert "nogift/2568/report/" in example_site.html("/oit/2568/o22/")
    o20 = example_site.html("/oit/2569/o20/")
    assert "nogift/2569/declaration/" in o20 and "nogift/2568/report/" in o20


def test_oit_exports_carry_absolute_urls_for_itas(example_site):
    import csv
    import io
    import json

    data = json.loads(example_site.path("/oit/2569.json").read_text(encoding="utf-8"))
    assert (data["year"], data["framework"], data["as_of"]) == (2569, "nacc-2569", "2026-12-07")
    o1 = data["items"][0]
    assert o1["urls"][0] == "https://www.spp-example1.go.th/oit/2569/o1/"
    assert all(u.startswith("https://www.spp-example1.go.th/") for i in data["items"] for u in i["urls"])
    for item in data["items"]:  # every URL the assessor receives exists in the built site
        for url in item["urls"]:
            assert example_site.path(url.removeprefix("https://www.spp-example1.go.th")).exists(), url
    rows = list(csv.reader(io.StringIO(example_site.path("/oit/2569.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == 27 and rows[1][:4] == ["O1", "โครงสร้าง หน้าที่และอำนาจ", "มี", "complete"]
    current = json.loads(example_site.path("/oit/2570.json").read_text(encoding="utf-8"))
    assert (current["framework"], current["provisional"]) == ("nacc-2569", True)


def test_the_example_shows_a_report_dated_by_month_and_an_acknowledged_printed_total(example_site):
    # data/documents/2569.yml: participation-2569 is dated "มกราคม 2569", as its cover prints it.
    page = example_site.html("/documents/participation-2569/")
    assert '<time datetime="2026-01">มกราคม 2569</time>' in page
    # data/complaints/2569.yml: the half-year table prints 9 in its total column, its rows add up to 8;
    # the office acknowledged it, so the strict build passes and the page says why the 9 is kept.
    half = example_site.html("/complaints/2569/h1/")
    assert "9 (คำนวณได้ 8)" in half
    assert "สำนักงานคงตัวเลขตามที่เผยแพร่ไว้" in half and "นับเรื่องอุทธรณ์ที่ยกมาซ้ำ 1 เรื่อง" in half


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


def article_text(html: str) -> str:
    """The visible text of a page's content (not the navigation), whitespace collapsed."""
    import html as entities

    start = html.find("<article")
    body = html[start:html.find("</article>", start)] if start >= 0 else ""
    return re.sub(r"\s+", " ", entities.unescape(re.sub(r"<[^>]+>", " ", body)))


# A statement of nothing (no complaint, not started, nothing spent) is published only where the data says
# it. Each page allowed to say it is listed with the data that says it; any other page saying it is a bug.
STATEMENTS = {
    "no complaints": (r"ไม่มีเรื่องร้องเรียน", {
        "complaints/2568/h1": "data/complaints/2568.csv: the register's first case is of April 2568",
        "risks/2567/follow-up": "data/risks/2567.yml: a control's result, as written",
        "oit/2568/o19": "the catalogue's wording for a year without complaints (เมื่อไม่มีข้อมูล)",
        "oit/2569/o18": "the catalogue's wording for a year without complaints (เมื่อไม่มีข้อมูล)",
        "oit/2570/o18": "the catalogue's wording for a year without complaints (เมื่อไม่มีข้อมูล)",
    }),
    # A status, not a count of activities by status ("ยังไม่ดำเนินการ 0 กิจกรรม" counts the data's statuses).
    "not started": (r"ยังไม่ดำเนินการ(?!\s*(?:จำนวน\S*\s*)?\d)", {
        "measures/2568/report": "data/measures/2568.yml: status: not_started (vehicle and supplies checks)",
    }),
    "nothing spent": (r"(?<![\d,.])0\.00 บาท", {}),
}


def test_no_page_states_what_the_data_does_not_say(example_site):
    found: dict[str, set[str]] = {name: set() for name in STATEMENTS}
    for page in example_site.site_dir.rglob("index.html"):
        url = page.parent.relative_to(example_site.site_dir).as_posix()
        text = article_text(page.read_text(encoding="utf-8"))
        for name, (pattern, _allowed) in STATEMENTS.items():
            if re.search(pattern, text):
                found[name].add(url)
    assert found == {name: set(allowed) for name, (_pattern, allowed) in STATEMENTS.items()}


def test_every_workbook_is_written_in_full_beside_its_table(example_site):
    """Workbooks are written in a process beside the build and saved at its end (engine/workbook.py, Writer)."""
    import csv
    import io

    import openpyxl

    books = sorted(example_site.site_dir.rglob("*.xlsx"))
    assert len(books) > 100
    for book in books:
        sheet = openpyxl.load_workbook(io.BytesIO(book.read_bytes()), read_only=True).active
        rows = [row for row in sheet.iter_rows(values_only=True)]
        twin = book.with_suffix(".csv")
        if twin.is_file():  # the XLSX beside a CSV has its rows
            assert len(rows) == len(list(csv.reader(io.StringIO(twin.read_text(encoding="utf-8-sig"))))), book
        assert rows and all(cell is not None for cell in rows[0]), book  # a header row, every column named
