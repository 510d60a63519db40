"""The anti-corruption plan and its monitoring reports: data/anticorruption/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.anticorruption import pages
from generator.families.anticorruption.checks import check_plans
from generator.families.anticorruption.model import public, ActionPlan, OUTCOMES, STATUSES

FAMILY = Family("anticorruption", builders=(pages.build,), data="anticorruption", folder="anticorruption",
                model=ActionPlan, public=public, checks=(check_plans,),
                labels=(("action_status_label", STATUSES), ("action_outcome_label", OUTCOMES)))
