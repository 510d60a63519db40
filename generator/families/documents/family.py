"""Published documents: data/documents/<fiscal year>.yml, a page each and the archive."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.documents import archive, pages
from generator.families.documents.checks import check_documents
from generator.families.documents.model import public, DocumentsFile

FAMILY = Family("documents", builders=(archive.build, pages.build), data="documents", folder="documents",
                model=DocumentsFile, one_per_year=False, public=public, checks=(check_documents,))
