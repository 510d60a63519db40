"""The Site index: the published records, looked up by fiscal year, kind and id.

Page builders ask the Site, never the raw data, so that the publication rules (no drafts, nothing
before its publication date, withdrawn items only as a notice; generator/engine/publication.py) are
applied once, here, and no builder can forget them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from generator.base import scoring
from generator.oit.framework import Framework
from generator.pipeline.load import Data
from generator.families.anticorruption.model import ActionPlan
from generator.families.budget.model import BudgetYear
from generator.families.complaints.model import Case, ComplaintsFile, ComplaintYear
from generator.families.documents.model import Document
from generator.families.office.model import Executive, Law, Office, Unit
from generator.families.news.model import NewsPost, published as published_news
from generator.families.nogift.model import NoGiftYear
from generator.families.policies.model import Policy
from generator.families.procurement.model import ProcurementMonth
from generator.engine.publication import is_public, is_withdrawn
from generator.families.risks.model import RiskYear, public as public_risks
from generator.families.ita.model import ItaYear, published as published_ita
from generator.families.measures.model import MeasuresYear, published as published_measures


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
    framework_of_year: dict[int, str] = field(default_factory=dict)
    base_url: str = "/"
    scale: scoring.Scale = scoring.DEFAULT_SCALE
    thai_digits: bool = False
    complaints: ComplaintsFile | None = None
    complaint_years: dict[int, ComplaintYear] = field(default_factory=dict)
    procurement: dict[int, dict[tuple[int, int], ProcurementMonth]] = field(default_factory=dict)
    budget: dict[int, BudgetYear] = field(default_factory=dict)
    news: tuple[NewsPost, ...] = ()  # published posts only, newest first
    anticorruption: dict[int, ActionPlan] = field(default_factory=dict)
    risks: dict[int, RiskYear] = field(default_factory=dict)
    ita: dict[int, ItaYear] = field(default_factory=dict)  # announced results only
    measures: dict[int, MeasuresYear] = field(default_factory=dict)  # announced; reports from their as-of date
    withdrawn: Withdrawn = field(default_factory=lambda: Withdrawn((), (), ()))
    unpublished_files: frozenset[str] = frozenset()  # content/ originals of drafts, future or withdrawn items

    @classmethod
    def build(cls, data: Data, today: date, content_dir: Path | None = None, base_url: str | None = None) -> Site:
        """Index `data` as it may be published on `today` (the build date decides).

        `base_url` (MkDocs' `site_url`) makes the absolute links the OIT exports need.
        """
        published = sorted(
            (d for d in data.documents if is_public(d, today)),
            key=lambda d: (d.date, d.id), reverse=True)
        sources = {key: origin[0].name for key, origin in data.origins.items()}
        policies = sorted((p for p in data.policies if is_public(p, today)), key=lambda p: (p.date, p.id),
                          reverse=True)
        return cls(data.office, tuple(data.units), tuple(data.executives), tuple(data.laws),
                   tuple(published), today, tuple(policies), _public_nogift(data, today),
                   data.config.gift_threshold, sources, content_dir, data.frameworks,
                   dict(data.config.frameworks), (base_url or "/").rstrip("/") + "/", data.config.scoring.scale(),
                   data.config.thai_digits, data.complaints, dict(data.complaint_years),
                   _disclosed_procurement(data, today), dict(data.budget),
                   news=tuple(published_news(data.news, today)), anticorruption=_public_plans(data, today),
                   risks=public_risks(data.risks, today), ita=published_ita(data.ita, today),
                   measures=published_measures(data.measures, today),
                   withdrawn=Withdrawn(*(tuple(i for i in items if is_withdrawn(i, today))
                                         for items in (data.documents, data.policies, data.news))),
                   unpublished_files=_unpublished_files(data, today))

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
        return [case for record in self.complaint_years.values() for case in record.cases]

    def complaints_as_of(self, year: int) -> date:
        """The date a year's statistics speak for: the register's `as_of`, never after the build date."""
        declared = self.complaint_years[year].as_of
        return min(declared, self.today) if declared else self.today

    def source(self, kind: str, record_id: str) -> str | None:
        """The data file a record came from, for the page's edit link."""
        return self.sources.get((kind, record_id))


def _unpublished_files(data: Data, today: date) -> frozenset[str]:
    """Originals under content/ that only drafts, items still to come or withdrawn items point to.

    MkDocs copies every file of content/ to the site; these must not be, or a draft's PDF would be
    online at a guessable address before anyone decided to publish it.
    """
    items = [*data.documents, *data.policies, *data.news]
    hidden = {path for item in items if not is_public(item, today) for path in _files_of(item)}
    shown = {path for item in items if is_public(item, today) for path in _files_of(item)}
    shown |= {law.file for law in data.laws if law.file} | {e.photo for e in data.executives if e.photo}
    return frozenset(hidden - shown)


def _files_of(item: Document | Policy | NewsPost) -> list[str]:
    return [path for path in (getattr(item, "file", None), getattr(item, "image", None)) if path]


def _public_nogift(data: Data, today: date) -> dict[int, NoGiftYear]:
    """No Gift years as of `today`: nothing dated in the future is published yet."""
    years = {}
    for year, record in data.nogift.items():
        declaration = record.declaration if record.declaration and record.declaration.date <= today else None
        years[year] = record.model_copy(update={
            "declaration": declaration,
            "activities": [a for a in record.activities if a.date is None or a.date <= today],
            "receipts": [r for r in record.receipts if r.date <= today],
        })
    return years


def _disclosed_procurement(data: Data, today: date) -> dict[int, dict[tuple[int, int], ProcurementMonth]]:
    """Months that have begun by `today`: a summary of a month still to come is not published."""
    return {year: {m: r for m, r in months.items() if date(*m, 1) <= today}
            for year, months in data.procurement.items()}


def _public_plans(data: Data, today: date) -> dict[int, ActionPlan]:
    """Plans with only the reports dated by `today`: a report is published from its date."""
    return {year: plan.model_copy(update={"reports": [r for r in plan.reports if r.date <= today]})
            for year, plan in data.anticorruption.items()}
