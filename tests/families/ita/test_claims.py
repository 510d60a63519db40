"""What a report says about its own scores (highest, lowest, the table's order), a year's level as printed
on its own scale, and a rank as printed (issue 18): kept as printed, shown beside what the scores show,
warned where the scores contradict them, acknowledgeable.
"""

from __future__ import annotations

from generator.base.problems import render_report

from tests.conftest import located, md_tables
from tests.families.ita.test_ita import WORKED, loaded
from tests.families.ita.test_pages import built, rows_of

# สพป.สมุทรสาคร 2562 (tests/data/real/spp-samutsakhon): indicator 3 (99.30) is the highest, not 1 (99.08).
REAL = ("indicators: {1: 99.08, 2: 96.94, 3: 99.30, 4: 98.55, 5: 98.72, 6: 95.75, 7: 91.75, 8: 89.72, "
        "9: 86.81, 10: 83.04}\ntotal_published: 91.25\n")
CLAIMS = "stated_highest: 1\nstated_lowest: 10\nstated_order: descending\n"
ACKNOWLEDGED = """\
acknowledged:
  stated_highest:
    reason_th: ตามที่พิมพ์ในรายงานฉบับที่เผยแพร่
    date: 2568-10-01
"""


def test_claims_the_scores_contradict_are_warned_at_their_line(tmp_path):
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": REAL + CLAIMS})
    assert located(problems) == {("stated_differs", 3, "stated_highest"), ("stated_differs", 5, "stated_order")}
    assert all(p.severity == "warning" and p.file == "data/ita/2568.yml" for p in problems)
    highest = next(p for p in problems if p.field == "stated_highest")
    assert "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.08)" in highest.th and "ตัวชี้วัดที่ 3 การใช้อำนาจ (99.30)" in highest.th
    assert "acknowledged: stated_highest" in highest.th
    order = next(p for p in problems if p.field == "stated_order")
    assert "ตัวชี้วัดที่ 2 (96.94) อยู่ก่อนตัวชี้วัดที่ 3 (99.30)" in order.th


def test_the_page_shows_each_claim_beside_the_scores_and_why_it_is_kept(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2568.yml": REAL + CLAIMS + ACKNOWLEDGED})
    assert [(p.field, p.severity) for p in problems] == [("stated_highest", "note"), ("stated_order", "warning")]
    assert "รับทราบแล้วเมื่อ 2568-10-01" in render_report(problems)
    md = md_tables(pages["ita/2568/index.md"].markdown).replace("\\", "")
    claims = md.split("## ข้อความในรายงานเกี่ยวกับคะแนน")[1].split("## ")[0]
    assert ("- รายงานระบุว่าสูงสุดคือ ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.08) · "
            "คะแนนสูงสุดตามตารางคือ ตัวชี้วัดที่ 3 การใช้อำนาจ (99.30)\n") in claims
    assert "- รายงานระบุว่าต่ำสุดคือ ตัวชี้วัดที่ 10 การป้องกันการทุจริต (83.04) · " in claims
    assert "(83.04) (ตรงกัน)" in claims  # a claim the scores bear out is shown, and said to agree
    assert '!!! note "ตัวชี้วัดที่ได้คะแนนสูงสุด: ข้อความในรายงานไม่ตรงกับคะแนน"' in claims
    assert "สำนักงานคงข้อความตามที่เผยแพร่ไว้ เหตุผล: ตามที่พิมพ์ในรายงานฉบับที่เผยแพร่" in claims
    assert '!!! note "ลำดับของตารางคะแนน: ข้อความในรายงานไม่ตรงกับคะแนน"' in claims  # not acknowledged: no reason
    assert claims.count("สำนักงานคงข้อความ") == 1


def test_claims_the_scores_bear_out_are_not_warned(tmp_path):
    # Highest 3, lowest 10; a table printed from high to low with printed_order; a tie named in full.
    order = "printed_order: [3, 1, 5, 4, 2, 6, 7, 8, 9, 10]\n"
    text = REAL + "stated_highest: 3\nstated_lowest: 10\nstated_order: descending\n" + order
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": text})
    assert problems == []
    tie = REAL.replace("1: 99.08", "1: 99.30")
    _, problems = loaded(tmp_path / "b", {"data/ita/2568.yml": tie + "stated_highest: [3, 1]\n"})
    assert problems == []
    _, problems = loaded(tmp_path / "c", {"data/ita/2568.yml": tie + "stated_highest: 3\n"})
    assert "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.30) และตัวชี้วัดที่ 3 การใช้อำนาจ (99.30)" in problems[0].th


def test_an_ascending_order_is_checked_on_the_printed_order(tmp_path):
    ascending = "stated_order: ascending\nprinted_order: [10, 9, 8, 7, 6, 2, 4, 5, 1, 3]\n"
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": REAL + ascending})
    assert problems == []
    _, problems = loaded(tmp_path / "b", {"data/ita/2568.yml": REAL + "stated_order: ascending\n"})
    assert located(problems) == {("stated_differs", 3, "stated_order")}
    assert "ตัวชี้วัดที่ 1 (99.08) อยู่ก่อนตัวชี้วัดที่ 2 (96.94)" in problems[0].th


def test_a_level_of_an_earlier_scale_is_shown_as_printed_and_never_judged(tmp_path):
    # ITA 2561 printed levels in words; its scale and pass mark are not the AA–F and 85 of 2562 onward.
    pages, problems = built(tmp_path, {"data/ita/2561.yml": "total_published: 85.77\nlevel_published: สูงมาก\n",
                                       "data/ita/2562.yml": REAL})
    assert problems == []
    md = md_tables(pages["ita/2561/index.md"].markdown)
    assert "| ระดับ | **สูงมาก** |" in md
    assert "(คำนวณ)" not in md and "เกณฑ์ผ่าน" not in md and "ผ่าน (" not in md
    assert "ประเมินตามหลักเกณฑ์ก่อนปีงบประมาณ 2562" in md and "มีเฉพาะคะแนนรวมตามที่ประกาศ" in md
    history = md_tables(pages["ita/index.md"].markdown)
    assert "| 2561 | 85\\.77 | สูงมาก |  |  |  |  | ไม่มีคะแนนรายตัวชี้วัด |" in history
    assert "| 2562 | 91\\.25 | A | ผ่าน | \\+5\\.48 | เพิ่มขึ้น |" in history  # 2562 is judged, on its scale
    assert rows_of(pages["ita/history.csv"])[2][:4] == ["2561", "85.77", "สูงมาก", ""]


def test_a_level_off_the_scale_in_a_year_assessed_on_it_is_kept_and_warned(tmp_path):
    pages, problems = built(tmp_path, {"data/ita/2568.yml": WORKED + "level_published: A+\n"})
    assert [(p.code, p.line, p.field, p.severity) for p in problems] == [
        ("unknown_level", 2, "level_published", "warning")]
    assert "'A+'" in problems[0].th and "AA–F" in problems[0].th
    assert "| ระดับ | **A\\+** |" in md_tables(pages["ita/2568/index.md"].markdown)  # as printed, not compared with A


def test_a_rank_as_printed_stands_beside_the_numeric_rank(tmp_path):
    band = "rank_th: 1 ใน 100 อันดับแรกจาก 225 เขต\n"
    pages, problems = built(tmp_path, {"data/ita/2568.yml": WORKED + "rank: 31\nrank_of: 245\n" + band,
                                       "data/ita/2567.yml": "total_published: 85.77\n" + band})
    assert problems == []
    assert "| อันดับระดับประเทศ | 31 จาก 245 · 1 ใน 100 อันดับแรกจาก 225 เขต |" in md_tables(pages["ita/2568/index.md"].markdown)
    assert "| อันดับระดับประเทศ | 1 ใน 100 อันดับแรกจาก 225 เขต |" in md_tables(pages["ita/2567/index.md"].markdown)
    assert rows_of(pages["ita/history.csv"])[2][6] == "1 ใน 100 อันดับแรกจาก 225 เขต"
