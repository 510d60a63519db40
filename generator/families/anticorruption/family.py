"""The anti-corruption plan and its monitoring reports: data/anticorruption/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.anticorruption.checks import check_plans
from generator.families.anticorruption import pages
from generator.families.anticorruption.model import ActionPlan, public

FAMILY = Family("anticorruption", builders=(pages.build,), data="anticorruption", folder="anticorruption",
                model=ActionPlan, public=public, checks=(check_plans,))
