"""A record family as the pipeline sees it: one small declarative record, registered once.

The loader, the Site index, the page build and the schema export read these records instead of
naming families, so adding a family is its own folder plus one line in `generator/families/registry.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from pydantic import BaseModel

if TYPE_CHECKING:
    from generator.base.problems import Problem
    from generator.engine.data import Data, Project
    from generator.engine.pages import Asset, Page
    from generator.engine.site import Site


@dataclass(frozen=True)
class Scaffold:
    """One thing `python -m generator new <name>` makes: where it goes, its template, what to tell the webmaster."""

    name: str
    target: str  # path under the project root; {year}, {month:02d} and {id} are filled in
    about_th: str  # what the file is, for its first comment
    pages: str  # where its pages appear
    next_th: str
    next_en: str
    schema: str | None = None  # schemas/<schema>.schema.json, for YAML files
    entry: str | None = None  # list key: one entry is appended to the year's file
    todo_th: str = ""  # the line of the new-year checklist
    usage: str = ""  # the options the checklist shows with `new <kind>`
    # `new-year` writes it up front: its empty file is valid and states nothing untrue (documents: [],
    # a register with no complaint yet); the others wait for the office's own figures.
    new_year: bool = False

    @property
    def pattern(self) -> str:
        """The target as the help shows it: `data/procurement/<ปี>/<เดือน>.csv`."""
        return self.target.replace("{year}", "<ปี>").replace("{month:02d}", "<เดือน>").replace("{id}", "<id>")

    @property
    def template(self) -> str:
        """`new-documents.yml.j2`: the template in its family's templates/ folder."""
        return f"new-{self.name}{Path(self.target).suffix}.j2"


@dataclass(frozen=True)
class Family:
    """What the pipeline needs to know of one record family.

    Attributes:
        name: the one name of the family: its package, data folder, URL, scaffold kind, test folder.
        builders: functions `Site -> [Page | Asset]` that make its pages, in order.
        data: the attribute of `Data` and `Site` that holds its records, if it has one.
        folder: `data/<folder>/<fiscal year>.yml`, for a family filed one file per fiscal year.
        model: the model of one such yearly file.
        one_per_year: the yearly file is one record for the year (else a list of records with ids).
        files: single files directly in `data/` and their models (`office.yml`, `units.yml`, ...).
        public: the records as they may be published on a date (drafts, future dates, later reports out).
        schemas: further JSON Schemas the family exports (name, model), beside its files' own.
        checks: functions `(Data, Project) -> [Problem]` for what one record cannot check alone.
        labels: template filters that name its vocabularies' values (filter name, table of values).
        scaffolds: what `python -m generator new` and `new-year` write for it.
    """

    name: str
    builders: tuple[Callable[[Site], list[Page | Asset]], ...] = ()
    data: str | None = None
    folder: str | None = None
    model: type[BaseModel] | None = None
    one_per_year: bool = True
    files: tuple[tuple[str, type[BaseModel]], ...] = ()
    public: Callable[[Any, date], Any] | None = None
    schemas: tuple[tuple[str, type[BaseModel]], ...] = ()
    checks: tuple[Callable[[Data, Project], list[Problem]], ...] = ()
    labels: tuple[tuple[str, dict[str, tuple[str, str]]], ...] = ()
    scaffolds: tuple[Scaffold, ...] = ()
