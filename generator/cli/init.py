"""`python -m generator init <folder>`: a new office's repository in one command.

An office's repository holds only its own files: its data, its pages, a small mkdocs.yml, the
generator pinned in requirements.txt, CI workflows for GitHub and GitLab, pre-commit and editor
settings, and a README. The generator itself stays a package, so an upgrade is a version bump and
never a merge of someone else's fork. The example office in this repository (example/) is written
by this same command (tests/cli/test_init.py), so what the example does, any office can do.

Asked on a terminal; taken from flags; without a terminal and without flags, placeholders that are
plainly placeholders, said so on the screen: the repository still builds and each page says what to
fill in.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

import jinja2

from generator import __version__
from generator.base import calendar
from generator.base.problems import errors
from generator.base.vocabulary import OFFICE_TYPES
from generator.cli.schema import write_schemas
from generator.pipeline.load import Project, load

FILES = Path(__file__).resolve().parent / "office"
PLACEHOLDER_NAME = "หน่วยงานของท่าน (ยังไม่ได้ตั้งชื่อ)"
# Short names a webmaster types for the office types the assessment knows.
TYPE_ALIASES = {"spp": "esa_primary", "สพป": "esa_primary", "สพป.": "esa_primary",
                "spm": "esa_secondary", "สพม": "esa_secondary", "สพม.": "esa_secondary",
                "โรงเรียน": "school", "agency": "other"}
# The list an office type answers: NACC's (ITAS) for area offices and agencies, OBEC's for schools.
FRAMEWORK_OF_TYPE = {"school": "obec-school", "vocational_college": "ovec"}
_PLAIN = re.compile(r"[^\s:#'\"\[\]{},&*!|>%@`-][^:#]*[^\s:#]|[^\s:#'\"\[\]{},&*!|>%@`-]")


class Refused(ValueError):
    """init would overwrite files or was given a value it cannot use; the message says which."""


@dataclass(frozen=True)
class Answers:
    """What `init` writes into the new office's files."""

    name_th: str
    short_name_th: str
    office_type: str
    framework: str
    year: int
    website: str | None = None
    requirement: str = f"oit-site-generator=={__version__}"
    placeholder: bool = False


def add_init_command(sub: argparse._SubParsersAction) -> None:
    """Register `init` on the CLI's sub-command parser."""
    init = sub.add_parser(
        "init", help="สร้างที่เก็บข้อมูลของหน่วยงานใหม่ / start a new office's repository",
        description="สร้างโฟลเดอร์ของหน่วยงานใหม่ที่สร้างเว็บไซต์ได้ทันที ถามค่าที่ไม่ได้ระบุ (เมื่อรันในเทอร์มินัล) / "
                    "write a new office's repository that builds at once; asks for what the flags leave out")
    init.add_argument("folder", type=Path, help="โฟลเดอร์ใหม่ (ว่างหรือยังไม่มี) / a new or empty folder")
    init.add_argument("--name", dest="name_th", help="ชื่อเต็มภาษาไทย / full Thai name")
    init.add_argument("--short-name", dest="short_name_th", help="ชื่อย่อ เช่น สพป.ตัวอย่าง เขต 1 / short name")
    init.add_argument("--type", dest="office_type", type=office_type,
                      help="ประเภท: spp (สพป.) spm (สพม.) school other หรือชนิดใน schemas/office.schema.json / office type")
    init.add_argument("--framework", help="ตระกูลหรือรายการ OIT เช่น nacc obec-school nacc-2569 / OIT list")
    init.add_argument("--website", help="เว็บไซต์ของหน่วยงาน https://… / the office's website")
    init.add_argument("--year", type=int, help="ปีงบประมาณแรก (ไม่ระบุ = ปีปัจจุบัน) / first fiscal year")
    init.add_argument("--requirement", help="บรรทัดติดตั้ง generator ใน requirements.txt / the pip requirement line")
    init.set_defaults(handler=run_init)


def office_type(text: str) -> str:
    """An office type by its schema name or a short name a webmaster types (spp, สพม., school)."""
    name = TYPE_ALIASES.get(text.strip().lower(), text.strip().lower())
    if name not in OFFICE_TYPES:
        raise argparse.ArgumentTypeError(f"ไม่รู้จักประเภท '{text}' ใช้ spp spm school หรือ other / unknown type "
                                         f"'{text}'; use spp, spm, school or other")
    return name


def run_init(args: argparse.Namespace) -> int:
    """The CLI handler: gather the answers, write the repository, say what comes next."""
    ask = _prompt if sys.stdin.isatty() else None
    try:
        answers = gather(args, ask, date.today())
        written = write_office(args.folder, answers)
    except Refused as exc:
        print(f"ผิดพลาด / error: {exc}", file=sys.stderr)
        return 2
    if answers.placeholder:
        print(f"ไม่ได้ระบุชื่อหน่วยงาน จึงใช้ค่าชั่วคราว '{PLACEHOLDER_NAME}' ให้แก้ใน data/office.yml ก่อนเผยแพร่ / "
              "no name was given: a placeholder is used; edit data/office.yml before publishing")
    print(f"สร้าง {len(written)} ไฟล์ใน {args.folder} แล้ว / wrote {len(written)} files into {args.folder}")
    print(next_steps(args.folder))
    return 0


def gather(args: argparse.Namespace, ask: Callable[[str, str], str] | None, today: date) -> Answers:
    """The answers from the flags, then from `ask` (a terminal), then placeholders."""
    name = args.name_th or (ask and ask("ชื่อหน่วยงานเต็มภาษาไทย / full Thai name", "")) or None
    short = args.short_name_th or (ask and name and ask("ชื่อย่อ / short name", name)) or name
    kind = args.office_type or (ask and office_type(ask("ประเภท spp spm school other / type", "spp"))) or "other"
    framework = args.framework or FRAMEWORK_OF_TYPE.get(kind, "nacc")
    website = args.website or (ask and ask("เว็บไซต์ของหน่วยงาน https://… (เว้นว่างได้) / website", "")) or None
    if website and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", website):
        raise Refused(f"เว็บไซต์ '{website}' ต้องขึ้นต้นด้วย https:// / the website must be an https:// address")
    return Answers(name_th=name or PLACEHOLDER_NAME, short_name_th=short or PLACEHOLDER_NAME, office_type=kind,
                   framework=framework, year=args.year or calendar.fiscal_year(today), website=website,
                   requirement=args.requirement or Answers.requirement, placeholder=not name)


def write_office(folder: Path, answers: Answers) -> list[Path]:
    """Write the repository into `folder` (new or empty); Refused, with nothing written, otherwise."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Refused(f"โฟลเดอร์ {folder} มีไฟล์อยู่แล้ว ให้ระบุโฟลเดอร์ใหม่ / {folder} is not empty; name a new folder")
    staging = folder.resolve().with_name(f".{folder.resolve().name}.init")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        files = _write(staging, answers)
        _refuse_invalid(staging)
        folder.mkdir(parents=True, exist_ok=True)
        for path in sorted(staging.iterdir()):
            path.rename(folder / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [folder / p.relative_to(staging) for p in files]


def _refuse_invalid(staging: Path) -> None:
    """Answers the data files would refuse (an HTML tag in a name) are refused now, with the same words."""
    _data, problems = load(Project.at(staging))
    if found := errors(problems):
        raise Refused("\n".join(p.render() for p in found))


def _write(folder: Path, answers: Answers) -> list[Path]:
    written = []
    for source in sorted(p for p in FILES.rglob("*") if p.is_file()):
        rel = source.relative_to(FILES)
        target = folder / Path(*(_undotted(part) for part in rel.parts))
        text = source.read_text(encoding="utf-8")
        if target.suffix == ".j2":
            target, text = target.with_suffix(""), _render(text, answers)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    return written + write_schemas(folder / "schemas")


def next_steps(folder: Path) -> str:
    """What the webmaster does after `init`, in the order they do it."""
    return "\n".join([
        "ขั้นต่อไป / next:",
        f"  cd {folder}",
        "  git init && git add . && git commit -m 'เริ่มเว็บไซต์'",
        "  python -m venv .venv && . .venv/bin/activate      (Windows: .venv\\Scripts\\activate)",
        "  python -m pip install -r requirements.txt",
        "  python -m generator serve     # http://127.0.0.1:8000 แต่ละหน้าบอกว่าต้องกรอกอะไร / each page says what to fill in",
    ])


def _undotted(part: str) -> str:
    """`dot-github` → `.github`: the package stores dotfiles under visible names (wheels and globs skip them)."""
    return "." + part.removeprefix("dot-") if part.startswith("dot-") else part


def _render(text: str, answers: Answers) -> str:
    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = yaml_scalar
    return env.from_string(text).render({**answers.__dict__, "version": __version__})


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when it reads back as the same text, else double-quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in ("yes", "no", "true", "false", "null", "on", "off", "~"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _prompt(question: str, default: str) -> str:
    shown = f" [{default}]" if default else ""
    try:
        return input(f"{question}{shown}: ").strip() or default
    except EOFError:
        return default
