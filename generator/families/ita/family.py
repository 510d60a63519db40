"""ITA results as announced: data/ita/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.ita import pages
from generator.families.ita.checks import check_ita
from generator.families.ita.model import published, ItaYear

FAMILY = Family("ita", builders=(pages.build,), data="ita", folder="ita", model=ItaYear, public=published,
                checks=(check_ita,))
