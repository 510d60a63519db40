"""Turn pydantic's errors into our Thai-first messages.

A raw pydantic message ("Input should be a valid integer") means nothing to a civil servant editing
YAML. One table maps each pydantic error `type` to Thai and English text that also says what to
write; our own `DataError`s pass their wording through unchanged.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, Iterable

from pydantic import BaseModel

from generator.base.problems import DataError

# type → (Thai, English); `{...}` fields come from `_context`.
_TABLE: dict[str, tuple[str, str]] = {
    "missing": ("ต้องระบุ '{name}' เพิ่มบรรทัด {name}: ...", "'{name}' is required; add a line {name}: ..."),
    "string_type": ("ต้องเป็นข้อความ ถ้าเป็นตัวเลขล้วนให้ใส่เครื่องหมายคำพูด เช่น \"0 4499 9000\"",
                    "must be text; quote values that look like numbers, e.g. \"0 4499 9000\""),
    "string_too_short": ("ต้องไม่เว้นว่าง ให้ใส่ข้อความ", "must not be empty; write the text"),
    "string_pattern_mismatch": ("รูปแบบไม่ถูกต้อง ('{input}') เช่น อีเมลต้องเป็น name@example.go.th",
                                "wrong format ('{input}'), e.g. an e-mail must look like name@example.go.th"),
    "int_parsing": ("ต้องเป็นจำนวนเต็ม เช่น 2568 (ไม่ใช่ '{input}')", "must be a whole number such as 2568, not '{input}'"),
    "int_type": ("ต้องเป็นจำนวนเต็ม เช่น 2568", "must be a whole number such as 2568"),
    "bool_parsing": ("ต้องเป็น true หรือ false (ไม่ใช่ '{input}')", "must be true or false, not '{input}'"),
    "bool_type": ("ต้องเป็น true หรือ false", "must be true or false"),
    "list_type": ("ต้องเป็นรายการ เขียนแต่ละรายการขึ้นบรรทัดใหม่ด้วย \"- \"",
                  "must be a list; start each item on its own line with \"- \""),
    "too_short": ("ต้องมีอย่างน้อย {min_length} รายการ", "needs at least {min_length} item(s)"),
    "greater_than_equal": ("ต้องไม่น้อยกว่า {ge} (ไม่ใช่ '{input}')", "must be at least {ge}, not '{input}'"),
    "less_than_equal": ("ต้องไม่เกิน {le} (ไม่ใช่ '{input}')", "must be at most {le}, not '{input}'"),
    "model_type": ("ต้องเป็นชุดข้อมูลแบบ ชื่อ: ค่า (ขึ้นบรรทัดใหม่และเยื้อง)",
                   "must be a mapping of name: value lines (indented)"),
    "model_attributes_type": ("ต้องเป็นชุดข้อมูลแบบ ชื่อ: ค่า (ขึ้นบรรทัดใหม่และเยื้อง)",
                              "must be a mapping of name: value lines (indented)"),
    "dict_type": ("ต้องเป็นชุดข้อมูลแบบ ชื่อ: ค่า", "must be a mapping of name: value lines"),
    "literal_error": ("'{input}' ไม่ใช่ค่าที่ใช้ได้ของ {name} {allowed_th}",
                      "'{input}' is not an allowed {name}; {allowed_en}"),
    "extra_forbidden": ("ไม่รู้จักช่อง '{name}'{suggest_th} ให้ตรวจการสะกด หรือลบบรรทัดนี้",
                        "unknown field '{name}'{suggest_en}; check the spelling or remove the line"),
}
_FALLBACK = ("ค่าไม่ถูกต้อง ({msg})", "invalid value ({msg})")


# At most this many allowed values are named in a message; a longer list is pointed to, not repeated.
SHOWN = 5


def allowed_hint(value: Any, allowed: Iterable[str], listed_in: str | None = None) -> tuple[str, str]:
    """Thai and English for what may be written instead of `value`: the closest few of `allowed` first.

    A long list (31 document kinds) printed whole buries the one likely fix in a 1,000-character line,
    so when it is written in full somewhere (`listed_in`: a schema, data/units.yml) the message names
    the nearest few and that place; otherwise every value is listed, the nearest first.
    Returns fragments such as ("ใกล้เคียง: annual_plan, … (รายการทั้งหมดใน schemas/documents.schema.json)",
    "closest: annual_plan, … (full list in schemas/documents.schema.json)").
    """
    values = list(dict.fromkeys(str(a) for a in allowed))
    lowered = {v.lower(): v for v in values}
    close = [lowered[c] for c in difflib.get_close_matches(str(value).lower(), lowered, n=SHOWN, cutoff=0.6)]
    if listed_in is None or len(values) <= SHOWN:
        shown = ", ".join(close + [v for v in values if v not in close]) or "-"
        return f"ใช้ค่าใดค่าหนึ่ง: {shown}", f"use one of: {shown}"
    where_th, where_en = f" (รายการทั้งหมดใน {listed_in})", f" (full list in {listed_in})"
    if close:
        return f"ใกล้เคียง: {', '.join(close)}{where_th}", f"closest: {', '.join(close)}{where_en}"
    return f"เช่น {', '.join(values[:SHOWN])}{where_th}", f"e.g. {', '.join(values[:SHOWN])}{where_en}"


def translate(error: dict[str, Any], model: type[BaseModel], listed_in: str | None = None) -> tuple[str, str, str]:
    """Return (code, Thai, English) for one entry of `ValidationError.errors()`; `listed_in` is the
    file where the allowed values of `model`'s fields are written in full (its JSON Schema), if any."""
    kind = error["type"]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, DataError):
        return cause.code, cause.th, cause.en
    th, en = _TABLE.get(kind, _FALLBACK)
    ctx = _context(error, model, listed_in)
    return kind, th.format(**ctx), en.format(**ctx)


def reported(errors: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """The errors worth a problem each: a required field written with a typo is one unknown field
    (whose message says "did you mean"), not also a missing one."""
    meant = {(*e["loc"][:-1], guess) for e in errors
             if e["type"] == "extra_forbidden" and (guess := _field_meant(e, model))}
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _context(error: dict[str, Any], model: type[BaseModel], listed_in: str | None) -> dict[str, str]:
    """Values for the message templates: a "did you mean" for an unknown field, the closest allowed
    values for a value that is not one of them."""
    loc = error["loc"]
    ctx = {k: str(v) for k, v in (error.get("ctx") or {}).items() if k != "error"}
    guess = _field_meant(error, model) if error["type"] == "extra_forbidden" else None
    allowed = allowed_hint(error.get("input"), _expected(ctx.get("expected", "")), listed_in) \
        if error["type"] == "literal_error" else ("", "")
    return {
        **ctx,
        # a list item (`topics[0]`) is named by its list
        "name": next((str(part) for part in reversed(loc) if not isinstance(part, int)), ""),
        "input": _short(error.get("input")),
        "msg": error.get("msg", ""),
        "suggest_th": f" หมายถึง '{guess}' หรือไม่" if guess else "",
        "suggest_en": f" (did you mean '{guess}'?)" if guess else "",
        "allowed_th": allowed[0],
        "allowed_en": allowed[1],
    }


def _expected(text: str) -> list[str]:
    """The values of pydantic's `expected` ("'a', 'b' or 'c'"), in their declared order."""
    return [c.strip().strip("'") for c in text.replace(" or ", ",").split(",") if c.strip()]


def _field_meant(error: dict[str, Any], model: type[BaseModel]) -> str | None:
    """The field name nearest to an unknown one, if one is near."""
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    guess = difflib.get_close_matches(name, sorted(fields_at(model, loc[:-1])), n=1, cutoff=0.6)
    return guess[0] if guess else None


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """The field names of the model found at `loc` inside `model` (empty if none is found)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            args = [a for a in typing.get_args(current) if a is not type(None)]
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        else:
            return set()
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _unwrap(tp: Any) -> Any:
    """Strip Optional[...] and Annotated[...] so that a model or list type remains."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            rest = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = rest[0] if len(rest) == 1 else tp
            if len(rest) != 1:
                return tp
        else:
            return tp


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."
