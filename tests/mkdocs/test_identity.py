"""The office's identity comes from data/office.yml: a new office edits its data, never mkdocs.yml."""

from __future__ import annotations

import re

import yaml

from tests.conftest import GOOD, build_project, project_with


def another_office(tmp_path):
    """The test office renamed in office.yml only (its mkdocs.yml still says สำนักงานทดสอบ)."""
    office = yaml.safe_load((GOOD / "data" / "office.yml").read_text(encoding="utf-8"))
    office |= {"name_th": 'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดลอง "ราชพฤกษ์ & ชัยพฤกษ์"',
               "short_name_th": "สพม.ทดลอง", "website": "https://www.spm-tumlong.example.go.th/"}
    text = yaml.safe_dump(office, allow_unicode=True, sort_keys=False)
    return project_with(tmp_path, {"data/office.yml": text}).root


def test_page_titles_description_and_footer_name_the_office_of_office_yml(tmp_path):
    root = another_office(tmp_path)
    mkdocs_yml = (root / "mkdocs.yml").read_text(encoding="utf-8")
    build_project(root, root / "site")
    page = (root / "site" / "office" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "<title>ข้อมูลการติดต่อ - สพม.ทดลอง</title>" in page
    assert 'aria-label="สพม.ทดลอง"' in page  # the header and the navigation
    name = "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาทดลอง &quot;ราชพฤกษ์ &amp; ชัยพฤกษ์&quot;"
    footer = re.search(r'<div class="md-copyright__highlight">\s*(.*?)\s*</div>', page, re.S)[1]
    assert footer == f"{name} · ข้อมูลเผยแพร่ตามหลักการเปิดเผยข้อมูลสาธารณะ"
    # Each page describes itself (generator/mkdocs/typeset.py); the office's name reaches it escaped.
    described = re.search(r'<meta name="description" content="([^"]*)">', page)[1]
    assert described and described != f"เว็บไซต์เปิดเผยข้อมูลสาธารณะ {name}" and '"' not in described
    assert "สำนักงานทดสอบ" not in page.replace("เพจสำนักงานทดสอบ", "")  # mkdocs.yml's site_name is gone
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == mkdocs_yml


def test_the_site_address_is_the_office_website_unless_mkdocs_yml_sets_one(tmp_path):
    root = another_office(tmp_path)
    build_project(root, root / "site")
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://www.spm-tumlong.example.go.th/">' in home
    export = (root / "site" / "oit" / "2568.json").read_text(encoding="utf-8")
    assert "https://www.spm-tumlong.example.go.th/oit/2568/o1/" in export
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_url: https://oit.example.go.th/\n" + config, encoding="utf-8")
    build_project(root, root / "site")
    assert "https://oit.example.go.th/oit/2568/o1/" in (root / "site" / "oit" / "2568.json").read_text(encoding="utf-8")
