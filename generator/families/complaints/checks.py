"""Checks of the complaint data across files: the channels the OIT items require, the register's
dates and references, and printed summary tables whose totals do not add up.

A printed figure that differs from its row's or column's sum, or from the register over the same
period, is a discrepancy: a warning the webmaster may acknowledge next to the figure (`acknowledged:
printed_tables[0].totals.received`), since the table is published as printed with the computed
figure beside it. A row printed twice is a warning; anything that would make our own statistics
wrong is an error.
"""

from __future__ import annotations

from generator.base.calendar import fiscal_year_bounds, format_thai_date
from generator.engine.checking import check_file, problem_at, unknown_unit
from generator.engine.printed import printed_total, repeated_rows
from generator.families.complaints.stats import COLUMN_LABELS, Difference, against_register, check_printed
from generator.families.complaints.model import ONLINE_CHANNELS, ComplaintsFile, ComplaintYear
from generator.engine.data import Data, Project
from generator.base.problems import Problem


def check_complaints(data: Data, project: Project) -> list[Problem]:
    """Every complaint check: the guideline and channels, then each year's register."""
    problems = _check_guideline(data, data.complaints) if data.complaints else []
    refs: dict[str, str] = {}
    for year, record in sorted(data.complaint_years.items()):
        problems += _check_register(data, year, record, refs)
        problems += _check_printed_tables(data, project, year, record)
    return problems


def _check_guideline(data: Data, complaints: ComplaintsFile) -> list[Problem]:
    problems = []
    guideline = complaints.guideline
    for path, unit in [(("guideline", "unit"), guideline.unit)] + [
            (("guideline", "steps", i, "unit"), s.unit) for i, s in enumerate(guideline.steps) if s.unit]:
        if data.units and not data.exists("units", unit):
            problems.append(unknown_unit(data, "complaints", "complaints", path, unit))
    if guideline.document and not data.exists("documents", guideline.document):
        problems.append(problem_at(data, "complaints", "complaints", ("guideline", "document"), "unknown_document",
                                   f"ไม่พบเอกสารรหัส '{guideline.document}' ใน data/documents/",
                                   f"no document '{guideline.document}' in data/documents/"))
    return problems + _check_channels(data, complaints)


def _check_channels(data: Data, complaints: ComplaintsFile) -> list[Problem]:
    """Unique ids; and what the OIT criteria look for: an online corruption channel of its own."""
    problems, seen = [], set()
    for i, channel in enumerate(complaints.channels):
        if channel.id in seen:
            problems.append(problem_at(data, "complaints", "complaints", ("channels", i, "id"), "duplicate_id",
                                       f"รหัสช่องทาง '{channel.id}' ซ้ำ", f"channel id '{channel.id}' is used twice"))
        seen.add(channel.id)
    own = [c for c in complaints.channels if c.kind != "external"]
    if not any(c.scope == "corruption" and c.kind in ONLINE_CHANNELS for c in own):
        problems.append(problem_at(data, "complaints", "complaints", ("channels",), "no_online_channel",
                                   "ไม่มีช่องทางออนไลน์สำหรับแจ้งเรื่องร้องเรียนการทุจริต (scope: corruption) "
                                   "เกณฑ์ OIT กำหนดให้มีช่องทางออนไลน์ที่แยกจากเรื่องร้องเรียนทั่วไป",
                                   "no online channel for corruption complaints (scope: corruption); the OIT "
                                   "criteria ask for one, separate from general complaints", "warning"))
    general = {c.url for c in own if c.scope == "general" and c.url}
    for i, channel in enumerate(complaints.channels):
        if channel.scope == "corruption" and channel.url in general:
            problems.append(problem_at(data, "complaints", "complaints", ("channels", i, "url"), "shared_channel",
                                       "ช่องทางแจ้งการทุจริตใช้ลิงก์เดียวกับช่องทางร้องเรียนทั่วไป ผู้ประเมินจะไม่นับ "
                                       "ให้ใช้แบบฟอร์มแยก", "the corruption channel shares its link with general "
                                       "complaints; assessors will not count it, use a separate form", "warning"))
    if not any(c.kind == "external" for c in complaints.channels):
        problems.append(problem_at(data, "complaints", "complaints", ("channels",), "no_external_channel",
                                   "ยังไม่มีช่องทางของหน่วยงานภายนอก เช่น ป.ป.ช. (kind: external, external_org: nacc)",
                                   "no outside channel such as the NACC's (kind: external, external_org: nacc)",
                                   "warning"))
    return problems


def _check_register(data: Data, year: int, record: ComplaintYear, refs: dict[str, str]) -> list[Problem]:
    """Cases received within the file's fiscal year, each reference used once across all years."""
    start, end = fiscal_year_bounds(year)
    problems = []
    if record.as_of and record.as_of < start:
        problems.append(problem_at(data, "complaints-year", str(year), ("as_of",), "as_of",
                                   f"วันที่ข้อมูล (as_of) อยู่ก่อนเริ่มปีงบประมาณ {year}",
                                   f"as_of is before fiscal year {year} begins"))
    for i, case in enumerate(record.cases or ()):
        row = ("cases", i)
        file, line = data.where("complaint-cases", str(year), *row)
        if not start <= case.received <= end:
            problems.append(problem_at(
                data, "complaint-cases", str(year), (*row, "received"), "received_year",
                f"รับเรื่องวันที่ {format_thai_date(case.received)} ไม่อยู่ในปีงบประมาณ {year} "
                f"ให้ย้ายไปไว้ในทะเบียนของปีงบประมาณที่รับเรื่อง",
                f"received on {case.received.isoformat()}, outside fiscal year {year}; move the case to the "
                "register of the year it was received", line_at=row))
        if case.ref in refs:
            problems.append(problem_at(data, "complaint-cases", str(year), (*row, "ref"), "duplicate_ref",
                                       f"เลขรับ '{case.ref}' ซ้ำกับ {refs[case.ref]} เลขรับต้องไม่ซ้ำกัน",
                                       f"case reference '{case.ref}' repeats {refs[case.ref]}; references are unique",
                                       line_at=row))
        refs.setdefault(case.ref, f"{file}:{line}")
    return problems


def _check_printed_tables(data: Data, project: Project, year: int, record: ComplaintYear) -> list[Problem]:
    """Each printed table: inside the year, its original on disk, and every figure that does not add up."""
    problems = []
    cases = [c for r in data.complaint_years.values() for c in r.cases or ()]
    for t, table in enumerate(record.printed_tables):
        at = ("printed_tables", t)
        if year not in table.period_obj.fiscal_years:
            problems.append(problem_at(data, "complaints-year", str(year), (*at, "period"), "period_year",
                                       f"ช่วงเวลา {table.period} ไม่อยู่ในปีงบประมาณ {year}",
                                       f"period {table.period} is outside fiscal year {year}"))
        if table.file:
            problems += check_file(data, project, "complaints-year", str(year), at + ("file",), table.file)
        problems += repeated_rows(data, "complaints-year", str(year), (*at, "rows"), table.rows, "แถว", "row")
        for diff in check_printed(table).differences:
            problems += _differs(data, year, at, diff, "printed_total", "ผลรวมที่คำนวณได้จากตาราง",
                                 "the sum of the table's figures")
        if record.has_register:
            for diff in against_register(table, cases):
                problems += _differs(data, year, at, diff, "printed_register",
                                     "ทะเบียนเรื่องร้องเรียนช่วงเวลาเดียวกัน", "the case register over the same period")
    return problems


def _differs(data: Data, year: int, at: tuple, diff: Difference, code: str, basis_th: str,
             basis_en: str) -> list[Problem]:
    """A printed figure of a complaint table that differs: the shared printed-figure check, at its cell."""
    path = at + (("totals",) if diff.row is None else ("rows", diff.row)) + (diff.name,)
    return printed_total(data, "complaints-year", str(year), path, diff.printed, diff.computed,
                         f"ตัวเลข '{COLUMN_LABELS[diff.name]}' ", f"'{diff.name}'", basis_th, basis_en, code)
