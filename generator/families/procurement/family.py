"""Monthly procurement summaries: data/procurement/<fiscal year>/<MM>.csv|.xlsx|.yml."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.procurement import pages
from generator.families.procurement.checks import check_procurement
from generator.families.procurement.model import public, ProcurementMonth

SCAFFOLD = Scaffold("procurement", "data/procurement/{year}/{month:02d}.csv", "", "/procurement/{year}/{month:02d}/",
                    "เพิ่มหนึ่งแถวต่อหนึ่งรายการ ไฟล์ที่มีแต่หัวตาราง = เดือนนี้ไม่มีการจัดซื้อจัดจ้าง",
                    "add one row per purchase; a header-only file states that the month had none",
                    todo_th="สรุปผลการจัดซื้อจัดจ้างทุกเดือน ตุลาคม {prev} – กันยายน {year}", usage="--month 10")

FAMILY = Family("procurement", builders=(pages.build,), data="procurement", public=public,
                schemas=(("procurement-month", ProcurementMonth),), checks=(check_procurement,),
                scaffolds=(SCAFFOLD,))
