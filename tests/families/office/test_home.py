"""The generated home page (generator/families/office/home.py): entries whose links resolve, the OIT
readiness of the current year as the OIT index counts it, the latest news, and a new office's gaps."""

from __future__ import annotations

import re
from datetime import date

from generator.families.office.home import current_year, keep_together
from generator.pipeline.core import run

from ...conftest import GOOD_TODAY, pages_of, project_with

LINK = re.compile(r"\]\(([^)\s]+)\)")


def _without_index(tmp_path, files=None):
    project = project_with(tmp_path, files or {})
    (project.content_dir / "index.md").unlink()
    return project


def test_home_has_every_entry_and_each_link_resolves(tmp_path):
    result = run(_without_index(tmp_path), GOOD_TODAY)
    pages = pages_of(result)
    home = pages["index.md"]
    assert home.in_nav and home.meta["hide"] == ["toc"]  # the menu stays: keyboard and phone reach every section
    md = home.markdown
    for entry in ("แจ้งเรื่องร้องเรียน", "การเปิดเผยข้อมูล (OIT)", "ไม่รับของขวัญ (No Gift Policy)", "จัดซื้อจัดจ้าง",
                  "ติดต่อเรา", "E-Service", "ข่าวประชาสัมพันธ์"):
        assert entry in md, entry
    targets = {t for t in LINK.findall(md) if not t.startswith(("https://", "mailto:", "tel:"))}
    assert {"complaints/index.md", "oit/2568/index.md", "nogift/index.md", "procurement/index.md",
            "office/contact.md", "news/index.md"} <= targets
    known = set(pages) | {post.src_uri for post in result.site.news}
    assert targets <= known, targets - known
    assert not [p for p in result.problems if p.severity != "note"]  # the build's link check agrees


def test_home_readiness_is_the_oit_index_figure_and_news_are_the_latest(tmp_path):
    result = run(_without_index(tmp_path), GOOD_TODAY)
    pages = pages_of(result)
    oit = re.search(r"ครบถ้วน (\d+) จาก (\d+) ข้อ", pages["oit/2568/index.md"].markdown)
    assert oit and f"ครบถ้วน {oit[1]} จาก {oit[2]} ข้อ" in pages["index.md"].markdown
    for post in result.site.news[:4]:
        assert f"({post.src_uri})" in pages["index.md"].markdown


def test_the_emblem_defaults_to_the_neutral_seal_and_the_statement_to_the_vision(tmp_path):
    result = run(_without_index(tmp_path), GOOD_TODAY)
    pages = pages_of(result)
    assert "images/office-emblem.svg" in pages and "<svg" in pages["images/office-emblem.svg"].text
    assert "](images/office-emblem.svg)" in pages["index.md"].markdown
    office = result.site.office
    assert (office.statement_th or office.vision_th or "") in pages["index.md"].markdown


def test_a_named_emblem_is_used_and_must_exist(tmp_path):
    office = (project_with(tmp_path, {}).data_dir / "office.yml").read_text(encoding="utf-8")
    project = _without_index(tmp_path / "named", {"data/office.yml": office + "emblem: files/logo.svg\n"
                                                   "statement_th: ให้บริการการศึกษาอย่างโปร่งใส\n"})
    result = run(project, GOOD_TODAY)
    assert ("missing_original", "emblem") in {(p.code, p.field) for p in result.problems}
    (project.content_dir / "files" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>', encoding="utf-8")
    pages = pages_of(run(project, GOOD_TODAY))
    assert "images/office-emblem.svg" not in pages
    assert "](files/logo.svg)" in pages["index.md"].markdown
    assert "ให้บริการการศึกษาอย่างโปร่งใส" in pages["index.md"].markdown


def test_a_hand_written_home_page_wins(tmp_path):
    result = run(project_with(tmp_path, {}), GOOD_TODAY)
    pages = pages_of(result)
    assert "index.md" not in pages and "images/office-emblem.svg" not in pages
    assert "page_replaced" not in {p.code for p in result.problems}


def test_a_new_office_with_only_its_name_gets_a_home_page_that_says_what_to_fill_in(tmp_path):
    project = _without_index(tmp_path, {"data/office.yml": "name_th: สำนักงานใหม่ เขต 2\n"})
    result = run(project, GOOD_TODAY)
    md = pages_of(result)["index.md"].markdown
    assert "# สำนักงานใหม่ เขต&nbsp;2" in md
    assert "ข้อมูลหน้าแรกยังไม่ครบ" in md
    for key in ("statement_th", "address_th", "phones", "emails", "office_hours_th", "eservices"):
        assert f"<code>{key}</code>" in md, key
    assert "ยังไม่มีรายการบริการออนไลน์" in md


def test_no_office_file_still_builds_a_home_page(tmp_path):
    project = _without_index(tmp_path)
    (project.data_dir / "office.yml").unlink()
    md = pages_of(run(project, GOOD_TODAY))["index.md"].markdown
    assert "เว็บไซต์เปิดเผยข้อมูลสาธารณะ" in md and "<code>name_th</code>" in md


def test_a_word_and_its_number_never_part():
    assert keep_together("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1") == \
        "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต&nbsp;1"
    assert keep_together("สพม. เขต ๒ พ.ศ. 2568") == "สพม\\. เขต&nbsp;๒ พ\\.ศ\\.&nbsp;2568"
    assert keep_together("<b> เขต 1") == "&lt;b&gt; เขต&nbsp;1"  # escaped first


def test_the_current_year_is_the_build_dates_or_the_last_configured_before_it(site):
    assert current_year(site) == 2568
    later = type(site)(**{**site.__dict__, "today": date(2027, 12, 1)})
    assert current_year(later) == 2568


def test_eservices_come_from_office_yml_or_else_from_the_e_service_documents(tmp_path):
    office = (project_with(tmp_path, {}).data_dir / "office.yml").read_text(encoding="utf-8")
    documents = ("documents:\n  - id: eservice-2568\n    title_th: ระบบบริการอิเล็กทรอนิกส์\n    kind: other\n"
                 "    topics: [service.eservice]\n    date: 2024-10-01\n    url: https://www.test.example.go.th/e/\n"
                 "    summary_th: ยื่นคำขอออนไลน์\n")
    result = run(_without_index(tmp_path / "docs", {"data/documents/2568.yml": documents}), GOOD_TODAY)
    md = pages_of(result)["index.md"].markdown
    assert "[ระบบบริการอิเล็กทรอนิกส์](https://www.test.example.go.th/e/)<br>ยื่นคำขอออนไลน์" in md
    assert "[รายละเอียด](documents/eservice-2568.md)" in md and "<code>eservices</code>" not in md
    own = office + "eservices:\n  - title_th: ระบบรับสมัครนักเรียน\n    url: https://www.test.example.go.th/a/\n"
    result = run(_without_index(tmp_path / "own", {"data/documents/2568.yml": documents, "data/office.yml": own}),
                 GOOD_TODAY)
    md = pages_of(result)["index.md"].markdown
    assert "[ระบบรับสมัครนักเรียน](https://www.test.example.go.th/a/)" in md and "eservice-2568" not in md


def test_the_sitemap_lists_every_menu_section_with_its_year_pages(tmp_path):
    result = run(_without_index(tmp_path), GOOD_TODAY)
    pages = pages_of(result)
    md = pages["sitemap.md"].markdown
    targets = LINK.findall(md)
    assert {p.src_uri for p in pages.values() if getattr(p, "in_nav", False)} <= set(targets)
    assert "    - [No Gift Policy ปีงบประมาณ พ\\.ศ\\. 2568](nogift/2568/index.md)" in md
    assert set(targets) <= set(pages), set(targets) - set(pages)


def test_a_hand_written_sitemap_wins(tmp_path):
    result = run(project_with(tmp_path, {"content/sitemap.md": "# แผนผัง\n"}), GOOD_TODAY)
    assert "sitemap.md" not in pages_of(result)
    assert "page_replaced" not in {p.code for p in result.problems}



def test_the_home_page_and_the_sitemap_stay_out_of_the_site_search(tmp_path):
    from generator.search import build_index
    for rel in ("", "sitemap/", "office/contact/"):
        (tmp_path / rel).mkdir(parents=True, exist_ok=True)
        (tmp_path / rel / "index.html").write_text(
            "<html><head><title>t</title></head><body><article><h1>หน้า</h1><p>ที่อยู่</p></article></body></html>",
            encoding="utf-8")
    assert build_index(tmp_path, frozenset({"", "sitemap/"})).pages == 1
