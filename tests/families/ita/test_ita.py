"""ITA results: the computed figures, the comparisons with published ones, the checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from generator.base.scoring import Scale
from generator.families.ita import model
from generator.families.ita import outcome as ita
from generator.pipeline.load import load

from tests.conftest import located, project_with

# research/domain.md §1, the worked example: IIT 26.81, EIT 27.47, OIT 35.63, ITA 89.91, level A.
WORKED = "indicators: {1: 92.10, 2: 88.40, 3: 90.00, 4: 86.50, 5: 89.80, 6: 93.20, 7: 91.10, 8: 90.40, 9: 84.42, 10: 93.75}\n"
# Weak in 8 and 9; 84.96 is level B and fails.
YEAR_2566 = "indicators: {1: 88.50, 2: 86.20, 3: 87.10, 4: 85.40, 5: 86.90, 6: 89.30, 7: 87.60, 8: 82.75, 9: 78.50, 10: 86.25}\n"


def loaded(tmp_path, files):
    data, problems = load(project_with(tmp_path, files))
    return data, problems


def outcome_of(text: str, year: int = 2568, scale: Scale = Scale()) -> ita.Outcome:
    return ita.outcome(year, model.ItaYear.model_validate(__import__("yaml").safe_load(text)), scale)


def test_the_worked_example_gives_its_components_total_and_level():
    result = outcome_of(WORKED)
    assert [(c.tool, ita.score_text(c.mean), c.weighted.cell) for c in result.components] == [
        ("IIT", "89.36", "26.81"), ("EIT", "91.57", "27.47"), ("OIT", "89.09", "35.63")]
    assert result.total.cell == "89.91" and result.total.official is None  # nothing published: computed only
    assert (result.level.code, result.passed) == ("A", True)
    assert [c.weight for c in result.components] == [Decimal("0.30"), Decimal("0.30"), Decimal("0.40")]


def test_strengths_and_weaknesses_are_split_at_the_pass_mark():
    result = outcome_of(YEAR_2566, 2566)
    assert [i.number for i in result.weaknesses] == [9, 8]  # lowest first
    assert [i.number for i in result.strengths] == [6, 1, 7, 3, 5, 10, 2, 4]  # highest first
    assert (result.level.code, result.passed, result.total.cell) == ("B", False, "84.96")
    nine = result.indicators[8]
    assert (nine.number, nine.tool, nine.level.shown, nine.passed, nine.title_th) == (9, "OIT", "B", False, "การเปิดเผยข้อมูล")


def test_an_indicator_exactly_at_the_pass_mark_is_a_strength_and_the_pass_mark_comes_from_the_scale():
    text = WORKED.replace("4: 86.50", "4: 85.00")
    assert 4 in [i.number for i in outcome_of(text).strengths]
    assert 4 in [i.number for i in outcome_of(text, scale=Scale(pass_mark=Decimal("90"))).weaknesses]


def test_history_computes_the_change_and_the_trend_from_printed_totals():
    rows = ita.history([outcome_of(WORKED, 2568), outcome_of(YEAR_2566, 2566), outcome_of(WORKED, 2569)])
    assert [(r.year, r.total.cell, r.change_text, r.trend_th) for r in rows] == [
        (2566, "84.96", "", None),  # the first year has nothing to compare with
        (2568, "89.91", "", None),  # 2567 is missing: no change against an older year
        (2569, "89.91", "0.00", "เท่าเดิม"),
    ]
    down = ita.history([outcome_of(WORKED, 2565), outcome_of(YEAR_2566, 2566)])[1]
    assert (down.change_text, down.trend_th) == ("-4.95", "ลดลง")
    up = ita.history([outcome_of(YEAR_2566, 2566), outcome_of(WORKED, 2567)])[1]
    assert (up.change, up.trend_th) == (Decimal("4.95"), "เพิ่มขึ้น")


def test_the_example_office_has_three_consistent_years(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    data, problems = loaded(tmp_path, {f"data/ita/{y}.yml": root / f"example/data/ita/{y}.yml" for y in (2566, 2567, 2568)})
    assert [p for p in problems if p.file.startswith("data/ita/")] == []
    rows = ita.history([ita.outcome(y, r) for y, r in data.ita.items()])
    assert [(r.year, r.total.cell, r.level, r.change_text) for r in rows] == [
        (2566, "84.96", "B", ""), (2567, "88.48", "A", "+3.52"), (2568, "89.91", "A", "+1.43")]
    assert [i.number for i in ita.outcome(2567, data.ita[2567]).weaknesses] == [8, 4, 7]


def test_a_published_figure_that_differs_is_a_warning_with_its_line_and_both_values(tmp_path):
    text = WORKED + "iit_published: 26.81\neit_published: 27.10\ntotal_published: 89.92\nlevel_published: AA\n"
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": text})
    assert located(problems) == {("published_differs", 3, "eit_published"), ("published_differs", 5, "level_published")}
    eit = next(p for p in problems if p.field == "eit_published")
    assert eit.severity == "warning" and eit.file == "data/ita/2568.yml"
    assert "27.10" in eit.th and "27.47" in eit.th and "27.10" in eit.en and "27.47" in eit.en
    # 89.92 is within 0.01 of the computed 89.91: a rounding step, not a mistake.
    assert not any(p.field == "total_published" for p in problems)


def test_a_total_more_than_a_cent_off_is_warned(tmp_path):
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": WORKED + "total_published: 89.93\n"})
    assert located(problems) == {("published_differs", 2, "total_published")}


def test_the_item_table_recomputes_indicators_9_and_10_against_the_framework(tmp_path):
    # custom-2568: 9.1 = O1–O3, 9.2 = O4–O5, 10.1 = O6–O7. O3 and O7 at 0: 9 = (66.67 + 100) / 2 = 83.33, 10 = 50.
    items = "oit_items: {O1: 100, O2: 100, O3: 0, O4: 100, O5: มี, O6: 100, O7: ไม่มี}\n"
    good = WORKED.replace("9: 84.42", "9: 83.33").replace("10: 93.75", "10: 50.00")
    data, problems = loaded(tmp_path, {"data/ita/2568.yml": good + items})
    assert problems == []
    assert data.ita[2568].oit_items["O5"] == 100 and data.ita[2568].oit_items["O7"] == 0
    _, problems = loaded(tmp_path / "b", {"data/ita/2568.yml": "indicators:\n" + "".join(
        f"  {n}: {v}\n" for n, v in enumerate([90, 90, 90, 90, 90, 90, 90, 90, 83.33, 60], start=1)) + items})
    assert located(problems) == {("published_differs", 11, "indicators.10")}
    assert "60.00" in problems[0].th and "50.00" in problems[0].th


def test_an_item_table_with_an_unknown_or_missing_item_is_warned(tmp_path):
    items = "oit_items: {O1: 100, O2: 100, O3: 100, O4: 100, O5: 100, O6: 100, O9: 100}\n"
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": WORKED + items})
    assert {p.code for p in problems} == {"unknown_item", "incomplete_items"}
    assert all(p.severity == "warning" and p.line == 2 for p in problems)


@pytest.mark.parametrize("text, code, field", [
    ("indicators: {1: 90, 2: 90}\n", "indicators", "indicators"),
    (WORKED.replace("93.75", "101"), "score", "indicators.10"),
    (WORKED.replace("92.10", "เก้าสิบ"), "score", "indicators.1"),
    ("total_published: 90\nstated_highest: 1\n", "stated_without_scores", "stated_highest"),
    (WORKED + "printed_order: [1, 2, 3]\n", "printed_order", "printed_order"),
    (WORKED + "stated_lowest: 11\n", "indicator", "stated_lowest"),
    (WORKED + "stated_highest: abc\n", "indicator", "stated_highest"),
    (WORKED + "printed_order: [11, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n", "indicator", "printed_order[0]"),
    (WORKED + "rank: 300\nrank_of: 245\n", "rank", "rank_of"),
    (WORKED + "rank: ๓\n", None, None),
    (WORKED + "oit_items: {O1: 50}\n", "item_score", "oit_items.O1"),
])
def test_wrong_results_are_errors_at_their_line(tmp_path, text, code, field):
    _, problems = loaded(tmp_path, {"data/ita/2568.yml": text})
    assert [(p.code, p.field, p.severity) for p in problems] == ([(code, field, "error")] if code else [])


def test_thai_digits_are_read_as_scores(tmp_path):
    data, problems = loaded(tmp_path, {"data/ita/2568.yml": WORKED.replace("92.10", "'๙๒.๑๐'")})
    assert problems == [] and data.ita[2568].scores[1] == Decimal("92.10")


def test_a_result_is_published_from_its_announcement_date():
    record = model.ItaYear.model_validate({"indicators": {n: 90 for n in range(1, 11)}, "announced": "2025-09-17"})
    assert model.public({2568: record}, date(2025, 9, 16)) == {}
    assert model.public({2568: record}, date(2025, 9, 17)) == {2568: record}
