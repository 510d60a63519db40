"""`python -m generator check|score|schema|new|new-year`: what a webmaster runs before publishing.

`check` validates the data and evaluates the OIT readiness of a fiscal year; `score` reproduces the
official arithmetic from published numbers; `schema` writes the JSON Schemas for editors; `new` and
`new-year` write correctly named files from templates (generator/cli/scaffold.py, generator/cli/new_year.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from generator.base import calendar
from generator.base import scoring
from generator.cli.serve import add_command as add_serve_command
from generator.pipeline.core import run
from generator.pipeline.load import Project, load
from generator.oit.readiness import STATUS_TH
from generator.base.problems import errors, render_report, warnings
from generator import __version__
from generator.cli.federation import add_federation_command
from generator.cli.init import add_init_command


def main(argv: list[str] | None = None, host_commands: Mapping[str, Callable[..., int]] | None = None) -> int:
    """Entry point; returns the exit code. `host_commands`: what needs MkDocs (`serve`), given by
    generator/__main__.py because cli/ does not import the glue."""
    args = _parser().parse_args(argv)
    args.host_commands = host_commands or {}
    try:
        return args.handler(args)
    except BrokenPipeError:  # `check | head`: the reader has all it wanted
        return 0
    except (ValueError, OSError) as exc:  # bad arguments or an unreadable file: say so, no traceback
        print(f"ผิดพลาด / error: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="เว็บไซต์ OIT / the OIT site tools")
    parser.add_argument("--version", action="version", version=f"oit-site-generator {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="ตรวจข้อมูลและความพร้อม OIT / check data and OIT readiness")
    check.add_argument("--root", default=".", help="โฟลเดอร์โครงการ / project folder")
    check.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. ที่ประเมิน / fiscal year (B.E.)")
    check.add_argument("--as-of", "--today", dest="as_of", type=_date_argument,
                       help="ประเมิน ณ วันที่ เช่น 2025-03-31 หรือ 31 มี.ค. 2568 / as of this date (default: today)")
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true",
                       help="คำเตือนหรือข้อที่ไม่ครบถือว่าไม่ผ่าน / warnings or incomplete items fail")
    check.set_defaults(handler=_check)
    score = sub.add_parser("score", help="คำนวณคะแนน ITA/OIT / compute ITA or OIT scores")
    score.add_argument("--indicators", help="คะแนนตัวชี้วัด 1–10 คั่นด้วยจุลภาค / ten indicator scores")
    score.add_argument("--framework", help="กรอบการประเมิน เช่น nacc-2564 / framework id")
    score.add_argument("--items", type=Path, help="CSV: number,score เช่น O1,100 / item scores")
    score.add_argument("--root", default=".")
    score.add_argument("--format", choices=("text", "json"), default="text")
    score.set_defaults(handler=_score)
    schema = sub.add_parser("schema", help="เขียน JSON Schema / write the JSON Schemas")
    schema.add_argument("--out", default="schemas")
    schema.set_defaults(handler=_schema)
    _add_scaffold_commands(sub)
    _add_site_commands(sub)
    add_init_command(sub)
    add_federation_command(sub)
    add_serve_command(sub)
    return parser


def _add_site_commands(sub: argparse._SubParsersAction) -> None:
    """`build` and `test-site` (generator/cli/site.py); test-site's first step is this `check`."""
    from generator.cli.site import add_site_commands

    add_site_commands(sub, check=lambda root: main(["check", "--root", root]))


def _add_scaffold_commands(sub: argparse._SubParsersAction) -> None:
    from generator.cli.scaffold import KINDS

    kinds = "\n".join(f"  {k.name:<12} {k.pattern}" for k in KINDS.values())
    new = sub.add_parser(
        "new", help="สร้างไฟล์หรือรายการใหม่จากแม่แบบ / create a data file or entry from a template",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="สร้างไฟล์ข้อมูลที่ตั้งชื่อถูกต้องจากแม่แบบ ไม่เขียนทับไฟล์ที่มีอยู่ (documents และ policies เพิ่มรายการ"
                    "ต่อท้ายไฟล์ของปี) / write a correctly named data file from a template, never over an existing "
                    f"one (documents and policies append an entry to the year's file):\n{kinds}",
        epilog="ปี (--year) คือปีงบประมาณ พ.ศ. (1 ต.ค. – 30 ก.ย.) เสมอ ไม่ระบุ = ปีงบประมาณปัจจุบัน\n"
               "procurement: --month คือเดือนตามปฏิทิน 1–12 ไฟล์อยู่ในโฟลเดอร์ของปีงบประมาณ\n"
               "เดือน 10–12 เป็นของปีงบประมาณที่เริ่มในเดือนนั้น:\n"
               "  --year 2569 --month 10  →  data/procurement/2569/10.csv  (ตุลาคม 2568)\n"
               "  --year 2569 --month 3   →  data/procurement/2569/03.csv  (มีนาคม 2569)\n"
               "ระบุ --month โดยไม่ระบุ --year = ปีงบประมาณของเดือนนั้นครั้งล่าสุดจนถึงวันนี้\n\n"
               "--year is always the B.E. fiscal year (1 Oct – 30 Sep; default: the current one). For procurement,\n"
               "--month is the calendar month 1–12, filed in its fiscal year's folder: October to December\n"
               "belong to the fiscal year that starts then (--year 2569 --month 10 is October 2568). With\n"
               "--month alone, the fiscal year of that month's latest occurrence up to today.")
    new.add_argument("kind", type=_kind_argument, help="ชนิดของไฟล์ (ดูรายการด้านบน) / what to create")
    new.add_argument("--root", default=".", help="โฟลเดอร์โครงการ / project folder")
    new.add_argument("--year", type=_year_argument, help="ปีงบประมาณ พ.ศ. เช่น 2569 / B.E. fiscal year")
    new.add_argument("--month", type=_month_argument,
                     help="procurement: เดือนตามปฏิทิน 1–12 (ดูกติกาด้านล่าง) / calendar month 1–12 (see below)")
    new.add_argument("--id", help="รหัสอังกฤษตัวเล็ก ใช้เป็น URL (documents policies news) / lower-case id, the URL")
    new.add_argument("--file", help="documents policies: ต้นฉบับใน content/ เช่น files/2569/plan.pdf (รหัสมาจากชื่อไฟล์ถ้าไม่"
                                    "ระบุ --id) / the original under content/ (gives the id when --id is left out)")
    new.add_argument("--url", help="documents: ลิงก์เอกสารบนเว็บไซต์อื่นแทนไฟล์ / a link instead of a file")
    new.set_defaults(handler=_new)
    year = sub.add_parser(
        "new-year", help="เตรียมปีงบประมาณใหม่ / prepare the next fiscal year",
        description="เพิ่มปีใน frameworks: ของ data/site.yml (กรอบของปีก่อน หรือกรอบตระกูลเดียวกันที่ระบุปีนี้) สร้างไฟล์ว่าง"
                    "ที่ถูกต้อง และแสดงรายการสิ่งที่ต้องเพิ่ม / add the year to frameworks: in data/site.yml (the "
                    "previous year's catalogue, or its family's catalogue for this year), create the empty files "
                    "that are valid, and list what to add")
    year.add_argument("year", type=_year_argument, help="ปีงบประมาณ พ.ศ. เช่น 2569 / B.E. fiscal year")
    year.add_argument("--root", default=".", help="โฟลเดอร์โครงการ / project folder")
    year.add_argument("--framework", help="กรอบการประเมิน เช่น nacc-2569 (แทนการเลือกอัตโนมัติ) / framework id")
    year.set_defaults(handler=_new_year)


def _year_argument(text: str) -> int:
    """A B.E. fiscal year; a C.E. year is refused with the same message as in data files."""
    from generator.cli.scaffold import Refused, parse_year

    try:
        return parse_year(text)
    except Refused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _kind_argument(text: str) -> str:
    """A kind of `new`: a wrong one gets the closest kinds, not every choice twice."""
    from generator.cli.scaffold import Refused, parse_kind

    try:
        return parse_kind(text)
    except Refused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _month_argument(text: str) -> int:
    from generator.cli.scaffold import Refused, parse_month

    try:
        return parse_month(text)
    except Refused as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _new(args: argparse.Namespace) -> int:
    from generator.cli.scaffold import Refused, create, default_year

    today = date.today()
    year = args.year or default_year(args.kind, args.month, today)
    try:
        created = create(Project.at(args.root), args.kind, year, month=args.month, record_id=args.id,
                         file=args.file, url=args.url, today=today)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(created.report())
    return 0


def _new_year(args: argparse.Namespace) -> int:
    from generator.cli.new_year import prepare
    from generator.cli.scaffold import Refused

    try:
        prepared = prepare(Project.at(args.root), args.year, args.framework)
    except Refused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(prepared.report())
    return 0


def _date_argument(text: str) -> date:
    """Dates on the command line read like dates in data: `2568-03-31` is B.E., not the year 2568 C.E."""
    try:
        return calendar.parse_date(text)
    except calendar.ThaiDateError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _check(args: argparse.Namespace) -> int:
    from generator.engine.pages import Page
    from generator.oit.pages import evidence_of, readiness_for, readiness_json

    project = Project.at(args.root)
    as_of = args.as_of or date.today()
    result = run(project, as_of, _site_url(project))
    failed = bool(errors(result.problems)) or (args.strict and bool(warnings(result.problems)))
    if result.problems:
        print(render_report(result.problems), file=sys.stderr)
    if result.site is None:
        return 1
    print(f"ข้อมูลถูกต้อง สร้างได้ {len(result.pages)} หน้า / data OK, {len(result.pages)} generated pages",
          file=sys.stderr if args.format == "json" else sys.stdout)
    year = args.year or _default_year(result.site.framework_of_year, as_of)
    if year is None:
        print("ยังไม่ได้กำหนดกรอบการประเมินใน data/site.yml / no framework configured", file=sys.stderr)
        return 1 if failed else 0
    if year not in result.site.framework_of_year:
        raise ValueError(f"ไม่มีกรอบการประเมินของปี {year} ใน data/site.yml / no framework for {year}")
    pages = [p for p in result.pages if isinstance(p, Page)]
    readiness = readiness_for(result.site, evidence_of(result.site, pages), year)
    data = readiness_json(result.site, readiness)
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.format == "json" else _readiness_text(data))
    incomplete = readiness.count("complete") < len(readiness.items)
    return 1 if failed or (args.strict and incomplete) else 0


def _default_year(configured: dict[int, str], as_of: date) -> int | None:
    """The fiscal year of `as_of` when configured, else the latest configured year."""
    current = calendar.fiscal_year(as_of)
    return current if current in configured else max(configured, default=None)


def _readiness_text(data: dict) -> str:
    lines = [f"OIT {calendar.fy_label(data['year'])} ({data['framework']}) ณ วันที่ {data['as_of']}"]
    for item in data["items"]:
        reasons = f": {'; '.join(item['reasons'])}" if item["reasons"] else ""
        lines.append(f"{item['number']}: {STATUS_TH[item['status']]}{reasons}")
    done = sum(1 for i in data["items"] if i["status"] == "complete")
    lines.append(f"ครบถ้วน {done} จาก {len(data['items'])} ข้อ / {done} of {len(data['items'])} items complete")
    lines.append(_scores_text(data["scores"]))
    return "\n".join(lines)


def _scores_text(scores: dict) -> str:
    subs = " · ".join(f"{k} {v:.2f}" for k, v in scores["sub_indicators"].items())
    inds = " · ".join(f"ตัวชี้วัดที่ {k} {v:.2f}" for k, v in scores["indicators"].items())
    return f"{subs}\n{inds}\nคะแนน OIT {scores['oit']:.2f} ถ่วงน้ำหนัก {scores['oit_weighted']:.2f} / OIT weighted"


def _score(args: argparse.Namespace) -> int:
    office = load(Project.at(args.root))[0]  # the office's catalogues and scoring settings, if any
    scale = office.config.scoring.scale()
    if args.indicators:
        values = [scoring.parse_decimal(v) for v in args.indicators.split(",")]
        if len(values) != 10:
            raise ValueError(f"ต้องมีคะแนน 10 ตัวชี้วัด (ได้ {len(values)}) / ten indicator scores are needed")
        result = scoring.ita_result(dict(enumerate(values, start=1)), scale)
        data = result.to_json()
        text = (f"IIT {data['iit']:.2f} · EIT {data['eit']:.2f} · OIT {data['oit']:.2f}\n"
                f"คะแนนรวม {data['total']:.2f} ระดับ {data['level']} "
                f"{'ผ่าน' if data['pass'] else 'ไม่ผ่าน'} / total, level, pass")
    elif args.framework and args.items:
        data = _item_scores(args, office.frameworks, scale)
        text = _scores_text(data)
    else:
        raise ValueError("ใช้ --indicators หรือ --framework กับ --items / give --indicators, or --framework and --items")
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.format == "json" else text)
    return 0


def _item_scores(args: argparse.Namespace, frameworks: dict, scale: scoring.Scale) -> dict:
    """OIT scores from a CSV of `number,score` rows, grouped as the framework groups its items."""
    if args.framework not in frameworks:
        raise ValueError(f"ไม่พบกรอบ '{args.framework}' / no framework '{args.framework}': {', '.join(sorted(frameworks))}")
    given = {}
    for row in args.items.read_text(encoding="utf-8-sig").splitlines():
        if match := re.match(r"^\s*([^,]+?)\s*,\s*([^,]+?)\s*$", calendar.to_arabic_digits(row)):
            if match[1].lower() not in ("number", "ข้อ"):
                given[match[1].upper()] = scoring.parse_decimal(match[2])
    groups: dict[int, dict[str, list]] = {}
    for ind in frameworks[args.framework].indicators:
        for sub in ind.sub_indicators:
            missing = [i.number for i in sub.items if i.number.upper() not in given]
            if missing:
                raise ValueError(f"ไม่มีคะแนนข้อ {', '.join(missing)} ใน {args.items} / missing item scores")
            groups.setdefault(ind.number, {})[sub.id] = [given[i.number.upper()] for i in sub.items]
    return scoring.oit_scores(groups, scale).to_json()


def _schema(args: argparse.Namespace) -> int:
    from generator.cli.schema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    return 0


def _site_url(project: Project) -> str | None:
    """`site_url` from mkdocs.yml, read as text so the check needs no MkDocs."""
    config = project.root / "mkdocs.yml"
    if not config.exists():
        return None
    match = re.search(r"^site_url:\s*['\"]?([^'\"\s#]+)", config.read_text(encoding="utf-8"), re.MULTILINE)
    return match[1] if match else None
