"""The example office builds on a machine without network: nothing in a build reaches for another host.

A real `python -m mkdocs build --strict` of a copy of the example runs in a subprocess whose Python
refuses every network call: a `sitecustomize` put first on PYTHONPATH replaces socket connects and
name look-ups with functions that record the attempt to a file and raise OSError. The build must
succeed AND the record must stay empty, so a network call whose error the build swallowed still fails
the test. The font cache is empty (a first build on a new machine: Sarabun is cut from the pinned
package). Where user namespaces are allowed (`unshare -rn`) the subprocess also runs without any
network interface, git included; the test does not depend on it.

That the built pages load nothing from another host is checked elsewhere: statically in
test_example_site.py and in Chromium in test_browser.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLE_TODAY, ROOT, copy_example

pytestmark = pytest.mark.slow

# Imported by every Python process started with this folder first on PYTHONPATH.
SITECUSTOMIZE = '''
import os, socket, traceback

_RECORD = os.environ["OIT_NETWORK_RECORD"]
with open(os.environ["OIT_NETWORK_LOADED"], "a", encoding="utf-8") as f:
    f.write(f"{os.getpid()}\\n")


def _refuse(name):
    def refused(*args, **kwargs):
        with open(_RECORD, "a", encoding="utf-8") as f:
            f.write(f"{name}{args!r:.200}\\n{''.join(traceback.format_stack(limit=8))}\\n")
        raise OSError("network disabled")
    return refused


for _name in ("connect", "connect_ex", "sendto", "sendmsg"):
    setattr(socket.socket, _name, _refuse(f"socket.{_name}"))
socket.create_connection = _refuse("socket.create_connection")
socket.getaddrinfo = _refuse("socket.getaddrinfo")
socket.gethostbyname = _refuse("socket.gethostbyname")
'''


def _network_namespace() -> list[str]:
    """`unshare -rn` where this machine allows a user namespace without network, else nothing."""
    if not shutil.which("unshare"):
        return []
    try:
        ok = subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return ["unshare", "-rn"] if ok else []


def test_example_builds_with_the_network_disabled(tmp_path: Path):
    work = tmp_path / "office"
    work.mkdir()
    copy_example(work)  # the example's pinned build date, as in conftest.example_site

    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    record, loaded = tmp_path / "network-attempts.txt", tmp_path / "shim-loaded.txt"
    record.write_text("", encoding="utf-8")
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")])),
           "OIT_NETWORK_RECORD": str(record), "OIT_NETWORK_LOADED": str(loaded),
           "OIT_FONT_CACHE": str(tmp_path / "fonts"),  # empty: the Sarabun cut happens offline too
           "NO_MKDOCS_2_WARNING": "1"}
    for proxy in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(proxy, None)
    namespace = _network_namespace()

    start = time.monotonic()
    build = subprocess.run([*namespace, sys.executable, "-m", "mkdocs", "build", "--strict",
                            "--site-dir", str(work / "site")],
                           cwd=work, env=env, capture_output=True, text=True, timeout=600)
    seconds = time.monotonic() - start

    assert loaded.exists(), "the network-refusing sitecustomize was not imported by the build"
    assert build.returncode == 0, f"offline build failed ({' '.join(namespace) or 'no namespace'}):\n{build.stderr[-4000:]}"
    assert record.read_text(encoding="utf-8") == "", "the build tried to reach the network:\n" + record.read_text(
        encoding="utf-8")[:4000]
    site = work / "site"
    assert "<title>" in (site / "index.html").read_text(encoding="utf-8")
    oit = (site / "oit" / "2568" / "index.html").read_text(encoding="utf-8")
    assert "oit-status--complete" in oit
    assert (site / "assets" / "fonts" / "sarabun-400.woff2").stat().st_size > 1000
    print(f"offline build: {seconds:.1f} s, {'unshare -rn + ' if namespace else ''}socket shim")
