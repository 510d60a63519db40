"""The corruption-risk assessment and its follow-up: data/risks/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.risks import pages
from generator.families.risks.checks import check_risks
from generator.families.risks.model import public, RiskYear

FAMILY = Family("risks", builders=(pages.build,), data="risks", folder="risks", model=RiskYear, public=public,
                checks=(check_risks,))
