"""`python -m generator federation check | matrix | build | site`: many offices, one supervisory view.

`matrix` is what a CI engine's first job runs to fan the offices out (one job per office, in batches
beyond the engine's limit); `build` builds offices on this machine in parallel processes (a small
federation, a test, or one CI job's share); `site` writes the supervisory site from the builds or,
with `--fetch`, from the offices' published sites.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.base.problems import render_report


def add_federation_command(sub: argparse._SubParsersAction) -> None:
    """Register `federation` and its four actions on the CLI's sub-command parser."""
    federation = sub.add_parser("federation", help="หลายหน่วยงานและหน้าภาพรวมของผู้กำกับดูแล / many offices, one supervisory site")
    actions = federation.add_subparsers(dest="action", required=True)
    check = actions.add_parser("check", help="ตรวจไฟล์รายชื่อหน่วยงาน / check the federation file")
    matrix = actions.add_parser("matrix", help="ตารางงานของ CI / the CI build matrix")
    matrix.add_argument("--engine", choices=("github", "gitlab"), default="github")
    matrix.add_argument("--limit", type=int, help="จำนวนงานสูงสุด / at most this many jobs")
    build = actions.add_parser("build", help="สร้างเว็บไซต์ของทุกหน่วยงานบนเครื่องนี้ / build every office here")
    build.add_argument("--only", help="รหัสหน่วยงานคั่นด้วยจุลภาค / only these codes")
    build.add_argument("--jobs", type=int, help="จำนวนงานพร้อมกัน (ไม่ระบุ = จำนวน CPU) / parallel builds")
    build.add_argument("--out", type=Path, default=Path("out"))
    build.add_argument("--site", type=Path, help="แล้วเขียนหน้าภาพรวมที่นี่ / then write the supervisory site here")
    site = actions.add_parser("site", help="เขียนหน้าภาพรวม / write the supervisory site")
    site.add_argument("--from", dest="built", type=Path, help="โฟลเดอร์ผลการสร้าง (out/) / the builds' folder")
    site.add_argument("--fetch", action="store_true", help="อ่านจากเว็บไซต์ที่เผยแพร่แล้ว / read the published sites")
    site.add_argument("--out", type=Path, default=Path("supervision"))
    for parser in (check, matrix, build, site):
        parser.add_argument("file", type=Path, help="ไฟล์รายชื่อหน่วยงาน เช่น federation.yml / the federation file")
    federation.set_defaults(handler=_federation)


def _federation(args: argparse.Namespace) -> int:
    from generator.federation.roster import read_federation

    federation, problems = read_federation(args.file)
    if problems:
        print(render_report(problems), file=sys.stderr)
    if federation is None:
        return 1
    return {"check": _check, "matrix": _matrix, "build": _build, "site": _site}[args.action](args, federation)


def _check(args: argparse.Namespace, federation) -> int:
    print(f"{args.file.name}: {len(federation.offices)} หน่วยงาน ปีงบประมาณ {federation.year} / "
          f"{len(federation.offices)} offices, fiscal year {federation.year}")
    return 0


def _matrix(args: argparse.Namespace, federation) -> int:
    from generator.federation.matrix import LIMITS, github_matrix, gitlab_pipeline

    limit = args.limit or LIMITS[args.engine]
    print(github_matrix(federation, limit) if args.engine == "github" else gitlab_pipeline(federation, str(args.file), limit))
    return 0


def _build(args: argparse.Namespace, federation) -> int:
    from generator.federation.build import build_all

    only = set(args.only.replace(",", " ").split()) if args.only else None  # a CI matrix gives "a b c"
    start = time.perf_counter()
    results = build_all(federation, args.file, args.out, only, args.jobs)
    for result in results:
        state = "สำเร็จ / ok" if result.ok else f"ไม่สำเร็จ / failed ({result.step})"
        print(f"{result.code}: {state} {result.seconds:.1f} s")
        if result.error:
            print("  " + result.error.replace("\n", "\n  "))
    failed = sum(not r.ok for r in results)
    print(f"{len(results)} หน่วยงาน สำเร็จ {len(results) - failed} ไม่สำเร็จ {failed} ใน {time.perf_counter() - start:.1f} s / "
          f"{len(results)} offices, {failed} failed")
    if args.site:
        _write(federation, args.out, False, args.site)
    return 1 if failed else 0


def _site(args: argparse.Namespace, federation) -> int:
    if not args.built and not args.fetch:
        raise ValueError("ระบุ --from <โฟลเดอร์ผลการสร้าง> หรือ --fetch / give --from <builds> or --fetch")
    _write(federation, args.built, args.fetch, args.out)
    return 0


def _write(federation, built: Path | None, fetch: bool, out: Path) -> None:
    from generator.federation.exports import read_all
    from generator.federation.site import write_site

    start = time.perf_counter()
    snapshots = read_all(federation, built, fetch)
    written = write_site(federation, snapshots, out)
    unread = sum(s.error is not None for s in snapshots)
    print(f"หน้าภาพรวม {out}: {len(snapshots)} หน่วยงาน (อ่านไม่ได้ {unread}) {len(written)} ไฟล์ "
          f"{time.perf_counter() - start:.1f} s / supervisory site written")
