"""Contact values: what a phone field and an e-mail field may hold, and e-mail addresses in free text.

A field is validated by its kind, so that an executive's `phone` cannot carry an e-mail address (or
a mobile number scribbled with a name) onto the executives page. The same patterns find e-mail
addresses in published text for `generator.privacy`, which warns about those the office has not
declared. The patterns avoid look-behinds so that the JSON Schema (ECMAScript) can use them too.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from generator.base import calendar
from generator.base.problems import DataError

_D = "[0-9๐-๙]"  # Thai digits are accepted wherever numbers are, as elsewhere
# One number: an optional country code (+66), then digits with spaces, dashes, dots or brackets;
# then an optional extension ("ต่อ 110", "ext. 110", "#110", "ต่อ 110-112").
_NUMBER = rf"(?:\+{_D}{{1,3}} *)?\(?{_D}[0-9๐-๙ ().-]*{_D}"
_EXTENSION = rf"(?: *(?:ต่อ|ext\.?|Ext\.?|EXT\.?|x|#) *{_D}+(?: *[-–] *{_D}+)*)"
_ONE = rf"{_NUMBER}{_EXTENSION}?"
# Several numbers are separated by a comma, a slash, a semicolon or หรือ ("or"), never by a dash,
# so that the match cannot backtrack between a number and the next.
PHONE_PATTERN = rf"^(?:(?:โทร\.?|โทรศัพท์|Tel\.?|tel\.?) *)?{_ONE}(?: *(?:,|/|;|หรือ) *{_ONE})*$"
_PHONE = re.compile(PHONE_PATTERN)

_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
EMAIL_PATTERN = rf"^[A-Za-z0-9._%+'-]+@{_LABEL}(?:\.{_LABEL})*\.[A-Za-z]{{2,}}$"
_EMAIL = re.compile(EMAIL_PATTERN)

# An address in running text, also written "name (at) host" or "name[at]host" to dodge spam robots.
# The local part must start right after a non-address character, so `line.me/R/ti/p/@office` and
# `youtube.com/@office` (accounts, not addresses) are not read as addresses.
_IN_TEXT = re.compile(r"(?<![A-Za-z0-9._%+'/-])([A-Za-z0-9._%+'-]+)(?:@| ?[(\[]at[)\]] ?)"
                      r"([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([A-Za-z]{2,}))(?![A-Za-z0-9-])")
# `logo@2x.png` is a file name, not an address.
_FILE_ENDINGS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "doc", "docx", "xls", "xlsx",
                           "csv", "zip", "css", "js", "html", "htm", "md", "yml", "yaml", "txt"})
# Mailboxes of a role, not of a person (saraban@ is the office's incoming-mail desk): an address
# whose local part is one of these words, optionally numbered, is never personal data.
ROLE_MAILBOXES = frozenset({
    "saraban", "sarabun", "info", "contact", "contactus", "webmaster", "admin", "pr", "prd",
    "complaint", "complaints", "complain", "helpdesk", "callcenter", "service", "support", "office", "secretary",
    "noreply", "no-reply", "postmaster", "news", "hr", "personnel", "finance", "procurement", "legal", "audit",
})
_LONGEST = 160  # a few numbers with extensions; longer is prose, and is not matched at all

_ROLE = re.compile(r"^([a-z-]+?)(?:[._-]?\d+)?$")


def _phone(value: str) -> str:
    if "@" in value:
        shown = ", ".join(mask_email(a) for a in emails_in(value)) or "@"
        raise DataError(f"ช่องนี้เป็นหมายเลขโทรศัพท์ แต่พบอีเมล ({shown}) ให้เขียนหมายเลขโทรศัพท์ เช่น 0 4499 9000 "
                        "และย้ายอีเมลไปไว้ที่ช่อง email",
                        f"this is a phone field but holds an e-mail address ({shown}); write a phone number "
                        "such as 0 4499 9000 and move the address to the email field", "phone")
    digits = sum(c.isdigit() for c in calendar.to_arabic_digits(value))
    if len(value) > _LONGEST or not _PHONE.match(value) or digits < 3:
        raise DataError("ต้องเป็นหมายเลขโทรศัพท์ (ตัวเลข ช่องว่าง ขีด +66 และ ต่อ) เช่น 0 4499 9000 "
                        "หรือ 0 4499 9000 ต่อ 110 ถ้ามีหลายหมายเลขให้คั่นด้วย , ",
                        "must be a phone number (digits, spaces, dashes, +66 and ต่อ), e.g. 0 4499 9000 "
                        "or 0 4499 9000 ต่อ 110; separate several numbers with a comma", "phone")
    return value


def _email(value: str) -> str:
    if len(value) <= 254 and _EMAIL.match(value):  # the longest address SMTP allows
        return value
    found = emails_in(value)
    if value.lower().startswith("mailto:"):
        th, en = f"ไม่ต้องขึ้นต้นด้วย mailto: ให้เขียน '{value[7:].strip()}'", f"leave out mailto:; write '{value[7:].strip()}'"
    elif len(found) > 1:
        th, en = ("ช่องนี้ใส่อีเมลได้หนึ่งที่อยู่ ถ้ามีหลายที่อยู่ให้เพิ่มเป็นรายการใหม่ใน emails ของ data/office.yml",
                  "one address per field; list further addresses under emails in data/office.yml")
    else:
        th, en = ("ต้องเป็นอีเมลหนึ่งที่อยู่ เช่น saraban@example.go.th (หมายเลขโทรศัพท์ให้ใส่ที่ช่อง phone)",
                  "must be one e-mail address such as saraban@example.go.th (a phone number goes in the phone field)")
    raise DataError(th, en, "email")


# The pattern goes to the JSON Schema only: checked by pydantic it would give a bare "wrong format".
PhoneNumber = Annotated[str, AfterValidator(_phone), Field(
    min_length=1, description="หมายเลขโทรศัพท์ เช่น 0 4499 9000 ต่อ 110 / phone number",
    json_schema_extra={"pattern": PHONE_PATTERN})]
EmailAddress = Annotated[str, AfterValidator(_email), Field(
    min_length=1, description="อีเมลหนึ่งที่อยู่ เช่น saraban@example.go.th / one e-mail address",
    json_schema_extra={"pattern": EMAIL_PATTERN, "format": "email"})]


def check_channel_contact(kind: str, value: str | None) -> None:
    """A complaint channel's contact must fit its kind: an e-mail channel's is one address, a phone's a number.

    The contacts page links them as mailto: and tel:, which would otherwise lead nowhere.
    """
    if value is None:
        return
    if kind == "email":
        _email(value)
    elif kind == "phone" and ("@" in value or sum(c.isdigit() for c in calendar.to_arabic_digits(value)) < 3):
        raise DataError("ช่องทางโทรศัพท์ต้องมีหมายเลขโทรศัพท์ใน contact_th เช่น 0 4499 9000 ต่อ 101 "
                        "(อีเมลให้เพิ่มเป็นช่องทางแบบ kind: email)",
                        "a phone channel's contact_th must hold a phone number such as 0 4499 9000 ต่อ 101 "
                        "(add an e-mail address as a channel of kind: email)", "phone")


# --- addresses in free text -------------------------------------------------------------------


def emails_in(text: str) -> list[str]:
    """The e-mail addresses written in `text`, each once, as `name@host` (an `(at)` spelling is read as @)."""
    if "@" not in text and "at]" not in text and "at)" not in text:  # most strings: no regex at all
        return []
    found = [f"{m.group(1)}@{m.group(2)}" for m in _IN_TEXT.finditer(text)
             if m.group(3).lower() not in _FILE_ENDINGS and not m.group(1).startswith(".")]
    return list(dict.fromkeys(found))


def is_role_mailbox(address: str) -> bool:
    """True for `saraban@…`, `info2@…`: a desk's mailbox, not a person's."""
    match = _ROLE.match(address.partition("@")[0].lower())
    return bool(match) and match.group(1) in ROLE_MAILBOXES


def mask_email(address: str) -> str:
    """`so***@e***.go.th`: enough to find the address in the file, not enough to spread it again."""
    user, _, host = address.partition("@")
    first, dot, rest = host.partition(".")
    return f"{user[:2]}***@{first[:1]}***{dot}{rest}"
