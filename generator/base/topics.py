"""The topic vocabulary: stable keys that tie evidence to OIT items (DESIGN idea 1).

NACC renumbers the OIT items almost every year. Documents and generated pages therefore declare
*topics*, never item numbers; each framework catalogue maps its items to topics. A key, once shipped,
is never renamed: an office's data files and every catalogue depend on it. Add new keys at the end
of their group.
"""

from __future__ import annotations

# key → (Thai, English)
TOPICS: dict[str, tuple[str, str]] = {
    # basic information (ข้อมูลพื้นฐาน)
    "org.structure": ("โครงสร้างหน่วยงาน", "organisation structure"),
    "org.executives": ("ข้อมูลผู้บริหาร", "executives"),
    "org.duties": ("อำนาจหน้าที่", "duties under the law"),
    "org.strategic_plan": ("แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", "strategic or development plan"),
    "org.contact": ("ข้อมูลการติดต่อ", "contact information"),
    "org.laws": ("กฎหมายที่เกี่ยวข้อง", "related laws"),
    "news.pr": ("ข่าวประชาสัมพันธ์", "news"),
    "interaction.qa": ("ช่องทางถาม-ตอบ (Q&A)", "questions and answers channel"),
    "interaction.social": ("สื่อสังคมออนไลน์ (Social Network)", "social network accounts"),
    "privacy.policy": ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "personal data protection policy"),
    "org.statistics": ("ข้อมูลสถิติของหน่วยงาน เช่น สถานศึกษา นักเรียน ครู ห้องเรียน",
                       "office statistics (schools, pupils, teachers, classrooms)"),
    # operations and services (การบริหารงาน)
    "ops.annual_plan": ("แผนดำเนินงานประจำปี", "annual operating plan"),
    "ops.progress_h1": ("รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน", "6-month progress report"),
    "ops.annual_report": ("รายงานผลการดำเนินงานประจำปี", "annual report"),
    "ops.work_manual": ("คู่มือหรือมาตรฐานการปฏิบัติงาน", "staff work manual"),
    "ops.sar": ("รายงานผลการประเมินตนเอง (SAR)", "self-assessment report"),
    "service.manual": ("คู่มือหรือมาตรฐานการให้บริการ", "service manual"),
    "service.statistics": ("ข้อมูลเชิงสถิติการให้บริการ", "service statistics"),
    "service.satisfaction": ("รายงานผลการสำรวจความพึงพอใจการให้บริการ", "satisfaction survey"),
    "service.eservice": ("E-Service", "online services"),
    # budget and procurement (การบริหารเงินงบประมาณ)
    "budget.plan": ("แผนการใช้จ่ายงบประมาณประจำปี", "annual budget plan"),
    "budget.progress_h1": ("รายงานการกำกับติดตามการใช้จ่ายงบประมาณ รอบ 6 เดือน", "6-month budget report"),
    "budget.annual_report": ("รายงานผลการใช้จ่ายงบประมาณประจำปี", "annual budget report"),
    "procurement.plan": ("แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ", "procurement plan"),
    "procurement.notices": ("ประกาศต่าง ๆ เกี่ยวกับการจัดซื้อจัดจ้าง", "procurement notices"),
    "procurement.monthly": ("สรุปผลการจัดซื้อจัดจ้างรายเดือน", "monthly procurement summary"),
    "procurement.annual_report": ("รายงานผลการจัดซื้อจัดจ้างประจำปี", "annual procurement report"),
    # human resources (การบริหารและพัฒนาทรัพยากรบุคคล)
    "hr.policy": ("นโยบายการบริหารทรัพยากรบุคคล", "HR policy"),
    "hr.policy_progress": ("การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล", "HR policy implementation"),
    "hr.criteria": ("หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล", "HR criteria"),
    "hr.annual_report": ("รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี", "annual HR report"),
    "hr.development": ("การพัฒนาทรัพยากรบุคคล", "staff development"),
    "ethics.code": ("ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", "code of ethics"),
    "ethics.assessment": ("การประเมินจริยธรรมเจ้าหน้าที่ของรัฐ", "ethics assessment"),
    # transparency (การส่งเสริมความโปร่งใส)
    "complaints.guideline": ("แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "complaint guideline"),
    "complaints.channel": ("ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "complaint channel"),
    "complaints.statistics": ("ข้อมูลเชิงสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "complaint statistics"),
    "feedback.channel": ("ช่องทางการรับฟังความคิดเห็น", "feedback channel"),
    "participation": ("การเปิดโอกาสให้เกิดการมีส่วนร่วม", "public participation"),
    # corruption prevention (การป้องกันการทุจริต)
    "integrity.declaration": ("เจตจำนงสุจริตของผู้บริหาร", "executive integrity declaration"),
    "integrity.exec_participation": ("การมีส่วนร่วมของผู้บริหาร", "executive participation"),
    "nogift.declaration": ("ประกาศเจตนารมณ์นโยบาย No Gift Policy", "No Gift declaration"),
    "nogift.culture": ("การสร้างวัฒนธรรม No Gift Policy", "No Gift culture activities"),
    "nogift.report": ("รายงานผลตามนโยบาย No Gift Policy", "No Gift report"),
    "risk.assessment": ("การประเมินความเสี่ยงการทุจริต", "corruption risk assessment"),
    "risk.actions": ("การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต", "risk management actions"),
    "culture.activities": ("การเสริมสร้างวัฒนธรรมองค์กร", "organisational culture activities"),
    "anticorruption.plan": ("แผนปฏิบัติการป้องกันการทุจริต", "anti-corruption plan"),
    "anticorruption.progress_h1": ("รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน",
                                   "6-month anti-corruption monitoring report"),
    "anticorruption.annual_report": ("รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "annual anti-corruption report"),
    "internal_control.assessment": ("การประเมินผลการควบคุมภายใน", "internal control assessment"),
    "measures.announcement": ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน", "integrity measures"),
    "measures.implementation": ("การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                                "integrity measures implementation"),
    "ita.improvement": ("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร", "using the ITA result to improve"),
}


def topic_label(key: str) -> str:
    """The Thai label of a topic key."""
    return TOPICS[key][0]
