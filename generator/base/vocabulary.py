"""Value sets with their Thai and English labels.

Data files store short English keys (`annual_plan`, `acting`); pages show the Thai label. Keeping the
labels in one table means a page never invents its own wording, and the JSON Schema can list the
allowed values with their Thai meaning for editor autocompletion.
"""

from __future__ import annotations

OFFICE_TYPES: dict[str, tuple[str, str]] = {
    "esa_primary": ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษา", "Primary Educational Service Area Office"),
    "esa_secondary": ("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา", "Secondary Educational Service Area Office"),
    "school": ("สถานศึกษา", "School"),
    "vocational_college": ("สถานศึกษาอาชีวศึกษา", "Vocational college"),
    "ministry": ("กระทรวง", "Ministry"),
    "department": ("กรม", "Department"),
    "provincial_office": ("ส่วนราชการระดับจังหวัด", "Provincial office"),
    "local_government": ("องค์กรปกครองส่วนท้องถิ่น", "Local government"),
    "public_organisation": ("องค์การมหาชน", "Public organisation"),
    "university": ("มหาวิทยาลัย", "University"),
    "other": ("หน่วยงานภาครัฐ", "Public agency"),
}

DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "strategic_plan": ("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "Strategic or development plan"),
    "annual_plan": ("แผนปฏิบัติการประจำปี", "Annual operating plan"),
    "progress_report": ("รายงานการกำกับติดตามการดำเนินงาน", "Progress monitoring report"),
    "annual_report": ("รายงานผลการดำเนินงานประจำปี", "Annual report"),
    "budget_plan": ("แผนการใช้จ่ายงบประมาณ", "Budget spending plan"),
    "budget_report": ("รายงานผลการใช้จ่ายงบประมาณ", "Budget spending report"),
    "procurement_plan": ("แผนการจัดซื้อจัดจ้าง", "Procurement plan"),
    "procurement_notice": ("ประกาศจัดซื้อจัดจ้าง", "Procurement notice"),
    "procurement_summary": ("สรุปผลการจัดซื้อจัดจ้างรายเดือน", "Monthly procurement summary"),
    "procurement_report": ("รายงานผลการจัดซื้อจัดจ้างประจำปี", "Annual procurement report"),
    "hr_policy": ("นโยบายการบริหารทรัพยากรบุคคล", "HR policy"),
    "hr_progress": ("การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "HR policy implementation"),
    "hr_criteria": ("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "HR criteria"),
    "hr_report": ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "HR report"),
    "work_manual": ("คู่มือการปฏิบัติงาน", "Work manual"),
    "service_manual": ("คู่มือการให้บริการ", "Service manual"),
    "service_statistics": ("ข้อมูลเชิงสถิติการให้บริการ", "Service statistics"),
    "satisfaction_survey": ("รายงานผลการสำรวจความพึงพอใจ", "Satisfaction survey"),
    "complaint_guideline": ("แนวปฏิบัติการจัดการเรื่องร้องเรียน", "Complaint handling guideline"),
    "announcement": ("ประกาศ", "Announcement"),
    "policy": ("นโยบาย", "Policy"),
    "order": ("คำสั่ง", "Order"),
    "declaration": ("ประกาศเจตนารมณ์", "Declaration"),
    "risk_assessment": ("การประเมินความเสี่ยงการทุจริต", "Corruption risk assessment"),
    "anticorruption_plan": ("แผนปฏิบัติการป้องกันการทุจริต", "Anti-corruption plan"),
    "monitoring_report": ("รายงานการกำกับติดตามการป้องกันการทุจริต", "Anti-corruption monitoring report"),
    "measures": ("มาตรการส่งเสริมคุณธรรมและความโปร่งใส", "Integrity measures"),
    "ita_result": ("ผลการประเมิน ITA", "ITA result"),
    "minutes": ("รายงานการประชุม", "Minutes"),
    "newsletter": ("จดหมายข่าว", "Newsletter"),
    "other": ("เอกสารอื่น ๆ", "Other"),
}

SIGNING_CAPACITIES: dict[str, tuple[str, str]] = {
    "self": ("", "in person"),
    "acting": ("รักษาราชการแทน", "acting for"),
    "on_behalf": ("ปฏิบัติราชการแทน", "on behalf of"),
    "assigned": ("ปฏิบัติหน้าที่", "performing the duties of"),
}

EXECUTIVE_ROLES: dict[str, tuple[str, str]] = {
    "director": ("ผู้อำนวยการ", "Director"),
    "deputy": ("รองผู้อำนวยการ", "Deputy director"),
    "assistant": ("ผู้ช่วยผู้อำนวยการ", "Assistant director"),
}

UNIT_KINDS: dict[str, tuple[str, str]] = {
    "group": ("กลุ่ม", "Group"),
    "unit": ("หน่วย", "Unit"),
}

LAW_KINDS: dict[str, tuple[str, str]] = {
    "act": ("พระราชบัญญัติ", "Act"),
    "royal_decree": ("พระราชกฤษฎีกา", "Royal decree"),
    "ministerial_regulation": ("กฎกระทรวง", "Ministerial regulation"),
    "regulation": ("ระเบียบ", "Regulation"),
    "announcement": ("ประกาศ", "Announcement"),
    "order": ("คำสั่ง", "Order"),
    "other": ("อื่น ๆ", "Other"),
}

SOCIAL_KINDS: dict[str, tuple[str, str]] = {
    "facebook": ("Facebook", "Facebook"),
    "line": ("LINE", "LINE"),
    "youtube": ("YouTube", "YouTube"),
    "x": ("X", "X"),
    "tiktok": ("TikTok", "TikTok"),
    "instagram": ("Instagram", "Instagram"),
    "website": ("เว็บไซต์", "Website"),
    "other": ("อื่น ๆ", "Other"),
}

DOCUMENT_STATUSES: dict[str, tuple[str, str]] = {
    "published": ("เผยแพร่", "published"),
    "draft": ("ฉบับร่าง (ไม่เผยแพร่)", "draft (not published)"),
}

# สภาพการดำเนินงาน: the three boxes of every Thai progress report (plans, measures, risk controls), and
# what real reports also write: a task scheduled for a later quarter or month, a cancelled one, and one
# the report says nothing of. "not_reported" is its own state: never counted as not started, never as 0 baht.
IMPLEMENTATION_STATUSES: dict[str, tuple[str, str]] = {
    "done": ("ดำเนินการแล้ว", "done"),
    "in_progress": ("อยู่ระหว่างดำเนินการ", "in progress"),
    "not_started": ("ยังไม่ดำเนินการ", "not started"),
    "scheduled": ("อยู่ในกำหนดการช่วงถัดไป", "scheduled for a later quarter or month"),
    "cancelled": ("ยกเลิก", "cancelled"),
    "not_reported": ("ไม่ได้รายงาน", "not reported"),
}
# How reports also write them.
IMPLEMENTATION_ALIASES = {"ดำเนินการแล้วเสร็จ": "done", "แล้วเสร็จ": "done", "กำลังดำเนินการ": "in_progress",
                          "ยังไม่ถึงกำหนด": "scheduled", "ตามกำหนดการ": "scheduled", "ยกเลิกโครงการ": "cancelled",
                          "ไม่รายงาน": "not_reported", "ไม่มีรายงาน": "not_reported"}


def label_th(table: dict[str, tuple[str, str]], key: str) -> str:
    """The Thai label of `key` in `table`."""
    return table[key][0]
