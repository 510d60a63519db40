"""The spending plan and its disbursement: data/budget/<fiscal year>.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.budget import pages
from generator.families.budget.checks import check_budget
from generator.families.budget.model import BudgetYear

SCAFFOLD = Scaffold("budget", "data/budget/{year}.yml", "แผนการใช้จ่ายงบประมาณและผลการเบิกจ่าย", "/budget/{year}/",
                    "ลบ # หน้าบรรทัดตัวอย่างแล้วใส่รายการและวงเงินตามแผนจริง", "uncomment the example and enter the real plan",
                    "budget", todo_th="แผนการใช้จ่ายงบประมาณ และยอดเบิกจ่ายรอบ 6 เดือนและทั้งปี")

FAMILY = Family("budget", builders=(pages.build,), data="budget", folder="budget", model=BudgetYear,
                checks=(check_budget,),
                scaffolds=(SCAFFOLD,))
