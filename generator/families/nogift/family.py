"""No Gift Policy: data/nogift/<fiscal year>.yml (declaration, activities, register)."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.nogift import pages
from generator.families.nogift.checks import check_nogift
from generator.families.nogift.model import public, ACTIONS, GIVER_KINDS, NoGiftYear

FAMILY = Family("nogift", builders=(pages.build,), data="nogift", folder="nogift", model=NoGiftYear, public=public,
                checks=(check_nogift,),
                labels=(("gift_action_label", ACTIONS), ("giver_label", GIVER_KINDS)))
