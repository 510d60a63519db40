"""Office statistics tables: data/statistics/<fiscal year>.yml, a page per year with every table as printed."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.statistics import pages
from generator.families.statistics.checks import check_statistics
from generator.families.statistics.model import StatisticsYear, public

SCAFFOLD = Scaffold("statistics", "data/statistics/{year}.yml", "ข้อมูลสถิติของสำนักงาน (สถานศึกษา นักเรียน ครู ห้องเรียน)",
                    "/statistics/{year}/", "ลบ # หน้าบรรทัดตัวอย่างแล้วพิมพ์ตารางตามที่รายงานพิมพ์ไว้",
                    "uncomment the example and type the tables as the report prints them", "statistics",
                    todo_th="ตารางสถิติของสำนักงาน (สถานศึกษา นักเรียน ครู ห้องเรียน) ตามที่รายงานพิมพ์ไว้")

FAMILY = Family("statistics", builders=(pages.build,), data="statistics", folder="statistics", model=StatisticsYear,
                public=public, checks=(check_statistics,), scaffolds=(SCAFFOLD,))
