"""Integrity measures and their report: data/measures/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.measures import pages
from generator.families.measures.model import published, MeasuresYear

FAMILY = Family("measures", builders=(pages.build,), data="measures", folder="measures", model=MeasuresYear,
                public=published)
