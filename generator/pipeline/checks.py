"""Checks that need more than one record: ids that must exist elsewhere, originals on disk, dates.

Each check returns Problems located by file and line through `Data.where`; none raises.
"""

from __future__ import annotations

from typing import Any

from generator.base.calendar import fiscal_year, format_thai_date
from generator.pipeline.load import Data, Project
from generator.families.documents.model import Document
from generator.base.problems import Problem
from generator.base.topics import topic_label


def check_references(data: Data, project: Project) -> list[Problem]:
    """Problems that need more than one record: duplicate ids, unknown units, missing originals."""
    problems = _check_framework_choices(data)
    unit_ids = {u.id for u in data.units}
    units_loaded = bool(data.units) or not (project.data_dir / "units.yml").exists()
    for exe in data.executives:
        for j, unit in enumerate(exe.supervises):
            if units_loaded and unit not in unit_ids:
                problems.append(unknown_unit(data, "executives", exe.id, ("supervises", j), unit))
        if exe.photo:
            problems += check_file(data, project, "executives", exe.id, "photo", exe.photo)
    for law in data.laws:
        if law.file:
            problems += check_file(data, project, "laws", law.id, "file", law.file)
    for doc in data.documents:
        if units_loaded and doc.owner and doc.owner not in unit_ids:
            problems.append(unknown_unit(data, "documents", doc.id, ("owner",), doc.owner))
        if doc.file:
            problems += check_file(data, project, "documents", doc.id, "file", doc.file)
        problems += _check_period(data, doc) + _check_published(data, doc)
    for kind in ("documents", "policies", "news"):
        problems += _check_withdrawals(data, kind, getattr(data, kind))
    from generator.families.complaints.checks import check_complaints  # it uses the helpers below
    from generator.families.procurement.checks import check_budget, check_procurement
    from generator.families.anticorruption.checks import check_plans
    from generator.families.risks.checks import check_risks
    from generator.families.ita.checks import check_ita
    from generator.engine.privacy import published_text

    return (problems + published_text(data, project) + _check_policies(data, project) + _check_nogift(data, project)
            + check_complaints(data, project) + check_procurement(data, project) + check_budget(data)
            + check_plans(data, project) + check_risks(data, project) + check_ita(data, project))


def _check_policies(data: Data, project: Project) -> list[Problem]:
    """A policy's original must exist, and the policy it supersedes must be known."""
    problems, ids = [], {p.id for p in data.policies}
    for policy in data.policies:
        if policy.file:
            problems += check_file(data, project, "policies", policy.id, "file", policy.file)
        if policy.supersedes and policy.supersedes not in ids:
            file, line = data.where("policies", policy.id, "supersedes")
            problems.append(Problem(file, line, "supersedes", "unknown_policy",
                                    f"ไม่พบนโยบายรหัส '{policy.supersedes}' ใน data/policies/ ให้ใช้รหัสที่มีอยู่",
                                    f"no policy '{policy.supersedes}' in data/policies/; use an existing id"))
    return problems


def _check_nogift(data: Data, project: Project) -> list[Problem]:
    """The No Gift rules the OIT items would fail on: warnings, so `--strict` stops a build."""
    problems = _missing_declarations(data)
    for year, record in data.nogift.items():
        key = str(year)
        if record.declaration:
            if record.declaration.file:
                problems += check_file(data, project, "nogift", key, ("declaration", "file"), record.declaration.file)
            problems += _late_declaration(data, year, record.declaration.date)
        for i, activity in enumerate(record.activities):
            for j, photo in enumerate(activity.photos):
                problems += check_file(data, project, "nogift", key, ("activities", i, "photos", j), photo)
            if activity.date is None:
                problems.append(_warn(data, key, ("activities", i), "activity_date",
                                      "กิจกรรมไม่มีวันที่ ให้เพิ่ม date: (ผู้ประเมินตรวจว่าจัดในปีงบประมาณนี้)",
                                      "the activity has no date; add date: (assessors check it fell in this year)"))
        problems += _check_receipts(data, year, record, data.config.gift_threshold) + _dates_in_year(data, year, record)
    return problems


def _dates_in_year(data: Data, year: int, record) -> list[Problem]:
    """Activities and gifts belong to the fiscal year of their file: a stray date is an error, not a count."""
    problems = []
    for kind, items in (("activities", record.activities), ("receipts", record.receipts)):
        for i, item in enumerate(items):
            if item.date is None or fiscal_year(item.date) == year:
                continue
            file, line = data.where("nogift", str(year), kind, i, "date")
            problems.append(Problem(
                file, line, f"{kind}[{i}].date", "date_year",
                f"วันที่ {format_thai_date(item.date)} อยู่ในปีงบประมาณ {fiscal_year(item.date)} "
                f"ไม่ใช่ {year} ให้แก้วันที่ หรือย้ายไปไว้ในไฟล์ {fiscal_year(item.date)}.yml",
                f"{item.date.isoformat()} is in fiscal year {fiscal_year(item.date)}, not {year}; correct the date or "
                f"move the entry to {fiscal_year(item.date)}.yml"))
    return problems


def _check_receipts(data: Data, year: int, record, threshold) -> list[Problem]:
    problems = []
    for i, receipt in enumerate(record.receipts):
        if receipt.action is None:
            problems.append(_warn(data, str(year), ("receipts", i), "gift_action",
                                  "ไม่ได้ระบุการดำเนินการ (action) เช่น returned, declined, handed_to_office",
                                  "no action recorded; write action: returned, declined, handed_to_office, ..."))
        if receipt.value > threshold and not receipt.decision_ref_th:
            problems.append(_warn(data, str(year), ("receipts", i, "value"), "gift_decision",
                                  f"มูลค่าเกิน {threshold:,.0f} บาท ต้องมีเลขที่หนังสือหรือคำวินิจฉัย (decision_ref_th)",
                                  f"the value exceeds {threshold:,.0f} baht; add the decision reference (decision_ref_th)"))
    return problems


def _missing_declarations(data: Data) -> list[Problem]:
    """Every fiscal year the office is assessed in needs a No Gift declaration."""
    problems = []
    for year in data.config.frameworks:
        record = data.nogift.get(year)
        has_document = any(year == d.fiscal_year and "nogift.declaration" in d.topics for d in data.documents)
        if (record and record.declaration) or has_document:
            continue
        file, line = (data.where("nogift", str(year)) if record
                      else data.where("site", "site", "frameworks", str(year)))
        problems.append(Problem(file, line, "declaration", "nogift_declaration",
                                f"ยังไม่มี{topic_label('nogift.declaration')}ของปีงบประมาณ {year} "
                                f"ให้เพิ่ม declaration: ใน data/nogift/{year}.yml",
                                f"no No Gift declaration for fiscal year {year}; add declaration: to "
                                f"data/nogift/{year}.yml", "warning"))
    return problems


def _late_declaration(data: Data, year: int, signed: Any) -> list[Problem]:
    from generator.base.calendar import fiscal_year_bounds

    if signed <= fiscal_year_bounds(year)[1]:
        return []
    return [_warn(data, str(year), ("declaration", "date"), "nogift_late",
                  f"ประกาศลงวันที่หลังสิ้นปีงบประมาณ {year} ที่ประกาศนี้ใช้ ผู้ประเมินจะไม่นับ",
                  f"the declaration is dated after fiscal year {year} ends; assessors will not count it")]


def _warn(data: Data, year_key: str, path: tuple[Any, ...], code: str, th: str, en: str) -> Problem:
    file, line = data.where("nogift", year_key, *path)
    return Problem(file, line, ".".join(map(str, path)), code, th, en, "warning")


def _check_framework_choices(data: Data) -> list[Problem]:
    """Each fiscal year in data/site.yml must name a catalogue that exists."""
    problems = []
    for year, framework_id in data.config.frameworks.items():
        if framework_id in data.frameworks:
            continue
        file, line = data.where("site", "site", "frameworks", str(year))
        known = ", ".join(sorted(data.frameworks))
        problems.append(Problem(file, line, f"frameworks.{year}", "unknown_framework",
                                f"ไม่พบกรอบการประเมิน '{framework_id}' ใช้ชื่อใดชื่อหนึ่ง: {known}",
                                f"no framework '{framework_id}'; use one of: {known}"))
    return problems


def unknown_unit(data: Data, kind: str, record_id: str, path: tuple[Any, ...], unit: str) -> Problem:
    file, line = data.where(kind, record_id, *path)
    known = ", ".join(sorted(u.id for u in data.units)) or "-"
    return Problem(file, line, ".".join(map(str, path)), "unknown_unit",
                   f"ไม่พบกลุ่ม '{unit}' ใน data/units.yml ใช้รหัสที่มีอยู่: {known}",
                   f"unit '{unit}' is not in data/units.yml; use one of: {known}")


def check_file(data: Data, project: Project, kind: str, record_id: str, field: str | tuple[Any, ...],
                rel: str) -> list[Problem]:
    """An original must exist inside content/ (a symlink may not lead out of it)."""
    target = (project.content_dir / rel)
    inside = target.resolve().is_relative_to(project.content_dir.resolve())
    if inside and target.is_file():
        return []
    path = field if isinstance(field, tuple) else (field,)
    file, line = data.where(kind, record_id, *path)
    field_name = ".".join(map(str, path))
    if not inside:
        return [Problem(file, line, field_name, "path",
                        f"ไฟล์ '{rel}' ชี้ออกนอกโฟลเดอร์ content/ ให้คัดลอกไฟล์มาไว้ใน content/files/",
                        f"'{rel}' leads outside content/; copy the file into content/files/")]
    return [Problem(file, line, field_name, "missing_original",
                    f"ไม่พบไฟล์ content/{rel} ให้วางไฟล์ไว้ที่นั่น หรือแก้ชื่อให้ตรง",
                    f"content/{rel} does not exist; put the file there or correct the name")]


def _check_published(data: Data, doc: Document) -> list[Problem]:
    if not doc.published or doc.published >= doc.date:
        return []
    file, line = data.where("documents", doc.id, "published")
    return [Problem(file, line, "published", "published",
                    "วันที่เผยแพร่ (published) ต้องไม่ก่อนวันที่ของเอกสาร (date) ให้แก้วันใดวันหนึ่ง",
                    "published must not be earlier than date; correct one of them")]


def _check_withdrawals(data: Data, kind: str, items: list[Any]) -> list[Problem]:
    """A withdrawal comes after the item's own date, and names a replacement that exists."""
    problems, ids = [], {item.id for item in items}
    folder = "content/news" if kind == "news" else f"data/{kind}"
    for item in items:
        withdrawal = item.withdrawn
        if withdrawal is None:
            continue
        if withdrawal.date < item.date:
            file, line = data.where(kind, item.id, "withdrawn", "date")
            problems.append(Problem(file, line, "withdrawn.date", "withdrawn",
                                    "วันที่ถอนการเผยแพร่ต้องไม่ก่อนวันที่ของรายการ (date) ให้แก้วันใดวันหนึ่ง",
                                    "the withdrawal date must not be earlier than the item's date; correct one"))
        if withdrawal.replaced_by and withdrawal.replaced_by not in ids - {item.id}:
            file, line = data.where(kind, item.id, "withdrawn", "replaced_by")
            problems.append(Problem(file, line, "withdrawn.replaced_by", "unknown_id",
                                    f"ไม่พบรายการรหัส '{withdrawal.replaced_by}' ใน {folder}/ ให้ใช้รหัสที่มีอยู่",
                                    f"no entry '{withdrawal.replaced_by}' in {folder}/; use an existing id"))
    return problems


def _check_period(data: Data, doc: Document) -> list[Problem]:
    """A document's period must touch the fiscal year it is filed under."""
    if not doc.period or doc.fiscal_year is None:
        return []
    period = doc.period_obj
    if doc.fiscal_year in period.fiscal_years:
        return []
    file, line = data.where("documents", doc.id, "period")
    return [Problem(file, line, "period", "period_year",
                    f"ช่วงเวลา {doc.period} ไม่อยู่ในปีงบประมาณ {doc.fiscal_year} ให้แก้ช่วงเวลา หรือย้ายไปไฟล์ของปีที่ถูกต้อง",
                    f"period {doc.period} is outside fiscal year {doc.fiscal_year}; fix it or move the entry")]
