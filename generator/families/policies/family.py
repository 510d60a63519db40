"""Policies and announcements: data/policies/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.policies import pages
from generator.families.policies.checks import check_policies
from generator.families.policies.model import public, POLICY_KINDS, PoliciesFile

SCAFFOLD = Scaffold("policies", "data/policies/{year}.yml", "ประกาศ นโยบาย เจตจำนงสุจริต คำสั่ง และมาตรการ",
                    "/policies/<id>/ และ /policies/{year}/", "พิมพ์เนื้อความและผู้ลงนามให้ตรงกับฉบับจริง แล้วลบบรรทัด status: draft",
                    "type the text and signer as signed, then delete the status: draft line", "policies", "policies",
                    "เจตจำนงสุจริตของผู้บริหาร และประกาศหรือนโยบายของปี", "--id integrity-declaration-{year}", new_year=True)

FAMILY = Family("policies", builders=(pages.build,), data="policies", folder="policies", model=PoliciesFile,
                one_per_year=False, public=public, checks=(check_policies,),
                labels=(("policy_kind_label", POLICY_KINDS),),
                scaffolds=(SCAFFOLD,))
