"""The Site index: the published records, looked up by fiscal year, kind and id.

Page builders ask the Site, never the raw data, so that the publication rules (no drafts, nothing
before its publication date, withdrawn items only as a notice; generator/engine/publication.py and
each family's `public` rule) are applied once, when generator/pipeline/index.py fills it, and no
builder can forget them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from generator.base import scoring

if TYPE_CHECKING:  # types only: the Site is filled by generator/pipeline/index.py from the registry
    from generator.families.anticorruption.model import ActionPlan
    from generator.families.budget.model import BudgetYear
    from generator.families.complaints.model import Case, ComplaintsFile, ComplaintYear
    from generator.families.documents.model import Document
    from generator.families.ita.model import ItaYear
    from generator.families.measures.model import MeasuresYear
    from generator.families.news.model import NewsPost
    from generator.families.nogift.model import NoGiftYear
    from generator.families.office.model import Executive, Law, Office, Unit
    from generator.families.policies.model import Policy
    from generator.families.procurement.model import ProcurementMonth
    from generator.families.risks.model import RiskYear
    from generator.families.statistics.model import StatisticsYear
    from generator.oit.framework import Framework


@dataclass(frozen=True)
class Withdrawn:
    """Items taken down by the build date; each keeps a page that says when and why."""

    documents: tuple[Document, ...]
    policies: tuple[Policy, ...]
    news: tuple[NewsPost, ...]


@dataclass(frozen=True)
class Site:
    """Published records of one office, indexed for the page builders."""

    office: Office | None
    units: tuple[Unit, ...]
    executives: tuple[Executive, ...]
    laws: tuple[Law, ...]
    documents: tuple[Document, ...]
    today: date
    policies: tuple[Policy, ...] = ()
    nogift: dict[int, NoGiftYear] = field(default_factory=dict)
    gift_threshold: Decimal = Decimal("3000")
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    content_dir: Path | None = None
    frameworks: dict[str, Framework] = field(default_factory=dict)
    framework_of_year: dict[int, str] = field(default_factory=dict)  # the catalogue id answering each year
    provisional_years: frozenset[int] = frozenset()  # years a family's earlier list answers until this year's
    base_url: str = "/"
    scale: scoring.Scale = scoring.DEFAULT_SCALE
    thai_digits: bool = False
    complaints: ComplaintsFile | None = None
    complaint_years: dict[int, ComplaintYear] = field(default_factory=dict)
    procurement: dict[int, dict[tuple[int, int], ProcurementMonth]] = field(default_factory=dict)
    budget: dict[int, BudgetYear] = field(default_factory=dict)
    statistics: dict[int, StatisticsYear] = field(default_factory=dict)
    news: tuple[NewsPost, ...] = ()  # published posts only, newest first
    anticorruption: dict[int, ActionPlan] = field(default_factory=dict)
    risks: dict[int, RiskYear] = field(default_factory=dict)
    ita: dict[int, ItaYear] = field(default_factory=dict)  # announced results only
    measures: dict[int, MeasuresYear] = field(default_factory=dict)  # announced; reports from their as-of date
    withdrawn: Withdrawn = field(default_factory=lambda: Withdrawn((), (), ()))
    unpublished_files: frozenset[str] = frozenset()  # content/ originals of drafts, future or withdrawn items

    @property
    def fiscal_years(self) -> list[int]:
        """Fiscal years that have at least one published document, newest first."""
        return sorted({d.fiscal_year for d in self.documents}, reverse=True)

    def absolute(self, url: str) -> str:
        """An absolute link to a site-relative URL (`documents/x/` → `https://…/documents/x/`)."""
        return self.base_url + url.lstrip("/")

    def documents_of_year(self, year: int) -> list[Document]:
        """Published documents filed under fiscal `year`, newest first."""
        return [d for d in self.documents if d.fiscal_year == year]

    def documents_by_kind(self) -> dict[str, list[Document]]:
        """Published documents grouped by kind, each group newest first."""
        groups: dict[str, list[Document]] = defaultdict(list)
        for doc in self.documents:
            groups[doc.kind].append(doc)
        return dict(groups)

    def unit(self, unit_id: str | None) -> Unit | None:
        """The unit with `unit_id`, if any."""
        return next((u for u in self.units if u.id == unit_id), None)

    def file_size(self, rel: str) -> int | None:
        """Size in bytes of an original under content/, if it can be read."""
        if self.content_dir is None:
            return None
        try:
            return (self.content_dir / rel).stat().st_size
        except OSError:
            return None

    @property
    def complaint_cases(self) -> list[Case]:
        """Every case of every register (earlier years' open cases are brought forward)."""
        return [case for record in self.complaint_years.values() for case in record.cases or ()]

    def source(self, kind: str, record_id: str) -> str | None:
        """The data file a record came from, for the page's edit link."""
        return self.sources.get((kind, record_id))


