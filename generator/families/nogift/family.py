"""No Gift Policy: data/nogift/<fiscal year>.yml (declaration, activities, register)."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.nogift import pages
from generator.families.nogift.checks import check_nogift
from generator.families.nogift.model import public, ACTIONS, GIVER_KINDS, NoGiftYear

SCAFFOLD = Scaffold("nogift", "data/nogift/{year}.yml", "No Gift Policy: ประกาศเจตนารมณ์ กิจกรรม และทะเบียนการรับของขวัญ",
                    "/nogift/{year}/", "เมื่อผู้บริหารลงนามประกาศแล้ว ลบ # หน้าบรรทัด declaration และแก้ข้อความให้ตรงกับฉบับจริง",
                    "once the declaration is signed, uncomment it and match the signed text", "nogift",
                    todo_th="ประกาศเจตนารมณ์ No Gift Policy ที่ลงนามแล้ว กิจกรรม และเดือนที่ตรวจทะเบียนแล้ว", new_year=True)

FAMILY = Family("nogift", builders=(pages.build,), data="nogift", folder="nogift", model=NoGiftYear, public=public,
                checks=(check_nogift,),
                labels=(("gift_action_label", ACTIONS), ("giver_label", GIVER_KINDS)),
                scaffolds=(SCAFFOLD,))
