"""Which catalogue answers each fiscal year: `frameworks:` of data/site.yml, resolved.

A year names a catalogue id (`2569: nacc-2569`), used as it is, or a family alone (`2570: nacc`).
The family means "this year's list of the family when there is one, else its latest list until the
assessor publishes this year's": an office works through fiscal year 2570 months before NACC
publishes the 2570 manual. Once a catalogue listing the year is shipped (or added to
data/frameworks/), the same line picks it up and the pages stop saying provisional.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.base.messages import allowed_hint
from generator.base.problems import Problem
from generator.engine.checking import problem_at
from generator.engine.data import Data
from generator.oit.framework import FAMILIES, Framework

# Who publishes each family's list, as the provisional label names it.
PUBLISHERS_TH: dict[str, str] = {
    "nacc": "สำนักงาน ป.ป.ช.",
    "obec-school": "สพฐ.",
    "obec-esa": "สพฐ.",
    "ovec": "สอศ.",
    "moph": "กระทรวงสาธารณสุข",
    "custom": "ผู้ประเมิน",
}


@dataclass(frozen=True)
class Choice:
    """What data/site.yml names for a year, and the catalogue that answers it."""

    year: int
    named: str  # as written: "nacc-2569" or "nacc"
    framework_id: str | None  # the catalogue used; None when nothing answers
    provisional: bool = False  # a family's earlier list stands in for this year's

    @property
    def stand_in_year(self) -> int | None:
        """The fiscal year of the list that stands in (2569 for `nacc-2569`), when provisional."""
        return int(self.framework_id.rsplit("-", 1)[1]) if self.provisional and self.framework_id else None


def choose(named: str, year: int, frameworks: dict[str, Framework]) -> Choice:
    """Resolve one line of `frameworks:`; a family name takes its own year's list, else its latest earlier one."""
    if named not in FAMILIES:
        return Choice(year, named, named if named in frameworks else None)
    own = f"{named}-{year}"
    if own in frameworks:
        return Choice(year, named, own)
    earlier = [y for fid, f in frameworks.items() if f.family == named
               for y in f.fiscal_years if y < year and fid == f"{named}-{y}"]
    if not earlier:
        return Choice(year, named, None)
    return Choice(year, named, f"{named}-{max(earlier)}", provisional=True)


def choices(configured: dict[int, str], frameworks: dict[str, Framework]) -> dict[int, Choice]:
    """Every configured year resolved, in the order of data/site.yml."""
    return {year: choose(named, year, frameworks) for year, named in configured.items()}


def provisional_label_th(choice: Choice, frameworks: dict[str, Framework]) -> str:
    """The Thai sentence the pages and exports of a provisional year carry."""
    family = frameworks[choice.framework_id].family if choice.framework_id else choice.named
    return (f"รายการชั่วคราว: ใช้รายการของปี {choice.stand_in_year} จนกว่า{PUBLISHERS_TH[family]}"
            f" จะประกาศรายการของปี {choice.year}")


def check_choices(data: Data) -> list[Problem]:
    """Each year must resolve to a catalogue; a year answered by a stand-in list gets one message saying which."""
    problems = []
    for year, choice in choices(data.config.frameworks, data.frameworks).items():
        where = ("frameworks", str(year))
        if choice.provisional:
            problems.append(problem_at(
                data, "site", "site", where, "provisional_framework",
                f"{provisional_label_th(choice, data.frameworks)} (ใช้ {choice.framework_id}) เมื่อมีไฟล์รายการของปี "
                f"{year} ระบบจะใช้รายการนั้นเองโดยไม่ต้องแก้ไฟล์นี้",
                f"no {choice.named} list for {year} yet: {choice.framework_id} stands in, and the pages of {year} say "
                f"so; a catalogue listing {year} replaces it with no change here", "note"))
        elif choice.framework_id is None and not data.exists("frameworks", choice.named):
            hint_th, hint_en = allowed_hint(choice.named, sorted(data.frameworks))
            families = ", ".join(sorted({f.family for f in data.frameworks.values()}))
            problems.append(problem_at(data, "site", "site", where, "unknown_framework",
                                       f"ไม่พบกรอบการประเมิน '{choice.named}' {hint_th} "
                                       f"หรือชื่อตระกูล ({families}) เมื่อยังไม่ประกาศรายการของปี",
                                       f"no framework '{choice.named}'; {hint_en}, or a family "
                                       f"({families}) while the year's list is not published"))
    return problems
