"""What a report says about its own scores, beside what the scores show.

An analysis of an ITA result names the indicator that scored highest and the one that scored lowest,
and titles its table "sorted from high to low". Real reports get these wrong (สพป.สมุทรสาคร 2563
names indicator 1, 99.08, highest while indicator 3 has 99.30, and its table "sorted from high to
low" is in indicator order). The data keeps the claim as printed (`stated_highest`, `stated_lowest`,
`stated_order`, with `printed_order` when the table is not in indicator order); the page shows it
beside what the scores show, and a claim the scores contradict is a discrepancy the webmaster may
acknowledge (generator/engine/figures.py), checked in `checks.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.base import scoring
from generator.engine.figures import Acknowledgement
from generator.families.ita.model import INDICATORS, ORDERS, ItaYear


@dataclass(frozen=True)
class Claim:
    """One claim of the report (`field` in the file), as printed and as the scores show it."""

    field: str
    label_th: str  # what the claim is about: "ตัวชี้วัดที่ได้คะแนนสูงสุด"
    stated_lead_th: str  # "รายงานระบุว่าสูงสุดคือ"
    stated_th: str  # "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.08)"
    found_lead_th: str  # "คะแนนสูงสุดตามตารางคือ"
    found_th: str
    differs: bool
    acknowledgement: Acknowledgement | None = None

    @property
    def sentence_th(self) -> str:
        """The claim beside the scores, in one line: "รายงานระบุว่า ... · คะแนนสูงสุดตามตารางคือ ..."."""
        return f"{self.stated_lead_th} {self.stated_th} · {self.found_lead_th} {self.found_th}"


def claims(record: ItaYear) -> tuple[Claim, ...]:
    """Every claim the year's file records, in the order highest, lowest, the table's order."""
    scores = {n: scoring.round2(score) for n, score in record.scores.items()}
    if not scores:
        return ()
    out = []
    for field, word, pick in (("stated_highest", "สูงสุด", max), ("stated_lowest", "ต่ำสุด", min)):
        stated = getattr(record, field)
        if stated:
            best = pick(scores.values())
            found = sorted(n for n, score in scores.items() if score == best)
            out.append(Claim(field, f"ตัวชี้วัดที่ได้คะแนน{word}", f"รายงานระบุว่า{word}คือ", _named(stated, scores),
                             f"คะแนน{word}ตามตารางคือ", _named(found, scores), sorted(set(stated)) != found,
                             record.acknowledged.get(field)))
    if record.stated_order:
        out.append(_order(record, scores))
    return tuple(out)


def _named(numbers: list[int], scores: dict[int, Decimal]) -> str:
    """`ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (99.08)`, joined with "และ" for a tie."""
    return " และ".join(f"ตัวชี้วัดที่ {n} {INDICATORS[n][0]} ({scores[n]:.2f})" for n in sorted(set(numbers)))


def _order(record: ItaYear, scores: dict[int, Decimal]) -> Claim:
    """The table's stated order against its printed one: the first pair of rows out of that order, if any."""
    order = record.printed_order or sorted(scores)
    words = ORDERS[record.stated_order][0]  # type: ignore[index]
    descending = record.stated_order == "descending"
    wrong = next(((a, b) for a, b in zip(order, order[1:])
                  if (scores[a] < scores[b] if descending else scores[a] > scores[b])), None)
    if wrong is None:
        found = f"เรียง{words}"
    else:
        a, b = wrong
        rows = "ตามเลขตัวชี้วัด 1–10" if order == sorted(scores) else "ตัวชี้วัดที่ " + ", ".join(map(str, order))
        found = (f"{rows} ไม่ได้เรียง{words}: ตัวชี้วัดที่ {a} ({scores[a]:.2f}) "
                 f"อยู่ก่อนตัวชี้วัดที่ {b} ({scores[b]:.2f})")
    return Claim("stated_order", "ลำดับของตารางคะแนน", "รายงานระบุว่าตารางเรียงคะแนน", words,
                 "ลำดับในตารางที่พิมพ์", found, wrong is not None, record.acknowledged.get("stated_order"))
