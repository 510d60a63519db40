"""Procurement pages: one per month with its CSV, the nil month, the yearly sums."""

from __future__ import annotations

import csv
import io
from datetime import date

from generator.pipeline.core import run

from tests.conftest import project_with, md_tables
from tests.families.procurement.test_procurement import ROWS, SKR1


def built(tmp_path, files, today=date(2025, 5, 15)):
    project = project_with(tmp_path, {})
    for rel, content in files.items():
        target = project.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode() if isinstance(content, str) else content)
    result = run(project, today)
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}


MONTHS = {"data/procurement/2568/10.yml": "rows: []\n", "data/procurement/2568/11.csv": SKR1 + ROWS}


def test_each_month_is_a_page_tagged_for_the_monthly_item(tmp_path):
    pages = built(tmp_path, MONTHS)
    november = pages["procurement/2568/11.md"]
    assert november.url == "/procurement/2568/11/"
    assert november.topics == ["procurement.monthly"] and november.meta["period"] == "2567-11"
    md = md_tables(november.markdown)
    assert "# สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤศจิกายน 2567" in md
    assert "2 รายการ ราคาที่ตกลงซื้อหรือจ้างรวม 16,750\\.30 บาท" in md
    assert "| **รวม** |  | **17,000\\.00** | **17,000\\.00** |" in md
    rows = list(csv.reader(io.StringIO(pages["procurement/2568/procurement-11.csv"].text.lstrip("\ufeff"))))
    assert rows[0][:3] == ["ลำดับ", "งานที่จัดซื้อหรือจัดจ้าง", "วงเงินงบประมาณ (บาท)"]
    assert rows[1][1] == "จัดซื้อวัสดุสำนักงาน" and rows[-1][0] == "รวม"


def test_a_month_without_purchases_says_so(tmp_path):
    md = md_tables(built(tmp_path, MONTHS)["procurement/2568/10.md"].markdown)
    assert '<p class="oit-nil">ไม่มีการจัดซื้อจัดจ้าง</p>' in md


def test_the_year_sums_months_and_methods(tmp_path):
    pages = built(tmp_path, MONTHS)
    md = md_tables(pages["procurement/2568/index.md"].markdown)
    assert "| ตุลาคม 2567 | ไม่มีการจัดซื้อจัดจ้าง |  |  |" in md
    assert "| พฤศจิกายน 2567 | 2 | 17,000\\.00 | 16,750\\.30 |" in md
    assert "| ธันวาคม 2567 | ยังไม่มีข้อมูล |  |  |" in md
    assert "| เฉพาะเจาะจง | 2 | 17,000\\.00 | 16,750\\.30 |" in md
    assert pages["procurement/index.md"].in_nav


def test_example_months_include_a_windows_874_csv_an_xlsx_and_a_nil_month(example_site):
    november = example_site.html("/procurement/2568/11/")  # data/procurement/2568/11.csv is Windows-874
    assert "98,760.00" in november and "จัดซื้อ" in november
    december = example_site.html("/procurement/2568/12/")  # 12.xlsx, the e-GP layout
    assert "เลขที่โครงการ e-GP" in december and "213,455.00" in december
    assert "ไม่มีการจัดซื้อจัดจ้าง" in example_site.html("/procurement/2568/10/")
    assert example_site.path("/procurement/2568/procurement-12.csv").read_text(encoding="utf-8-sig").startswith("ลำดับ,")


def test_the_monthly_oit_item_is_answered_by_the_generated_months(example_site):
    item = example_site.html("/oit/2568/o12/")  # NACC 2568 O12: the months of the first half
    for month in ("10", "11", "12", "01", "02", "03"):
        assert f'href="../../../procurement/2568/{month}/"' in item
    assert "ครบถ้วน" in item
