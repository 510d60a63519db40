"""The data set of one office: where its files are (`Project`) and what was loaded from them (`Data`).

Both are plain holders that the loader fills and every later step reads; they live here, below the
loader and the families, so that a family's checks can take them without importing the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from generator.base import tree
from generator.base.problems import Problem
from generator.base.reuse import Reuse
from generator.base.sources import SourceFile
from generator.engine.config import SiteConfig

if TYPE_CHECKING:  # types only: the records are the families' own
    from generator.families.anticorruption.model import ActionPlan
    from generator.families.budget.model import BudgetYear
    from generator.families.complaints.model import ComplaintsFile, ComplaintYear
    from generator.families.ita.model import ItaYear
    from generator.families.measures.model import MeasuresYear
    from generator.families.news.model import NewsPost
    from generator.families.nogift.model import NoGiftYear
    from generator.families.documents.model import Document
    from generator.families.office.model import Executive, Law, Office, Unit
    from generator.families.policies.model import Policy
    from generator.families.procurement.model import ProcurementMonth
    from generator.families.risks.model import RiskYear
    from generator.families.statistics.model import StatisticsYear
    from generator.oit.framework import Framework


@dataclass(frozen=True)
class Project:
    """Where the office's files live: `data/` for facts, `content/` for pages and originals."""

    root: Path
    data_dir: Path
    content_dir: Path
    reuse: Reuse | None = field(default=None, compare=False)  # serve: records of files unchanged since the last rebuild

    @classmethod
    def at(cls, root: Path | str, data: str = "data", content: str = "content") -> Project:
        """The usual layout under `root`."""
        root = Path(root).resolve()
        return cls(root, root / data, root / content)

    def display(self, path: Path) -> str:
        """A path as the webmaster sees it in the repository (`data/office.yml`), never the machine's own.

        Not resolved: a link is named where it lies, not where it leads."""
        for base in (self.root, self.root.resolve()):
            try:
                return path.absolute().relative_to(base).as_posix()
            except ValueError:
                continue
        return path.name

    def admits(self, path: Path) -> bool:
        """True if `path` may be read: a regular file whose real location is inside the repository."""
        return tree.admits(path, self.root)

    def scan(self) -> list[Problem]:
        """Links out of the repository, links to folders and special files, before anything is opened."""
        folders = [self.data_dir, self.content_dir, self.root / "overrides"]
        return tree.scan(folders, self.root, self.display)


class Refused(NamedTuple):
    """A record written but not kept, its own problem reported: its file's fiscal year (if the file has
    one), what was written, and where (`file:line`, for a later record with the same id)."""

    year: int | None
    written: Any
    at: str = ""


@dataclass
class Data:
    """Everything loaded from `data/`, plus where each record came from (for errors and edit links)."""

    office: Office | None = None
    config: SiteConfig = field(default_factory=SiteConfig)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    executives: list[Executive] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    nogift: dict[int, NoGiftYear] = field(default_factory=dict)
    complaints: ComplaintsFile | None = None
    complaint_years: dict[int, ComplaintYear] = field(default_factory=dict)
    news: list[NewsPost] = field(default_factory=list)
    procurement: dict[int, dict[tuple[int, int], ProcurementMonth]] = field(default_factory=dict)
    budget: dict[int, BudgetYear] = field(default_factory=dict)
    statistics: dict[int, StatisticsYear] = field(default_factory=dict)
    risks: dict[int, RiskYear] = field(default_factory=dict)
    anticorruption: dict[int, ActionPlan] = field(default_factory=dict)
    ita: dict[int, ItaYear] = field(default_factory=dict)
    measures: dict[int, MeasuresYear] = field(default_factory=dict)
    origins: dict[tuple[str, str], tuple[SourceFile, tuple[Any, ...]]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # hand-written Markdown pages: display name → text
    # Records written but refused (each has its own problem), by (kind, id), and the kinds with a file
    # too broken to tell which ids it holds. Checks take both as present: one typo is one problem, not
    # one more wherever the record is named.
    refused: dict[tuple[str, str], Refused] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)

    def exists(self, kind: str, record_id: str) -> bool:
        """True if a record of `kind` with this id is written somewhere, kept or refused: naming it is no error."""
        key = (kind, record_id)
        return key in self.origins or key in self.refused or kind in self.unreadable

    def where(self, kind: str, record_id: str, *fields: str | int) -> tuple[str, int]:
        """(file, line) of a record, or of one of its fields."""
        source, path = self.origins[(kind, record_id)]
        return source.name, source.line_of(path + fields)
