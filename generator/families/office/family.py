"""The office profile: office.yml, units.yml, executives.yml and laws.yml, and the office pages."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.office import pages
from generator.families.office.checks import check_office
from generator.families.office.model import ExecutivesFile, LawsFile, Office, UnitsFile

FAMILY = Family("office", builders=(pages.build,), data="office",
                files=(("office.yml", Office), ("units.yml", UnitsFile), ("executives.yml", ExecutivesFile),
                       ("laws.yml", LawsFile)), checks=(check_office,))
