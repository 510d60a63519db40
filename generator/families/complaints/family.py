"""Complaint channels (data/complaints.yml) and yearly registers, published only as statistics."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.complaints.checks import check_complaints
from generator.families.complaints import pages
from generator.families.complaints.model import ComplaintsFile, ComplaintYear

FAMILY = Family("complaints", builders=(pages.build,), data="complaint_years",
                files=(("complaints.yml", ComplaintsFile),), schemas=(("complaint-register", ComplaintYear),),
                checks=(check_complaints,))
