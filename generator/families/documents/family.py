"""Published documents: data/documents/<fiscal year>.yml, a page each and the archive."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.documents import archive, pages
from generator.families.documents.checks import check_documents
from generator.families.documents.model import public, DocumentsFile

SCAFFOLD = Scaffold("documents", "data/documents/{year}.yml", "ทะเบียนเอกสารเผยแพร่", "/documents/<id>/ และ /archive/{year}/",
                    "กรอกชื่อ ประเภท และหัวข้อ OIT แล้วลบบรรทัด status: draft", "fill in title, kind and topics, then delete "
                    "the status: draft line", "documents", "documents",
                    "แผนปฏิบัติการประจำปี คู่มือ รายงาน และเอกสารอื่น (วางต้นฉบับใน content/files/{year}/ ก่อน)",
                    "--file files/{year}/<ชื่อไฟล์>.pdf", new_year=True)

FAMILY = Family("documents", builders=(archive.build, pages.build), data="documents", folder="documents",
                model=DocumentsFile, one_per_year=False, public=public, checks=(check_documents,),
                scaffolds=(SCAFFOLD,))
