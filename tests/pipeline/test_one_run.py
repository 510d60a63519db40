"""One run reports every problem, and only real ones (issue 17, point 6).

An entry that fails validation is reported once, where it was written; its siblings are kept, and
references to it from other files are not reported as references to nothing. The cross-record
checks run in the same run as the schema checks, so a reference error is not hidden behind a typo.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.base.problems import Problem
from generator.pipeline.core import run
from generator.pipeline.load import Project

from ..conftest import GOOD, GOOD_TODAY

# A risk assessment that points at two documents of data/documents/2568.yml and at both units.
RISKS = """\
title_th: การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568
date: 2024-12-13
document: plan-2568
risks:
  - id: splitting
    process_th: การจัดซื้อจัดจ้าง
    risk_th: แบ่งซื้อแบ่งจ้าง
    kind: bribery
    likelihood: 3
    impact: 4
    controls:
      - measure_th: ตรวจสอบแผนการจัดซื้อทุกเดือน
        owner: admin
        status: done
      - measure_th: รายงานผู้บริหาร
        owner: legal
        status: in_progress
follow_up:
  as_of: 2025-04-30
  document: report-2568-h1
"""

# (file, text written, text instead): one mistake each, in four different files.
KIND = ("data/documents/2568.yml", "    kind: annual_plan\n", "    kind: anual_plan\n")
POLICY = ("data/policies/2568.yml", "    title_th: มาตรการป้องกันการรับสินบน\n", "    tilte_th: มาตรการป้องกันการรับสินบน\n")
UNIT = ("data/units.yml", "    name_th: กลุ่มกฎหมายและคดี\n", "    name_th: กลุ่มกฎหมายและคดี\n    phone: [1]\n")
GIFT = ("data/nogift/2568.yml", "    participants: 40\n", "    participants: สี่สิบ\n")


def office(tmp_path: Path, *edits: tuple[str, str, str], files: dict[str, str] | None = None) -> Project:
    """The small test office with the risk assessment above, some files written and some text replaced."""
    root = tmp_path / "office"
    shutil.copytree(GOOD, root, ignore=shutil.ignore_patterns(".cache"))
    for rel, text in {"data/risks/2568.yml": RISKS, **(files or {})}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for rel, old, new in edits:
        text = (root / rel).read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {rel}"
        (root / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
    return Project.at(root)


def problems(project: Project) -> list[tuple[str, int, str, str]]:
    """(file, line, field, code) of every problem of one run, errors and warnings alike."""
    return [(p.file, p.line, p.field, p.code) for p in run(project, GOOD_TODAY).problems]


def test_the_office_with_references_has_no_problem(tmp_path):
    assert problems(office(tmp_path)) == []


@pytest.mark.parametrize("old, new, expected", [
    ("    kind: annual_plan\n", "    kind: anual_plan\n", (4, "documents[0].kind", "literal_error")),
    ("    topics: [ops.annual_plan]\n", "    topcs: [ops.annual_plan]\n", (5, "documents[0].topcs", "extra_forbidden")),
    ("    title_th: แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568\n", "    titel_th: แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2568\n",
     (3, "documents[0].titel_th", "extra_forbidden")),
    ("    date: 2024-10-15\n", "    date: 2024-15-10\n", (6, "documents[0].date", "date")),
    ("    date: 2024-10-15\n", "", (2, "documents[0].date", "missing")),
    ("    owner: admin\n", "    owner: Admin Group\n", (9, "documents[0].owner", "slug")),
], ids=["wrong-kind", "misspelt-key", "misspelt-required-key", "bad-date", "missing-date", "bad-owner"])
def test_one_typo_in_a_documents_file_is_one_problem(tmp_path, old, new, expected):
    """The typo's own problem, at the typo; not "no document" where the risks point at its siblings."""
    found = problems(office(tmp_path, ("data/documents/2568.yml", old, new)))
    assert found == [("data/documents/2568.yml", *expected)]


def test_four_typos_in_four_files_are_four_problems_in_one_run(tmp_path):
    found = problems(office(tmp_path, KIND, POLICY, UNIT, GIFT))
    assert found == [
        ("data/documents/2568.yml", 4, "documents[0].kind", "literal_error"),
        ("data/nogift/2568.yml", 16, "activities[0].participants", "int_parsing"),
        ("data/policies/2568.yml", 5, "policies[0].tilte_th", "extra_forbidden"),
        ("data/units.yml", 8, "units[1].phone", "string_type"),
    ]


def test_an_entry_with_a_typo_is_still_there_for_the_records_that_point_at_it(tmp_path):
    """The risks point at plan-2568 and at unit legal; bribery-new supersedes bribery-old."""
    found = problems(office(tmp_path, POLICY, UNIT,
                            ("data/documents/2568.yml", "    kind: annual_plan\n", "    kind: [annual_plan]\n")))
    assert [(file, code) for file, _, _, code in found] == [
        ("data/documents/2568.yml", "literal_error"), ("data/policies/2568.yml", "extra_forbidden"),
        ("data/units.yml", "string_type")]


def test_a_misplaced_entry_is_not_missing_either(tmp_path):
    """An entry refused for naming another fiscal year is one problem, not also "no document"."""
    moved = ("data/documents/2568.yml", "    kind: progress_report\n", "    kind: progress_report\n    fiscal_year: 2567\n")
    assert problems(office(tmp_path, moved)) == [
        ("data/documents/2568.yml", 19, "documents[1].fiscal_year", "fiscal_year")]


def test_an_entry_with_a_typo_still_takes_its_id(tmp_path):
    """Two entries with one id are reported in the same run as the typo in one of them."""
    twin = ("data/documents/2567.yml", "documents:\n", "documents:\n  - id: plan-2568\n    title_th: แผน\n"
            "    kind: anual_plan\n    date: 2024-10-15\n    url: https://www.example.go.th/plan.pdf\n")
    assert problems(office(tmp_path, twin)) == [
        ("data/documents/2567.yml", 4, "documents[0].kind", "literal_error"),
        ("data/documents/2568.yml", 2, "documents[0].id", "duplicate_id")]


def test_a_reference_to_nothing_is_still_reported_beside_a_typo(tmp_path):
    """A schema error and a reference error in other files: both, in the same run."""
    wrong_unit = ("data/risks/2568.yml", "        owner: legal\n", "        owner: legl\n")
    wrong_document = ("data/risks/2568.yml", "  document: report-2568-h1\n", "  document: report-2568-h2\n")
    supervises = ("data/executives.yml", "supervises: [legal]", "supervises: [lega]")
    found = problems(office(tmp_path, KIND, UNIT, wrong_unit, wrong_document, supervises))
    assert found == [
        ("data/documents/2568.yml", 4, "documents[0].kind", "literal_error"),
        ("data/executives.yml", 12, "executives[1].supervises[0]", "unknown_unit"),
        ("data/risks/2568.yml", 16, "risks[0].controls[1].owner[0]", "unknown_unit"),
        ("data/risks/2568.yml", 20, "follow_up.document", "unknown_document"),
        ("data/units.yml", 8, "units[1].phone", "string_type"),
    ]


def test_a_broken_yearly_file_does_not_make_its_year_look_empty(tmp_path):
    """No Gift and ITA files with a typo: no "no declaration" or "no ITA result" beside the typo."""
    project = office(tmp_path, GIFT, files={"data/site.yml": "frameworks:\n  2568: custom-2568\n"})
    assert problems(project) == [("data/nogift/2568.yml", 16, "activities[0].participants", "int_parsing")]


def test_a_broken_setting_keeps_the_other_settings(tmp_path):
    """A typo in one setting of data/site.yml: the framework choice beside it is still checked."""
    site = "frameworks:\n  2568: custom-2569\nthai_digits: ใช่\n"
    found = problems(office(tmp_path, files={"data/site.yml": site}))
    assert found == [("data/site.yml", 2, "frameworks.2568", "unknown_framework"),
                     ("data/site.yml", 3, "thai_digits", "bool_parsing")]


def test_a_broken_setting_is_not_replaced_by_its_default(tmp_path):
    """A gift threshold the loader cannot read is not judged by the default one (3,000 baht)."""
    site = "frameworks:\n  2568: custom-2568\ngift_threshold: ห้าพันบาท\n"
    unreferenced = ("data/nogift/2568.yml", "    decision_ref_th: ที่ 5/2568\n", "")
    found = problems(office(tmp_path, unreferenced, files={"data/site.yml": site}))
    assert [(file, line, field) for file, line, field, _ in found] == [("data/site.yml", 3, "gift_threshold")]


def test_a_broken_framework_file_is_one_problem(tmp_path):
    """data/site.yml names the office's own framework: its typo is not also an unknown framework."""
    typo = ("data/frameworks/custom-2568.yml", "title_th: กรอบทดสอบ", "titel_th: กรอบทดสอบ")
    found = problems(office(tmp_path, typo))
    assert found == [("data/frameworks/custom-2568.yml", 4, "titel_th", "extra_forbidden")]


def test_a_broken_news_post_is_still_there_for_the_post_that_replaces_it(tmp_path):
    posts = {"content/news/old.md": "---\ntitle: ข่าวเดิม\ndate: 2025-01-10\nsumary: x\n---\nข่าว\n",
             "content/news/new.md": "---\ntitle: ข่าวใหม่\ndate: 2025-01-12\n---\nข่าว\n",
             "content/news/gone.md": ("---\ntitle: ข่าวที่ถอน\ndate: 2025-01-11\nwithdrawn:\n  date: 2025-01-12\n"
                                      "  reason_th: ข้อมูลผิด\n  replaced_by: old\n---\nข่าว\n")}
    found = problems(office(tmp_path, files=posts))
    assert found == [("content/news/old.md", 4, "sumary", "extra_forbidden")]


def test_a_file_that_cannot_be_read_hides_no_reference_behind_false_ones(tmp_path):
    """A YAML syntax error: the documents in that file may exist, so nothing points at nothing."""
    broken = ("data/documents/2568.yml", "    kind: annual_plan\n", "    kind: annual_plan: x\n")
    found = problems(office(tmp_path, broken))
    assert [(file, code) for file, _, _, code in found] == [("data/documents/2568.yml", "yaml")]


def test_each_problem_is_rendered_as_before(tmp_path):
    """The one remaining problem keeps its text, line and field."""
    result = run(office(tmp_path, KIND), GOOD_TODAY)
    assert len(result.problems) == 1
    assert isinstance(result.problems[0], Problem)
    assert result.problems[0].render().startswith(
        "data/documents/2568.yml:4: documents[0].kind: 'anual_plan' ไม่ใช่ค่าที่ใช้ได้ของ kind ใกล้เคียง: annual_plan")
