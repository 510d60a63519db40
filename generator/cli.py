"""`python -m generator check [--strict]`: the data check a webmaster runs before publishing."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from .core import run
from .load import Project
from .problems import errors, render_report, warnings


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 clean, 1 errors, or warnings under --strict)."""
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="ตรวจข้อมูลเว็บไซต์ / check the site's data")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="ตรวจไฟล์ใน data/ / validate data/")
    check.add_argument("--root", default=".", help="โฟลเดอร์โครงการ / project folder")
    check.add_argument("--strict", action="store_true", help="ถือว่าคำเตือนเป็นข้อผิดพลาด / warnings fail")
    check.add_argument("--today", type=date.fromisoformat, help="วันที่สร้าง (ทดสอบ) / build date")
    schema = sub.add_parser("schema", help="เขียน JSON Schema / write the JSON Schemas")
    schema.add_argument("--out", default="schemas")
    args = parser.parse_args(argv)
    if args.command == "schema":
        from .schema import write_schemas

        for path in write_schemas(args.out):
            print(path)
        return 0
    return _check(Project.at(args.root), args.strict, args.today)


def _check(project: Project, strict: bool, today: date | None) -> int:
    result = run(project, today)
    failed = bool(errors(result.problems)) or (strict and bool(warnings(result.problems)))
    if result.problems:
        print(render_report(result.problems), file=sys.stderr if failed else sys.stdout)
    if not failed:
        pages = len(result.pages)
        print(f"ข้อมูลถูกต้อง สร้างได้ {pages} หน้า / data OK, {pages} generated pages")
    return 1 if failed else 0
