"""The generator as a package: its wheel alone starts, checks and builds a new office.

The wheel is built from this repository and installed with pip into a folder of its own; the new
office is made by `init` from that install, in a folder with no file of this repository. Only the
runtime dependencies (MkDocs, Material, ...) come from the test environment: what the wheel itself
must carry (templates, catalogues, theme, menu, the files `init` writes) is read from the install.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this repository, installed by pip into a folder of its own."""
    wheels = tmp_path_factory.mktemp("wheels")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, f"the wheel did not build (pip needs PyPI for setuptools):\n{built.stderr[-2000:]}"
    wheel = next(wheels.glob("oit_site_generator-*.whl"))
    target = tmp_path_factory.mktemp("site-packages")
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target),
                           str(wheel)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return target


def run_in(cwd: Path, installed: Path, *args: str) -> subprocess.CompletedProcess:
    """`python <args>` with the installed wheel first on the path, from `cwd`, without a terminal."""
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)


def test_the_wheel_starts_an_office_that_checks_and_builds(installed, tmp_path):
    where = run_in(tmp_path, installed, "-c", "import generator; print(generator.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(installed), "the test must run the installed wheel"
    version = run_in(tmp_path, installed, "-m", "generator", "--version").stdout.strip()
    assert version.startswith("oit-site-generator ")

    made = run_in(tmp_path, installed, "-m", "generator", "init", "office", "--name", "โรงเรียนทดสอบแพ็กเกจ",
                  "--type", "school", "--year", "2570")
    assert made.returncode == 0, made.stderr
    office = tmp_path / "office"
    checked = run_in(office, installed, "-m", "generator", "check", "--as-of", "2026-12-07")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s), 0 warning(s)" in checked.stdout + checked.stderr

    tested = run_in(office, installed, "-m", "generator", "test-site")  # what its CI runs before publishing
    assert tested.returncode == 0, tested.stdout[-2000:] + tested.stderr[-2000:]

    built = run_in(office, installed, "-m", "mkdocs", "build", "--strict")
    assert built.returncode == 0, built.stderr[-3000:]
    home = (office / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="generator" content="{version}">' in home
    assert (office / "site" / "oit" / "2570" / "index.html").is_file()
    assert (office / "site" / "assets" / "stylesheets" / "oit.css").is_file(), "the theme comes from the wheel"

    # Nothing of the example office: its names, its data files, its originals.
    example_files = {p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "data").rglob("*") if p.is_file()}
    example_files |= {p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "content").rglob("*") if p.is_file()}
    office_files = {p.relative_to(office).as_posix() for p in office.rglob("*") if p.is_file()
                    and not p.relative_to(office).as_posix().startswith(("site/", ".cache/"))}
    assert office_files & example_files <= {"data/office.yml", "data/site.yml", "content/files/.gitkeep"}
    text = "".join(p.read_text(encoding="utf-8") for p in (office / "data").rglob("*.yml"))
    assert "ตัวอย่าง เขต 1" not in text and "spp-example1" not in text


def test_the_new_office_serves_from_the_wheel(installed, tmp_path):
    assert run_in(tmp_path, installed, "-m", "generator", "init", "office", "--name", "สำนักงานทดสอบการเสิร์ฟ",
                  "--year", "2570").returncode == 0
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(installed), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=tmp_path / "office",
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline, page = time.monotonic() + 180, None
        while time.monotonic() < deadline and page is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/office/executives/", timeout=10) as response:
                    page = response.read().decode("utf-8")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                assert server.poll() is None, server.stdout.read().decode("utf-8", "replace")[-2000:]
                time.sleep(0.5)
        assert page is not None, "serve did not answer within 180 s"
        assert "สำนักงานทดสอบการเสิร์ฟ" in page and "data/executives.yml" in page  # the page says what to fill in
    finally:
        server.terminate()
        server.wait(timeout=30)
