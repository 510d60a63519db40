"""`python -m generator build | test-site`, and where the browser tests find Chromium.

The build runs MkDocs in a child process, so its output is read with capfd, not capsys.
"""

from __future__ import annotations

import pytest

from generator.cli.main import main

from tests import chromium
from tests.conftest import GOOD, copy_example, project_with

# A link typed as raw HTML: Markdown's link check (check, the strict build) never sees it; only the built site does.
RAW_LINK = "# หน้าเพิ่มเติม\n\n<a href=\"files/missing.pdf\">ไฟล์ที่ไม่มี</a>\n"


def test_build_writes_the_site_where_mkdocs_yml_says(tmp_path, capfd):
    root = project_with(tmp_path, {}).root
    assert main(["build", "--root", str(root)]) == 0
    assert "<title>" in (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "site published to" in capfd.readouterr().err


def test_build_refuses_a_data_error_with_its_file_and_line_and_no_traceback(tmp_path, capfd):
    office = (GOOD / "data" / "office.yml").read_text(encoding="utf-8").replace("type: esa_primary", "type: spaceship")
    root = project_with(tmp_path, {"data/office.yml": office}).root
    assert main(["build", "--root", str(root), "--out", str(tmp_path / "out")]) == 1
    err = capfd.readouterr().err
    assert "data/office.yml:5: type: 'spaceship'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_build_of_a_folder_without_mkdocs_yml_is_one_line(tmp_path, capfd):
    assert main(["build", "--root", str(tmp_path)]) == 2
    err = capfd.readouterr().err
    assert f"ไม่พบ mkdocs.yml ในโฟลเดอร์ {tmp_path}" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_the_example_office_passes_test_site(tmp_path, capfd):
    work = copy_example(tmp_path)
    assert main(["test-site", "--root", str(work)]) == 0
    out = capfd.readouterr().out
    assert "1/3" in out and "3/3" in out
    assert "ไม่พบปัญหา พร้อมเผยแพร่ / checked" in out.splitlines()[-1]


def test_test_site_names_the_page_with_a_broken_link_and_fails(tmp_path, capfd):
    root = project_with(tmp_path, {"content/extra.md": RAW_LINK}).root
    assert main(["test-site", "--root", str(root)]) == 1
    err = capfd.readouterr().err.splitlines()
    assert any(line.startswith("site/extra/index.html: ลิงก์หรือไฟล์ที่หน้านี้ใช้ (/extra/files/missing.pdf) ไม่มี")
               for line in err), err
    assert err[-1].startswith("ตรวจเว็บไซต์ที่สร้าง ") and "พบปัญหา 1 รายการ / " in err[-1]


def test_test_site_stops_at_a_data_error_before_building(tmp_path, capfd):
    root = project_with(tmp_path, {"data/site.yml": "frameworks: [\n"}).root
    assert main(["test-site", "--root", str(root)]) == 1
    captured = capfd.readouterr()
    assert "data/site.yml:" in captured.err and "จึงไม่สร้างเว็บไซต์" in captured.err
    assert "2/3" not in captured.out


class FakePlaywright:
    """Playwright as the finder sees it: where its own Chromium would be downloaded."""

    def __init__(self, path):
        self.chromium = type("Chromium", (), {"executable_path": str(path)})()


@pytest.fixture
def no_system_chromium(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(chromium, "SYSTEM", str(tmp_path / "no-chromium"))
    monkeypatch.setattr(chromium.shutil, "which", lambda name: None)


def test_the_chromium_env_variable_comes_first(monkeypatch, tmp_path, no_system_chromium):
    mine = tmp_path / "my-chromium"
    mine.write_text("")
    monkeypatch.setenv("CHROMIUM", str(mine))
    assert chromium.find_chromium(FakePlaywright(tmp_path / "downloaded")) == str(mine)


def test_playwrights_own_download_is_used_when_the_system_has_none(tmp_path, no_system_chromium):
    downloaded = tmp_path / "ms-playwright" / "chrome"
    downloaded.parent.mkdir()
    downloaded.write_text("")
    assert chromium.find_chromium(FakePlaywright(downloaded)) == str(downloaded)


def test_no_chromium_says_the_three_ways_to_get_one(tmp_path, no_system_chromium):
    with pytest.raises(chromium.NoChromium) as raised:
        chromium.find_chromium(FakePlaywright(tmp_path / "not-downloaded"))
    message = str(raised.value)
    assert message.startswith("ไม่พบ Chromium")
    for way in ("make chromium", "python -m playwright install chromium", "CHROMIUM=/path/to/chromium"):
        assert message.count(way) == 2, way  # in the Thai and the English half


def test_a_chromium_env_variable_that_names_no_file_is_said_as_such(monkeypatch, tmp_path, no_system_chromium):
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "typo"))
    with pytest.raises(chromium.NoChromium, match=f"CHROMIUM={tmp_path / 'typo'}: ไม่มีไฟล์นี้"):
        chromium.find_chromium(FakePlaywright(tmp_path / "not-downloaded"))
