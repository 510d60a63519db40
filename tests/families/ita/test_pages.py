"""ITA result pages: the history and the year."""

from __future__ import annotations

import csv
import io
from datetime import date

from generator.pipeline.core import run

from tests.families.ita.test_ita import WORKED, YEAR_2566
from tests.conftest import project_with, md_tables


def built(tmp_path, files, today=date(2025, 5, 15)):
    result = run(project_with(tmp_path, files), today, "https://www.example.go.th/")
    assert result.ok, [p.render() for p in result.problems]
    return {p.src_uri: p for p in result.pages}, result.problems


def rows_of(asset) -> list[list[str]]:
    return list(csv.reader(io.StringIO(asset.text.lstrip("\ufeff"))))


def test_history_lists_every_year_with_level_change_and_trend(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2566.yml": YEAR_2566, "data/ita/2567.yml": WORKED,
                                       "data/ita/2568.yml": WORKED + "rank: 31\nrank_of: 245\n"})
    assert problems == []
    index = pages["ita/index.md"]
    assert index.in_nav and index.url == "/ita/" and index.topics == []
    md = md_tables(index.markdown)
    assert "| 2568 | 89\\.91 | A | ผ่าน | 0\\.00 | เท่าเดิม | 31 จาก 245 |" in md
    assert "| 2567 | 89\\.91 | A | ผ่าน | \\+4\\.95 | เพิ่มขึ้น |  |" in md
    assert "| 2566 | 84\\.96 | B | ไม่ผ่าน |  |  |  |" in md
    assert md.index("| 2568 |") < md.index("| 2566 |")  # newest first
    # The chart of the totals: values as text, bars on a 0–100 scale, and a text alternative.
    assert '<span class="oit-visually-hidden">คะแนน ITA </span>84.96' in md and 'style="width:72.2%"' in md
    assert "ปีงบประมาณ 2566 84.96 ระดับ B, ปีงบประมาณ 2567 89.91 ระดับ A" in md
    assert rows_of(pages["ita/history.csv"])[1] == ["2568", "89.91", "A", "ผ่าน", "0.00", "เท่าเดิม", "31 จาก 245",
                                                    "คำนวณจากคะแนนรายตัวชี้วัด"]  # nothing published: said so
    assert "[ปีงบประมาณ พ\\.ศ\\. 2566](2566/index.md)" in md


def test_without_results_the_index_says_what_to_add(tmp_path):
    pages, _ = built(tmp_path, {})
    assert "data/ita/&lt;ปีงบประมาณ&gt;.yml" in md_tables(pages["ita/index.md"].markdown)
    assert "data/measures/&lt;ปีงบประมาณ&gt;.yml" in md_tables(pages["measures/index.md"].markdown)
    assert "ita/2568/index.md" not in pages


def test_the_year_page_judges_each_indicator_and_lists_strengths_and_weaknesses(tmp_path):
    pages, _ = built(tmp_path, {"data/ita/2566.yml": YEAR_2566})
    year = pages["ita/2566/index.md"]
    assert year.url == "/ita/2566/" and year.meta["period"] == "2566" and year.topics == [] and not year.in_nav
    md = md_tables(year.markdown)
    # Nothing published: the figures are computed, and the page says so.
    assert "| คะแนนรวม | **84\\.96 (คำนวณ)** คะแนน |" in md and "| ระดับ | **B (คำนวณ)** (Good) |" in md
    assert "| ผลการประเมิน | ไม่ผ่าน (เกณฑ์ผ่าน 85 คะแนน) |" in md
    assert "| IIT แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน | 1–5 | 86\\.82 | 30 |  | 26\\.05 |" in md
    assert "| EIT แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก | 6–8 | 86\\.55 | 30 |  | 25\\.97 |" in md
    assert "| OIT แบบตรวจการเปิดเผยข้อมูลสาธารณะ | 9–10 | 82\\.38 | 40 |  | 32\\.95 |" in md
    assert "| **คะแนนรวม** |  |  | **100** |  | **84\\.96** |" in md
    assert "| 8 | การปรับปรุงระบบการทำงาน | EIT | 82\\.75 | B | ไม่ผ่าน |" in md
    assert "| 4 | การใช้ทรัพย์สินของราชการ | IIT | 85\\.40 | A | ผ่าน |" in md
    strengths, weaknesses = md.split("**จุดที่ต้องพัฒนา**")
    assert "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ 85\\.40" in strengths.split("**จุดแข็ง**")[1]
    assert weaknesses.index("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล 78\\.50") < weaknesses.index("ตัวชี้วัดที่ 8")
    assert "ผ่านเกณฑ์ 85 คะแนน 8 ตัวชี้วัด ไม่ผ่าน 2 ตัวชี้วัด: ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (78.50)" in md
    assert "ตัวเลขที่เผยแพร่ต่างจากที่คำนวณได้" not in md  # nothing published to compare
    assert rows_of(pages["ita/2566/indicators.csv"])[9] == ["9", "การเปิดเผยข้อมูล", "OIT", "78.50", "B", "ไม่ผ่าน"]




def test_the_item_table_is_shown_with_titles_and_recomputed_indicators(tmp_path):
    items = "oit_items: {O1: 100, O2: 100, O3: 0, O4: 100, O5: 100, O6: 100, O7: 0}\n"
    text = WORKED.replace("9: 84.42", "9: 83.33").replace("10: 93.75", "10: 50")
    pages, problems = built(tmp_path, {"data/ita/2568.yml": text + items})
    assert problems == []
    md = md_tables(pages["ita/2568/index.md"].markdown)
    assert "| O3 | " in md and "| 9\\.1 | 0 |" in md
    assert "| ตัวชี้วัดย่อย 9\\.1 |  | 66\\.67 |" in md  # no published sub-indicator score: computed only
    assert "| ตัวชี้วัดที่ 9 | 83\\.33 | 83\\.33 |" in md and "| ตัวชี้วัดที่ 10 | 50\\.00 | 50\\.00 |" in md
    assert rows_of(pages["ita/2568/oit-items.csv"])[3][::3] == ["O3", "0"]


def test_example_pages_are_built(example_site):
    history = example_site.html("/ita/")
    assert "89.91" in history and "92.58" in history and "+2.67" in history and "เพิ่มขึ้น" in history
    year = example_site.html("/ita/2568/")
    assert "26.81" in year and "27.47" in year and "35.63" in year and "จุดที่ต้องพัฒนา" in year
    latest = example_site.html("/ita/2569/")
    assert "เป้าหมายของสำนักงาน" in latest and "บรรลุ" in latest  # the office's targets beside its result
    assert example_site.path("/ita/2569/oit-items.csv").read_text(encoding="utf-8-sig").startswith("ข้อ,")
    measures = example_site.html("/measures/2568/")
    assert "83.45" in measures and "การใช้ทรัพย์สินของราชการ" in measures
    lowest = example_site.html("/measures/2569/")
    assert "คะแนนต่ำสุดตามลำดับ 3 ลำดับ" in lowest and "ทุกกลุ่ม/หน่วย" in lowest
    assert 'href="ita/"' in example_site.html("/") or 'href="./ita/"' in example_site.html("/")
