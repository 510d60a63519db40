"""Field types shared by the record models, each with a Thai-first error that says what to write.

A field type owns its own normalisation (Thai digits, B.E. years) so that every model that uses it
behaves the same way, and the JSON Schema shows one description per kind of value.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from generator.base import calendar
from generator.base.month_dates import parse_printed_date
from generator.base.messages import allowed_hint
from generator.base.problems import DataError
from generator.base.topics import TOPICS

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
# Anything a browser would start a tag or a comment with, closed or not: an unclosed `<script src=…`
# in a title would swallow the page's next `>` and load a script.
_TAG = re.compile(r"<\s*(?:[/?]?\s*[a-zA-Z]|!)")


def _date(value: Any) -> date:
    # A number, a list or a mapping is no date; refused here, since pydantic lets any error but
    # ValueError escape a validator as a traceback.
    if not isinstance(value, (str, date)):
        raise DataError("วันที่ต้องเขียนเป็น ปี-เดือน-วัน เช่น 2025-03-15 หรือ 15 มี.ค. 2568",
                        "a date must be written as year-month-day, e.g. 2025-03-15 or 15 มี.ค. 2568", "date")
    try:
        return calendar.parse_date(value)
    except calendar.ThaiDateError as exc:
        raise DataError(exc.th, exc.en, "date") from None


def _printed_date(value: Any) -> date:
    """A date to the day or to the month only, as the report prints it (generator/base/month_dates.py)."""
    if not isinstance(value, (str, date)):
        raise DataError("วันที่ต้องเขียนเป็น ปี-เดือน-วัน เช่น 2023-04-15 หรือเดือนและปี เช่น เมษายน 2566",
                        "a date must be written as year-month-day, e.g. 2023-04-15, or as a month, e.g. "
                        "เมษายน 2566", "date")
    try:
        return parse_printed_date(value)
    except calendar.ThaiDateError as exc:
        raise DataError(exc.th, exc.en, "date") from None


def _fiscal_year(value: Any) -> int:
    text = calendar.to_arabic_digits(str(value)).strip()
    if not text.isdigit():
        raise DataError(f"ปีงบประมาณต้องเป็นตัวเลข พ.ศ. 4 หลัก เช่น 2568 (ไม่ใช่ '{value}')",
                        f"a fiscal year is a 4-digit B.E. year such as 2568, not '{value}'", "fiscal_year")
    year = int(text)
    if 1900 <= year < 2400:
        raise DataError(f"ปี {year} เป็นปี ค.ศ. ให้เขียนเป็น พ.ศ. {year + 543}",
                        f"{year} is a C.E. year; write the B.E. year {year + 543}", "fiscal_year")
    if not 2400 <= year <= 2700:
        raise DataError(f"ปีงบประมาณ {year} ไม่สมเหตุสมผล ให้เขียนปี พ.ศ. เช่น 2568",
                        f"fiscal year {year} is not plausible; write a B.E. year such as 2568", "fiscal_year")
    return year


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise DataError(f"รหัส '{value}' ใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ เช่น annual-plan-2568",
                        f"id '{value}' may use only lower-case a-z, digits, - and _, e.g. annual-plan-2568", "slug")
    return value


def _topic(value: str) -> str:
    if value not in TOPICS:
        hint_th, hint_en = allowed_hint(value, TOPICS, "docs/topics.md")
        raise DataError(f"ไม่รู้จักหัวข้อ '{value}' {hint_th}", f"unknown topic '{value}'; {hint_en}", "topic")
    return value


# Invisible direction overrides (U+202A–U+202E, U+2066–U+2069) make text display other than it
# reads ("Trojan Source"); Thai never needs them. Zero-width spaces, used as Thai word breaks, stay.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _no_bidi(value: str) -> None:
    if _BIDI.search(value):
        raise DataError("ข้อความมีอักขระควบคุมทิศทางที่มองไม่เห็น ซึ่งทำให้ข้อความแสดงผลต่างจากที่เขียน "
                        "ให้พิมพ์ข้อความนี้ใหม่ (อย่าคัดลอกมา)",
                        "the text contains invisible direction-override characters that make it display "
                        "differently from what it says; type it again instead of pasting", "bidi")


def _plain_text(value: str) -> str:
    _no_bidi(value)
    if _TAG.search(value):
        raise DataError("ข้อความมีแท็ก HTML (<...>) ให้เขียนเป็นข้อความธรรมดา ระบบจะจัดรูปแบบให้เอง",
                        "the text contains an HTML tag (<...>); write plain text, the site formats it", "html")
    return value


_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(javascript|data|vbscript|file):", re.IGNORECASE)
_PATH_LINK = re.compile(r"\]\(\s*<?\s*[/\\]|^[ ]{0,3}\[[^\]\n]+\]:\s*<?[/\\]", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{\s*[:.#]|\{[^}]*\bon[a-z]+\s*=", re.IGNORECASE)


def _markdown(value: str) -> str:
    """Markdown bodies may use Markdown, never HTML, script links or attribute lists."""
    _no_bidi(value)
    if _TAG.search(value):
        raise DataError("เนื้อหามีแท็ก HTML (<...>) ให้ใช้รูปแบบ Markdown เช่น **ตัวหนา** หรือ - รายการ",
                        "the body contains an HTML tag (<...>); use Markdown such as **bold** or - lists", "html")
    if _UNSAFE_LINK.search(value):
        raise DataError("ลิงก์ในเนื้อหาต้องขึ้นต้นด้วย https:// (ห้าม javascript: หรือ data:)",
                        "links in the body must start with https:// (not javascript: or data:)", "url")
    if _PATH_LINK.search(value):
        raise DataError("ลิงก์ในเนื้อหาต้องขึ้นต้นด้วย https:// (ลิงก์ที่ขึ้นต้นด้วย / หรือ // ไม่ได้ชี้ไปยังไฟล์ในเว็บไซต์) "
                        "ให้เขียนที่อยู่เต็ม เช่น https://www.example.go.th/",
                        "links in the body must start with https:// (a link starting with / or // is no file of "
                        "the site); write the full address, e.g. https://www.example.go.th/", "url")
    if _ATTR_LIST.search(value):
        raise DataError("ไม่รองรับการกำหนดรูปแบบด้วย { ... } ในเนื้อหา ให้ลบออก",
                        "attribute lists { ... } are not supported in the body; remove them", "markdown")
    return value


# The largest amount a public office could report: the whole national budget is about 3.7 trillion
# baht, one office's a few billion. Anything above one trillion is a typing mistake (or an
# exponent such as 1e309) that would publish a figure of hundreds of digits.
MAX_AMOUNT = Decimal(10) ** 12
# As people write amounts: 2500, 2,500, 2,500.50, 2500.5 (Thai digits too); nothing else.
_AMOUNT = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[0-9]+(?:\.[0-9]{3})*,[0-9]{1,2}")
_EXPONENT = re.compile(r"[0-9.,]*[eE][+-]?[0-9]+")


def _money(value: Any) -> Decimal:
    """An amount in baht as printed: Thai or Arabic digits, thousands commas; refused with a reason otherwise."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise _amount_error(value)
    text = calendar.to_arabic_digits(str(value)).replace("บาท", "").replace(" ", "").strip()
    if _AMOUNT.fullmatch(text):
        amount = Decimal(text.replace(",", ""))
        if amount > MAX_AMOUNT:
            raise DataError(f"จำนวนเงิน {value} บาท เกินหนึ่งล้านล้านบาท ซึ่งไม่ใช่งบของหน่วยงาน ตรวจจำนวนหลักของตัวเลข",
                            f"the amount {value} is above one trillion baht, more than any office's budget; "
                            "check the number of digits", "money")
        return amount
    if _DECIMAL_COMMA.fullmatch(text):
        raise DataError(f"'{value}' ใช้จุลภาคเป็นจุดทศนิยม ให้ใช้จุด (.) เป็นจุดทศนิยมและจุลภาค (,) คั่นหลักพัน "
                        "เช่น 1,500.50",
                        f"'{value}' uses a decimal comma; write the decimals after a point and group thousands "
                        "with commas, e.g. 1,500.50", "money")
    if _EXPONENT.fullmatch(text) or text.lower().lstrip("+-") in ("nan", "inf", "infinity", ".nan", ".inf"):
        raise DataError(f"'{value}' ไม่ใช่จำนวนเงินที่เขียนเต็ม ให้เขียนตัวเลขเต็มจำนวน เช่น 2500000 หรือ 2,500,000",
                        f"'{value}' is not an amount written out; write every digit, e.g. 2500000 or 2,500,000",
                        "money")
    raise _amount_error(value)


def _amount_error(value: Any) -> DataError:
    return DataError(f"จำนวนเงินต้องเป็นตัวเลขไม่ติดลบ เช่น 2500 หรือ 2,500.50 (ไม่ใช่ '{value}')",
                     f"an amount must be a non-negative number such as 2500 or 2,500.50, not '{value}'", "money")


def _printed_number(value: Any) -> Decimal:
    """A count or a ratio as a table prints it (8120, 8,120, ๘,๑๒๐, 15.86), kept with its places."""
    text = calendar.to_arabic_digits(str(value)).replace(" ", "").strip()
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)) or not _AMOUNT.fullmatch(text):
        raise DataError(f"ต้องเป็นตัวเลขตามที่พิมพ์ เช่น 8120, 8,120 หรือ 15.86 หรือ - ถ้าช่องนั้นไม่มีตัวเลข (ไม่ใช่ '{value}')",
                        f"must be a figure as printed, e.g. 8120, 8,120 or 15.86, or - for an empty cell, not '{value}'",
                        "figure")
    return Decimal(text.replace(",", ""))


def _web_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", value, re.IGNORECASE):
        raise DataError(f"ลิงก์ '{value}' ต้องขึ้นต้นด้วย https:// เช่น https://www.example.go.th/",
                        f"link '{value}' must start with https://, e.g. https://www.example.go.th/", "url")
    if re.search(r"[๐-๙]", value):
        raise DataError("ลิงก์มีเลขไทย ให้พิมพ์ลิงก์ด้วยเลขอารบิก", "the link contains Thai digits; type it with Arabic digits", "url")
    return value


def _content_path(value: str) -> str:
    clean = value.replace("\\", "/")
    if clean.startswith("/") or re.match(r"^[a-zA-Z]:", clean) or ".." in clean.split("/"):
        raise DataError(f"ที่อยู่ไฟล์ '{value}' ต้องอยู่ในโฟลเดอร์ content/ เช่น files/2568/plan.pdf",
                        f"file path '{value}' must stay inside content/, e.g. files/2568/plan.pdf", "path")
    if clean.startswith("content/"):
        raise DataError(f"ไม่ต้องขึ้นต้นด้วย content/ ให้เขียน '{clean[8:]}'",
                        f"leave out the leading content/; write '{clean[8:]}'", "path")
    return clean


def _whole_number(value: Any) -> Any:
    """Thai digits and thousands separators are read: ๑๒ and 1,200 are numbers as printed."""
    if isinstance(value, str):
        return calendar.to_arabic_digits(value).replace(",", "").strip()
    return value


ThaiDate = Annotated[date, BeforeValidator(_date), WithJsonSchema(
    {"type": "string", "description": "วันที่ ค.ศ. แบบ 2025-03-15 หรือ พ.ศ. เช่น 15 มี.ค. 2568 / a date"})]
PrintedDate = Annotated[date, BeforeValidator(_printed_date), WithJsonSchema(
    {"type": "string", "description": "วันที่ เช่น 15 เม.ย. 2566 หรือ 2023-04-15 หรือเพียงเดือน เช่น เมษายน 2566 "
                                      "/ a date, or a month only"})]
FiscalYear = Annotated[int, BeforeValidator(_fiscal_year), WithJsonSchema(
    {"type": "integer", "minimum": 2400, "maximum": 2700, "description": "ปีงบประมาณ พ.ศ. / B.E. fiscal year"})]
Slug = Annotated[str, AfterValidator(_slug), Field(description="รหัสภาษาอังกฤษตัวเล็ก / lower-case id",
                                                   json_schema_extra={"pattern": _SLUG.pattern})]
TopicKey = Annotated[str, AfterValidator(_topic), Field(description="หัวข้อ เช่น procurement.monthly / topic key",
                                                        json_schema_extra={"enum": list(TOPICS)})]
Text = Annotated[str, AfterValidator(_plain_text), Field(min_length=1)]
MarkdownText = Annotated[str, AfterValidator(_markdown), Field(
    min_length=1, description="เนื้อหาแบบ Markdown (ไม่ใช้ HTML) / Markdown body, no HTML")]
WholeNumber = Annotated[int, BeforeValidator(_whole_number), WithJsonSchema(
    {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": r"^\s*[0-9๐-๙][0-9๐-๙,]*\s*$"}],
     "description": "จำนวนเต็ม (เลขไทยได้) / a whole number, Thai digits allowed"})]
Money = Annotated[Decimal, BeforeValidator(_money), WithJsonSchema(
    {"type": ["number", "string"], "description": "จำนวนเงิน (บาท) เช่น 2500 หรือ 2,500.50 / amount in baht"})]
PrintedNumber = Annotated[Decimal, BeforeValidator(_printed_number), WithJsonSchema(
    {"type": ["number", "string"], "description": "ตัวเลขตามที่พิมพ์ เช่น 8,120 หรือ 15.86 / a figure as printed"})]
WebUrl = Annotated[str, AfterValidator(_web_url), Field(description="ลิงก์ https:// / web address")]
ContentPath = Annotated[str, AfterValidator(_content_path),
                        Field(description="ไฟล์ในโฟลเดอร์ content/ เช่น files/2568/plan.pdf / file under content/")]


def one_of(table: dict[str, tuple[str, str]]) -> Any:
    """A Literal type over the keys of a vocabulary table, described with their Thai labels."""
    return Annotated[Literal[tuple(table)], Field(description=_described(table))]  # type: ignore[misc]


def _described(table: dict[str, tuple[str, str]]) -> str:
    return "; ".join(f"{key} = {th or en}" for key, (th, en) in table.items())


def _label_key(text: str) -> str:
    """How labels are compared: case, spaces and a leading วิธี ("method of") do not matter."""
    key = re.sub(r"\s+", "", text).lower()
    return key.removeprefix("วิธี")


def labelled(table: dict[str, tuple[str, str]], aliases: dict[str, str] | None = None) -> Any:
    """A vocabulary field that also accepts its Thai or English label (or an alias), as spreadsheets hold it."""
    by_label = {_label_key(th): key for key, (th, _) in table.items() if th}
    by_label |= {_label_key(en): key for key, (_, en) in table.items()}
    by_label |= {_label_key(alias): key for alias, key in (aliases or {}).items()}

    def to_key(value: Any) -> Any:
        if isinstance(value, str) and value.strip() not in table:
            return by_label.get(_label_key(value), value.strip())
        return value

    # The schema lists what an editor should offer: the keys, then the labels and aliases as written.
    # The loader also ignores case, spaces and a leading วิธี, which an enum cannot say.
    accepted = [*table, *(th for th, _ in table.values() if th), *(en for _, en in table.values()), *(aliases or {})]
    schema = {"type": "string", "enum": list(dict.fromkeys(accepted)), "description": _described(table)}
    return Annotated[one_of(table), BeforeValidator(to_key), WithJsonSchema(schema)]


def suggested(table: dict[str, tuple[str, str]], aliases: dict[str, str] | None = None) -> Any:
    """A vocabulary as suggestions: a key, label or alias becomes the key; any other text is kept as printed.

    Real reports name rows and categories in their own words ("เรื่องร้องเรียนจากศูนย์ดำรงธรรม", "ความเสี่ยง
    ด้านการเงิน"); such a value is published as written, never forced into the nearest key.
    Pages name a value with `label_of(table, value)`.
    """
    by_label = {_label_key(th): key for key, (th, _) in table.items() if th}
    by_label |= {_label_key(en): key for key, (_, en) in table.items()}
    by_label |= {_label_key(alias): key for alias, key in (aliases or {}).items()}

    def to_key(value: Any) -> Any:
        if isinstance(value, str):
            text = value.strip()
            return text if text in table else by_label.get(_label_key(text), text)
        return value

    accepted = [*table, *(th for th, _ in table.values() if th), *(aliases or {})]
    schema = {"anyOf": [{"type": "string", "enum": list(dict.fromkeys(accepted))}, {"type": "string", "minLength": 1}],
              "description": _described(table) + " หรือข้อความตามที่พิมพ์ / or the wording as printed"}
    return Annotated[str, BeforeValidator(to_key), AfterValidator(_plain_text), Field(min_length=1),
                     WithJsonSchema(schema)]


def label_of(table: dict[str, tuple[str, str]], value: str) -> str:
    """The Thai label of a `suggested` value: the vocabulary's for a key, the printed wording otherwise."""
    return table[value][0] if value in table else value
