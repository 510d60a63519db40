"""`python -m generator new <kind>`: a correctly named data file, or one entry, from a template.

A webmaster should not have to know that October 2568 goes in `data/procurement/2569/10.csv` or which
fields a No Gift file takes. `create` writes the file (or appends one entry to the year's list) from
its family's template (`generator/families/<name>/templates/new-<name>.*.j2`; each family
declares what `new` writes for it in its family.py), refuses to overwrite anything, and says what to do next.

Templates never put invented facts on the site: list entries and news posts start as drafts, and a
yearly file whose only honest content is the office's own figures (budget, plan, risks, measures,
ITA) holds its fields commented out, which the loader reads as "not filled in yet".
`generator/cli/new_year.py` uses the same helpers to prepare a whole fiscal year.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import yaml
from pydantic import TypeAdapter, ValidationError

from generator.base import calendar
from generator.base.messages import allowed_hint
from generator.families.budget.model import EXPENSE_TYPES
from generator.base.fields import FiscalYear
from generator.families.ita.model import INDICATORS
from generator.families.ita.outcome import outcome, score_text
from generator.pipeline.load import Data, Project, load
from generator.families.measures.model import weak_indicators
from generator.families.nogift.model import ACTIONS, GIVER_KINDS
from generator.families.policies.model import POLICY_KINDS
from generator.base.problems import DataError
from generator.families.procurement.model import month_of
from generator.families.risks.model import RISK_KINDS
from generator.base.sources import parse_yaml
from generator.base.tables import SPREADSHEETS
from generator.base.text_edit import Refused, append_entry, read_text, write_text
from generator.engine.family import Scaffold as Kind
from generator.families.registry import FAMILIES

# The shared header here; each kind's template in its family's templates/ folder.
TEMPLATES = [Path(__file__).parent / "templates", *sorted((Path(__file__).parent.parent / "families").glob("*/templates"))]
NEXT_CHECK = ("แล้วสั่ง make check (หรือ python -m generator check)", "then run make check")


# The kinds `new` writes, one per family that has one (its name is the family's), from the registry.
KINDS: dict[str, Kind] = {s.name: s for family in FAMILIES for s in family.scaffolds}
# Names of the first version, still accepted: `new document` is `new documents`.
ALIASES = {"document": "documents", "policy": "policies", "plan": "anticorruption"}


@dataclass(frozen=True)
class Created:
    """What `create` did: the file written or extended, and the next step for the webmaster."""

    path: str
    appended: bool
    next_th: str
    next_en: str
    note_th: str = ""

    def report(self) -> str:
        """The lines printed after `new`."""
        done = (f"เพิ่มรายการใน {self.path} แล้ว / added an entry to {self.path}" if self.appended
                else f"สร้างไฟล์ {self.path}{self.note_th} แล้ว / created {self.path}")
        return f"{done}\nขั้นต่อไป: {self.next_th} {NEXT_CHECK[0]}\nnext: {self.next_en}, {NEXT_CHECK[1]}"


def parse_year(text: str) -> int:
    """A B.E. fiscal year from the command line (Thai digits too); a C.E. year is refused as in data files."""
    try:
        return TypeAdapter(FiscalYear).validate_python(text)
    except ValidationError as exc:
        cause = (exc.errors()[0].get("ctx") or {}).get("error")
        if isinstance(cause, DataError):
            raise Refused(cause.th, cause.en) from None
        raise


def parse_kind(text: str) -> str:
    """A kind `new` makes, or an old name of one; a wrong one is refused with the closest kinds."""
    kind = ALIASES.get(text, text)
    if kind not in KINDS:
        hint_th, hint_en = allowed_hint(text, KINDS, "python -m generator new --help")
        raise Refused(f"ไม่รู้จักชนิด '{text}' {hint_th}", f"unknown kind '{text}'; {hint_en}")
    return kind


def parse_month(text: str) -> int:
    """A calendar month 1–12 (Thai digits too)."""
    digits = calendar.to_arabic_digits(text).strip()
    if not digits.isdigit() or not 1 <= int(digits) <= 12:
        raise Refused(f"เดือนต้องเป็นเลข 1–12 เช่น 10 = ตุลาคม (ไม่ใช่ '{text}')",
                      f"a month is a number 1–12, e.g. 10 = October, not '{text}'")
    return int(digits)


def default_year(kind: str, month: int | None, today: date) -> int:
    """The fiscal year of today, or for a procurement month the fiscal year of its latest occurrence."""
    if kind == "procurement" and month is not None:
        ce_year = today.year if month <= today.month else today.year - 1
        return calendar.fiscal_year(date(ce_year, month, 1))
    return calendar.fiscal_year(today)


def create(project: Project, kind_name: str, year: int, *, month: int | None = None, record_id: str | None = None,
           file: str | None = None, url: str | None = None, today: date | None = None) -> Created:
    """Write the file (or append the entry) for one kind; raise Refused instead of overwriting anything."""
    kind = KINDS[ALIASES.get(kind_name, kind_name)]
    if month is not None and kind.name != "procurement":
        raise Refused("--month ใช้กับ procurement เท่านั้น", "--month applies to procurement only")
    if (file or url) and kind.name not in ("documents", "policies"):
        raise Refused("--file และ --url ใช้กับ documents และ policies เท่านั้น", "--file and --url apply to "
                      "documents and policies only")
    today = today or date.today()
    month = month or today.month
    file = _content_file(project, file) if file else None
    record_id = _record_id(project, kind, year, record_id, file, day_in(year, today))
    if kind.name == "documents" and not (file or url):
        file = _original_of(project, year, record_id)
    context = template_context(load(project)[0], kind, year, today,
                               {"id": record_id, "month": month, "file": file, "url": url})
    path = project.root / kind.target.format(year=year, month=month, id=record_id)
    if kind.entry:
        return _add_entry(project, kind, path, context)
    refuse_existing(project, kind, path)
    write_new(path, render_file(project, kind, path, context))
    note = ""
    if kind.name == "procurement":
        note = f" ({calendar.format_thai_date(date(*month_of(year, month), 1), 'month')})"
    return Created(project.display(path), False, kind.next_th, kind.next_en, note)


def template_context(data: Data, kind: Kind, year: int, today: date, extra: dict[str, Any]) -> dict[str, Any]:
    """What every template may use: the year and its dates, the office, its director and first unit."""
    start, end = calendar.fiscal_year_bounds(year)
    on = day_in(year, today)
    director = next((e for e in data.executives if e.role == "director" and not e.vacant), None)
    signer = ({"name_th": director.name_th, "position_th": director.position_th} if director
              else {"name_th": "ชื่อ-นามสกุลผู้ลงนาม", "position_th": "ตำแหน่งผู้ลงนาม"})
    first, second = calendar.fiscal_months(year)[:2]
    return {
        "kind": kind, "year": year, "fy": calendar.fy_label(year),
        "fy_range": f"{calendar.format_thai_date(start)} – {calendar.format_thai_date(end)}",
        "date": calendar.format_thai_date(on, "medium"), "signer": signer,
        "office_name": data.office.name_th if data.office else "หน่วยงาน",
        "unit_id": data.units[0].id if data.units else None,
        "first_month": f"{calendar.ce_to_be(first[0])}-{first[1]:02d}",  # B.E. months read as B.E.
        "second_month": f"{calendar.ce_to_be(second[0])}-{second[1]:02d}",
        "policy_kinds": POLICY_KINDS, "expense_types": EXPENSE_TYPES, "risk_kinds": RISK_KINDS,
        "giver_kinds": GIVER_KINDS, "actions": ACTIONS, **_ita_context(data, year), **extra,
    }


def day_in(year: int, today: date) -> date:
    """The default date of a record: today, kept inside the fiscal year asked for."""
    start, end = calendar.fiscal_year_bounds(year)
    return min(max(today, start), end)


def render_file(project: Project, kind: Kind, path: Path, context: dict[str, Any], body: str | None = None) -> str:
    """A whole new file: the schema and Thai header lines for YAML, then the body (the template by default)."""
    text = render(kind.template, context) if body is None else body
    if kind.schema is None:
        return text
    schema = os.path.relpath(project.root / "schemas" / f"{kind.schema}.schema.json", path.parent)
    pages = kind.pages.format(year=context["year"], month=context.get("month") or 1)
    header = render("_header.yml.j2", {**context, "schema": Path(schema).as_posix(), "pages": pages})
    if kind.entry:  # an empty body makes the empty list of a new year
        return f"{header}{kind.entry}:\n{text}" if text else f"{header}{kind.entry}: []\n"
    return header + text


def render(template: str, context: dict[str, Any]) -> str:
    """One scaffold template (the shared header, or a family's new-<name>.*.j2) with `context`."""
    return _environment().get_template(template).render(context)


def refuse_existing(project: Project, kind: Kind, path: Path) -> None:
    """Refuse when the file, or another file holding the same year or month (CSV, XLSX, YAML), exists."""
    stem = calendar.to_arabic_digits(path.stem).lstrip("0")
    same = [path] if path.suffix != ".csv" else [
        p for p in path.parent.glob("*") if p.suffix in (".yml", *SPREADSHEETS)
        and calendar.to_arabic_digits(p.stem).lstrip("0") == stem]
    for existing in same:
        if existing.exists():
            name = project.display(existing)
            raise Refused(f"มีไฟล์ {name} อยู่แล้ว ระบบไม่เขียนทับ ให้แก้ไขไฟล์นั้นโดยตรง หรือเลือกปี เดือน หรือรหัสอื่น",
                          f"{name} already exists and is not overwritten; edit it, or choose another year, month or id")


def write_new(path: Path, text: str) -> None:
    """Create `path` (never replacing a file); CSV gets the byte-order mark Thai Excel needs to read UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if path.suffix == ".csv" else "utf-8"
    with path.open("x", encoding=encoding, newline="\n") as out:
        out.write(text)


def _content_file(project: Project, file: str) -> str:
    """`--file` as a path under content/ (written `files/…`, `content/files/…` or as a path on disk)."""
    given = Path(file)
    absolute = given if given.is_absolute() else Path.cwd() / given
    if absolute.resolve().is_relative_to(project.content_dir.resolve()) and absolute.is_file():
        rel = absolute.resolve().relative_to(project.content_dir.resolve()).as_posix()
    else:
        rel = file.replace("\\", "/").removeprefix("content/")
    if not (project.content_dir / rel).is_file():
        raise Refused(f"ไม่พบไฟล์ content/{rel} ให้วางไฟล์ต้นฉบับไว้ในโฟลเดอร์ content/files/ ก่อน แล้วสั่งอีกครั้ง",
                      f"content/{rel} does not exist; put the original under content/files/ first, then run again")
    return rel


def _record_id(project: Project, kind: Kind, year: int, given: str | None, file: str | None, on: date) -> str | None:
    """The id asked for, or one derived from the original's file name (documents, policies) or the date (news)."""
    if kind.name not in ("documents", "policies", "news"):
        return None
    record_id = given or (_slug(Path(file).stem) if file else None)
    if record_id is None and kind.name == "news":
        stem = f"news-{calendar.ce_to_be(on.year)}-{on.month:02d}-{on.day:02d}"
        taken = {p.stem for p in (project.content_dir / "news").glob("*.md")}
        record_id = next(s for n in range(1, 1000) if (s := stem if n == 1 else f"{stem}-{n}") not in taken)
    if not record_id:
        raise Refused("ระบุรหัสด้วย --id เป็นอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ เช่น --id annual-plan-2569 "
                      "(รหัสเป็น URL ของหน้า)", "give the id with --id: lower-case a-z, digits, - and _, e.g. "
                      "--id annual-plan-2569 (it becomes the page's URL)")
    reserved = kind.name == "news" and (record_id.isdigit() or record_id == "index")  # the news listings' names
    if reserved or not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", record_id):
        raise Refused(f"รหัส '{record_id}' ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ เช่น annual-plan-{year}",
                      f"id '{record_id}' may use only lower-case a-z, digits, - and _, e.g. annual-plan-{year}")
    return record_id


def _slug(stem: str) -> str | None:
    """A file name as an id (`Annual Plan 2569` → `annual-plan-2569`), or None when nothing Latin is left."""
    slug = re.sub(r"[^a-z0-9_]+", "-", stem.lower()).strip("-_")
    return slug if re.search(r"[a-z]", slug) else None  # `2569` alone, from a Thai name, says nothing


def _original_of(project: Project, year: int, record_id: str) -> str:
    """A document needs its original: `content/files/<year>/<id>.*` when it is already there."""
    found = sorted((project.content_dir / "files" / str(year)).glob(f"{record_id}.*"))
    if not found:
        raise Refused(f"เอกสารต้องมีไฟล์ต้นฉบับหรือลิงก์: วางไฟล์ไว้ที่ content/files/{year}/{record_id}.pdf "
                      "แล้วสั่งอีกครั้ง หรือระบุ --file หรือ --url",
                      f"a document needs its original or a link: put it at content/files/{year}/{record_id}.pdf "
                      "and run again, or give --file or --url")
    return found[0].relative_to(project.content_dir).as_posix()


def _ita_context(data: Data, year: int) -> dict[str, Any]:
    """The ten indicators for the ITA skeleton; last year's weak indicators for the measures skeleton."""
    scale = data.config.scoring.scale()
    tools = {n: tool for tool, numbers in scale.tool_indicators.items() for n in numbers}
    previous = data.ita.get(year - 1)
    result = outcome(year - 1, previous, scale) if previous else None
    scores = {s.number: score_text(s.score) for s in result.indicators} if result else {}
    weak = weak_indicators(result)
    issues = [(n, INDICATORS[n][0], scores[n]) for n in weak] or [(1, INDICATORS[1][0], None)]
    return {"indicators": [(n, th, tools[n]) for n, (th, _) in INDICATORS.items()], "issues": issues,
            "weak": bool(weak), "has_previous": previous is not None}


def _add_entry(project: Project, kind: Kind, path: Path, context: dict[str, Any]) -> Created:
    """Append one templated entry to the year's list file (created with its header when missing)."""
    assert kind.entry
    record_id = context["id"]
    for other, ids in _ids_in(project, kind).items():
        if record_id in ids:
            raise Refused(f"รหัส '{record_id}' มีอยู่แล้วใน {other} รหัสต้องไม่ซ้ำกัน ให้ใช้ --id อื่น",
                          f"id '{record_id}' is already used in {other}; ids must be unique, choose another --id")
    entry = render(kind.template, context)
    if not path.exists():
        write_new(path, render_file(project, kind, path, context, entry))
        return Created(project.display(path), False, kind.next_th, kind.next_en)
    text, style = read_text(path)
    write_text(path, append_entry(text, kind.entry, entry, record_id, project.display(path)), style)
    return Created(project.display(path), True, kind.next_th, kind.next_en)


def _ids_in(project: Project, kind: Kind) -> dict[str, set[str]]:
    """The ids of every entry in the kind's folder, per file (a file YAML cannot read is searched as text)."""
    assert kind.entry
    found = {}
    for path in sorted((project.data_dir / kind.entry).glob("*.yml")):
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        source = parse_yaml(text, path.name, [])
        items = source.value.get(kind.entry) if source and isinstance(source.value, dict) else None
        if isinstance(items, list):
            ids = {str(i.get("id")) for i in items if isinstance(i, dict)}
        else:
            ids = set(re.findall(r"^\s*-?\s*id:\s*['\"]?([^'\"\s#]+)", text, re.MULTILINE))
        found[project.display(path)] = ids
    return found


def _yaml_scalar(value: Any) -> str:
    """A value as one YAML scalar: plain when YAML reads it back unchanged, quoted otherwise."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_flow_style=True)
    return text.removesuffix("\n").removesuffix("\n...").strip()


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    # YAML, CSV and Markdown sources, not HTML: no autoescape; values from data go through `yaml`.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = _yaml_scalar
    return env
