"""Personal data that must never reach a public page: national IDs, phone numbers, e-mail addresses.

Complaint registers are kept by civil servants in spreadsheets that started life with the
complainant's name and telephone in them. The generator refuses such a value (or a column that is
meant to hold one) before anything is published, naming the file and line, because a page once
online cannot be taken back. The patterns follow the research notes (domain.md §6): a 13-digit
national ID only counts when its check digit is valid, so case numbers and dates are not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from generator.base.calendar import to_arabic_digits
from generator.base.contacts import emails_in, is_role_mailbox, mask_email
from generator.base.problems import Problem
from generator.base.sources import Path_, SourceFile

if TYPE_CHECKING:
    from generator.engine.data import Data, Project

Kind = Literal["national_id", "phone", "email", "column"]

# 13 digits, optionally grouped the way ID cards print them (1-2345-67890-12-3), with - . or spaces.
_NATIONAL_ID = re.compile(r"(?<![\d])(\d(?:[\s.-]?\d){12})(?![\d])")
# Thai numbers: mobiles 06/08/09 + 8 digits, land lines 02–07 + 7 digits, also written +66 without the 0.
_PHONE = re.compile(r"(?<![\d])(?:\+66[\s-]?|0)(?:[689](?:[\s-]?\d){8}|[2-7](?:[\s-]?\d){7})(?![\d])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# Column or key names that exist to hold a person's identity or contact, in the spellings seen in
# Thai spreadsheets. Compared after removing spaces, dashes, dots and underscores, lower-cased.
_PERSONAL_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "firstname", "lastname", "surname", "complainant", "complainantname",
             "reporter", "informant", "ชื่อ", "ชื่อสกุล", "ชื่อนามสกุล", "นามสกุล", "ชื่อผู้ร้อง", "ผู้ร้อง",
             "ผู้ร้องเรียน", "ชื่อผู้ร้องเรียน", "ผู้แจ้ง", "ชื่อผู้แจ้ง", "ผู้ถูกร้อง", "ผู้ถูกร้องเรียน",
             "ชื่อผู้ถูกร้องเรียน", "ผู้กล่าวหา", "ผู้ถูกกล่าวหา"),
    "phone": ("phone", "tel", "telephone", "mobile", "mobilephone", "phonenumber", "โทร", "โทรศัพท์",
              "เบอร์", "เบอร์โทร", "เบอร์โทรศัพท์", "หมายเลขโทรศัพท์", "มือถือ", "เบอร์มือถือ"),
    "email": ("email", "mail", "emailaddress", "อีเมล", "อีเมล์", "อีเมลล์", "ไปรษณีย์อิเล็กทรอนิกส์"),
    "national_id": ("idcard", "idno", "citizenid", "nationalid", "pid", "เลขบัตร", "บัตรประชาชน",
                    "เลขบัตรประชาชน", "เลขประจำตัวประชาชน", "เลขประจําตัวประชาชน"),
    "address": ("address", "homeaddress", "ที่อยู่", "ที่อยู่ผู้ร้อง", "ที่อยู่ผู้ร้องเรียน", "บ้านเลขที่"),
    "account": ("line", "lineid", "ไลน์", "ไอดีไลน์", "facebook", "เฟซบุ๊ก", "เฟสบุ๊ค", "bankaccount",
                "เลขบัญชี", "บัญชีธนาคาร"),
}
_COLUMN_KIND = {alias: kind for kind, aliases in _PERSONAL_COLUMNS.items() for alias in aliases}

_LABELS: dict[str, tuple[str, str]] = {
    "national_id": ("เลขประจำตัวประชาชน", "a national ID number"),
    "phone": ("หมายเลขโทรศัพท์", "a phone number"),
    "email": ("อีเมล", "an e-mail address"),
    "name": ("ชื่อบุคคล", "a person's name"),
    "address": ("ที่อยู่", "an address"),
    "account": ("บัญชีหรือไอดีออนไลน์", "an account or online ID"),
}


@dataclass(frozen=True)
class Finding:
    """One piece of personal data found in a text: what kind, and the text as written."""

    kind: Kind
    text: str


def thai_id_is_valid(number: str) -> bool:
    """The check digit rule of the Thai national ID: (11 − Σ dᵢ·(13 − i) mod 11) mod 10."""
    digits = [int(d) for d in to_arabic_digits(number) if d.isdigit()]
    if len(digits) != 13:
        return False
    total = sum(d * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == digits[12]


def find_personal_data(text: str) -> list[Finding]:
    """National IDs (with a valid check digit), Thai phone numbers and e-mail addresses in `text`."""
    clean = to_arabic_digits(str(text))
    found = [Finding("national_id", m.group(1)) for m in _NATIONAL_ID.finditer(clean) if thai_id_is_valid(m.group(1))]
    found += [Finding("phone", m.group(0)) for m in _PHONE.finditer(clean)
              if not any(m.group(0) in f.text for f in found)]
    found += [Finding("email", m.group(0)) for m in _EMAIL.finditer(clean)]
    return found


def personal_column(name: str) -> str | None:
    """The kind of personal data a column or key named `name` is meant to hold, if any."""
    key = re.sub(r"[\s._\-/()]+", "", str(name).strip().lower())
    return _COLUMN_KIND.get(key)


def column_message(name: str, kind: str) -> tuple[str, str]:
    """Thai and English text for a column that would publish personal data."""
    th, en = _LABELS[kind]
    return (f"คอลัมน์ '{name}' เป็นข้อมูลส่วนบุคคล ({th}) ห้ามเผยแพร่ ให้ลบคอลัมน์นี้ออกจากไฟล์ "
            f"(เก็บไว้ในทะเบียนภายในเท่านั้น)",
            f"column '{name}' holds personal data ({en}) and must not be published; delete the column "
            f"(keep it in the internal register only)")


def masked(text: str) -> str:
    """`081-xxx-xx78`, `so***@e***.go.th`: enough of a value to find it in the file, not to leak it again.

    Build logs of a public repository are public too, so a report must not repeat an ID in full.
    """
    if "@" in text:
        return mask_email(text)
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    hide = set(digits[3:-2])
    return "".join("x" if i in hide else c for i, c in enumerate(text))


def value_message(finding: Finding) -> tuple[str, str]:
    """Thai and English text for a value that is personal data."""
    th, en = _LABELS[finding.kind]
    shown = masked(finding.text)
    return (f"พบ{th} ({shown}) ซึ่งเป็นข้อมูลส่วนบุคคล ห้ามเผยแพร่ ให้ลบออก",
            f"found {en} ({shown}), which is personal data and must not be published; remove it")


def scan(source: SourceFile) -> list[Problem]:
    """Every personal-data key and value in a parsed file, as errors; such keys are removed from it.

    Removing the key keeps the model from reporting it a second time as an unknown field.
    """
    problems: list[Problem] = []
    named: set[str] = set()

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key in list(value):
                kind = personal_column(key)
                if kind is None:
                    walk(value[key], path + (key,))
                    continue
                del value[key]
                if key not in named:  # a column is reported once, not on every row
                    named.add(key)
                    where = path + (key,)
                    th, en = column_message(source.field_name(where).rsplit(".", 1)[-1], kind)
                    problems.append(Problem(source.name, source.key_line(where), source.field_name(where),
                                            "personal_data", th, en))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
        elif isinstance(value, str):
            for finding in find_personal_data(value):
                th, en = value_message(finding)
                problems.append(Problem(source.name, source.line_of(path), source.field_name(path),
                                        "personal_data", th, en))

    walk(source.value, ())
    return problems


# --- the whole site -------------------------------------------------------------------------

_MOBILE = re.compile(r"^0[689]\d{8}$")
# Nine digits in a row (separators allowed): the least a mobile number or an ID needs. Most strings
# of a large office (names, amounts, dates) fail this quick test and skip the full search.
_CANDIDATE = re.compile(r"[0-9๐-๙](?:[\s.-]?[0-9๐-๙]){8}")


def published_text(data: Data, project: Project) -> list[Problem]:
    """Warnings (errors under --strict) for personal data anywhere the site publishes text.

    Announcements and memos copied into data files carry the drafter's mobile number, e-mail
    address or a citizen's ID card number in their contact lines (domain.md §6). Every data file and
    every Markdown page is read, drafts included: the repository is usually public too. A national
    ID counts only with a valid check digit and a person's first digit (a company's tax number starts
    with 0 and is public); a phone number counts only if it is a mobile, and an e-mail address only
    if it is not a desk's mailbox (saraban@…), and either only if the office has not declared it as a
    contact. The complaint registers have their own, stricter rule (`scan`) and are left to it.
    """
    declared = _Declared(_declared_numbers(data), _declared_addresses(data))
    problems: list[Problem] = []
    seen: set[int] = set()
    for source, _ in data.origins.values():
        # Complaint registers have their own rule; a post's front matter is read with its page below.
        if (id(source) in seen or source.name.startswith(f"{project.display(project.data_dir)}/complaints/")
                or source.name.endswith(".md")):
            continue
        seen.add(id(source))
        problems += _walk_strings(source, declared)
    for name, text in data.pages.items():
        problems += _markdown_lines(name, text, declared)
    return problems


@dataclass(frozen=True)
class _Declared:
    """The office's own contacts, which may appear anywhere: phone numbers as digits, addresses lower-cased."""

    numbers: set[str]
    addresses: set[str]


def _declared_numbers(data: Data) -> set[str]:
    """Every phone number the office publishes on purpose: office, units, executives, complaint channels."""
    texts = []
    if data.office:
        texts += [p.number for p in data.office.phones] + [data.office.fax or ""]
    texts += [u.phone or "" for u in data.units] + [e.phone or "" for e in data.executives]
    if data.complaints:
        texts += [c.contact_th or "" for c in data.complaints.channels]
    return {_digits(m.group(0)) for text in texts for m in _PHONE.finditer(to_arabic_digits(text))}


def _declared_addresses(data: Data) -> set[str]:
    """Every e-mail address the office publishes on purpose, from the same places as its numbers."""
    addresses = [e.address for e in data.office.emails] if data.office else []
    addresses += [u.email or "" for u in data.units] + [e.email or "" for e in data.executives]
    if data.complaints:  # an e-mail channel, or an address written into another channel's contact
        addresses += [a for c in data.complaints.channels for a in emails_in(c.contact_th or "")]
    return {a.lower() for a in addresses if a}


def _digits(phone: str) -> str:
    """`+66 81 234 5678` and `081-234-5678` → `0812345678`."""
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if phone.lstrip().startswith("+66") else digits


def _findings(text: str, declared: _Declared) -> list[Finding]:
    """The personal data in one string or line; the cheap tests first, as most text has none."""
    found = []
    if _CANDIDATE.search(text):
        found = [f for f in find_personal_data(text) if f.kind != "email" and _personal(f, declared)]
    return found + [Finding("email", address) for address in emails_in(text)
                    if address.lower() not in declared.addresses and not is_role_mailbox(address)]


def _personal(finding: Finding, declared: _Declared) -> bool:
    if finding.kind == "national_id":
        return to_arabic_digits(finding.text).lstrip()[:1] != "0"
    number = _digits(finding.text)
    return bool(_MOBILE.match(number)) and number not in declared.numbers


def _warning(name: str, line: int, field: str, finding: Finding) -> Problem:
    shown = masked(finding.text)
    if finding.kind == "national_id":
        th = f"พบเลขประจำตัวประชาชน ({shown}) ซึ่งเป็นข้อมูลส่วนบุคคล ให้ลบออกหรือปกปิดก่อนเผยแพร่"
        en = f"found a national ID number ({shown}), which is personal data; remove or redact it before publishing"
    elif finding.kind == "email":
        th = (f"พบอีเมล ({shown}) ที่ไม่ใช่อีเมลที่สำนักงานประกาศไว้ อาจเป็นข้อมูลส่วนบุคคล ให้ลบออก "
              "หรือถ้าเป็นอีเมลราชการของสำนักงาน ให้เพิ่มไว้ใน data/office.yml (emails)")
        en = (f"found an e-mail address ({shown}) that is not one of the office's declared addresses and may be "
              "personal; remove it, or if it is an official address of the office, declare it in data/office.yml (emails)")
    else:
        th = (f"พบหมายเลขโทรศัพท์มือถือ ({shown}) ที่ไม่ใช่ช่องทางติดต่อที่สำนักงานประกาศไว้ อาจเป็นข้อมูลส่วนบุคคล "
              "ให้ลบออก หรือถ้าเป็นหมายเลขราชการ ให้เพิ่มไว้ใน data/office.yml (phones)")
        en = (f"found a mobile number ({shown}) that is not one of the office's declared contacts and may be personal; "
              "remove it, or if it is an official number, declare it in data/office.yml (phones)")
    return Problem(name, line, field, "personal_data", th, en, "warning")


def _walk_strings(source: SourceFile, declared: _Declared) -> list[Problem]:
    problems: list[Problem] = []

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
        elif isinstance(value, str):
            problems.extend(_warning(source.name, source.line_of(path), source.field_name(path), finding)
                            for finding in _findings(value, declared))

    walk(source.value, ())
    return problems


def _markdown_lines(name: str, text: str, declared: _Declared) -> list[Problem]:
    return [_warning(name, number, "", finding) for number, line in enumerate(text.splitlines(), 1)
            for finding in _findings(line, declared)]
