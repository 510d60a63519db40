"""Files → validated records, with every problem located by file and line.

`load(project)` reads every known data file, validates it against its model, then checks what one
file cannot check alone (ids that must exist elsewhere, originals that must be on disk). It never
raises for bad data: it returns the records it could build and the full list of problems.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from pydantic import BaseModel

from generator.base import calendar
from generator.base.problems import Problem
from generator.base.sources import SourceFile, dotted, read_utf8, read_yaml
from generator.base.tables import SPREADSHEETS, read_table
from generator.engine.data import Data, Project, Refused
from generator.engine.page_safety import check_files, check_pages
from generator.engine.privacy import scan
from generator.families.complaints.model import CASE_COLUMNS, ComplaintYear
from generator.families.news.load import load_news
from generator.families.news.model import FOLDER as NEWS_FOLDER
from generator.families.procurement.model import PURCHASE_COLUMNS, REQUIRED_COLUMNS, ProcurementMonth, month_of
from generator.families.registry import FAMILIES
from generator.pipeline.checks import check_references
from generator.pipeline.conform import Loaded, conform, valid_field
from generator.pipeline.kinds import SINGLE_FILES, YEARLY_FOLDERS  # the file kinds it reads
from generator.oit.framework import SHIPPED, Framework

# Files holding one record, and the Data attribute it goes to (the others hold lists).
_ONE_RECORD = {"site.yml": "config", "office.yml": "office", "complaints.yml": "complaints"}
# Yearly folders whose file is one record for the year (the others hold a list of records with ids).
_ONE_PER_YEAR = tuple(f.folder for f in FAMILIES if f.folder and f.one_per_year)
# Catalogues the office adds or overrides; same schema as generator/oit/frameworks/*.yml.
FRAMEWORK_FOLDER = "frameworks"
# Complaint registers: <fiscal year>.csv (the cases) and/or <fiscal year>.yml (as-of date, printed tables).
COMPLAINTS_FOLDER = "complaints"
# Monthly procurement summaries: procurement/<fiscal year>/<MM>.csv|.xlsx|.yml (MM = calendar month).
PROCUREMENT_FOLDER = "procurement"
# Files a complete site needs. A new office starts without them: the build still succeeds and the
# pages say what is missing, so a missing file is a warning (an error under --strict), not a stop.
REQUIRED = ("office.yml",)


def load(project: Project) -> tuple[Data, list[Problem]]:
    """Read and validate all data files; return the records and every problem found."""
    data, problems = Data(), project.scan()
    for name, model in SINGLE_FILES.items():
        path = project.data_dir / name
        if not os.path.lexists(path):
            if name in REQUIRED:
                problems.append(_missing_file(project.display(path)))
            continue
        if not project.admits(path):
            continue  # reported by the scan
        _store(data, name, _validate(project, path, model, problems), problems)
    for folder, model in YEARLY_FOLDERS.items():
        for path in _admitted(project, (project.data_dir / folder).glob("*.yml")):
            year = _year_of(project, path, problems)
            if _unfilled(path):
                continue  # a skeleton from `python -m generator new`: the year has no facts yet
            _store_yearly(data, folder, _validate(project, path, model, problems), year, problems)
    _load_complaint_registers(project, data, problems)
    _load_procurement(project, data, problems)
    _load_frameworks(project, data, problems)
    for post, source in load_news(project, problems):  # front matter of content/news/*.md
        data.news.append(post)
        data.origins[("news", post.slug)] = (source, ())
    _refuse_news(project, data)
    data.pages = _content_pages(project, problems)
    problems += check_pages(data.pages) + check_files(project.content_dir, project.display, project.admits)
    problems += _unknown_files(project)
    problems += check_references(data, project)
    if project.reuse is not None:
        project.reuse.settle()
    return data, sorted(set(problems))  # a page unreadable for two readers is one problem


def _content_pages(project: Project, problems: list[Problem]) -> dict[str, str]:
    """Every hand-written Markdown page under content/, read once for the checks that read them all."""
    folder = project.content_dir
    paths = _admitted(project, folder.rglob("*.md")) if folder.is_dir() else []
    return {name: text for path in paths
            if (text := read_utf8(path, name := project.display(path), problems)) is not None}


def _validate(project: Project, path: Path, model: type[BaseModel], problems: list[Problem]) -> Loaded | None:
    """Parse and validate one file; every validation error becomes a located problem."""
    def work(said: list[Problem]) -> Loaded | None:
        source = read_yaml(path, project.display(path), said)
        return None if source is None else conform(source, model, said)

    return _reused(project, path, model, work, problems)


def _reused(project: Project, path: Path, kind: object, work, problems: list[Problem]):
    """`work(problems)` reading one file, or under serve its result of the last rebuild (base/reuse.py)."""
    return work(problems) if project.reuse is None else project.reuse.file(path, kind, work, problems)


def _store(data: Data, name: str, loaded: Loaded | None, problems: list[Problem]) -> None:
    """Put one file's records into `data`; a list file that could not be read leaves its ids unknown."""
    key = name.removesuffix(".yml")
    if name in _ONE_RECORD:
        if loaded:
            setattr(data, _ONE_RECORD[name], loaded.record)
            data.origins[(key, getattr(loaded.record, "id", key))] = (loaded.source, ())
            data.refused.update({(key, setting): Refused(None, loaded.source.value.get(setting))
                                 for setting in loaded.refused.values()})
        return
    if loaded is None:
        data.unreadable.add(key)
        return
    _store_entries(data, key, loaded, problems)


def _store_yearly(data: Data, folder: str, loaded: Loaded | None, year: int | None,
                  problems: list[Problem]) -> None:
    """Give each record its file's fiscal year, refusing an entry that states another one.

    What cannot be kept (an invalid one-record year, the entries of a file not named after its year)
    is noted as written all the same, so that no check reports it missing where it is named.
    """
    if folder in _ONE_PER_YEAR:
        if loaded and year:
            getattr(data, folder)[year] = loaded.record
            data.origins[(folder, str(year))] = (loaded.source, ())
        elif year:
            data.refused[(folder, str(year))] = Refused(year, None)
        return
    if loaded is None:
        data.unreadable.add(folder)
        return
    _store_entries(data, folder, loaded, problems, year, yearly=True)


def _store_entries(data: Data, kind: str, loaded: Loaded, problems: list[Problem], year: int | None = None,
                   yearly: bool = False) -> None:
    """Each entry of a list file in the file's order: a valid one is kept, any other noted as refused."""
    source = loaded.source
    kept = dict(zip(loaded.kept, getattr(loaded.record, kind)))
    for i in range(len(source.value[kind])):
        at, item = (kind, i), kept.get(i)
        if item is None:
            if i in loaded.refused:
                _register(data, kind, loaded.refused[i], source, at, problems, Refused(year, source.value[kind][i]))
        elif yearly and (year is None or item.fiscal_year not in (None, year)):
            if year:  # without a year, the file name is reported
                problems.append(_misfiled(source, at, item.fiscal_year, year))
            _register(data, kind, item.id, source, at, problems, Refused(year, source.value[kind][i]))
        elif _register(data, kind, item.id, source, at, problems):
            getattr(data, kind).append(item.model_copy(update={"fiscal_year": year}) if yearly else item)


def _register(data: Data, kind: str, record_id: str, source: SourceFile, path: tuple[Any, ...],
              problems: list[Problem], refused: Refused | None = None) -> bool:
    """Remember where a record came from, or that it is `refused` (its own problem reported); refuse an id
    already taken by another record, kept or refused. True if the record is kept."""
    where = _taken(data, kind, record_id)
    if where is None and refused is None:
        data.origins[(kind, record_id)] = (source, path)
        return True
    if where is None:
        data.refused[(kind, record_id)] = refused._replace(at=f"{source.name}:{source.line_of(path)}")
        return False
    problems.append(Problem(source.name, source.line_of(path + ("id",)), dotted(path + ("id",)), "duplicate_id",
                            f"รหัส '{record_id}' ซ้ำกับ {where} รหัสต้องไม่ซ้ำกัน ให้เปลี่ยนรหัสใดรหัสหนึ่ง",
                            f"id '{record_id}' is already used at {where}; ids must be unique, rename one"))
    return False


def _taken(data: Data, kind: str, record_id: str) -> str | None:
    """`file:line` of the record, kept or refused, that already has this id."""
    if first := data.origins.get((kind, record_id)):
        return f"{first[0].name}:{first[0].line_of(first[1])}"
    refused = data.refused.get((kind, record_id))
    return refused.at or None if refused else None


def _misfiled(source: SourceFile, at: tuple[str, int], stated: int, year: int) -> Problem:
    return Problem(source.name, source.line_of((*at, "fiscal_year")), f"{at[0]}[{at[1]}].fiscal_year", "fiscal_year",
                   f"ปีงบประมาณ {stated} ไม่ตรงกับชื่อไฟล์ ({year}) ให้ย้ายไปไฟล์ {stated}.yml",
                   f"fiscal year {stated} differs from the file name ({year}); move it to {stated}.yml")


def _load_complaint_registers(project: Project, data: Data, problems: list[Problem]) -> None:
    """Each fiscal year's register: the cases from `<year>.csv` or `<year>.yml`, metadata from the `.yml`."""
    by_year: dict[int, dict[str, Path]] = {}
    for path in _admitted(project, (project.data_dir / COMPLAINTS_FOLDER).glob("*")):
        if path.suffix in (".yml", *SPREADSHEETS) and (year := _year_of(project, path, problems)):
            by_year.setdefault(year, {})[".yml" if path.suffix == ".yml" else ".table"] = path
    for year, paths in by_year.items():
        loaded = [_read_register(project, path, problems) for path in paths.values()]
        if None in loaded:
            continue
        sources = dict(zip(paths, loaded))
        meta = sources.get(".yml") or sources[".table"]
        cases = sources.get(".table") or meta
        if len(sources) == 2 and meta[1].cases:
            problems.append(Problem(meta[0].name, meta[0].line_of(("cases",)), "cases", "duplicate_register",
                                    f"มีรายการเรื่องร้องเรียนทั้งในไฟล์นี้และใน {cases[0].name} ให้เก็บไว้ที่เดียว",
                                    f"cases are listed both here and in {cases[0].name}; keep them in one place"))
            continue
        data.complaint_years[year] = meta[1].model_copy(update={"cases": cases[1].cases})
        data.origins[("complaints-year", str(year))] = (meta[0], ())
        data.origins[("complaint-cases", str(year))] = (cases[0], ())


def _read_register(project: Project, path: Path, problems: list[Problem]) -> Loaded | None:
    """One register file, refused before validation if it holds personal data."""
    return _reused(project, path, "register", functools.partial(_register_of, project, path), problems)


def _register_of(project: Project, path: Path, problems: list[Problem]) -> Loaded | None:
    display = project.display(path)
    if path.suffix in SPREADSHEETS:
        source = read_table(path, display, problems, "cases", CASE_COLUMNS)
    else:
        source = read_yaml(path, display, problems)
    if source is None:
        return None
    found = scan(source)
    problems += found  # a file with personal data is refused as a whole, before any other check
    return None if found else conform(source, ComplaintYear, problems)


def _load_procurement(project: Project, data: Data, problems: list[Problem]) -> None:
    """Each month's summary, filed under its fiscal year; a file without rows is a month without purchases."""
    for folder in sorted((project.data_dir / PROCUREMENT_FOLDER).glob("*")):
        year = _year_of(project, folder, problems) if folder.is_dir() and not folder.is_symlink() else None
        for path in _admitted(project, folder.glob("*")) if year else ():
            if path.suffix not in (".yml", *SPREADSHEETS):
                continue
            number = _month_number(project, path, problems)
            if number is None:
                continue
            if path.suffix == ".yml":
                loaded = _validate(project, path, ProcurementMonth, problems)
            else:
                loaded = _reused(project, path, "table", functools.partial(_month_table, project, path), problems)
            month = month_of(year, number)
            if not loaded:
                continue
            if month in data.procurement.get(year, {}):
                problems.append(Problem(project.display(path), 1, "", "duplicate_month",
                                        f"มีข้อมูลเดือน {number:02d} มากกว่าหนึ่งไฟล์ ให้เก็บไว้ไฟล์เดียว",
                                        f"month {number:02d} has more than one file; keep one"))
                continue
            data.procurement.setdefault(year, {})[month] = loaded[1]
            data.origins[("procurement", f"{year}-{number:02d}")] = (loaded[0], ())


def _month_table(project: Project, path: Path, problems: list[Problem]) -> Loaded | None:
    """A month's purchases from a spreadsheet (CSV or XLSX)."""
    table = read_table(path, project.display(path), problems, "rows", PURCHASE_COLUMNS, REQUIRED_COLUMNS)
    return table and conform(table, ProcurementMonth, problems)


def _month_number(project: Project, path: Path, problems: list[Problem]) -> int | None:
    return _number_named(project, path, r"0?[1-9]|1[0-2]", problems,
                         f"ชื่อไฟล์ต้องเป็นเลขเดือน 01–12 เช่น 10.csv = ตุลาคม (ไม่ใช่ {path.name})",
                         f"name the file after its calendar month 01–12, e.g. 10.csv = October (not {path.name})")


def _load_frameworks(project: Project, data: Data, problems: list[Problem]) -> None:
    """Shipped catalogues, then the office's own from data/frameworks/ (which may replace one)."""
    shipped, said = _shipped_catalogues()
    for record in shipped:
        data.frameworks.update({fid: record for fid in record.ids})
    problems += said
    for path in _admitted(project, (project.data_dir / FRAMEWORK_FOLDER).glob("*.yml")):
        source = read_yaml(path, project.display(path), problems)
        loaded = source and conform(source, Framework, problems)
        if loaded:
            data.frameworks.update({fid: loaded.record for fid in loaded.record.ids})
            continue
        ids = _framework_ids(source.value if source else None)
        data.refused.update({("frameworks", fid): Refused(None, source.value) for fid in ids or ()})
        if ids is None:
            data.unreadable.add("frameworks")


@functools.cache
def _shipped_catalogues() -> tuple[tuple[Framework, ...], tuple[Problem, ...]]:
    """The catalogues in the package, read once per process: they cannot change while it runs, and
    validating them was a third of every `check` (a serve session, the test suite and a federation
    build check many times). Records are frozen, so every run may share them."""
    problems: list[Problem] = []
    records = []
    for path in sorted(SHIPPED.glob("*.yml")):
        source = read_yaml(path, f"generator/oit/frameworks/{path.name}", problems)
        if source is not None and (loaded := conform(source, Framework, problems)):
            records.append(loaded.record)
    return tuple(records), tuple(problems)


def _framework_ids(value: Any) -> list[str] | None:
    """The ids an invalid catalogue answers to, if its family and years are valid themselves."""
    if not isinstance(value, dict):
        return None
    family = valid_field(Framework, "family", value.get("family"))
    years = valid_field(Framework, "fiscal_years", value.get("fiscal_years"))
    return [f"{family}-{year}" for year in years] if family and years else None  # as Framework.ids


def _refuse_news(project: Project, data: Data) -> None:
    """A post whose front matter failed is still written: a replaced_by may name it."""
    for path in _admitted(project, (project.content_dir / NEWS_FOLDER).glob("*.md")):
        if ("news", path.stem) not in data.origins:
            data.refused[("news", path.stem)] = Refused(None, None)


def _admitted(project: Project, paths: Iterable[Path]) -> list[Path]:
    """The paths that may be read, in order; the others were reported by the scan."""
    return [path for path in sorted(paths) if project.admits(path)]


def _unfilled(path: Path) -> bool:
    """A file of comments and blank lines only: a yearly skeleton whose fields are still commented out."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _year_of(project: Project, path: Path, problems: list[Problem]) -> int | None:
    return _number_named(project, path, r"2[4-6]\d\d", problems,
                         f"ชื่อไฟล์ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2568.yml (ไม่ใช่ {path.name})",
                         f"name the file after its B.E. fiscal year, e.g. 2568.yml (not {path.name})")


def _number_named(project: Project, path: Path, pattern: str, problems: list[Problem], th: str, en: str) -> int | None:
    """The number a file or folder is named after (Thai digits too), or a located problem."""
    stem = calendar.to_arabic_digits(path.stem)
    if re.fullmatch(pattern, stem):
        return int(stem)
    problems.append(Problem(project.display(path), 1, "", "file_name", th, en))
    return None


def _missing_file(display: str) -> Problem:
    return Problem(display, 0, "", "missing_file",
                   f"ยังไม่มีไฟล์ {display} หน้าที่ใช้ข้อมูลนี้จะแสดงว่ายังไม่มีข้อมูล ให้สร้างไฟล์นี้ (ดูตัวอย่างในคู่มือ)",
                   f"{display} is missing; the pages that need it say so; create it (see the example office)",
                   "warning")


def _unknown_files(project: Project) -> list[Problem]:
    """Warn about files in data/ that nothing reads, which usually means a misnamed file."""
    known = set(SINGLE_FILES) | {f"{folder}/" for folder in (*YEARLY_FOLDERS, FRAMEWORK_FOLDER, COMPLAINTS_FOLDER,
                                                             PROCUREMENT_FOLDER)}
    problems = []
    for path in sorted(project.data_dir.rglob("*")):
        rel = path.relative_to(project.data_dir).as_posix()
        readable = rel.endswith(".yml") or (
            rel.startswith((f"{COMPLAINTS_FOLDER}/", f"{PROCUREMENT_FOLDER}/")) and path.suffix in SPREADSHEETS)
        if path.is_dir() or rel in known or (readable and any(rel.startswith(k) for k in known)):
            continue
        if path.name.startswith(".") or path.name == "README.md":
            continue
        problems.append(Problem(project.display(path), 0, "", "unknown_file",
                                "ระบบไม่ได้ใช้ไฟล์นี้ ตรวจชื่อไฟล์และโฟลเดอร์ (นามสกุลต้องเป็น .yml หรือ .csv สำหรับทะเบียนเรื่องร้องเรียน)",
                                "no part of the site reads this file; check its name and folder (.yml, or .csv for "
                                "complaint registers)",
                                "warning"))
    return problems
