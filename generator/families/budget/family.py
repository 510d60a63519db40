"""The spending plan and its disbursement: data/budget/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.budget import pages
from generator.families.budget.checks import check_budget
from generator.families.budget.model import BudgetYear

FAMILY = Family("budget", builders=(pages.build,), data="budget", folder="budget", model=BudgetYear,
                checks=(check_budget,))
