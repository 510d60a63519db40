"""`python -m generator serve`: the edit loop tells the truth at once.

A data error answers every page with the error page (never a request left waiting), the fixed file
brings the site back by itself, and a port that cannot be used is one line. Each test runs the real
command in a subprocess on a copy of the small test office, as a webmaster runs it.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.cli.main import main

from tests.conftest import GOOD, ROOT

OFFICE = "data/office.yml"
HOSTILE = 'type: "<script>alert(1)</script>"'  # line 5 of the test office's office.yml
LOCATED = "data/office.yml:5: type:"


def _office(tmp_path: Path) -> Path:
    return Path(shutil.copytree(GOOD, tmp_path / "office"))


def _edit(root: Path, old: str, new: str) -> None:
    path = root / OFFICE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 10) -> tuple[int, str]:
    """(status, body) of one request; a request that hangs fails the test with a timeout."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _until(what, timeout: float = 60.0, every: float = 0.2):
    """The first truthy value of `what()` within `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if value := what():
            return value
        time.sleep(every)
    raise AssertionError(f"not within {timeout} s")


@contextlib.contextmanager
def served(root: Path, log: Path):
    """`python -m generator serve --root root` on a free port; yields its base URL once it answers."""
    port = _free_port()
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(root), "--port", str(port)],
                                   cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        with contextlib.suppress(OSError):
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        return False

    try:
        _until(answers)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_data_error_answers_every_page_at_once_and_the_fix_brings_the_site_back(tmp_path):
    root = _office(tmp_path)
    with served(root, tmp_path / "serve.log") as base:
        assert _until(lambda: _get(base + "/office/")[0] == 200)
        _edit(root, "type: esa_primary", HOSTILE)
        status, body = _until(lambda: (got := _get(base + "/office/"))[0] == 500 and got)
        assert LOCATED in body and "livereload" in body  # the reload script: the page comes back by itself
        for url in ("/", "/documents/", "/no/such/page/", "/assets/any.css"):
            assert _get(url=base + url, timeout=5)[0] == 500  # every request, at once
        _edit(root, HOSTILE, "type: esa_primary")
        assert _until(lambda: _get(base + "/office/")[0] == 200)
    assert "Traceback" not in (tmp_path / "serve.log").read_text(encoding="utf-8")


def test_the_error_page_escapes_what_the_data_says_and_names_no_folder_of_this_machine(tmp_path):
    root = _office(tmp_path)
    _edit(root, "type: esa_primary", HOSTILE)  # broken before serve starts: the first build fails
    with served(root, tmp_path / "serve.log") as base:
        status, body = _get(base + "/office/")
    assert status == 500
    assert f"{LOCATED} &#39;&lt;script&gt;alert(1)&lt;/script&gt;&#39;" in body
    assert "<script>alert" not in body
    assert str(tmp_path) not in body and str(Path.home()) + "/" not in body


def test_a_broken_mkdocs_yml_is_shown_by_its_file_name_only(tmp_path):
    root = _office(tmp_path)
    (root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    with served(root, tmp_path / "serve.log") as base:
        status, body = _get(base + "/")
    assert status == 500 and "mkdocs.yml" in body
    assert body.count("while parsing") == 1  # said once, though MkDocs' error is also logged
    assert str(tmp_path) not in body


def test_a_busy_port_is_one_line_that_says_how_to_pick_another(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "generator", "serve", "--root", str(GOOD), "--port", str(port)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    assert lines[0].startswith(f"พอร์ต {port} มีโปรแกรมอื่นใช้อยู่")
    assert f"make serve PORT={port + 1}" in lines[0] and f"--port {port + 1}" in lines[0]
    assert "Building documentation" not in done.stdout + done.stderr  # known before any build
    assert time.monotonic() - started < 30


def test_the_port_comes_from_port_or_the_environment(monkeypatch, tmp_path):
    seen = []
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    host = {"serve": lambda root, host, port: seen.append((root, host, port)) or 0}
    monkeypatch.setenv("PORT", "8123")
    assert main(["serve", "--root", str(tmp_path)], host_commands=host) == 0
    assert main(["serve", "--root", str(tmp_path), "--port", "8001"], host_commands=host) == 0
    assert [port for _, _, port in seen] == [8123, 8001]
    with pytest.raises(SystemExit):
        main(["serve", "--port", "80000"], host_commands=host)


def test_a_folder_without_mkdocs_yml_is_named(tmp_path, capsys):
    assert main(["serve", "--root", str(tmp_path)], host_commands={"serve": None}) == 1
    assert "ไม่พบ mkdocs.yml" in capsys.readouterr().err


@pytest.mark.browser
def test_in_a_browser_the_error_page_comes_and_goes_by_itself(tmp_path, browser):
    """The issue's acceptance test: nobody presses reload."""
    root = _office(tmp_path)
    with served(root, tmp_path / "serve.log") as base:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
        assert page.goto(base + "/office/").status == 200
        title = page.locator("h1").first.inner_text()
        _edit(root, "type: esa_primary", HOSTILE)
        started = time.monotonic()
        page.locator("#problems").wait_for(timeout=30_000)  # the open page reloads into the error page
        assert LOCATED in page.locator("#problems").inner_text()
        assert page.locator("h1").inner_text().startswith("ยังสร้างเว็บไซต์ไม่ได้")
        broken_after = time.monotonic() - started
        _edit(root, HOSTILE, "type: esa_primary")
        started = time.monotonic()
        page.locator("#problems").wait_for(state="detached", timeout=30_000)
        page.locator("h1").first.wait_for()
        assert page.locator("h1").first.inner_text() == title and page.url == base + "/office/"
        assert not dialogs  # the hostile <script> never ran
        print(f"error page after {broken_after:.1f} s, site back after {time.monotonic() - started:.1f} s")
        page.close()
