"""The corruption-risk assessment and its follow-up: data/risks/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.risks import pages
from generator.families.risks.checks import check_risks
from generator.families.risks.model import public, RiskYear

SCAFFOLD = Scaffold("risks", "data/risks/{year}.yml", "การประเมินความเสี่ยงการทุจริตและการติดตามผล", "/risks/{year}/",
                    "ลบ # หน้าบรรทัดตัวอย่างแล้วใส่ความเสี่ยงและมาตรการตามผลการประเมินจริง",
                    "uncomment the example and enter the assessed risks", "risks",
                    todo_th="การประเมินความเสี่ยงการทุจริต และรายงานติดตามผลรอบ 6 เดือน")

FAMILY = Family("risks", builders=(pages.build,), data="risks", folder="risks", model=RiskYear, public=public,
                checks=(check_risks,),
                scaffolds=(SCAFFOLD,))
