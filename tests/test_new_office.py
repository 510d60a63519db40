"""A new office: only its configuration, no facts yet. The site builds and says what is missing."""

from __future__ import annotations

import shutil

from generator.cli.main import main

from .conftest import EXAMPLE, build_project


def new_office(tmp_path):
    root = tmp_path / "office"
    (root / "data").mkdir(parents=True)
    (root / "content").mkdir()
    shutil.copy(EXAMPLE / "mkdocs.yml", root / "mkdocs.yml")
    (root / "data" / "site.yml").write_text("frameworks:\n  2568: obec-school-2566\n", encoding="utf-8")
    (root / "content" / "index.md").write_text("---\ntitle: หน้าแรก\n---\n\n# สำนักงานใหม่\n", encoding="utf-8")
    return root


def test_a_new_office_builds_and_every_page_says_what_is_missing(tmp_path):
    root = new_office(tmp_path)
    build_project(root, root / "site", strict=False)  # as `make serve` builds: warnings shown, not fatal
    office = (root / "site" / "office" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "ยังไม่มีข้อมูลการติดต่อ" in office and "<code>data/office.yml</code>" in office
    complaints = (root / "site" / "complaints" / "index.html").read_text(encoding="utf-8")
    assert "<code>data/complaints.yml</code>" in complaints
    # No-break spaces (a word joined to its number, generator/mkdocs/typeset.py) read as spaces.
    oit = (root / "site" / "oit" / "2568" / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "ครบถ้วน 0 จาก 43 ข้อ" in oit  # a page that only says "no data yet" is no evidence


def test_the_check_lists_what_is_missing_and_strict_refuses(tmp_path, capsys):
    root = new_office(tmp_path)
    assert main(["check", "--root", str(root)]) == 0
    captured = capsys.readouterr()
    out = captured.out + captured.err
    assert "data/office.yml: (คำเตือน / warning) ยังไม่มีไฟล์ data/office.yml" in out
    assert main(["check", "--root", str(root), "--strict"]) == 1
