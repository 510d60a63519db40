"""Policies and announcements (ประกาศ, นโยบาย, เจตจำนงสุจริต, คำสั่ง, มาตรการ) as records.

Offices publish these as signed scans. Keeping the text as data lets the site show it as HTML first
(readable on a phone, searchable, accessible) with the signed original attached, as GOV.UK does.
`data/policies/<fiscal year>.yml` holds one year's records. A policy is dated as signed: to the day,
to the month only ("เมษายน 2566") or not at all (`date:` left empty, shown as "ไม่ระบุวันที่").
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from generator.engine.publication import newest_public
from generator.base.fields import (ContentPath, FiscalYear, MarkdownText, PrintedDate, Slug, Text, ThaiDate, TopicKey,
                                   one_of)
from generator.engine.records import Record, Signer, Withdrawal
from generator.base.vocabulary import DOCUMENT_STATUSES

POLICY_KINDS: dict[str, tuple[str, str]] = {
    "announcement": ("ประกาศ", "Announcement"),
    "policy": ("นโยบาย", "Policy"),
    "integrity_declaration": ("เจตจำนงสุจริต", "Integrity declaration"),
    "order": ("คำสั่ง", "Order"),
    "measure": ("มาตรการ", "Measure"),
}


class Policy(Record):
    """One policy or announcement: its text as Markdown, its signer and its signed original."""

    id: Slug
    kind: one_of(POLICY_KINDS)
    number_th: Text | None = Field(None, description="เลขที่ เช่น ที่ ๑๖๙/๒๕๖๓ / number as printed")
    title_th: Text
    title_en: Text | None = None
    date: PrintedDate | None = Field(description="วันที่ลงนาม หรือเพียงเดือน เช่น เมษายน 2566 ถ้าไม่ระบุวันที่ให้เว้นว่าง "
                                                 "/ date signed, a month only, or empty when none is printed")
    published: ThaiDate | None = None
    fiscal_year: FiscalYear | None = Field(None, description="ถ้าไม่ระบุใช้ปีจากชื่อไฟล์ / defaults to the file's year")
    signer: Signer
    body_md: MarkdownText = Field(description="เนื้อความภาษาไทย (Markdown) / the Thai text")
    body_en_md: MarkdownText | None = Field(None, description="ฉบับภาษาอังกฤษ / English version")
    file: ContentPath | None = Field(None, description="ต้นฉบับที่ลงนาม (PDF) / the signed original")
    topics: list[TopicKey] = []
    supersedes: Slug | None = Field(None, description="รหัสนโยบายเดิมที่ฉบับนี้แทน / id of the policy this replaces")
    status: one_of(DOCUMENT_STATUSES) = "published"
    withdrawn: Withdrawal | None = Field(None, description="ถอนการเผยแพร่ (วันที่และเหตุผล) / withdrawal")

    @property
    def publication_date(self) -> date | None:
        """The day the policy may appear on the site (a month's first day; None: no day holds it back)."""
        return self.published or self.date

    @property
    def draft(self) -> bool:
        """A draft is never published (generator/engine/publication.py)."""
        return self.status == "draft"


class PoliciesFile(Record):
    policies: list[Policy]


def public(policies: list[Policy], today: date) -> tuple[Policy, ...]:
    """Policies published by `today`, newest first."""
    return newest_public(policies, today)
