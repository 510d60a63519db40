"""Checks of documents that need more than one record: owners, originals, periods, dates, withdrawals."""

from __future__ import annotations

from generator.base.problems import Problem
from generator.engine.checking import check_file, check_withdrawals, problem_at, unknown_unit, units_known
from generator.engine.data import Data, Project
from generator.families.documents.model import Document


def check_documents(data: Data, project: Project) -> list[Problem]:
    """Each document's owner unit, original, period and publication date; its withdrawal."""
    problems: list[Problem] = []
    units_loaded = units_known(data, project)
    for doc in data.documents:
        if units_loaded and doc.owner and not data.exists("units", doc.owner):
            problems.append(unknown_unit(data, "documents", doc.id, ("owner",), doc.owner))
        if doc.file:
            problems += check_file(data, project, "documents", doc.id, "file", doc.file)
        problems += _check_period(data, doc) + _check_published(data, doc)
    return problems + check_withdrawals(data, "documents", data.documents)


def _check_published(data: Data, doc: Document) -> list[Problem]:
    """Not published before its date; a month-dated document may be published from the month's first day."""
    if not doc.published or doc.date is None or doc.published >= doc.date:
        return []
    return [problem_at(data, "documents", doc.id, ("published",), "published",
                       "วันที่เผยแพร่ (published) ต้องไม่ก่อนวันที่ของเอกสาร (date) ให้แก้วันใดวันหนึ่ง",
                       "published must not be earlier than date; correct one of them")]


def _check_period(data: Data, doc: Document) -> list[Problem]:
    """A document's period must touch the fiscal year it is filed under."""
    if not doc.period or doc.fiscal_year is None:
        return []
    period = doc.period_obj
    if doc.fiscal_year in period.fiscal_years:
        return []
    return [problem_at(data, "documents", doc.id, ("period",), "period_year",
                       f"ช่วงเวลา {doc.period} ไม่อยู่ในปีงบประมาณ {doc.fiscal_year} ให้แก้ช่วงเวลา หรือย้ายไปไฟล์ของปีที่ถูกต้อง",
                       f"period {doc.period} is outside fiscal year {doc.fiscal_year}; fix it or move the entry")]
