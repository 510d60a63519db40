"""Jinja2 rendering of generated Markdown, with every data value escaped on output.

Templates produce Markdown, so escaping HTML is not enough: a title such as `[x](javascript:...)`
would become a link. `finalize` therefore escapes every `{{ value }}` for both HTML and Markdown;
filters that build markup on purpose return `Markup`, which passes through untouched.
"""

from __future__ import annotations

import posixpath
import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import jinja2
from markupsafe import Markup

from generator.base import calendar
from generator.base.vocabulary import DOCUMENT_KINDS, EXECUTIVE_ROLES, LAW_KINDS, OFFICE_TYPES, SIGNING_CAPACITIES, SOCIAL_KINDS

_GENERATOR = Path(__file__).parent.parent
# Shared macros here, each family's page templates in its own folder, the OIT pages in oit/.
TEMPLATES = [_GENERATOR / "engine" / "templates", *sorted((_GENERATOR / "families").glob("*/templates")),
             _GENERATOR / "oit" / "templates"]
# Label filters for the families' own vocabularies (`policy_kind_label`, ...): each family declares
# them in the registry and the pipeline registers them here, so the renderer imports no family.
_LABELS: dict[str, dict[str, tuple[str, str]]] = {}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # no `~`: without pymdownx it is not escapable


def md_escape(value: Any) -> Markup:
    """Escape text for HTML and Markdown, on one line (data never adds structure to a page)."""
    if isinstance(value, Markup):
        return value
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return thai_date(value)
    return md_escape(value)


# Thai digits in prose are a site option (data/site.yml: thai_digits); set for one build by `digits`.
_DIGITS: ContextVar[str] = ContextVar("digits", default="arabic")


@contextmanager
def digits(style: str) -> Iterator[None]:
    """Render dates and year labels with "thai" or "arabic" digits inside this block."""
    token = _DIGITS.set(style)
    try:
        yield
    finally:
        _DIGITS.reset(token)


def baht(amount: Any) -> str:
    """An amount in baht as reports print it (`2,615,000.00`); empty for no amount."""
    return "" if amount is None else f"{amount:,.2f}"


def digit_style() -> str:
    """The digits of the build in progress ("thai" or "arabic"), for text made outside templates."""
    return _DIGITS.get()


def thai_date(value: date, style: str = "full") -> Markup:
    """A date as Thai B.E. text inside `<time>`, so machines still read the ISO date."""
    text = calendar.format_thai_date(value, style, _DIGITS.get())
    return Markup(f'<time datetime="{value.isoformat()}">{text}</time>')


def fy_label(year: int) -> str:
    """`ปีงบประมาณ พ.ศ. 2568`, in the site's digits."""
    return calendar.fy_label(year, _DIGITS.get())


def body(value: str) -> Markup:
    """A Markdown body from data, kept as Markdown but never as HTML.

    The loader already refuses tags, script links and attribute lists; escaping `&`, `<` and `{`
    here as well means a rule missed there still cannot inject markup.
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace("{", "\\{")
    return Markup(text)


def lines(value: str) -> Markup:
    """Multi-line text (an address) kept as lines, each escaped."""
    return Markup("<br>").join(md_escape(line) for line in str(value).splitlines() if line.strip())


def url(value: str) -> Markup:
    """An already validated URL as a Markdown link target: only the characters that end one are encoded."""
    return Markup(str(value).translate(_URL_UNSAFE))


_URL_UNSAFE = str.maketrans({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", '"': "%22", "'": "%27",
                             "\\": "%5C", "`": "%60"})


@jinja2.pass_context
def href(context: jinja2.runtime.Context, target: str) -> Markup:
    """A link target relative to the page being rendered, so MkDocs can check and rewrite it."""
    rel = relative(target, posixpath.dirname(context["page_uri"]))
    # A file name may hold # or ?, which in a link would start a fragment or a query.
    return url(rel.replace("%", "%25").replace("#", "%23").replace("?", "%3F"))


def relative(target: str, here: str) -> str:
    """`posixpath.relpath(target, here or ".")` for the site's own paths, without its two `abspath` calls.

    A large office links 30,000 times; `relpath` spent 1 s of a rebuild on it. A path with an empty,
    `.` or `..` part (a trailing or leading slash too) is left to `relpath`, which normalises it.
    """
    to, at = target.split("/"), here.split("/") if here else []
    if any(part in ("", ".", "..") for part in (*to, *at)):
        return posixpath.relpath(target, here or ".")
    same = 0
    for a, b in zip(to, at):
        if a != b:
            break
        same += 1
    return "/".join([".."] * (len(at) - same) + to[same:]) or "."


def cells(values: Any, strong: bool = False) -> Markup:
    """The cells of one Markdown table row, each escaped (`a | b | c`); `strong` makes them bold."""
    out = [md_escape("" if v is None else v) for v in values]
    return Markup(" | ").join(Markup(f"**{c}**") if strong and c else c for c in out)


def html_text(value: Any) -> Markup:
    """Text for a raw HTML block, on one line: what Markdown would make of `md_escape(value)`, without Markdown."""
    return value if isinstance(value, Markup) else Markup(_html_text(value))


def _html_text(value: Any) -> str:
    """`html_text` as a plain string (a table row joins hundreds of them before it is marked safe once)."""
    if isinstance(value, Markup):
        return str(value)
    text = " ".join(str("" if value is None else value).replace("\x02", "").replace("\x03", "").split())
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


_ALIGNED = {False: "", True: ' style="text-align: right;"'}


def html_cells(values: Any, right: tuple[bool, ...], tag: str = "td", strong: bool = False) -> Markup:
    """One table row's cells as Python-Markdown's `tables` writes them, one per line, each escaped.

    A generated table reaches MkDocs as HTML, so Markdown's inline parser never runs over its
    thousands of cells (issue 21); the markup is byte for byte what the Markdown table made
    (`right` marks the `--:` columns; a short row is padded and a long one cut, as `tables` does).
    """
    texts = [_html_text(v) for v in values][:len(right)]
    texts += [""] * (len(right) - len(texts))
    if strong:
        texts = [f"<strong>{t}</strong>" if t else t for t in texts]
    return Markup("\n".join(f"<{tag}{_ALIGNED[r]}>{t}</{tag}>" for t, r in zip(texts, right)))


def raw_table(html: str) -> Markup:
    """An HTML table marked STX … ETX: generator/mkdocs/raw_tables.py stores it unread (Markdown alone drops the marks)."""
    return Markup(f"\x02{html.strip()}\x03\n")


def code(value: Any) -> Markup:
    """Text as inline code (a file name in a hint); HTML-escaped only, as Markdown does not read code spans."""
    return Markup("<code>{}</code>").format(str(value))


def _label(table: dict[str, tuple[str, str]]):
    return lambda key: table[key][0] or table[key][1]


# The environment of the build in progress, with its office's templates first; set by `templates`.
_ENVIRONMENT: ContextVar[jinja2.Environment | None] = ContextVar("environment", default=None)


@contextmanager
def templates(overrides: Path | None) -> Iterator[None]:
    """Inside this block, render with the templates in `overrides` (an office's own) before the shipped ones."""
    token = _ENVIRONMENT.set(environment(overrides))
    try:
        yield
    finally:
        _ENVIRONMENT.reset(token)


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment for generated pages: templates in `overrides` first, then the shipped ones."""
    names = tuple(sorted(p.name for p in overrides.iterdir())) if overrides and overrides.is_dir() else ()
    return _environment(overrides if names else None, names)


# One environment per override folder and file list, so two offices built in one process never share
# templates, and a file added under `mkdocs serve` is seen (Jinja2 itself reloads a file that changed).
@lru_cache(maxsize=8)
def _environment(overrides: Path | None, names: tuple[str, ...]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([overrides, *TEMPLATES] if overrides else TEMPLATES),
        autoescape=True,  # finalize escapes for Markdown as well; macros then return Markup
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        thai_date=thai_date,
        fy_label=fy_label,
        period_label=lambda p: p.label_th,
        lines=lines,
        href=href,
        md=md_escape,
        cells=cells,
        html_cells=html_cells,
        html=html_text,
        raw_table=raw_table,
        code=code,
        body=body,
        baht=baht,
        url=url,
        kind_label=_label(DOCUMENT_KINDS),
        capacity_label=_label(SIGNING_CAPACITIES),
        role_label=_label(EXECUTIVE_ROLES),
        law_kind_label=_label(LAW_KINDS),
        office_type_label=_label(OFFICE_TYPES),
        social_label=_label(SOCIAL_KINDS),
        tel=lambda number: Markup("tel:" + re.sub(r"[^0-9+]", "", calendar.to_arabic_digits(number.split("ต่อ")[0]))),
    )
    env.filters.update({name: _label(table) for name, table in _LABELS.items()})
    return env


def register_labels(tables: dict[str, dict[str, tuple[str, str]]]) -> None:
    """Label filters for the families' vocabularies (filter name → table); the pipeline registers them."""
    if any(_LABELS.get(name) is not table for name, table in tables.items()):
        _LABELS.update(tables)
        _environment.cache_clear()


def render(template: str, page_uri: str, **context: Any) -> str:
    """Render `template` for the page at `page_uri` (a docs-relative `.md` path)."""
    env = _ENVIRONMENT.get() or environment()
    return env.get_template(template).render(page_uri=page_uri, **context)
