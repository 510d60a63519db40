"""The personal-data scan over everything the site publishes (complaint registers: tests/test_complaints.py)."""

from __future__ import annotations

from datetime import date

import pytest
from mkdocs.exceptions import Abort

from generator.cli import main
from generator.core import run
from generator.privacy import masked

from .conftest import GOOD, build_project
from .test_load import project_with

ID = "1103700012346"  # valid check digit, a person's first digit
COMPANY = "0105536000011"  # a company's tax number: valid check digit, but public
MOBILE = "081-234-5678"

DOCUMENTS = (GOOD / "data/documents/2568.yml").read_text(encoding="utf-8")


def _personal(project) -> list[tuple[str, int, str, str]]:
    problems = run(project, date(2025, 5, 15)).problems
    return [(p.file, p.line, p.field, p.severity) for p in problems if p.code == "personal_data"]


def _with_summary(text: str) -> str:
    """The good office's documents, the first one carrying `text` in its summary (line 14)."""
    return DOCUMENTS.replace("    owner: admin\n", f"    owner: admin\n    summary_th: {text}\n", 1)


def test_a_mobile_number_in_a_data_field_is_a_located_warning(tmp_path):
    project = project_with(tmp_path, {"data/documents/2568.yml": _with_summary(f"สอบถามได้ที่ครูสมชาย {MOBILE}")})
    assert _personal(project) == [("data/documents/2568.yml", 10, "documents[0].summary_th", "warning")]


def test_a_national_id_in_a_markdown_page_is_found_by_line(tmp_path):
    page = f"# หน้าแรก\n\nผู้ได้รับรางวัล เลขประจำตัวประชาชน {ID[0]}-{ID[1:5]}-{ID[5:10]}-{ID[10:12]}-{ID[12]}\n"
    assert _personal(project_with(tmp_path, {"content/index.md": page})) == [("content/index.md", 3, "", "warning")]


@pytest.mark.parametrize("text", [
    f"ผู้ชนะการเสนอราคา เลขประจำตัวผู้เสียภาษี {COMPANY}",  # a company is not a person
    f"เลขที่หนังสือ {ID[:-1]}7",  # thirteen digits with a wrong check digit
    "โทร 0 4499 9000 หรือ 02 123 4567",  # land lines are offices
    "ติดต่อ saraban@example.go.th",
], ids=["company", "check-digit", "land-line", "email"])
def test_public_numbers_are_not_personal(tmp_path, text):
    assert _personal(project_with(tmp_path, {"data/documents/2568.yml": _with_summary(text)})) == []


def test_a_mobile_the_office_declares_may_appear_anywhere(tmp_path):
    office = (GOOD / "data/office.yml").read_text(encoding="utf-8").replace(
        'number: "0 4499 9000"', 'number: "0 4499 9000"\n  - label_th: สายด่วนผู้อำนวยการ\n    number: "+66 81 234 5678"')
    project = project_with(tmp_path, {"data/office.yml": office,
                                      "data/documents/2568.yml": _with_summary(f"สายด่วน {MOBILE}")})
    assert _personal(project) == []


def test_the_report_does_not_repeat_the_number_in_full(tmp_path, capsys):
    project = project_with(tmp_path, {"content/index.md": f"# หน้าแรก\n\nโทร {MOBILE} และ {ID}\n"})
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15"]) == 0  # a warning only
    out = "".join(capsys.readouterr())  # warnings go to stderr
    assert "081-xxx-xx78" in out and "110xxxxxxxx46" in out
    assert MOBILE not in out and ID not in out
    assert masked("someone@gmail.com") == "s…@gmail.com"


def test_under_strict_it_fails_the_check_and_the_build(tmp_path, capsys):
    project = project_with(tmp_path, {"content/index.md": f"# หน้าแรก\n\nโทร {MOBILE}\n"})
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15", "--strict"]) != 0
    with pytest.raises(Abort):
        build_project(project.root, tmp_path / "site")
    assert not (tmp_path / "site").exists() and not (tmp_path / "site.partial").exists()
