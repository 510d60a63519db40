"""Bar charts in plain HTML and CSS: readable without JavaScript, on a phone, in print, offline.

A chart is a figure whose bars are `<span>`s with a width in per cent and whose every value is
printed as text beside its bar, so a screen reader, a text browser or a black-and-white printer
gets the numbers as well as the shape. Nothing is fetched from another host. Series are told apart
by colour *and* pattern (print) and named in the legend and, for screen readers, at each bar.
The figure sits in a raw HTML block of the Markdown page, so values are HTML-escaped here, not
Markdown-escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape
from typing import Sequence

from markupsafe import Markup


@dataclass(frozen=True)
class Series:
    """One set of bars: a name for the legend and one value per row label."""

    name: str
    values: tuple[int | Decimal, ...]  # printed as given: pass scores already rounded (Decimal("89.91"))


def bar_chart(title: str, labels: Sequence[str], series: Sequence[Series], summary: str,
              top: int | Decimal | None = None) -> Markup:
    """A horizontal grouped bar chart; `summary` is the one-sentence text alternative under it.

    Bars are scaled to the largest value, or to `top` (100 for scores, so that 84 and 89 do not both look full).
    """
    top = top or max((v for s in series for v in s.values), default=0) or 1
    legend = "".join(f'<span class="oit-chart__key oit-chart__key--{i}">{escape(s.name)}</span>'
                     for i, s in enumerate(series, start=1))
    rows = []
    for r, label in enumerate(labels):
        bars = "".join(_bar(s, i, s.values[r], top) for i, s in enumerate(series, start=1))
        rows.append(f'<div class="oit-chart__row"><span class="oit-chart__label">{escape(label)}</span>'
                    f'<span class="oit-chart__bars">{bars}</span></div>')
    return Markup(f'<figure class="oit-chart"><figcaption class="oit-chart__title">{escape(title)}</figcaption>'
                  f'<div class="oit-chart__legend" aria-hidden="true">{legend}</div>'
                  f'{"".join(rows)}<p class="oit-chart__summary">{escape(summary)}</p></figure>')


def _bar(series: Series, index: int, value: int | Decimal, top: int | Decimal) -> str:
    width = round(100 * float(value) / float(top), 1)
    return (f'<span class="oit-chart__pair"><span class="oit-chart__bar oit-chart__bar--{index}" '
            f'style="width:{round(0.85 * width, 1)}%"></span><span class="oit-chart__value">'
            f'<span class="oit-visually-hidden">{escape(series.name)} </span>{value}</span></span>')
