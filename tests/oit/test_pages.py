"""The OIT index, item pages and exports of the small test office (framework custom-2568)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jsonschema import Draft202012Validator

import generator

from generator.pipeline.core import run
from generator.pipeline.load import Project
from generator.engine.pages import Asset, Page

from tests.conftest import GOOD, GOOD_TODAY


def built():
    result = run(Project.at(GOOD), GOOD_TODAY, "https://www.test.example.go.th/")
    pages = {p.url: p for p in result.pages if isinstance(p, Page)}
    assets = {a.src_uri: a.text for a in result.pages if isinstance(a, Asset)}
    return pages, assets


def test_index_and_one_page_per_item_at_stable_urls():
    pages, _ = built()
    assert pages["/oit/"].in_nav
    assert "/oit/2568/" in pages
    assert {f"/oit/2568/o{n}/" for n in range(1, 8)} <= set(pages)
    assert not pages["/oit/2568/o5/"].in_nav


def test_index_shows_every_status_with_links_to_evidence():
    md = built()[0]["/oit/2568/"].markdown
    assert "## ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล" in md and "### 9\\.2 การบริหารงาน" in md
    assert "oit-status--complete" in md and "oit-status--missing" in md
    assert "[O5](o5.md)" in md
    assert "[โครงสร้างหน่วยงาน](../../office/structure.md)" in md
    assert "(../../documents/strategic-plan.md)" in md


def test_item_page_says_what_is_missing_and_what_is_required():
    md = built()[0]["/oit/2568/o5/"].markdown
    assert "- ไม่มีข้อมูลเดือนกุมภาพันธ์ 2568" in md
    assert "ต้องมีทุกเดือน ต\\.ค\\. – มี\\.ค\\." in md
    assert "ไม่มีการจัดซื้อจัดจ้าง" in md


def test_json_export_is_the_stable_form_with_absolute_urls():
    data = json.loads(built()[1]["oit/2568.json"])
    assert set(data) == {"format", "generator", "office", "year", "framework", "provisional", "provisional_th", "as_of",
                         "items", "scores"}
    assert data["format"] == 1 and data["office"]["name_th"] == "สำนักงานทดสอบ"
    schema = json.loads((Path(generator.__file__).parent / "federation" / "oit-export.schema.json").read_text("utf-8"))
    assert list(Draft202012Validator(schema).iter_errors(data)) == []  # the documented, versioned format
    assert (data["year"], data["framework"], data["as_of"]) == (2568, "custom-2568", "2025-05-15")
    assert (data["provisional"], data["provisional_th"]) == (False, None)
    o2 = next(i for i in data["items"] if i["number"] == "O2")
    assert o2["status"] == "complete" and o2["answer"] == "มี"
    assert o2["urls"] == ["https://www.test.example.go.th/oit/2568/o2/",
                          "https://www.test.example.go.th/documents/strategic-plan/"]
    assert data["scores"] == {"sub_indicators": {"9.1": 100.0, "9.2": 50.0, "10.1": 50.0},
                              "indicators": {"9": 75.0, "10": 50.0}, "oit": 62.5, "oit_weighted": 25.0}


def test_csv_export_opens_in_excel_with_thai():
    text = built()[1]["oit/2568.csv"]
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["ข้อ", "รายการ", "คำตอบ", "สถานะ", "URL", "คำอธิบาย", "เหตุผล", "กรอบการประเมิน", "รายการชั่วคราว"]
    o7 = next(r for r in rows if r[0] == "O7")
    assert o7[2] == "ไม่มี" and o7[3] == "missing" and "แผนปฏิบัติการป้องกันการทุจริต" in o7[6]


def test_status_class_is_a_plain_html_attribute():
    md = built()[0]["/oit/2568/o5/"].markdown
    assert '<span class="oit-status oit-status--missing">ไม่มีข้อมูล</span>' in md


def test_an_item_without_known_elements_points_to_the_years_manual(tmp_path):
    from generator.oit.framework import SHIPPED
    from tests.conftest import project_with

    md = built()[0]["/oit/2568/o2/"].markdown
    assert "- ดูคู่มือการประเมินของปีนี้\n" in md
    catalogue = (GOOD / "data" / "frameworks" / "custom-2568.yml").read_text(encoding="utf-8")
    with_manual = catalogue.replace("sources:", "manual_url: https://manual.example.go.th/ita-2568.pdf\nsources:", 1)
    result = run(project_with(tmp_path, {"data/frameworks/custom-2568.yml": with_manual}), GOOD_TODAY)
    page = next(p for p in result.pages if isinstance(p, Page) and p.url == "/oit/2568/o2/")
    assert "- [ดูคู่มือการประเมินของปีนี้](https://manual.example.go.th/ita-2568.pdf)" in page.markdown
    shown = [text for path in SHIPPED.glob("*.yml") for line in path.read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith("#") for text in [line]]
    assert not [line for line in shown if "กู้คืน" in line]  # a note of our research is no text for the public
