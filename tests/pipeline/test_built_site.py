"""The checks of a built site (generator/pipeline/built_site.py), on small sites written by hand.

The whole command, with a real build, is tested in tests/cli/test_site_commands.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.pipeline.built_site import check_built_site

HOME = '<html><head><link rel="canonical" href="https://www.office.go.th/{folder}"></head><body>{body}</body></html>'
ITEMS = [{"number": "O1", "urls": ["https://www.office.go.th/oit/2570/o1/", "https://www.office.go.th/documents/plan/"]}]


def built(tmp_path: Path, pages: dict[str, str], folder: str = "", items=ITEMS, year: int = 2570,
          as_of: str = "2026-12-07") -> Path:
    """A built site: the home page, an OIT index of `year` linking O1, and `pages` (path → body or file text)."""
    site = tmp_path / "site"
    files = {"index.html": HOME.format(folder=folder, body=""),
             f"oit/{year}/index.html": '<a href="o1/">O1</a>', f"oit/{year}/o1/index.html": "",
             "documents/plan/index.html": "",
             f"oit/{year}.json": json.dumps({"as_of": as_of, "items": items}), **pages}
    for rel, text in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return site


def rendered(site: Path) -> list[str]:
    return [p.render() for p in sorted(check_built_site(site)[1])]


def test_a_site_whose_links_all_resolve_passes(tmp_path):
    page = ('<a href="../documents/plan/">plan</a> <img src="../files/a&amp;b.png"> <a href="#top">top</a> '
            '<a href="mailto:x@office.go.th">mail</a> <a href="https://other.example/">a link, not a load</a>')
    site = built(tmp_path, {"news/index.html": page, "files/a&b.png": ""})
    assert check_built_site(site) == (5, [])


def test_each_missing_file_is_named_with_the_page_that_uses_it(tmp_path):
    site = built(tmp_path, {"news/index.html": '<a href="../files/gone.pdf">x</a><img src="photo.jpg">'})
    assert [line.split(" / ")[0] for line in rendered(site)] == [
        "site/news/index.html: ลิงก์หรือไฟล์ที่หน้านี้ใช้ (/files/gone.pdf) ไม่มีในเว็บไซต์ที่สร้าง ให้แก้ลิงก์ หรือเพิ่มไฟล์นั้นใน content/",
        "site/news/index.html: ลิงก์หรือไฟล์ที่หน้านี้ใช้ (/news/photo.jpg) ไม่มีในเว็บไซต์ที่สร้าง ให้แก้ลิงก์ หรือเพิ่มไฟล์นั้นใน content/"]


def test_root_relative_links_of_a_site_published_in_a_folder_resolve(tmp_path):
    site = built(tmp_path, {"404.html": '<link rel="stylesheet" href="/office/assets/main.css">',
                            "assets/main.css": ""}, folder="office/")
    assert rendered(site) == []


def test_scripts_styles_fonts_and_images_from_another_host_are_refused(tmp_path):
    page = ('<script src="https://cdn.example.com/x.js"></script>'
            '<link rel="stylesheet" href="//fonts.googleapis.com/css">'
            '<img srcset="https://img.example.com/a.png 1x, ../a.png 2x" src="../a.png">'
            '<div style="background: url(https://img.example.com/b.png)"></div>'
            '<img src="https://www.office.go.th/a.png">'  # the site's own address is not another host
            '<img src="data:image/png;base64,AAAA">')
    css = "@font-face { src: url('https://fonts.gstatic.com/s.woff2') }"
    site = built(tmp_path, {"news/index.html": page, "a.png": "", "assets/x.css": css})
    found = rendered(site)
    assert {line.split(" ผู้เข้าชม")[0] for line in found} == {
        "site/assets/x.css: ไฟล์ CSS นี้โหลดฟอนต์หรือรูปภาพจากเว็บไซต์อื่น ('https://fonts.gstatic.com/s.woff2')",
        "site/news/index.html: หน้านี้โหลดสคริปต์จากเว็บไซต์อื่น ('https://cdn.example.com/x.js')",
        "site/news/index.html: หน้านี้โหลดไฟล์สไตล์ CSS จากเว็บไซต์อื่น ('//fonts.googleapis.com/css')",
        "site/news/index.html: หน้านี้โหลดรูปภาพจากเว็บไซต์อื่น ('https://img.example.com/a.png')",
        "site/news/index.html: หน้านี้โหลดฟอนต์หรือรูปภาพจากเว็บไซต์อื่น ('https://img.example.com/b.png')"}
    assert len(found) == 5 and all(" / " in line and "from another host" in line for line in found)


def test_every_item_of_the_current_years_oit_index_links_its_page(tmp_path):
    items = ITEMS + [{"number": "O2", "urls": ["https://www.office.go.th/oit/2570/o2/"]}]
    site = built(tmp_path, {}, items=items)
    assert [line.split(" / ")[0] for line in rendered(site)] == [
        "site/oit/2570/index.html: ข้อ O2 ไม่มีลิงก์ไปยังหน้าของข้อ (/oit/2570/o2/) ที่มีอยู่ในเว็บไซต์"]


def test_an_evidence_url_given_to_the_assessor_must_be_on_the_site(tmp_path):
    items = [{"number": "O1", "urls": ["https://www.office.go.th/oit/2570/o1/", "https://www.office.go.th/documents/gone/"]}]
    assert [line.split(" / ")[0] for line in rendered(built(tmp_path, {}, items=items))] == [
        "site/oit/2570.json: ข้อ O1: ที่อยู่ /documents/gone ที่ส่งให้ผู้ประเมินไม่มีในเว็บไซต์"]


def test_a_site_without_the_current_fiscal_year_says_which_year_to_prepare(tmp_path):
    site = built(tmp_path, {}, as_of="2027-10-01")  # the first day of fiscal year 2571
    assert rendered(site) == ["site/oit/: ไม่มีหน้า OIT ของปีงบประมาณปัจจุบัน (2571) ให้เตรียมปีด้วยคำสั่ง "
                              "python -m generator new-year 2571 / no OIT index for the current fiscal year 2571; "
                              "prepare it with `python -m generator new-year 2571`"]
