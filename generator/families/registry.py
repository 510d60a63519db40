"""The family registry: every record family, once, in the order its pages are built.

The loader, the Site index, the page build and the schema export iterate over `FAMILIES`; none of
them names a family. A new family is a folder under generator/families/ with a `family.py` that
declares its `FAMILY`, and one line here.
"""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.office.family import FAMILY as OFFICE
from generator.families.documents.family import FAMILY as DOCUMENTS
from generator.families.policies.family import FAMILY as POLICIES
from generator.families.nogift.family import FAMILY as NOGIFT
from generator.families.complaints.family import FAMILY as COMPLAINTS
from generator.families.procurement.family import FAMILY as PROCUREMENT
from generator.families.budget.family import FAMILY as BUDGET
from generator.families.statistics.family import FAMILY as STATISTICS
from generator.families.news.family import FAMILY as NEWS
from generator.families.anticorruption.family import FAMILY as ANTICORRUPTION
from generator.families.risks.family import FAMILY as RISKS
from generator.families.ita.family import FAMILY as ITA
from generator.families.measures.family import FAMILY as MEASURES
from generator.families.withdrawn.family import FAMILY as WITHDRAWN

FAMILIES: tuple[Family, ...] = (
    OFFICE,
    DOCUMENTS,
    POLICIES,
    NOGIFT,
    COMPLAINTS,
    PROCUREMENT,
    BUDGET,
    STATISTICS,
    NEWS,
    ANTICORRUPTION,
    RISKS,
    ITA,
    MEASURES,
    WITHDRAWN,
)
