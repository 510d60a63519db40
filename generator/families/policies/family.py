"""Policies and announcements: data/policies/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.policies import pages
from generator.families.policies.checks import check_policies
from generator.families.policies.model import public, POLICY_KINDS, PoliciesFile

FAMILY = Family("policies", builders=(pages.build,), data="policies", folder="policies", model=PoliciesFile,
                one_per_year=False, public=public, checks=(check_policies,),
                labels=(("policy_kind_label", POLICY_KINDS),))
