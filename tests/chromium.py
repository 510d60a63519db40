"""Where the browser tests find Chromium: wherever Playwright can drive one, on any system.

In this order: $CHROMIUM; the system's browser (/usr/bin/chromium, which `make chromium` installs
on Debian and Ubuntu, or chromium, chromium-browser or google-chrome on the PATH); Playwright's own
download (`python -m playwright install chromium`, the way on Windows and macOS). The browser tests
run in CI, so finding none fails them with one message that says how to get one; it never skips.
Shared by tests/conftest.py, tests/search/runner.py and the scripts that drive a browser.
"""

from __future__ import annotations

import os
import shutil

SYSTEM = "/usr/bin/chromium"
NAMES = ("chromium", "chromium-browser", "google-chrome")
HOW_TH = ("ไม่พบ Chromium สำหรับการทดสอบในเบราว์เซอร์ ติดตั้งได้ทางใดทางหนึ่ง: `make chromium` (Debian/Ubuntu), "
          "`python -m playwright install chromium` (ทุกระบบ รวมถึง Windows และ macOS) หรือกำหนด CHROMIUM=/path/to/chromium")
HOW_EN = ("no Chromium for the browser tests; get one in one of three ways: `make chromium` (Debian/Ubuntu), "
          "`python -m playwright install chromium` (any system, Windows and macOS included), "
          "or set CHROMIUM=/path/to/chromium")


class NoChromium(Exception):
    """No browser that Playwright can launch: the message says how to get one."""


def system_chromium() -> str | None:
    """$CHROMIUM or the system's Chromium; None when neither (Playwright's own download may be there)."""
    if given := os.environ.get("CHROMIUM"):
        return given
    if os.path.isfile(SYSTEM):
        return SYSTEM
    return next(filter(None, (shutil.which(name) for name in NAMES)), None)


def find_chromium(playwright) -> str:
    """The browser to launch with `playwright` (a started sync or async Playwright), or NoChromium."""
    given = os.environ.get("CHROMIUM")
    if given and not os.path.isfile(given):
        raise NoChromium(f"CHROMIUM={given}: ไม่มีไฟล์นี้ {HOW_TH} / CHROMIUM={given}: no such file; {HOW_EN}")
    found = system_chromium() or _downloaded(playwright)
    if found is None:
        raise NoChromium(f"{HOW_TH} / {HOW_EN}")
    return found


def _downloaded(playwright) -> str | None:
    """Playwright's own Chromium, if `python -m playwright install chromium` has fetched it."""
    try:
        path = playwright.chromium.executable_path
    except Exception:  # an unknown platform: Playwright has no download for it
        return None
    return path if path and os.path.isfile(path) else None


def chromium_for_tests(playwright) -> str:
    """find_chromium in a pytest fixture: no browser fails the test with the message alone, no traceback."""
    import pytest

    try:
        return find_chromium(playwright)
    except NoChromium as exc:
        pytest.fail(str(exc), pytrace=False)
