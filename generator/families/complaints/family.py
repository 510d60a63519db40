"""Complaint channels (data/complaints.yml) and yearly registers, published only as statistics."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.complaints import pages
from generator.families.complaints.checks import check_complaints
from generator.families.complaints.model import CATEGORIES, CHANNEL_KINDS, ComplaintYear, ComplaintsFile, EXTERNAL_ORGS

FAMILY = Family("complaints", builders=(pages.build,), data="complaint_years",
                files=(("complaints.yml", ComplaintsFile),), schemas=(("complaint-register", ComplaintYear),),
                checks=(check_complaints,),
                labels=(("channel_label", CHANNEL_KINDS), ("category_label", CATEGORIES),
                        ("external_org_label", EXTERNAL_ORGS)))
