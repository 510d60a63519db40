"""`python -m generator init`: a new office's repository that builds, checks and says what to fill in."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.cli.init import PLACEHOLDER_NAME, Answers, gather, yaml_scalar
from generator.cli.main import main
from generator.pipeline.core import run
from generator.pipeline.load import Project

from ..conftest import EXAMPLE, build_project

EXAMPLE_ANSWERS = ["--name", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาตัวอย่าง เขต 1", "--short-name", "สพป.ตัวอย่าง เขต 1",
                   "--type", "spp", "--website", "https://www.spp-example1.go.th/", "--year", "2570"]


def init(folder: Path, *flags: str) -> int:
    return main(["init", str(folder), *flags])


def test_init_writes_an_office_that_checks_clean(tmp_path, capsys):
    office = tmp_path / "spp-2"
    assert init(office, "--name", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 2", "--short-name", "สพป.ทดสอบ เขต 2",
                "--type", "สพป.", "--year", "2570") == 0
    out = capsys.readouterr().out
    assert "python -m generator serve" in out and "placeholder" not in out
    names = {p.relative_to(office).as_posix() for p in office.rglob("*") if p.is_file()}
    assert {"mkdocs.yml", "requirements.txt", "README.md", ".gitignore", ".github/workflows/site.yml", ".gitlab-ci.yml",
            ".pre-commit-config.yaml", ".vscode/settings.json", "data/office.yml", "data/site.yml",
            "schemas/office.schema.json"} <= names
    assert not any(n.startswith(("overrides/", "generator/")) for n in names), "the generator stays in its package"
    office_yml = yaml.safe_load((office / "data" / "office.yml").read_text(encoding="utf-8"))
    assert office_yml == {"name_th": "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาทดสอบ เขต 2", "short_name_th": "สพป.ทดสอบ เขต 2",
                          "type": "esa_primary"}
    assert yaml.safe_load((office / "data" / "site.yml").read_text(encoding="utf-8")) == {"frameworks": {2570: "nacc"}}
    result = run(Project.at(office), date(2026, 12, 7))
    assert [p.render() for p in result.problems if p.severity != "note"] == []


def test_the_example_office_is_what_init_writes(tmp_path):
    """Every file init writes, apart from the data the example fills in, is the example's own, byte for byte."""
    written = tmp_path / "example"
    assert init(written, *EXAMPLE_ANSWERS) == 0
    differ = [p.relative_to(written).as_posix() for p in sorted(written.rglob("*")) if p.is_file()
              and not p.relative_to(written).as_posix().startswith("data/")
              and (EXAMPLE / p.relative_to(written)).read_bytes() != p.read_bytes()]
    assert differ == [], "regenerate them: python -m generator init /tmp/x <the answers above>, copy all but data/"


def test_without_a_terminal_or_flags_placeholders_are_said_and_the_site_builds(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", open("/dev/null"))  # not a TTY, as in CI or a pipe
    office = tmp_path / "new"
    assert init(office) == 0
    assert "placeholder" in capsys.readouterr().out
    assert PLACEHOLDER_NAME in (office / "data" / "office.yml").read_text(encoding="utf-8")
    build_project(office, office / "site")  # strict
    executives = (office / "site" / "office" / "executives" / "index.html").read_text(encoding="utf-8")
    assert "<code>data/executives.yml</code>" in executives  # the page says where to fill it in


def test_a_terminal_is_asked_what_the_flags_leave_out():
    replies = {"ชื่อหน่วยงานเต็มภาษาไทย": "โรงเรียนทดสอบวิทยา", "ชื่อย่อ": "", "ประเภท": "โรงเรียน", "เว็บไซต์ของหน่วยงาน": ""}
    asked = []

    def ask(question: str, default: str) -> str:
        asked.append(question.split(" ")[0])
        return replies[asked[-1]] or default

    args = argparse.Namespace(name_th=None, short_name_th=None, office_type=None, framework=None, website=None,
                              year=None, requirement=None)
    answers = gather(args, ask, date(2026, 12, 7))
    assert asked == list(replies)
    assert answers == Answers(name_th="โรงเรียนทดสอบวิทยา", short_name_th="โรงเรียนทดสอบวิทยา", office_type="school",
                              framework="obec-school", year=2570)


def test_a_folder_with_files_is_refused_and_left_alone(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert init(tmp_path) == 2
    err = capsys.readouterr().err
    assert "ไม่ว่าง" in err or "มีไฟล์อยู่แล้ว" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_website_that_is_not_an_address_is_refused(tmp_path, capsys):
    assert init(tmp_path / "x", "--name", "หน่วยงาน", "--website", "www example") == 2
    assert "https://" in capsys.readouterr().err and not (tmp_path / "x").exists()


@pytest.mark.parametrize("name", ["สพป.ก: เขต 1", "# ไม่ใช่ความเห็น", "yes", "ชื่อ 'มี' \"อัญประกาศ\"", "-ขีด", "a #b"])
def test_names_read_back_as_written(name):
    assert yaml.safe_load(f"k: {yaml_scalar(name)}\n") == {"k": name}


def test_a_name_the_data_would_refuse_is_refused_with_the_same_words_and_nothing_written(tmp_path, capsys):
    assert init(tmp_path / "o", "--name", "<script>alert(1)</script> & co", "--year", "2570") == 2
    err = capsys.readouterr().err
    assert "data/office.yml:4: name_th:" in err and "HTML" in err and str(tmp_path) not in err
    assert list(tmp_path.iterdir()) == []


def test_a_name_with_markup_characters_is_text_on_the_page(tmp_path):
    office = tmp_path / "o"
    assert init(office, "--name", "สำนักงาน A & B <ทดสอบ>", "--short-name", "A & B", "--year", "2570") == 0
    build_project(office, office / "site")
    home = (office / "site" / "index.html").read_text(encoding="utf-8")
    assert "A &amp; B" in home and "<ทดสอบ>" not in home
