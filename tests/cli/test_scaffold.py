"""`new <kind>` and `new-year`: files that load as written, never an overwrite, the fiscal-year rules."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.base import calendar
from generator.cli import scaffold
from generator.cli.main import main
from generator.pipeline.core import run
from generator.pipeline.load import Project, load
from generator.cli.new_year import choose_framework
from generator.base.problems import errors
from generator.base.text_edit import Refused, add_year_line, append_entry

from tests.conftest import EXAMPLE, GOOD, GOOD_TODAY, ROOT, project_with

# Options per kind for a new file in the small test office (fiscal year 2569, which it does not have yet).
NEW_FILES = {
    "documents": ["--year", "2569", "--file", "content/files/2569/Annual Plan 2569.pdf"],
    "policies": ["--year", "2569", "--id", "integrity-declaration-2569"],
    "nogift": ["--year", "2569"],
    "complaints": ["--year", "2569"],
    "procurement": ["--year", "2569", "--month", "10"],
    "budget": ["--year", "2569"],
    "anticorruption": ["--year", "2569"],
    "risks": ["--year", "2569"],
    "measures": ["--year", "2569"],
    "ita": ["--year", "2569"],
    "news": ["--year", "2568", "--id", "sport-day-2568"],
}
CREATED = {
    "documents": "data/documents/2569.yml", "policies": "data/policies/2569.yml", "nogift": "data/nogift/2569.yml",
    "complaints": "data/complaints/2569.csv", "procurement": "data/procurement/2569/10.csv",
    "budget": "data/budget/2569.yml", "anticorruption": "data/anticorruption/2569.yml", "risks": "data/risks/2569.yml",
    "measures": "data/measures/2569.yml", "ita": "data/ita/2569.yml", "news": "content/news/sport-day-2568.md",
}
# Yearly files whose facts start commented out, and where the uncommented example lands.
COMMENTED = {"nogift": "nogift", "budget": "budget", "anticorruption": "anticorruption", "risks": "risks",
             "measures": "measures", "ita": "ita"}
START, END = "# ---- ตัวอย่าง", "# ---- สิ้นสุดตัวอย่าง"


@pytest.fixture
def office(tmp_path: Path) -> Project:
    """A copy of the small test office, with an original waiting in content/files/2569/."""
    return project_with(tmp_path, {"content/files/2569/Annual Plan 2569.pdf": "%PDF-1.4 test\n"})


@pytest.fixture
def example(tmp_path: Path) -> Project:
    """A copy of the example office (example/: its data and content)."""
    root = tmp_path / "example"
    root.mkdir()
    for name in ("mkdocs.yml", "data", "content"):
        (shutil.copytree if (EXAMPLE / name).is_dir() else shutil.copy)(EXAMPLE / name, root / name)
    return Project.at(root)


def new(project: Project, *args: str) -> int:
    return main(["new", *args, "--root", str(project.root)])


def uncomment(text: str) -> str:
    """What the webmaster does: remove one `# ` from every line between the example's marker lines."""
    out, inside = [], False
    for line in text.split("\n"):
        if line.startswith(END):
            inside = False
        elif line.startswith(START):
            inside = True
        elif inside:
            line = line[2:] if line.startswith("# ") else line.removeprefix("#")
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("kind", list(NEW_FILES))
def test_every_kind_writes_a_file_that_loads_and_builds(office, kind, capsys):
    assert new(office, kind, *NEW_FILES[kind]) == 0
    out = capsys.readouterr().out
    assert f"สร้างไฟล์ {CREATED[kind]}" in out and "make check" in out
    path = office.root / CREATED[kind]
    if path.suffix == ".yml":
        schema = path.read_text(encoding="utf-8").splitlines()[0]
        assert schema == f"# yaml-language-server: $schema=../../schemas/{kind_schema(kind)}.schema.json"
    data, problems = load(office)
    assert problems == []
    result = run(office, GOOD_TODAY)
    assert result.ok, [p.render() for p in result.problems]


def kind_schema(kind: str) -> str:
    return scaffold.KINDS[kind].schema or ""


def test_entries_are_drafts_and_the_registers_hold_only_their_header(office):
    for kind in ("documents", "policies", "complaints", "procurement"):
        assert new(office, kind, *NEW_FILES[kind]) == 0
    data, _ = load(office)
    document = next(d for d in data.documents if d.id == "annual-plan-2569")  # the id comes from the file name
    assert (document.status, document.file, document.fiscal_year) == ("draft", "files/2569/Annual Plan 2569.pdf", 2569)
    assert calendar.fiscal_year(document.date) == 2569  # today, or the nearest day of the year asked for
    assert next(p for p in data.policies if p.id == "integrity-declaration-2569").status == "draft"
    assert data.complaint_years[2569].cases == []
    assert data.procurement[2569][(2025, 10)].rows == []
    assert (office.root / CREATED["complaints"]).read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8


@pytest.mark.parametrize("kind", list(COMMENTED))
def test_the_commented_example_is_valid_once_uncommented(example, kind):
    path = example.root / CREATED[kind]
    path.unlink(missing_ok=True)  # the example already has its 2569 files: start this one afresh
    assert new(example, kind, "--year", "2569") == 0
    text = path.read_text(encoding="utf-8")
    assert START in text and END in text
    path.write_text(uncomment(text), encoding="utf-8")
    data, problems = load(example)
    assert [p.render() for p in errors(problems) if p.file == CREATED[kind]] == []
    record = getattr(data, COMMENTED[kind])[2569]
    if kind == "nogift":  # the only part of the No Gift file that starts commented out
        assert record.declaration.signer.name_th == "นายสมชาย ใจดีตัวอย่าง"  # the director, from executives.yml


def test_measures_start_from_last_years_weak_indicators(example):
    (example.data_dir / "measures/2569.yml").unlink()
    assert new(example, "measures", "--year", "2569") == 0
    text = (example.root / "data/measures/2569.yml").read_text(encoding="utf-8")
    # The example's ITA result 2568 has indicator 9 below the pass mark (84.42).
    assert "#   - indicator: 9  # การเปิดเผยข้อมูล (84.42 คะแนน ต่ำกว่าเกณฑ์ผ่าน)" in text


def test_an_entry_is_appended_to_the_years_file_keeping_its_lines(office, capsys):
    path = office.root / "data/documents/2568.yml"
    before = path.read_text(encoding="utf-8")
    assert new(office, "documents", "--year", "2568", "--id", "extra-2568", "--file", "files/2568/plan-2568.pdf") == 0
    assert "เพิ่มรายการใน data/documents/2568.yml" in capsys.readouterr().out
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before) and "  - id: extra-2568" in after
    data, problems = load(office)
    assert problems == [] and any(d.id == "extra-2568" for d in data.documents)


def test_existing_file_is_never_overwritten(office, capsys):
    assert new(office, "budget", "--year", "2569") == 0
    path = office.root / "data/budget/2569.yml"
    path.write_text(path.read_text(encoding="utf-8") + "# แก้แล้ว\n", encoding="utf-8")
    before = path.read_bytes()
    capsys.readouterr()
    assert new(office, "budget", "--year", "2569") == 1
    assert "มีไฟล์ data/budget/2569.yml อยู่แล้ว ระบบไม่เขียนทับ" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_a_month_kept_in_another_format_counts_as_existing(office, capsys):
    month = office.root / "data/procurement/2569/10.yml"
    month.parent.mkdir(parents=True)
    month.write_text("rows: []\n", encoding="utf-8")
    assert new(office, "procurement", "--year", "2569", "--month", "10") == 1
    assert "data/procurement/2569/10.yml" in capsys.readouterr().err
    assert not (office.root / "data/procurement/2569/10.csv").exists()


def test_an_id_used_in_any_year_is_refused(office, capsys):
    files = sorted((office.data_dir / "documents").glob("*.yml"))
    before = [f.read_bytes() for f in files]
    # The id comes from the file name, and plan-2568 is already in data/documents/2568.yml.
    assert new(office, "documents", "--year", "2567", "--file", "files/2568/plan-2568.pdf") == 1
    assert "รหัส 'plan-2568' มีอยู่แล้วใน data/documents/2568.yml" in capsys.readouterr().err
    assert [f.read_bytes() for f in files] == before and not (office.data_dir / "documents/2567.yml.new").exists()


def test_a_document_needs_its_original_or_a_link(office, capsys):
    assert new(office, "documents", "--year", "2569", "--id", "manual-2569") == 1
    assert "content/files/2569/manual-2569.pdf" in capsys.readouterr().err
    assert not (office.data_dir / "documents/2569.yml").exists()


def test_a_ce_year_is_refused_as_in_data_files(office, capsys):
    with pytest.raises(SystemExit) as stop:
        new(office, "budget", "--year", "2025")
    assert stop.value.code == 2
    assert "ปี 2025 เป็นปี ค.ศ. ให้เขียนเป็น พ.ศ. 2568" in capsys.readouterr().err
    assert not (office.data_dir / "budget").exists()


def test_thai_digits_are_read(office):
    assert new(office, "procurement", "--year", "๒๕๖๙", "--month", "๓") == 0
    assert (office.root / "data/procurement/2569/03.csv").exists()


def test_october_to_december_belong_to_the_fiscal_year_that_starts_then(office):
    assert new(office, "procurement", "--year", "2569", "--month", "10") == 0
    assert new(office, "procurement", "--year", "2569", "--month", "3") == 0
    data, problems = load(office)
    assert problems == []
    # data/procurement/2569/10.csv is October 2568 (2025 C.E.); 03.csv is March 2569 (2026 C.E.).
    assert sorted(data.procurement[2569]) == [(2025, 10), (2026, 3)]


@pytest.mark.parametrize(("today", "month", "year"), [
    (date(2025, 11, 20), 10, 2569),  # October 2568, last month: this fiscal year
    (date(2025, 11, 20), 11, 2569),
    (date(2025, 11, 20), 12, 2568),  # the latest December is December 2567
    (date(2025, 11, 20), 9, 2568),
])
def test_without_a_year_a_month_is_its_latest_occurrence(today, month, year):
    assert scaffold.default_year("procurement", month, today) == year


def test_month_is_only_for_procurement(office, capsys):
    assert new(office, "budget", "--year", "2569", "--month", "3") == 1
    assert "--month ใช้กับ procurement เท่านั้น" in capsys.readouterr().err


def test_new_year_adds_the_framework_line_and_the_empty_structure(example, capsys):
    site = example.data_dir / "site.yml"
    before = site.read_text(encoding="utf-8").splitlines()
    assert main(["new-year", "2571", "--root", str(example.root)]) == 0
    out = capsys.readouterr().out
    after = site.read_text(encoding="utf-8").splitlines()
    at = after.index("  2571: nacc")  # NACC has not published 2571's list: the family, provisional
    assert after[:at] + after[at + 1:] == before  # every comment and line kept, one line added
    assert after[at - 1] == "  2570: nacc"
    for rel in ("data/documents/2571.yml", "data/policies/2571.yml", "data/nogift/2571.yml",
                "data/complaints/2571.csv"):
        assert f"สร้างไฟล์ {rel}" in out and (example.root / rel).exists()
    assert "python -m generator new procurement --year 2571 --month 10" in out
    assert (example.data_dir / "documents/2571.yml").read_text(encoding="utf-8").endswith("documents: []\n")
    result = run(example, date(2027, 11, 20))
    assert result.ok, [p.render() for p in errors(result.problems)]
    # The one fact the year needs at once (a note: readiness), and nothing wrong in the files new-year wrote.
    assert [(p.file, p.code, p.severity) for p in result.problems if "2571" in p.file] == [
        ("data/nogift/2571.yml", "nogift_declaration", "note")]
    index = next(p for p in result.pages if getattr(p, "src_uri", "") == "oit/2571/index.md")
    assert "รายการชั่วคราว" in index.markdown  # 2571 stands on NACC's latest list until its own is published


def test_new_year_refuses_a_configured_year(example, capsys):
    site = example.data_dir / "site.yml"
    before = site.read_bytes()
    assert main(["new-year", "2568", "--root", str(example.root)]) == 1
    assert "มีปี 2568 ใน frameworks: ของ data/site.yml อยู่แล้ว" in capsys.readouterr().err
    assert site.read_bytes() == before and not (example.data_dir / "documents/2568.yml.new").exists()


def test_new_year_keeps_files_that_exist(office, capsys):
    assert new(office, "nogift", "--year", "2569") == 0
    nogift = (office.data_dir / "nogift/2569.yml").read_bytes()
    capsys.readouterr()
    assert main(["new-year", "2569", "--root", str(office.root)]) == 0
    out = capsys.readouterr().out
    assert "มีไฟล์ data/nogift/2569.yml อยู่แล้ว ไม่ได้แก้" in out and "สร้างไฟล์ data/documents/2569.yml" in out
    assert (office.data_dir / "nogift/2569.yml").read_bytes() == nogift
    assert "แก้ไข data/nogift/2569.yml" in out  # the checklist points at the file, not at `new nogift`
    assert "  2569: custom-2568" in (office.data_dir / "site.yml").read_text(encoding="utf-8")
    assert [p.code for p in load(office)[1]] == ["nogift_declaration"]


def test_the_framework_follows_its_family():
    frameworks = load(Project.at(GOOD))[0].frameworks
    assert choose_framework({2568: "ovec-2568"}, frameworks, 2569) == "ovec-2569"  # OVEC publishes 2569
    assert choose_framework({2568: "obec-school-2566"}, frameworks, 2569) == "obec-school-2566"
    assert choose_framework({2563: "nacc-2563"}, frameworks, 2564) == "nacc-2564"  # one catalogue, two years
    assert choose_framework({2568: "nacc-2568"}, frameworks, 2567) is None  # nothing earlier to follow
    assert choose_framework({2569: "nacc-2569"}, frameworks, 2570) == "nacc"  # not published yet: provisional
    assert choose_framework({2570: "nacc"}, frameworks, 2571) == "nacc"


@pytest.mark.parametrize(("text", "expected"), [
    ("a: 1\nframeworks:\n  2568: x  # comment\n# tail\n",
     "a: 1\nframeworks:\n  2568: x  # comment\n  2569: y\n# tail\n"),
    ("frameworks:\n    ๒๕๖๗: x\n    2570: z\n", "frameworks:\n    ๒๕๖๗: x\n    2569: y\n    2570: z\n"),
    ("frameworks: {}  # none yet\n", "frameworks: {2569: y}  # none yet\n"),
    ("frameworks: {2568: x}\n", "frameworks: {2568: x, 2569: y}\n"),
    ("# settings\nthai_digits: true\n", "# settings\nthai_digits: true\nframeworks:\n  2569: y\n"),
])
def test_a_year_line_is_added_as_text(text, expected):
    assert add_year_line(text, "frameworks", 2569, "y", "data/site.yml") == expected


def test_a_file_that_does_not_parse_is_left_alone():
    with pytest.raises(Refused, match="อ่าน data/site.yml ไม่ได้"):
        add_year_line("frameworks:\n  2568: [x\n", "frameworks", 2569, "y", "data/site.yml")


def test_an_entry_follows_the_files_indentation():
    entry = "  - id: b\n    title_th: ข\n"
    assert append_entry("documents:\n- id: a\n  title_th: ก\n", "documents", entry, "b", "f") == \
        "documents:\n- id: a\n  title_th: ก\n\n- id: b\n  title_th: ข\n"
    assert append_entry("documents: []  # ยังไม่มี\n", "documents", entry, "b", "f") == \
        "documents:  # ยังไม่มี\n" + entry


def test_crlf_and_byte_order_mark_survive_an_edit(office):
    path = office.data_dir / "documents/2568.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert new(office, "documents", "--year", "2568", "--id", "crlf-2568", "--file", "files/2568/plan-2568.pdf") == 0
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\n" not in raw.replace(b"\r\n", b"")
    assert load(office)[1] == []


def test_a_comment_only_yearly_file_is_a_year_not_filled_in(office):
    (office.data_dir / "budget").mkdir()
    (office.data_dir / "budget/2569.yml").write_text("# ยังไม่มีข้อมูล\n\n# lines:\n", encoding="utf-8")
    data, problems = load(office)
    assert problems == [] and data.budget == {}


def test_news_without_an_id_is_named_after_its_day(office, capsys):
    assert new(office, "news", "--year", "2568") == 0
    out = capsys.readouterr().out
    name = re.search(r"content/news/(news-\d{4}-\d\d-\d\d)\.md", out)
    assert name and (office.content_dir / f"news/{name[1]}.md").exists()
    assert new(office, "news", "--year", "2568") == 0  # a second post that day gets its own name
    assert (office.content_dir / f"news/{name[1]}-2.md").exists()


@pytest.mark.parametrize("old, new_name", [("document", "documents"), ("policy", "policies"), ("plan", "anticorruption")])
def test_the_first_versions_kind_names_still_work(office, old, new_name, capsys):
    """`new document` was the first name of `new documents`: a webmaster's notes keep working."""
    assert new(office, old, *NEW_FILES[new_name]) == 0
    assert f"สร้างไฟล์ {CREATED[new_name]}" in capsys.readouterr().out


def test_new_year_refuses_to_skip_a_year(example, capsys):
    site = (example.data_dir / "site.yml").read_bytes()
    assert main(["new-year", "2572", "--root", str(example.root)]) == 1
    err = capsys.readouterr().err
    assert "ยังไม่ได้ตั้งปี 2571" in err and "new-year 2571" in err and "Traceback" not in err
    assert (example.data_dir / "site.yml").read_bytes() == site and not (example.data_dir / "nogift/2572.yml").exists()
