"""Monthly procurement summaries: data/procurement/<fiscal year>/<MM>.csv|.xlsx|.yml."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.procurement import pages
from generator.families.procurement.checks import check_procurement
from generator.families.procurement.model import public, ProcurementMonth

FAMILY = Family("procurement", builders=(pages.build,), data="procurement", public=public,
                schemas=(("procurement-month", ProcurementMonth),), checks=(check_procurement,))
