"""Real offices, real reports: each fixture under tests/data/real/ is a published report of a real
Educational Service Area office entered as data (docs/real-offices.md says where each came from and
what of it has a place). The site must reproduce the figures the report states, show the printed
ones as the official ones, and warn, at the file and line, about what in the report is inconsistent.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.pipeline.core import Result, run
from generator.pipeline.load import Project

from .conftest import build_project, md_tables

REAL = Path(__file__).parent / "data" / "real"
# สพป.สมุทรสาคร: the OIT pack O42–O43 of fiscal year 2563, seen on the day after it was signed
# (fiscal year 2563 current, 2562 the previous one, so nothing in it is history yet).
SKN = REAL / "spp-samutsakhon"
SKN_TODAY = date(2020, 7, 1)
# สพม. เขต 1: its ITA Online result of fiscal year 2561 (a total only), a week after the announcement.
SPM1 = REAL / "spm-1"
SPM1_TODAY = date(2018, 8, 1)
# นครราชสีมา: teachers, pupils and their ratio in its nine ESA offices, fiscal year 2561 (MOE monitoring).
KORAT = REAL / "korat-esa"
KORAT_TODAY = date(2018, 9, 1)


def _run(root: Path, today: date) -> Result:
    result = run(Project.at(root), today)
    assert result.ok, [p.render() for p in result.problems if p.severity == "error"]
    return result


@pytest.fixture(scope="module")
def skn() -> Result:
    return _run(SKN, SKN_TODAY)


@pytest.fixture(scope="module")
def spm1() -> Result:
    return _run(SPM1, SPM1_TODAY)


@pytest.fixture(scope="module")
def korat() -> Result:
    return _run(KORAT, KORAT_TODAY)


def markdown(result: Result, src_uri: str) -> str:
    """The Markdown of one generated page, with the escapes of the renderer removed for reading."""
    pages = {p.src_uri: p for p in result.pages}
    assert src_uri in pages, sorted(pages)
    return md_tables(pages[src_uri].markdown).replace("\\", "")


def line_of(root: Path, rel: str, text: str, after: str = "") -> int:
    """The 1-based line of the first line holding `text` (after the first line holding `after`)."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines[start:], start) if text in line) + 1


def found(result: Result, code: str) -> set[tuple[str, int, str, str]]:
    """(file, line, field, severity) of every problem with `code`."""
    return {(p.file, p.line, p.field, p.severity) for p in result.problems if p.code == code}


def unacknowledged(office: Path, tmp_path: Path) -> Path:
    """A copy of a real office with every `acknowledged:` block of its data removed: as entered, before
    the webmaster said the discrepancies are as printed."""
    root = tmp_path / office.name
    shutil.copytree(office, root)
    for path in (root / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"^acknowledged:\n(?:[ #].*\n|\n)*", "", text, flags=re.M), encoding="utf-8")
    return root


# --- สพป.สมุทรสาคร: ITA 2562 as the analysis report prints it ---------------------------------------

def test_skn_ita_2562_shows_the_printed_total_and_the_ten_scores(skn):
    page = markdown(skn, "ita/2562/index.md")
    assert "91.25" in page and "**A**" in page and "31" in page
    for score in ("99.08", "96.94", "99.30", "98.55", "98.72", "95.75", "91.75", "89.72", "86.81", "83.04"):
        assert score in page, score


def test_skn_printed_total_91_25_is_the_weighted_total_of_its_ten_scores(skn):
    # The table's row "รวม ๙๑.๒๕" is neither the sum (939.66) nor the mean (93.97) of its rows: it is
    # IIT 30 / EIT 30 / OIT 40 of the means, 29.56 + 27.72 + 33.97 = 91.2474, printed 91.25. No warning
    # about a figure: the file's only problems are the two claims of the text, acknowledged (below).
    page = markdown(skn, "ita/2562/index.md")
    for weighted in ("29.56", "27.72", "33.97"):
        assert weighted in page
    assert {p.code for p in skn.problems if p.file == "data/ita/2562.yml"} == {"stated_differs"}


# --- สพป.สมุทรสาคร: the measures answer the four lowest indicators, as the analysis names them ----------

def test_skn_measures_answer_the_four_lowest_indicators_the_analysis_names(skn):
    # "ตัวชี้วัดที่มีค่าคะแนนต่ำ ๔ ลำดับ": 10, 9, 8, 7; only 10 is below the pass mark, and no warning says
    # otherwise because the file says what the office chose (weak_basis: lowest, weak_printed: 4).
    assert not [p for p in skn.problems if p.file == "data/measures/2563.yml"]
    page = markdown(skn, "measures/2563/index.md")
    weak = [line.split(" | ")[0].strip("| ") for line in page.splitlines()
            if line.startswith("| ") and line.endswith(("| B |", "| A |"))]
    assert weak == ["10", "9", "8", "7"]
    assert "ประกาศระบุจำนวนตัวชี้วัดที่เป็นจุดอ่อน 4 ตัวชี้วัด" in page


def test_skn_owners_are_as_printed_one_group_per_measure_or_every_group(skn):
    page = markdown(skn, "measures/2563/index.md")
    assert "| การเปิดโอกาสให้เกิดการมีส่วนร่วม | ทุกกลุ่ม/หน่วย |" in page
    assert "| จัดทำแผนปฏิบัติการประจำปีและแผนพัฒนาการศึกษา | กลุ่มนโยบายและแผน |" in page
    assert "ระยะเวลาดำเนินการ" not in page and "ผู้กำกับติดตาม" not in page  # none printed, none invented


def test_skn_undated_report_on_the_measures_is_shown_undated_and_o43_is_not_current(skn):
    # The report is undated and was written when the six-month round (October–March) had long ended.
    assert "ไม่ระบุวันที่" in markdown(skn, "documents/measures-report-2563.md")
    o43 = markdown(skn, "oit/2563/o43.md")
    assert "ไม่เป็นปัจจุบัน" in o43 and "ไม่มีรายงานที่ครอบคลุมรอบ 6 เดือน" in o43
    assert "measures-report-2563" in o43


def test_skn_measures_page_keeps_the_announcement_and_every_area(skn):
    page = markdown(skn, "measures/2563/index.md")
    assert "25 มิถุนายน 2563" in page
    assert "ฝึกระวัง ตรวจสอบการทุจริตภายในหน่วยงาน" in page  # printed as it is (เฝ้าระวัง is meant)
    assert "www.skn.go.th" in page and "One Stop Service" in page
    for number in ("10", "9", "8", "7"):
        assert f"ตัวชี้วัดที่ {number} " in page


def test_skn_order_169_2563_is_published_with_its_committee(skn):
    page = markdown(skn, "policies/order-169-2563.md")
    assert "ที่ ๑๖๙/๒๕๖๓" in page
    assert "12. นางอลินดา กิตติทรงภพ นักวิชาการศึกษาชำนาญการ กรรมการและผู้ช่วยเลขานุการ" in page
    assert "รักษาราชการแทน" in page


# --- สพป.สมุทรสาคร: the analysis's claims about its own table, wrong twice ------------------------------

def skn_claim_lines() -> dict[str, int]:
    rel = "data/ita/2562.yml"
    return {field: line_of(SKN, rel, f"{field}:") for field in ("stated_order", "stated_highest")}


def test_skn_claims_the_table_contradicts_block_a_strict_check_until_acknowledged(tmp_path, capsys):
    # "ตารางที่ ๑ ... เรียงลำดับค่าคะแนนจากมากไปน้อย" lists the indicators in their own order 1–10, and
    # "ตัวชี้วัดการปฏิบัติหน้าที่ ได้คะแนนสูงสุด ร้อยละเฉลี่ย ๙๙.๐๘" while indicator 3 การใช้อำนาจ has 99.30.
    root = unacknowledged(SKN, tmp_path)
    result = _run(root, SKN_TODAY)
    lines = skn_claim_lines()
    assert found(result, "stated_differs") == {("data/ita/2562.yml", line, field, "warning")
                                               for field, line in lines.items()}
    highest = next(p for p in result.problems if p.field == "stated_highest")
    assert "การปฏิบัติหน้าที่ (99.08)" in highest.th and "การใช้อำนาจ (99.30)" in highest.th
    order = next(p for p in result.problems if p.field == "stated_order")
    assert "จากมากไปน้อย" in order.th and "ตัวชี้วัดที่ 2 (96.94) อยู่ก่อนตัวชี้วัดที่ 3 (99.30)" in order.th
    assert [p.code for p in result.problems if p.severity == "warning"] == ["stated_differs", "stated_differs"]
    assert main(["check", "--root", str(root), "--as-of", SKN_TODAY.isoformat(), "--strict"]) == 1
    err = capsys.readouterr().err
    for field, line in lines.items():
        assert f"data/ita/2562.yml:{line}: {field}: (คำเตือน / warning)" in err


def test_skn_claims_acknowledged_are_notes_and_nothing_else_is_left_to_fix(skn):
    assert found(skn, "stated_differs") == {("data/ita/2562.yml", line, field, "note")
                                            for field, line in skn_claim_lines().items()}
    assert [p.render() for p in skn.problems if p.severity == "warning"] == []


def test_skn_ita_page_shows_the_claims_beside_the_scores_and_why_they_are_kept(skn):
    page = markdown(skn, "ita/2562/index.md")
    claims = page.split("## ข้อความในรายงานเกี่ยวกับคะแนน")[1].split("## จุดแข็ง")[0]
    assert ("รายงานระบุว่าสูงสุดคือ ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.08) · "
            "คะแนนสูงสุดตามตารางคือ ตัวชี้วัดที่ 3 การใช้อำนาจ (99.30)") in claims
    assert "รายงานระบุว่าต่ำสุดคือ ตัวชี้วัดที่ 10 การป้องกันการทุจริต (83.04)" in claims and "(ตรงกัน)" in claims
    assert "รายงานระบุว่าตารางเรียงคะแนน จากมากไปน้อย · ลำดับในตารางที่พิมพ์ ตามเลขตัวชี้วัด 1–10" in claims
    assert claims.count("สำนักงานคงข้อความตามที่เผยแพร่ไว้ เหตุผล: ตามที่พิมพ์ในรายงานการวิเคราะห์ผลฉบับที่เผยแพร่") == 2
    assert "รับทราบเมื่อ" in claims


def test_skn_office_profile_holds_what_the_pack_states_and_no_more(skn):
    # Name, short name and website are printed; no address, office phone or e-mail: shown as they are,
    # noted, and the contact item O5 of 2563 stays missing.
    assert found(skn, "contact_incomplete") == {("data/office.yml", line_of(SKN, "data/office.yml", "id:"), "",
                                                 "note")}
    contact = markdown(skn, "office/contact.md")
    assert "**สำนักงานเขตพื้นที่การศึกษาประถมศึกษาสมุทรสาคร**" in contact and "http://www.skn.go.th/" in contact
    assert "โทรศัพท์" not in contact and "อีเมล" not in contact
    assert "ไม่มีข้อมูล" in markdown(skn, "oit/2563/o5.md")


# --- สพม. เขต 1: ITA 2561, a total and a level word ---------------------------------------------------

def test_spm1_ita_2561_shows_the_total_as_announced_with_its_source(spm1):
    page = markdown(spm1, "ita/2561/index.md")
    assert "**85.77** คะแนน" in page
    assert "25 กรกฎาคม 2561" in page and "https://www.sesao1.go.th/activity/13360-a1861.html" in page
    assert "มีเฉพาะคะแนนรวมตามที่ประกาศ" in page  # no indicator scores, so no check and no analysis
    history = markdown(spm1, "ita/index.md")
    assert "| 2561 | 85.77 |" in history and "ไม่มีคะแนนรายตัวชี้วัด" in history


def test_spm1_level_is_the_word_the_result_printed_never_a_level_of_another_scale(spm1):
    page = markdown(spm1, "ita/2561/index.md")
    assert "| ระดับ | **สูงมาก** |" in page.split("หมายเหตุ")[0]
    assert "A (คำนวณ)" not in page and "เกณฑ์ผ่าน 85" not in page and "ผ่าน (" not in page
    assert "| 2561 | 85.77 | สูงมาก |  |" in markdown(spm1, "ita/index.md")  # no pass or fail either
    assert [p.code for p in spm1.problems] == ["contact_incomplete"]


def test_spm1_rank_bands_are_shown_as_printed(spm1):
    page = markdown(spm1, "ita/2561/index.md")
    assert ("| อันดับระดับประเทศ | 1 ใน 100 อันดับแรกจากสำนักงานเขตพื้นที่การศึกษา 225 เขตทั่วประเทศ และ 1 ใน 15 "
            "อันดับของสำนักงานเขตพื้นที่การศึกษามัธยมศึกษา 42 เขตทั่วประเทศ |") in page


# --- นครราชสีมา: a statistics table whose printed totals and ratios all reproduce -------------------------

def test_korat_table_shows_every_printed_figure_and_its_totals_reproduce(korat):
    # The ratios are printed "1 : 19" and shown so; each is checked as pupils per teacher.
    page = markdown(korat, "statistics/2561/index.md")
    assert "| สพป.นครราชสีมา เขต1 | 2,030 | 38,379 | 1 : 19 |" in page
    assert "| สำนักบริหารงานการศึกษาพิเศษ | 58 | 398 | 1 : 7 |" in page
    assert "| **รวม** | **17,551** | **282,621** | **1 : 16** |" in page
    assert not [p for p in korat.problems if p.file.startswith("data/statistics/")]
    assert [p.code for p in korat.problems] == ["contact_incomplete"]  # the publisher's profile: a name only


# --- every real office: a strict MkDocs build ----------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("office, url, shown", [
    (SKN, "ita/2562", ("91.25", "99.30", "รายงานระบุว่าสูงสุดคือ", "สำนักงานคงข้อความตามที่เผยแพร่ไว้")),
    (SPM1, "ita/2561", ("85.77", "สูงมาก", "1 ใน 100 อันดับแรก")),
    (KORAT, "statistics/2561", ("282,621", "1 : 16"))], ids=["spp-samutsakhon", "spm-1", "korat-esa"])
def test_a_real_office_builds_strictly(tmp_path, office, url, shown):
    root = tmp_path / "office"
    shutil.copytree(office, root)
    build_project(root, root / "site")
    # No-break spaces (a word joined to its number, generator/mkdocs/typeset.py) read as spaces.
    html = (root / "site" / url / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    for text in shown:
        assert text in html, text


@pytest.mark.slow
def test_a_real_office_with_its_discrepancies_unacknowledged_does_not_build_strictly(tmp_path):
    from mkdocs.exceptions import Abort

    root = unacknowledged(SKN, tmp_path)
    with pytest.raises(Abort):
        build_project(root, root / "site")
