"""`python -m generator build | test-site`: the site for deployment, and what to run before publishing it.

`build` is `mkdocs build --strict --clean` in the office folder (`make build` calls it): the plugin
writes into a staging folder and replaces site/ only when the build succeeds
(generator/mkdocs/staging.py). `test-site` is what an office runs before publishing and what its CI
runs: `check`, a strict build into a temporary folder, then the checks of the built site
(generator/pipeline/built_site.py). MkDocs runs as `python -m mkdocs` in a child process: cli/ does
not import it (tests/test_architecture.py), and the webmaster reads its log as `make build` shows it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

from generator.pipeline.built_site import check_built_site


def add_site_commands(sub: argparse._SubParsersAction, check: Callable[[str], int]) -> None:
    """The `build` and `test-site` subcommands; `check(root)` is `python -m generator check --root root`."""
    build = sub.add_parser(
        "build", help="สร้างเว็บไซต์ใน site/ สำหรับเผยแพร่ / write site/ for deployment",
        description="สร้างเว็บไซต์ (mkdocs build --strict --clean) ไม่ผ่านเมื่อมีข้อผิดพลาดหรือคำเตือน เว็บไซต์เดิมใน site/ "
                    "ถูกแทนที่เมื่อสร้างสำเร็จเท่านั้น / build the site; any error or warning fails it, and the "
                    "published site/ is replaced only by a build that succeeds")
    build.add_argument("--root", default=".", help="โฟลเดอร์ของสำนักงาน (ที่มี mkdocs.yml) / the office folder")
    build.add_argument("--out", type=Path,
                       help="โฟลเดอร์ปลายทาง (ค่าเริ่มต้น site/ ในโฟลเดอร์ของสำนักงาน) / where to write the site "
                            "(default: site/ in the office folder)")
    build.add_argument("--strict", action=argparse.BooleanOptionalAction, default=True,
                       help="--no-strict: คำเตือนไม่ทำให้ไม่ผ่าน / warnings do not fail the build")
    build.set_defaults(handler=_build)
    test = sub.add_parser(
        "test-site", help="ตรวจข้อมูล สร้าง และตรวจเว็บไซต์ที่สร้าง ก่อนเผยแพร่ / check, build and test the site",
        description="ตรวจข้อมูล (check) สร้างเว็บไซต์แบบเข้มงวดในโฟลเดอร์ชั่วคราว แล้วตรวจว่าลิงก์และไฟล์ทุกรายการมีอยู่จริง "
                    "ไม่มีหน้าใดโหลดสคริปต์ สไตล์ ฟอนต์ หรือรูปภาพจากเว็บไซต์อื่น และทุกข้อ OIT ของปีปัจจุบันมีหน้าของตน / "
                    "check the data, build strictly into a temporary folder, then check that every link and file "
                    "exists, that no page loads a script, style, font or image from another host, and that every "
                    "OIT item of the current fiscal year has its page")
    test.add_argument("--root", default=".", help="โฟลเดอร์ของสำนักงาน (ที่มี mkdocs.yml) / the office folder")
    test.set_defaults(handler=partial(_test_site, check=check))


def _build(args: argparse.Namespace) -> int:
    return 0 if mkdocs_build(_office(args.root), args.out, strict=args.strict) == 0 else 1


def _test_site(args: argparse.Namespace, check: Callable[[str], int]) -> int:
    root = _office(args.root)
    print("1/3 ตรวจข้อมูล / checking the data", flush=True)
    if check(str(root)) != 0:
        print("ข้อมูลมีข้อผิดพลาด จึงไม่สร้างเว็บไซต์ / the data has errors: the site was not built", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="oit-test-site-") as temp:
        print("2/3 สร้างเว็บไซต์แบบเข้มงวด / strict build", flush=True)
        if mkdocs_build(root, Path(temp) / "site", strict=True) != 0:
            print("สร้างเว็บไซต์ไม่สำเร็จ / the build failed", file=sys.stderr)
            return 1
        print("3/3 ตรวจเว็บไซต์ที่สร้าง / checking the built site", flush=True)
        pages, problems = check_built_site(Path(temp) / "site")
    for problem in sorted(problems):
        print(problem.render(), file=sys.stderr)
    if problems:
        print(f"ตรวจเว็บไซต์ที่สร้าง {pages} หน้า พบปัญหา {len(problems)} รายการ / "
              f"checked {pages} pages of the built site: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ตรวจเว็บไซต์ที่สร้าง {pages} หน้า ไม่พบปัญหา พร้อมเผยแพร่ / "
          f"checked {pages} pages of the built site: no problem, ready to publish")
    return 0


def _office(root: str) -> Path:
    """The office folder; one without mkdocs.yml is a mistake in the command, said in one line."""
    folder = Path(root)
    if not (folder / "mkdocs.yml").is_file():
        raise ValueError(f"ไม่พบ mkdocs.yml ในโฟลเดอร์ {folder} ให้ระบุโฟลเดอร์ของสำนักงานด้วย --root / "
                         f"no mkdocs.yml in {folder}: give the office folder with --root")
    return folder


def mkdocs_build(root: Path, out: Path | None, strict: bool) -> int:
    """`mkdocs build --clean` of the office at `root` (into `out`, else its site_dir); MkDocs' exit code.

    Its log goes straight to the terminal. Ctrl-C stops MkDocs too (same process group): no traceback."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--strict" if strict else "--no-strict"]
    if out is not None:
        command += ["--site-dir", str(out.resolve())]
    # Material's notice about MkDocs 2 is for theme authors, not for a webmaster (as in the Makefile).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        return subprocess.run(command, cwd=root, env=env).returncode
    except KeyboardInterrupt:
        return 130
