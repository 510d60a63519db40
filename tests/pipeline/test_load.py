"""Loading and validation: every mistake is reported, located by file and line, Thai first."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.cli.main import main
from generator.pipeline.load import Project, load
from generator.base.problems import render_report

from tests.conftest import BAD, GOOD, located, project_with


def test_good_office_loads_without_problems():
    data, problems = load(Project.at(GOOD))
    assert problems == []
    assert data.office.name_th == "สำนักงานทดสอบ"
    assert [d.id for d in data.documents][:2] == ["strategic-plan", "annual-report-2567"]
    assert data.config.frameworks == {2568: "custom-2568"}
    assert "custom-2568" in data.frameworks
    # The file name gives the fiscal year; a Thai-digit B.E. date is read as C.E.
    report = next(d for d in data.documents if d.id == "report-2568-h1")
    assert report.fiscal_year == 2568 and report.date == date(2025, 4, 10)


def test_one_file_with_five_mistakes_reports_all_five_with_lines(tmp_path):
    project = project_with(tmp_path, {"data/documents/2568.yml": BAD / "five-mistakes.yml"})
    _, problems = load(project)
    assert located(problems) == {
        ("literal_error", 5, "documents[0].kind"),
        ("date", 11, "documents[1].date"),
        ("extra_forbidden", 16, "documents[2].sumary_th"),
        ("fiscal_year", 22, "documents[3].fiscal_year"),
        ("missing", 25, "documents[4].date"),
    }
    assert all(p.file == "data/documents/2568.yml" for p in problems)


def test_report_is_thai_first_and_says_what_to_write(tmp_path):
    project = project_with(tmp_path, {"data/documents/2568.yml": BAD / "five-mistakes.yml"})
    report = render_report(load(project)[1])
    lines = report.splitlines()
    assert lines[0] == ("data/documents/2568.yml:5: documents[0].kind: 'anual_plan' ไม่ใช่ค่าที่ใช้ได้ของ kind"
                        " ใกล้เคียง: annual_plan, annual_report (รายการทั้งหมดใน schemas/documents.schema.json)"
                        " / 'anual_plan' is not an allowed kind; closest: annual_plan, annual_report"
                        " (full list in schemas/documents.schema.json)")
    assert "ไม่มีวันที่ 31 กุมภาพันธ์ 2568" in lines[1]
    assert "หมายถึง 'summary_th' หรือไม่" in lines[2] and "did you mean 'summary_th'?" in lines[2]
    assert "ปี 2025 เป็นปี ค.ศ. ให้เขียนเป็น พ.ศ. 2568" in lines[3]
    assert "ต้องระบุ 'date'" in lines[4] and "'date' is required" in lines[4]
    assert lines[-1] == "พบข้อผิดพลาด 5 รายการ คำเตือน 0 รายการ / 5 error(s), 0 warning(s)"


@pytest.mark.parametrize("yaml_text, expected", [
    ("documents:\n  - id: a\n    id: b\n", {("duplicate_key", 3, "documents[0].id")}),
    ("documents:\n\t- id: a\n", {("yaml", 2, "")}),
    ("base: &x [1]\ndocuments: *x\n", {("yaml_alias", 2, "documents")}),
    ("documents: nothing\n", {("list_type", 1, "documents")}),
])
def test_yaml_level_mistakes_are_located(tmp_path, yaml_text, expected):
    project = project_with(tmp_path, {"data/documents/2568.yml": yaml_text})
    assert expected <= located(load(project)[1])


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    project = project_with(tmp_path, {"data/documents/2568.yml": bomb})
    codes = {p.code for p in load(project)[1]}
    assert "yaml_alias" in codes


@pytest.mark.parametrize("entry, code, field", [
    ("file: ../../etc/passwd", "path", "documents[0].file"),
    ("file: /etc/passwd", "path", "documents[0].file"),
    ("file: files/2568/missing.pdf", "missing_original", "documents[0].file"),
    ("url: javascript:alert(1)", "url", "documents[0].url"),
    ("owner: nobody", "unknown_unit", "documents[0].owner"),
    ("period: 2566-H1", "period_year", "documents[0].period"),
    ("title_en: <script>alert(1)</script>", "html", "documents[0].title_en"),
])
def test_document_references_are_checked(tmp_path, entry, code, field):
    text = ("documents:\n  - id: x\n    title_th: เอกสาร\n    kind: other\n    date: 2024-11-01\n"
            + ("    url: https://www.example.go.th/x.pdf\n" if not entry.startswith(("url", "file")) else "")
            + f"    {entry}\n")
    project = project_with(tmp_path, {"data/documents/2568.yml": text})
    problems = load(project)[1]
    assert (code, field) in {(p.code, p.field) for p in problems}, render_report(problems)
    last_line = text.count("\n")
    assert all(p.line == last_line for p in problems if p.code == code)


def test_symlink_out_of_content_is_refused(tmp_path):
    project = project_with(tmp_path, {})
    (project.content_dir / "files" / "2568" / "link.pdf").symlink_to("/etc/hostname")
    text = (project.data_dir / "documents" / "2568.yml").read_text(encoding="utf-8")
    text = text.replace("file: files/2568/plan-2568.pdf", "file: files/2568/link.pdf")
    (project.data_dir / "documents" / "2568.yml").write_text(text, encoding="utf-8")
    assert "path" in {p.code for p in load(project)[1]}


def test_duplicate_id_across_years_names_both_places(tmp_path):
    second = "documents:\n  - id: plan-2568\n    title_th: ซ้ำ\n    kind: other\n    date: 2023-11-01\n" \
             "    url: https://www.example.go.th/x.pdf\n"
    project = project_with(tmp_path, {"data/documents/2567.yml": second})
    dup = [p for p in load(project)[1] if p.code == "duplicate_id"]
    assert len(dup) == 1
    assert (dup[0].file, dup[0].line) in {("data/documents/2567.yml", 2), ("data/documents/2568.yml", 2)}
    assert "data/documents/25" in dup[0].th


def test_a_missing_office_file_and_stray_files_are_warned(tmp_path):
    project = project_with(tmp_path, {"data/notes.yaml": "x: 1\n"})
    (project.data_dir / "office.yml").unlink()
    problems = load(project)[1]
    assert {(p.file, p.code, p.severity) for p in problems} >= {
        ("data/office.yml", "missing_file", "warning"),  # a new office builds and says what is missing
        ("data/notes.yaml", "unknown_file", "warning"),
    }


def test_file_named_after_a_non_year_is_an_error(tmp_path):
    project = project_with(tmp_path, {"data/documents/plans.yml": "documents: []\n"})
    assert ("file_name", "data/documents/plans.yml") in {(p.code, p.file) for p in load(project)[1]}


def test_vacant_post_with_a_name_is_an_error(tmp_path):
    text = ("executives:\n  - id: d\n    name_th: นายหนึ่ง\n    position_th: รองผู้อำนวยการ\n"
            "    role: deputy\n    vacant: true\n")
    project = project_with(tmp_path, {"data/executives.yml": text})
    assert ("vacant", 2) in {(p.code, p.line) for p in load(project)[1]}


def test_check_command_exits_non_zero_and_lists_every_error(tmp_path, capsys):
    project = project_with(tmp_path, {"data/documents/2568.yml": BAD / "five-mistakes.yml"})
    assert main(["check", "--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert err.count("data/documents/2568.yml:") == 5


def test_check_command_passes_on_good_data_and_strict_fails_on_warnings(tmp_path, capsys):
    assert main(["check", "--root", str(GOOD), "--today", "2025-05-15"]) == 0
    assert "data OK" in capsys.readouterr().out
    project = project_with(tmp_path, {"data/stray.txt": "x"})
    assert main(["check", "--root", str(project.root)]) == 0
    assert main(["check", "--root", str(project.root), "--strict"]) == 1


@pytest.mark.parametrize("text, code, line", [
    ("documents:\n  - id: !secret x\n", "yaml_tag", 2),
    ("documents:\n  - id: a\n    title_th: x\x07y\n", "yaml", 3),
    ("x: !!python/object:os.system {}\n", "yaml_tag", 1),
])
def test_odd_yaml_is_a_located_error_not_a_crash(tmp_path, text, code, line):
    project = project_with(tmp_path, {"data/documents/2568.yml": text})
    assert (code, line) in {(p.code, p.line) for p in load(project)[1]}


def test_period_and_publication_errors_point_at_their_own_lines(tmp_path):
    text = ("documents:\n  - id: x\n    title_th: เอกสาร\n    kind: other\n    date: 2024-11-01\n"
            "    published: 2024-10-01\n    period: 2568-Q5\n    url: https://www.example.go.th/x.pdf\n")
    project = project_with(tmp_path, {"data/documents/2568.yml": text})
    assert located(load(project)[1]) >= {("period", 7, "documents[0].period")}
    text = text.replace("2568-Q5", "2568-Q2")
    project = project_with(tmp_path / "b", {"data/documents/2568.yml": text})
    assert ("published", 6, "documents[0].published") in located(load(project)[1])


def test_a_catalogue_without_indicator_10_is_refused_with_its_file(tmp_path):
    catalogue = (GOOD / "data" / "frameworks" / "custom-2568.yml").read_text(encoding="utf-8")
    catalogue = catalogue[:catalogue.index("  - number: 10")]
    project = project_with(tmp_path, {"data/frameworks/custom-2568.yml": catalogue})
    problems = load(project)[1]
    assert ("data/frameworks/custom-2568.yml", "indicators") in {(p.file, p.code) for p in problems}


def test_a_problem_quoting_the_data_is_one_printable_line(tmp_path, capsys):
    """A key or value quoted in a message cannot split the line, reorder it or command the terminal."""
    project = project_with(tmp_path, {"data/units.yml": 'units: []\n"a\\u202eb\\nc": 1\n"\\x9b2J": 2\n'})
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15"]) == 1
    report = capsys.readouterr().err
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]", report)
    lines = [line for line in report.splitlines() if line.startswith("data/units.yml:")]
    assert len(lines) == 2 and "a\\u202eb\\u000ac" in lines[0] and "\\u009b2J" in lines[1]
