"""Make the example office's originals: one small PDF per document record, and executive silhouettes.

The example office in data/ is fictional, so it has no real files to link to, yet its document
records point at content/files/ and the site and its tests need those files. Nothing is downloaded
or copied: each PDF is drawn from its own record (title, number, date, summary, signer) in a plain
formal Thai layout, in the Sarabun font of the `fontpkg-sarabun` package, with a footer saying it is
not a real official document. The output is byte-reproducible (fixed creation dates, no randomness).
With uharfbuzz installed Thai is shaped; without it, tone marks over upper vowels ("ที่") collide.

Run from the repository root:  .venv/bin/python scripts/make_example_files.py
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import importlib.util
import re
import sys
from pathlib import Path

import yaml
from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
DATA, CONTENT = ROOT / "example" / "data", ROOT / "example" / "content"
FONTS = importlib.resources.files("fontpkg_sarabun") / "files"
SHAPING = importlib.util.find_spec("uharfbuzz") is not None
ICT = dt.timezone(dt.timedelta(hours=7))  # the offices' own clock, for the fixed creation dates

MONTHS = ("มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน "
          "กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม").split()
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
FOOTER = "เอกสารตัวอย่างของสำนักงานสมมติ — ไม่ใช่เอกสารราชการจริง"
CAPACITY = {"acting": "รักษาราชการแทน", "on_behalf": "ปฏิบัติราชการแทน"}
ANNOUNCED = {"announcement", "policy", "declaration", "measures", "hr_policy",
             "procurement_plan", "procurement_notice"}  # kinds issued as a ประกาศ
CLOSING = {"announced": "จึงประกาศให้ทราบ และถือปฏิบัติโดยทั่วกัน",
           "order": "ทั้งนี้ ตั้งแต่บัดนี้เป็นต้นไป"}
DATING = {"announced": "ประกาศ ณ วันที่", "order": "สั่ง ณ วันที่"}
COLOURS = ("#dbe7f3", "#e3efe1", "#f3e9dc", "#ece3f1", "#eeeeee")
NBSP = "\u00a0"

# Thai has no spaces between words, and fpdf2 wraps only at spaces (else between any two characters,
# splitting words; with shaping on it also ignores U+200B). So we wrap lines ourselves, at spaces and
# after these common words: a small word list for this data, not a general Thai segmenter.
BREAK_AFTER = re.compile("(" + "|".join(sorted(set("""
    สำนักงาน เขตพื้นที่การศึกษา ประถมศึกษา ตัวอย่าง ผู้อำนวยการ คณะกรรมการ การศึกษาขั้นพื้นฐาน ขับเคลื่อน
    การประเมิน คุณธรรม ความโปร่งใส การดำเนินงาน การดำเนินการ หน่วยงาน ภาครัฐ ประจำปีงบประมาณ งบประมาณ
    แผนปฏิบัติการ ป้องกัน การทุจริต ประพฤติมิชอบ การจัดซื้อจัดจ้าง ทรัพยากรบุคคล การบริหาร กำกับติดตาม
    รายงาน มาตรการ ส่งเสริม ภายใน ของขวัญ ของกำนัล ทุกชนิด ปฏิบัติหน้าที่ วิเคราะห์ ความเสี่ยง โครงการ
    กิจกรรม นโยบาย ข้อเสนอแนะ ปัญหาอุปสรรค เผยแพร่ ข้อมูล สาธารณะ เว็บไซต์ ความก้าวหน้า ที่ประชุม รับทราบ
    บุคลากร ผู้บริหาร จัดสรร พระราชบัญญัติ ราชการ พิจารณา ประกาศ คำสั่ง เอกสารฉบับนี้ จัดทำขึ้น เพื่อ
    ตามหลักการ ผู้มีส่วนได้ส่วนเสีย สามารถ ติดตาม ตรวจสอบ มีส่วนร่วม รายละเอียด เพิ่มเติม ได้ที่ เป็นประธาน
    ไปรษณีย์อิเล็กทรอนิกส์ แต่งตั้ง คณะทำงาน ทบทวน ค่าเป้าหมาย สอดคล้อง แนวทาง จำแนก ประเภทรายจ่าย
    """.split()), key=len, reverse=True)) + ")")


def _month(value: object) -> tuple[int, int] | None:
    """(year, month) of a date printed as a month only, "มกราคม 2569"; None for any other value."""
    words = str(value).split()
    if len(words) == 2 and words[0] in MONTHS and words[1].isdigit():
        return int(words[1]) - 543, MONTHS.index(words[0]) + 1
    return None


def _date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if month := _month(value):
        return dt.date(*month, 1)  # the PDF's creation date needs a day: the month's first
    return dt.date.fromisoformat(str(value))


def thai_date(value: dt.date | str) -> str:
    """`2023-10-15` -> `๑๕ ตุลาคม ๒๕๖๖`: Buddhist Era, Thai digits, as dates are printed in letters.
    A month only stays a month (`มกราคม 2569` -> `มกราคม ๒๕๖๙`)."""
    if _month(value):
        return str(value).translate(THAI_DIGITS)
    d = _date(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year + 543}".translate(THAI_DIGITS)


def period_sentence(period: str | None) -> str | None:
    """One Thai sentence naming the period a document covers ("2567-H1", "2024-10", "2566-2570")."""
    if not period:
        return None
    start, _, end = period.partition("-")
    data = "ข้อมูลในเอกสารฉบับนี้เป็นข้อมูล"
    if end == "H1":
        return f"{data}รอบ 6 เดือน ตั้งแต่วันที่ 1 ตุลาคม {int(start) - 1} ถึงวันที่ 31 มีนาคม {start}"
    if len(end) == 2 and end.isdigit():  # a C.E. month
        return f"{data}ประจำเดือน{MONTHS[int(end) - 1]} {int(start) + 543}"
    if len(end) == 4:
        return f"เอกสารฉบับนี้มีระยะเวลาตั้งแต่ปีงบประมาณ พ.ศ. {start} ถึงปีงบประมาณ พ.ศ. {end}"
    return f"{data}ช่วง {period}"  # quarters and other periods: not used by the example data yet


def inside_content(relative: str) -> Path:
    """Resolve a path from the data against content/, refusing anything that would land outside it."""
    target = (CONTENT / relative).resolve()
    if not target.is_relative_to(CONTENT.resolve()):
        raise SystemExit(f"refusing to write outside content/: {relative}")
    return target


def _pieces(text: str) -> list[str]:
    """Split text into unbreakable pieces, each ending after a space or a BREAK_AFTER word."""
    text = " ".join(text.split())  # keep "พ.ศ. 2568", "เขต 1" and "0 4499 9000 ต่อ 110" whole:
    text = re.sub(r"(พ\.ศ\.|เขต|ที่|ต่อ|[0-9]) (?=[0-9๐-๙])", "\\1" + NBSP, text)
    marked = BREAK_AFTER.sub(lambda m: m.group(1) + "\0", text).replace(" ", " \0")
    return [piece for piece in marked.split("\0") if piece]


def write_text(pdf: FPDF, text: str, *, h: float, align: str = "L", indent: float = 0,
               x: float | None = None) -> None:
    """Write a paragraph from x to the right margin, wrapped greedily; `indent` moves the first line."""
    x = pdf.l_margin if x is None else x
    width = pdf.w - pdf.r_margin - x
    lines, line = [], ""
    for piece in _pieces(text):
        if line and pdf.get_string_width((line + piece).rstrip()) > width - (0 if lines else indent):
            lines.append(line.rstrip())
            line = piece
        else:
            line += piece
    for i, line in enumerate(lines + [line.rstrip()]):
        pdf.set_x(x + (0 if i else indent))
        pdf.cell(width - (0 if i else indent), h, line, align=align, new_x="LMARGIN", new_y="NEXT")


class _Sheet(FPDF):
    """An A4 sheet in Sarabun with the disclaimer footer and a page number on every page."""

    def __init__(self, doc: dict, office: dict) -> None:
        super().__init__(format="A4", unit="mm")
        self.set_margins(25, 20, 20)
        self.set_auto_page_break(True, margin=22)
        self.add_font("Sarabun", "", str(FONTS / "Sarabun-Regular.ttf"))
        self.add_font("Sarabun", "B", str(FONTS / "Sarabun-Bold.ttf"))
        self.set_text_shaping(SHAPING)
        d = _date(doc["date"])
        self.set_creation_date(dt.datetime(d.year, d.month, d.day, 9, 0, tzinfo=ICT))
        self.set_title(doc["title_th"])
        self.set_author(office["name_th"])
        self.set_subject(FOOTER)
        self.set_lang("th")

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Sarabun", size=9)
        self.set_text_color(110)
        self.cell(0, 5, FOOTER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.cell(0, 4, f"หน้า {self.page_no()}".translate(THAI_DIGITS), align="C")
        self.set_text_color(0)


def _form(doc: dict) -> str | None:
    return "announced" if doc["kind"] in ANNOUNCED else "order" if doc["kind"] == "order" else None


def _paragraphs(doc: dict, unit: dict) -> list[str]:
    paragraphs = [
        doc.get("summary_th") or (doc.get("withdrawn") or {}).get("reason_th"),
        period_sentence(doc.get("period")),
        "เอกสารฉบับนี้จัดทำขึ้นเพื่อเผยแพร่ต่อสาธารณะตามหลักการเปิดเผยข้อมูลข่าวสารของราชการ "
        "และเพื่อให้ผู้มีส่วนได้ส่วนเสียสามารถติดตาม ตรวจสอบ และมีส่วนร่วมในการดำเนินงานของสำนักงาน",
        f"ผู้สนใจสามารถสอบถามรายละเอียดเพิ่มเติมได้ที่ {unit['name_th']} "
        f"โทรศัพท์ {unit['phone']} หรือไปรษณีย์อิเล็กทรอนิกส์ {unit['email']}",
        CLOSING.get(_form(doc)),
    ]
    return [p for p in paragraphs if p]


def _signature_lines(doc: dict, office: dict, unit: dict) -> list[str]:
    lines = [f"{DATING[_form(doc)]} {thai_date(doc['date'])}", ""] if _form(doc) else []
    signer = doc.get("signer")
    if signer:
        lines += ["(ลงชื่อ) " + "." * 40, f"({signer['name_th']})", signer["position_th"]]
        if signer.get("capacity") in CAPACITY:
            lines += [CAPACITY[signer["capacity"]], f"ผู้อำนวยการ{office['name_th']}"]
        elif signer.get("capacity") == "assigned":
            lines.append(f"ปฏิบัติหน้าที่ผู้อำนวยการ{unit['name_th']}")
    elif doc.get("status") == "draft":
        lines.append("(ร่าง — อยู่ระหว่างเสนอลงนาม)")
    else:
        lines += ["ผู้จัดทำ", unit["name_th"]]
    return lines


def write_pdf(doc: dict, office: dict, units: dict) -> Path:
    """Draw one document's original and write it to content/<doc['file']>."""
    target, unit = inside_content(doc["file"]), units[doc["owner"]]
    pdf = _Sheet(doc, office)
    pdf.add_page()
    if doc.get("status") == "draft":
        pdf.set_font("Sarabun", "B", 14)
        pdf.set_text_color(170, 0, 0)
        pdf.cell(0, 7, "ฉบับร่าง — ไม่เผยแพร่", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    pdf.set_font("Sarabun", "B", 13)
    write_text(pdf, office["name_th"], h=7, align="C")
    pdf.set_font("Sarabun", size=11)
    address = office["address_th"].splitlines()[0]
    write_text(pdf, f"{address} โทรศัพท์ {office['phones'][0]['number']}", h=6, align="C")
    pdf.ln(4)
    pdf.set_font("Sarabun", size=12)
    number = doc.get("number_th") or ""
    if number and not number.startswith(("ที่", "เอกสาร")):
        number = f"ที่ {number}"
    pdf.cell(pdf.epw / 2, 7, number)
    pdf.cell(pdf.epw / 2, 7, f"วันที่ {thai_date(doc['date'])}", align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Sarabun", "B", 14)
    head, sep, subject = doc["title_th"].partition(" เรื่อง ")  # "เรื่อง …" starts its own line
    write_text(pdf, head, h=8, align="C")
    if sep:
        write_text(pdf, f"เรื่อง {subject}", h=8, align="C")
    if doc.get("changes"):
        pdf.set_font("Sarabun", size=11)
        latest = max(_date(change["date"]) for change in doc["changes"])
        write_text(pdf, f"(ฉบับปรับปรุง ณ วันที่ {thai_date(latest)})", h=6, align="C")
    pdf.ln(2)
    pdf.line(pdf.l_margin + 40, pdf.get_y(), pdf.w - pdf.r_margin - 40, pdf.get_y())
    pdf.ln(5)
    pdf.set_font("Sarabun", size=12)
    for paragraph in _paragraphs(doc, unit):
        write_text(pdf, paragraph, h=7, indent=12)  # first-line indent, as in Thai official letters
        pdf.ln(2)
    pdf.ln(6)
    for line in _signature_lines(doc, office, unit):
        write_text(pdf, line, h=6.5, align="C", x=80)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(bytes(pdf.output()))
    return target


def write_silhouette(person: dict, colour: str) -> Path:
    """A neutral placeholder portrait (grey head and shoulders) for one executive."""
    target = inside_content(person["photo"])
    label = "ภาพสัญลักษณ์ผู้บริหาร"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 150" width="120" height="150" '
        f'role="img" aria-label="{label}">\n<rect width="120" height="150" fill="{colour}"/>\n'
        '<circle cx="60" cy="56" r="26" fill="#9aa3ad"/>\n'
        '<path d="M14 150c0-34 20-54 46-54s46 20 46 54z" fill="#9aa3ad"/>\n</svg>\n', encoding="utf-8")
    return target


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _plain(markdown: str) -> str:
    """The text of a Markdown body as one paragraph: no emphasis marks, list items joined."""
    lines = [re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line) for line in markdown.splitlines()]
    return " ".join(line.replace("**", "") for line in lines if line.strip())


def originals() -> list[dict]:
    """Every record whose `file:` is an original to draw, as a document-like record.

    Documents are drawn as they are; a policy, a No Gift declaration or an anti-corruption plan
    gives its title, date, signer and the first paragraphs of its text.
    """
    records = [doc for path in sorted((DATA / "documents").glob("*.yml"))
               for doc in _read(path).get("documents") or []]
    for path in sorted((DATA / "policies").glob("*.yml")):
        for policy in _read(path).get("policies") or []:
            records.append({**policy, "summary_th": _plain(policy.get("body_md", "")), "owner": "admin",
                            "kind": "declaration" if policy["kind"] == "integrity_declaration" else "announcement"})
    for path in sorted((DATA / "nogift").glob("*.yml")):
        declaration = _read(path).get("declaration") or {}
        if declaration.get("file"):
            records.append({**declaration, "summary_th": _plain(declaration.get("text_md", "")),
                            "owner": "admin", "kind": "declaration"})
    for path in sorted((DATA / "anticorruption").glob("*.yml")):
        plan = _read(path)
        if plan.get("file"):
            records.append({"title_th": plan["title_th"], "date": plan["date"], "file": plan["file"],
                            "signer": plan.get("signer"), "owner": "promotion", "kind": "anticorruption_plan",
                            "summary_th": " ".join(plan.get("objectives_th") or [])})
    return records


def main() -> None:
    if not SHAPING:
        print("uharfbuzz is not installed: Thai is written without shaping (stacked marks may collide)",
              file=sys.stderr)
    office = _read(DATA / "office.yml")
    units = {unit["id"]: unit for unit in _read(DATA / "units.yml")["units"]}
    written = [write_pdf(doc, office, units) for doc in originals() if doc.get("file")]
    for i, person in enumerate(_read(DATA / "executives.yml")["executives"]):
        if person.get("photo"):
            written.append(write_silhouette(person, COLOURS[i % len(COLOURS)]))
    total = sum(path.stat().st_size for path in written)
    print(f"wrote {len(written)} files ({total / 1024:.0f} KiB) under {CONTENT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
