"""ITA results as announced: data/ita/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.ita import pages
from generator.families.ita.checks import check_ita
from generator.families.ita.model import ItaYear, public

SCAFFOLD = Scaffold("ita", "data/ita/{year}.yml", "ผลการประเมินคุณธรรมและความโปร่งใส (ITA)", "/ita/{year}/",
                    "ลบ # หน้าบรรทัดตัวอย่างแล้วใส่คะแนนตามที่ประกาศ", "uncomment the example and enter the published scores",
                    "ita", todo_th="ผลการประเมิน ITA ของปี เมื่อประกาศผล")

FAMILY = Family("ita", builders=(pages.build,), data="ita", folder="ita", model=ItaYear, public=public,
                checks=(check_ita,),
                scaffolds=(SCAFFOLD,))
