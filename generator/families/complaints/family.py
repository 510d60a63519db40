"""Complaint channels (data/complaints.yml) and yearly registers, published only as statistics."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.complaints import pages
from generator.families.complaints.checks import check_complaints
from generator.families.complaints.model import (CATEGORIES, CHANNEL_KINDS, ComplaintYear, ComplaintsFile,
                                                 EXTERNAL_ORGS, public)

SCAFFOLD = Scaffold("complaints", "data/complaints/{year}.csv", "", "/complaints/{year}/",
                    "ไฟล์ที่มีแต่หัวตาราง = ยังไม่มีเรื่องร้องเรียน เพิ่มหนึ่งแถวต่อหนึ่งเรื่อง (ห้ามใส่ชื่อผู้ร้อง)",
                    "a header-only register means no cases yet; add one row per case, never the complainant",
                    todo_th="ทะเบียนเรื่องร้องเรียน (หนึ่งแถวต่อหนึ่งเรื่อง ไม่ระบุตัวผู้ร้อง)", new_year=True)

FAMILY = Family("complaints", builders=(pages.build,), data="complaint_years", public=public,
                files=(("complaints.yml", ComplaintsFile),), schemas=(("complaint-register", ComplaintYear),),
                checks=(check_complaints,),
                labels=(("channel_label", CHANNEL_KINDS), ("category_label", CATEGORIES),
                        ("external_org_label", EXTERNAL_ORGS)),
                scaffolds=(SCAFFOLD,))
