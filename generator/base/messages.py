"""Turn pydantic's errors into our Thai-first messages.

A raw pydantic message ("Input should be a valid integer") means nothing to a civil servant editing
YAML. One table maps each pydantic error `type` to Thai and English text that also says what to
write; our own `DataError`s pass their wording through unchanged.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

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
    "literal_error": ("ค่า '{input}' ไม่อยู่ในรายการที่ใช้ได้{suggest_th} ใช้ค่าใดค่าหนึ่ง: {expected}",
                      "'{input}' is not an allowed value{suggest_en}; use one of: {expected}"),
    "extra_forbidden": ("ไม่รู้จักช่อง '{name}'{suggest_th} ให้ตรวจการสะกด หรือลบบรรทัดนี้",
                        "unknown field '{name}'{suggest_en}; check the spelling or remove the line"),
}
_FALLBACK = ("ค่าไม่ถูกต้อง ({msg})", "invalid value ({msg})")


def translate(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, str, str]:
    """Return (code, Thai, English) for one entry of `ValidationError.errors()`."""
    kind = error["type"]
    cause = (error.get("ctx") or {}).get("error")
    if isinstance(cause, DataError):
        return cause.code, cause.th, cause.en
    th, en = _TABLE.get(kind, _FALLBACK)
    ctx = _context(error, model)
    return kind, th.format(**ctx), en.format(**ctx)


def reported(errors: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """The errors worth a problem each: a required field written with a typo is one unknown field
    (whose message says "did you mean"), not also a missing one."""
    meant = {(*e["loc"][:-1], guess) for e in errors
             if e["type"] == "extra_forbidden" and (guess := _suggestion(e, model, {}))}
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def _context(error: dict[str, Any], model: type[BaseModel]) -> dict[str, str]:
    """Values for the message templates, with a "did you mean" where a near spelling exists."""
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    ctx: dict[str, Any] = {k: v for k, v in (error.get("ctx") or {}).items() if k != "error"}
    guess = _suggestion(error, model, ctx)
    return {
        **{k: str(v) for k, v in ctx.items()},
        "name": name,
        "input": _short(error.get("input")),
        "msg": error.get("msg", ""),
        "suggest_th": f" หมายถึง '{guess}' หรือไม่" if guess else "",
        "suggest_en": f" (did you mean '{guess}'?)" if guess else "",
    }


def _suggestion(error: dict[str, Any], model: type[BaseModel], ctx: dict[str, Any]) -> str | None:
    """The allowed name or value nearest to what was written, if one is near; `ctx["expected"]` of a
    literal error is rewritten as a plain list on the way."""
    loc = error["loc"]
    name = str(loc[-1]) if loc else ""
    choices: list[str] = []
    if error["type"] == "extra_forbidden":
        choices = sorted(fields_at(model, loc[:-1]))
    elif error["type"] == "literal_error":
        choices = [c.strip().strip("'") for c in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        ctx["expected"] = ", ".join(c for c in choices if c)
    guess = difflib.get_close_matches(str(error.get("input", name) if error["type"] == "literal_error" else name),
                                      choices, n=1, cutoff=0.6)
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
