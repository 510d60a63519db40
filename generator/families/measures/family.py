"""Integrity measures and their report: data/measures/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.measures import pages
from generator.families.measures.checks import check_measures
from generator.families.measures.model import MeasuresYear, public

SCAFFOLD = Scaffold("measures", "data/measures/{year}.yml", "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                    "/measures/{year}/", "ลบ # หน้าบรรทัดตัวอย่างแล้วใส่มาตรการตามประกาศจริง",
                    "uncomment the example and enter the announced measures", "measures",
                    todo_th="มาตรการส่งเสริมคุณธรรมและความโปร่งใส (ตอบผล ITA ปี {prev}) และรายงานผล")

FAMILY = Family("measures", builders=(pages.build,), data="measures", folder="measures", model=MeasuresYear,
                public=public,
                scaffolds=(SCAFFOLD,),
                checks=(check_measures,))
