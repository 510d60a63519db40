"""The risk matrix: a 5×5 grid of likelihood × impact as a plain HTML table, readable without JavaScript.

Each cell is coloured by its level *and* names the level in text, then lists the risks in it, so the
grid reads the same to a screen reader (row and column headers), in a text browser and on a
black-and-white printer. A sentence under it says what the grid shows, and the register table on
the same page holds every figure again. The table sits in a raw HTML block of the Markdown page, so
data is HTML-escaped here (like generator/engine/charts.py); nothing is fetched from another host.
"""

from __future__ import annotations

from html import escape
from markupsafe import Markup

from generator.families.risks.model import BANDS, LEVELS, SCALE_TH, Risk, level_of


def risk_matrix(title: str, cells: dict[tuple[int, int], list[tuple[str, Risk]]], summary: str,
                link: bool = False) -> Markup:
    """The grid: impact 5 at the top, likelihood 1 on the left; `link` points each risk at its section."""
    head = "".join(f'<th scope="col">โอกาส {n}<span class="oit-risk-matrix__scale">{SCALE_TH[n]}</span></th>'
                   for n in range(1, 6))
    rows = []
    for impact in range(5, 0, -1):
        row = "".join(_cell(cells[(likelihood, impact)], likelihood * impact, link) for likelihood in range(1, 6))
        rows.append(f'<tr><th scope="row">ผลกระทบ {impact}<span class="oit-risk-matrix__scale">{SCALE_TH[impact]}'
                    f'</span></th>{row}</tr>')
    return Markup(f'<figure class="oit-risk-matrix"><table class="oit-risk-matrix__grid">'
                  f'<caption>{escape(title)}</caption>'
                  f'<thead><tr><th scope="col">ผลกระทบ / โอกาส</th>{head}</tr></thead>'
                  f'<tbody>{"".join(rows)}</tbody></table>'
                  f'<figcaption class="oit-chart__summary">{escape(summary)}</figcaption></figure>')


def _cell(risks: list[tuple[str, Risk]], score: int, link: bool) -> str:
    band = level_of(score)
    names = ", ".join(f'<a href="#risk-{escape(r.id)}">{escape(c)}</a>' if link else escape(c) for c, r in risks)
    listed = f'<span class="oit-risk-cell__ids">{names}</span>' if risks else ""
    return (f'<td class="oit-risk-cell oit-risk-cell--{band.key.replace("_", "-")}">'
            f'<span class="oit-risk-cell__level">{band.th} ({score})</span>{listed}</td>')


def summary_sentence(what: str, cells: dict[tuple[int, int], list[tuple[str, Risk]]]) -> str:
    """The text alternative: how many risks at each level, naming them, highest level first."""
    by_band: dict[str, list[str]] = {b.key: [] for b in reversed(BANDS)}
    for (likelihood, impact), risks in sorted(cells.items()):
        by_band[level_of(likelihood * impact).key] += [c for c, _ in risks]
    total = sum(len(names) for names in by_band.values())
    if not total:
        return f"{what}: ยังไม่มีความเสี่ยงที่ประเมินระดับ"
    parts = [f"ระดับ{LEVELS[key][0]} {len(names)} รายการ ({', '.join(sorted(names, key=_number))})"
             for key, names in by_band.items() if names]
    return f"{what} {total} รายการ: " + " ".join(parts) + " รายละเอียดอยู่ในตารางด้านล่าง"


def _number(code: str) -> int:
    return int(code[1:])
