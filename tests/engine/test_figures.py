"""Published figures beside computed ones, as a page shows them (the shared macros; Markdown escapes removed)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from generator.engine.figures import Acknowledgement, Figure, figure
from generator.engine.render import environment


def rendered(source: str, **context) -> str:
    return environment(None).from_string('{% from "_macros.md.j2" import figure, figure_note with context %}'
                                         + source).render(page_uri="x.md", **context).replace("\\", "")


def test_the_official_figure_is_shown_first_and_the_computed_one_as_its_check():
    differs = Figure("คะแนนรวม", Decimal("91.25"), Decimal("93.97"))
    assert rendered("{{ figure(f) }}", f=differs) == "91.25 (คำนวณได้ 93.97)"
    assert rendered("{{ figure(f) }}", f=Figure("คะแนนรวม", Decimal("91.25"), Decimal("91.25"))) == "91.25"
    assert rendered("{{ figure(f) }}", f=Figure("รวม", None, 12, places=0)) == "12 (คำนวณ)"
    assert differs.shown == Decimal("91.25") and differs.difference == Decimal("-2.72")


def test_the_note_says_why_a_printed_figure_is_kept():
    ack = Acknowledgement(reason_th="ตามรายงานฉบับลงนาม", date=date(2026, 11, 20))
    text = rendered("{{ figure_note(f) }}", f=Figure("ยอดรวม", 1500, 1450, ack, places=0))
    assert "ตัวเลขที่เผยแพร่ 1,500 ซึ่งเป็นตัวเลขทางการ คำนวณจากรายการได้ 1,450 ต่างกัน 50" in text
    assert "เหตุผล: ตามรายงานฉบับลงนาม" in text and "2569" in text
    assert rendered("{{ figure_note(f) }}", f=Figure("ยอดรวม", 1500, 1500, places=0)).strip() == ""


def test_figure_takes_the_acknowledgement_of_its_field_from_the_record():
    class Record:
        acknowledged = {"total_printed": Acknowledgement(reason_th="ก", date=date(2026, 1, 1))}
    assert figure("x", 1, 2, Record(), "total_printed").acknowledgement.reason_th == "ก"
    assert figure("x", 1, 2, Record(), "other").acknowledgement is None


def test_a_printed_label_is_called_a_value_not_a_number():
    text = rendered("{{ figure_note(f) }}", f=Figure("ระดับความเสี่ยง", "สูงมาก", "สูง"))
    assert "ค่าที่เผยแพร่ สูงมาก ซึ่งเป็นค่าทางการ คำนวณจากรายการได้ สูง" in text and "ตัวเลข" not in text
