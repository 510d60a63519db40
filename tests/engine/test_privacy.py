"""The personal-data scan over everything the site publishes (complaint registers: tests/families/complaints/)."""

from __future__ import annotations

from datetime import date

import pytest
from mkdocs.exceptions import Abort

from generator.cli.main import main
from generator.pipeline.core import run
from generator.pipeline.load import load
from generator.engine.privacy import masked

from tests.conftest import GOOD, build_project, project_with

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
    assert masked("someone@gmail.com") == "so***@g***.com"


def test_under_strict_it_fails_the_check_and_the_build(tmp_path, capsys):
    project = project_with(tmp_path, {"content/index.md": f"# หน้าแรก\n\nโทร {MOBILE}\n"})
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15", "--strict"]) != 0
    with pytest.raises(Abort):
        build_project(project.root, tmp_path / "site")
    assert not (tmp_path / "site").exists() and not (tmp_path / "site.partial").exists()


# --- e-mail addresses ------------------------------------------------------------------------

PERSONAL = "somchai.j@gmail.com"
OFFICE = (GOOD / "data/office.yml").read_text(encoding="utf-8")


def _messages(project) -> list[str]:
    return [f"{p.th} / {p.en}" for p in run(project, date(2025, 5, 15)).problems if p.code == "personal_data"]


def test_a_personal_email_in_a_data_field_is_a_located_warning(tmp_path):
    project = project_with(tmp_path, {"data/documents/2568.yml": _with_summary(f"ส่งแบบตอบรับที่ {PERSONAL} ภายในวันที่ 30")})
    assert _personal(project) == [("data/documents/2568.yml", 10, "documents[0].summary_th", "warning")]
    [message] = _messages(project)
    assert message.startswith("พบอีเมล (so***@g***.com)") and "data/office.yml (emails)" in message
    assert PERSONAL not in message


def test_an_email_in_a_markdown_page_is_found_by_line_once(tmp_path):
    page = f"# หน้าแรก\n\nติดต่อครูสมชาย [{PERSONAL}](mailto:{PERSONAL})\n\nหรือ noi (at) hotmail.com\n"
    assert _personal(project_with(tmp_path, {"content/index.md": page})) == [
        ("content/index.md", 3, "", "warning"), ("content/index.md", 5, "", "warning")]


def test_a_news_summary_is_found_at_its_front_matter_line(tmp_path):
    post = f"---\ntitle: ประชุม\ndate: 2025-01-10\nsummary: ส่งเอกสารที่ {PERSONAL}\n---\n\nข่าว\n"
    assert _personal(project_with(tmp_path, {"content/news/meeting.md": post})) == [
        ("content/news/meeting.md", 4, "", "warning")]


@pytest.mark.parametrize("text", [
    "ส่งที่ saraban@test.example.go.th",  # declared in office.yml
    "ส่งที่ SARABAN@test.example.go.th",  # the same address, as people capitalise it
    "ถึงผู้อำนวยการ director@test.example.go.th",  # an executive's declared address
    "สำเนาถึง saraban@obec.go.th และ info2@example.co.th",  # a desk's mailbox, not a person's
    "ติดตามได้ที่ https://www.youtube.com/@test-office และ https://line.me/R/ti/p/@test.office",  # accounts
    "ดาวน์โหลดโลโก้ logo@2x.png",  # a file name
], ids=["declared", "case", "executive", "role-mailbox", "accounts", "file-name"])
def test_addresses_that_are_not_personal(tmp_path, text):
    assert _personal(project_with(tmp_path, {"data/documents/2568.yml": _with_summary(text)})) == []


def test_an_address_the_office_declares_may_appear_anywhere(tmp_path):
    office = OFFICE.replace("    address: saraban@test.example.go.th\n",
                            f"    address: saraban@test.example.go.th\n  - label_th: งานประชาสัมพันธ์\n    address: {PERSONAL}\n")
    project = project_with(tmp_path, {"data/office.yml": office,
                                      "content/index.md": f"# หน้าแรก\n\nส่งข่าวได้ที่ {PERSONAL}\n"})
    assert _personal(project) == []


def test_an_email_under_strict_fails_the_check_and_the_build(tmp_path, capsys):
    project = project_with(tmp_path, {"content/index.md": f"# หน้าแรก\n\nติดต่อ {PERSONAL}\n"})
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15"]) == 0  # a warning only
    out = "".join(capsys.readouterr())
    assert "content/index.md:3: (คำเตือน / warning) พบอีเมล (so***@g***.com)" in out and PERSONAL not in out
    assert main(["check", "--root", str(project.root), "--as-of", "2025-05-15", "--strict"]) != 0
    with pytest.raises(Abort):
        build_project(project.root, tmp_path / "site")


# --- contact fields hold their kind ----------------------------------------------------------

EXECUTIVES = (GOOD / "data/executives.yml").read_text(encoding="utf-8")


def _errors(tmp_path, files: dict[str, str]) -> list[tuple[str, int, str, str]]:
    return [(p.file, p.line, p.field, p.code) for p in load(project_with(tmp_path, files))[1] if p.severity == "error"]


def test_an_email_in_an_executive_phone_is_an_error_that_masks_it(tmp_path):
    bad = EXECUTIVES.replace('phone: "0 4499 9000 ต่อ 101"', f"phone: {PERSONAL}")
    project = project_with(tmp_path, {"data/executives.yml": bad})
    problems = [p for p in load(project)[1] if p.severity == "error"]
    assert [(p.file, p.line, p.field, p.code) for p in problems] == [
        ("data/executives.yml", 6, "executives[0].phone", "phone")]
    assert problems[0].th.startswith("ช่องนี้เป็นหมายเลขโทรศัพท์ แต่พบอีเมล (so***@g***.com)")
    assert PERSONAL not in problems[0].th + problems[0].en


@pytest.mark.parametrize("phone", ["0 4499 9000", "0-4499-9000 ต่อ 101", "+66 44 999 000", "๐ ๔๔๙๙ ๙๐๐๐ ต่อ ๑๐๑",
                                   "02 123 4567 ต่อ 110-112, 02 123 4568", "1111"])
def test_a_phone_field_takes_numbers_as_offices_write_them(tmp_path, phone):
    good = EXECUTIVES.replace('phone: "0 4499 9000 ต่อ 101"', f'phone: "{phone}"')
    assert _errors(tmp_path, {"data/executives.yml": good}) == []


@pytest.mark.parametrize("phone", ["ครูสมชาย 0 4499 9000", "ไม่มี", "12"])
def test_a_phone_field_refuses_what_is_not_a_number(tmp_path, phone):
    bad = EXECUTIVES.replace('phone: "0 4499 9000 ต่อ 101"', f'phone: "{phone}"')
    assert _errors(tmp_path, {"data/executives.yml": bad}) == [("data/executives.yml", 6, "executives[0].phone", "phone")]


@pytest.mark.parametrize("email", ["0 4499 9000", "mailto:director@test.example.go.th",
                                   "a@test.example.go.th, b@test.example.go.th", "director@localhost"])
def test_an_email_field_holds_one_address(tmp_path, email):
    bad = EXECUTIVES.replace("email: director@test.example.go.th", f'email: "{email}"')
    assert _errors(tmp_path, {"data/executives.yml": bad}) == [("data/executives.yml", 7, "executives[0].email", "email")]


def test_a_complaint_channel_contact_fits_its_kind(tmp_path):
    channels = ("channels:\n  - id: mail\n    kind: email\n    label_th: อีเมล\n    contact_th: 0 4499 9000\n"
                "  - id: call\n    kind: phone\n    label_th: โทรศัพท์\n    contact_th: saraban@test.example.go.th\n"
                "  - id: letter\n    kind: letter\n    label_th: จดหมาย\n    contact_th: 99 ถนนทดสอบ\n")
    errors = _errors(tmp_path, {"data/complaints.yml": channels})
    assert [e for e in errors if e[2].startswith("channels")] == [
        ("data/complaints.yml", 5, "channels[0].contact_th", "email"),
        ("data/complaints.yml", 9, "channels[1].contact_th", "phone")]
