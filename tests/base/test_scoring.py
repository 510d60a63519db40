"""Tests for generator.base.scoring: the domain.md worked example, level boundaries, half-up rounding, custom scales."""

from __future__ import annotations

import json
from decimal import Decimal, localcontext

import pytest

from generator.base.scoring import (
    DEFAULT_SCALE,
    ItaResult,
    Level,
    OitScores,
    Scale,
    item_score,
    ita_result,
    oit_scores,
    parse_decimal,
    round2,
)

D = Decimal

# FY 2563–2565 grouping: sub-indicator → its O-items (research/domain.md section 1).
GROUPING = {9: {"9.1": range(1, 10), "9.2": range(10, 18), "9.3": range(18, 25), "9.4": range(25, 29),
                "9.5": range(29, 34)},
            10: {"10.1": range(34, 42), "10.2": range(42, 44)}}
MISSING = {8, 11, 19, 31, 33, 36}  # the worked example's undisclosed items

# The worked example's invented IIT (1–5), EIT (6–8) and OIT (9–10) indicator scores.
EXAMPLE_INDICATORS = {1: D("92.10"), 2: D("88.40"), 3: D("90.00"), 4: D("86.50"), 5: D("89.80"),
                      6: D("93.20"), 7: D("91.10"), 8: D("90.40")}


def groups_for(missing: set[int]) -> dict[int, dict[str, list[Decimal]]]:
    """Item scores of every O-item in GROUPING, 0 for the numbers in `missing`."""
    return {number: {sub: [item_score(o not in missing) for o in items] for sub, items in subs.items()}
            for number, subs in GROUPING.items()}


def example_ita_indicators() -> dict[int, Decimal]:
    """The ten indicators of the worked example, with OIT indicators 9 and 10 at full precision."""
    oit = oit_scores(groups_for(MISSING))
    return {**EXAMPLE_INDICATORS, **oit.indicators}


# --- the worked example ------------------------------------------------------------------------------------------


def test_worked_example_oit_steps():
    scores = oit_scores(groups_for(MISSING))
    assert isinstance(scores, OitScores)
    assert scores.to_json() == {
        "sub_indicators": {"9.1": 88.89, "9.2": 87.50, "9.3": 85.71, "9.4": 100.00, "9.5": 60.00,
                           "10.1": 87.50, "10.2": 100.00},
        "indicators": {"9": 84.42, "10": 93.75},
        "oit": 89.09,
        "oit_weighted": 35.63,
    }
    assert DEFAULT_SCALE.level(scores.indicators[9]).code == "B"
    assert DEFAULT_SCALE.level(scores.indicators[10]).code == "A"


def test_worked_example_keeps_full_precision():
    scores = oit_scores(groups_for(MISSING))
    assert scores.sub_indicators["9.1"] != D("88.89")
    assert round2(scores.sub_indicators["9.1"]) == D("88.89")
    assert scores.indicators[9] != D("84.42")
    # OIT from the unrounded indicator 9 (84.4206…) is 89.0853…, not (84.42 + 93.75) / 2 = 89.085 → 89.09 by luck.
    assert scores.oit > D("89.0853") and scores.oit < D("89.0854")


def test_flat_mean_of_items_differs_from_the_rule():
    groups = groups_for(MISSING)
    items = [score for subs in groups.values() for scores in subs.values() for score in scores]
    assert len(items) == 43 and items.count(D(100)) == 37
    flat_weighted = round2(sum(items) / len(items) * D("0.40"))
    assert flat_weighted == D("34.42")
    assert round2(oit_scores(groups).oit_weighted) == D("35.63") != flat_weighted


def test_worked_example_ita():
    result = ita_result(example_ita_indicators())
    assert isinstance(result, ItaResult)
    assert result.to_json() == {"iit": 26.81, "eit": 27.47, "oit": 35.63, "total": 89.91, "level": "A", "pass": True}
    assert result.iit == D("26.808")
    assert result.level == Level("A", "Very Good", D("85.00"), True)


def test_total_is_sum_of_unrounded_components_and_matches_rounded_sum_here():
    result = ita_result(example_ita_indicators())
    with localcontext(prec=60):
        assert result.total == result.iit + result.eit + result.oit
    assert round2(result.total) == round2(result.iit) + round2(result.eit) + round2(result.oit) == D("89.91")


def test_to_json_emits_plain_two_decimal_numbers():
    text = json.dumps(ita_result(example_ita_indicators()).to_json())
    assert text == '{"iit": 26.81, "eit": 27.47, "oit": 35.63, "total": 89.91, "level": "A", "pass": true}'


def test_result_does_not_depend_on_callers_decimal_context():
    with localcontext(prec=3):
        result = ita_result(example_ita_indicators())
    assert round2(result.total) == D("89.91")


# --- levels ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("score, code, passes", [
    ("100", "AA", True), ("95.00", "AA", True), ("94.99", "A", True), ("85.00", "A", True),
    ("84.99", "B", False), ("75.00", "B", False), ("74.99", "C", False), ("65.00", "C", False),
    ("64.99", "D", False), ("55.00", "D", False), ("54.99", "E", False), ("50.00", "E", False),
    ("49.99", "F", False), ("0", "F", False),
])
def test_level_boundaries(score, code, passes):
    level = DEFAULT_SCALE.level(D(score))
    assert level.code == code
    assert level.passes is passes
    assert DEFAULT_SCALE.passes(D(score)) is passes


def test_level_uses_the_two_decimal_value():
    assert DEFAULT_SCALE.level(D("84.995")).code == "A"
    assert DEFAULT_SCALE.passes(D("84.995"))
    assert DEFAULT_SCALE.level(D("84.9949999")).code == "B"
    assert DEFAULT_SCALE.level(D("94.995")).code == "AA"


@pytest.mark.parametrize("score", ["-0.01", "100.01"])
def test_level_refuses_scores_outside_0_100(score):
    with pytest.raises(ValueError, match=r"^คะแนนต้องอยู่ระหว่าง 0 ถึง 100 .* / score must be between 0 and 100"):
        DEFAULT_SCALE.level(D(score))


def test_default_scale_table():
    assert [(lv.code, lv.label_en, lv.minimum) for lv in DEFAULT_SCALE.levels] == [
        ("AA", "Excellence", D("95.00")), ("A", "Very Good", D("85.00")), ("B", "Good", D("75.00")),
        ("C", "Fair", D("65.00")), ("D", "Poor", D("55.00")), ("E", "Extremely Poor", D("50.00")), ("F", "Fail", D(0))]
    assert DEFAULT_SCALE.pass_mark == D("85")
    assert DEFAULT_SCALE.weights == {"IIT": D("0.30"), "EIT": D("0.30"), "OIT": D("0.40")}
    assert DEFAULT_SCALE.tool_indicators == {"IIT": (1, 2, 3, 4, 5), "EIT": (6, 7, 8), "OIT": (9, 10)}


# --- half-up rounding where binary floats go wrong ---------------------------------------------------------------


def test_round2_is_half_up_where_float_round_is_not():
    assert round(2.675, 2) == 2.67  # 2.675 is stored as 2.67499999…
    assert round2(D("2.675")) == D("2.68")
    assert round(0.125, 2) == 0.12  # exact in binary, but round() is half-even
    assert round2(D("0.125")) == D("0.13")


def test_oit_mean_landing_on_half_cent():
    # 9.2 discloses 5 of 8 items, 10.1 7 of 8, everything else in full: 9 = 92.5, 10 = 93.75, OIT = 93.125 exactly.
    # (Sub-indicators of 2–9 items can never land on .xx5 themselves; the mean of indicators 9 and 10 can.)
    scores = oit_scores(groups_for({13, 14, 15, 36}))
    assert scores.oit == D("93.125")
    assert scores.to_json()["oit"] == 93.13
    float_oit = ((100 + 62.5 + 100 + 100 + 100) / 5 + (87.5 + 100) / 2) / 2
    assert round(float_oit, 2) == 93.12


def test_ita_total_on_the_pass_mark_half_cent():
    # These indicators give a total of exactly 84.995: published as 85.00, level A, pass.
    # The same arithmetic in binary floats gives 84.99499999999999 → 84.99, level B, fail.
    texts = ["85.29", "86.72", "86.70", "85.16", "84.58", "85.94", "84.81", "84.51", "83.83", "84.98"]
    result = ita_result({n: text for n, text in enumerate(texts, start=1)})
    assert result.total == D("84.995")
    assert result.to_json()["total"] == 85.00
    assert (result.level.code, result.passed) == ("A", True)
    f = [float(t) for t in texts]
    float_total = sum(f[0:5]) / 5 * 0.3 + sum(f[5:8]) / 3 * 0.3 + sum(f[8:10]) / 2 * 0.4
    assert round(float_total, 2) == 84.99


# --- custom scales ---------------------------------------------------------------------------------------------


def test_custom_pass_mark_changes_pass_but_not_level():
    scale = Scale(pass_mark=D("80"))
    indicators = {n: D("82") for n in range(1, 11)}
    default, custom = ita_result(indicators), ita_result(indicators, scale)
    assert (default.level.code, default.passed) == ("B", False)
    assert (custom.level.code, custom.passed) == ("B", True)


def test_custom_weights_change_total():
    scale = Scale(weights={"IIT": D("0.25"), "EIT": D("0.25"), "OIT": D("0.50")})
    result = ita_result(example_ita_indicators(), scale)
    # 89.36 × 0.25 + 91.5666… × 0.25 + 89.0853… × 0.50 = 22.34 + 22.8916… + 44.5426… = 89.7743…
    assert result.to_json() == {"iit": 22.34, "eit": 22.89, "oit": 44.54, "total": 89.77, "level": "A", "pass": True}


def test_custom_levels_and_tool_grouping():
    scale = Scale(levels=(Level("P", "Pass", D("60"), True), Level("N", "No", D("0"), False)),
                  tool_indicators={"IIT": (1, 2), "EIT": (3,), "OIT": (4,)})
    result = ita_result({1: 50, 2: 70, 3: 60, 4: 65}, scale)
    assert result.total == D("62.0")
    assert result.level.code == "P"
    assert not result.passed  # the default pass mark 85 still applies


# --- errors ----------------------------------------------------------------------------------------------------


def test_missing_indicator_is_reported_thai_first():
    indicators = example_ita_indicators()
    del indicators[7]
    with pytest.raises(ValueError) as caught:
        ita_result(indicators)
    assert str(caught.value) == "ต้องมีคะแนนตัวชี้วัดที่ 7 / indicator 7 is missing"


def test_missing_oit_indicator():
    groups = groups_for(MISSING)
    del groups[10]
    with pytest.raises(ValueError, match="^ต้องมีคะแนนตัวชี้วัดที่ 10 / indicator 10 is missing$"):
        oit_scores(groups)


def test_unknown_indicator():
    with pytest.raises(ValueError, match="^ไม่รู้จักตัวชี้วัดที่ 11 / unknown indicator 11$"):
        ita_result({**example_ita_indicators(), 11: D(90)})


def test_indicator_out_of_range():
    with pytest.raises(ValueError, match="^คะแนนตัวชี้วัดที่ 3 ต้องอยู่ระหว่าง 0 ถึง 100"):
        ita_result({**example_ita_indicators(), 3: D("100.5")})


def test_floats_are_refused():
    with pytest.raises(TypeError, match="float"):
        ita_result({**example_ita_indicators(), 3: 90.0})


def test_item_scores_are_all_or_nothing():
    assert item_score(True) == D(100) and item_score(False) == D(0)
    assert oit_scores({9: {"9.1": [100, 0, 100]}, 10: {"10.1": [D(0), D(100)]}}).indicators[10] == D(50)
    with pytest.raises(ValueError, match="^ข้อในตัวชี้วัดย่อย 9.1 ต้องได้ 0 หรือ 100"):
        oit_scores({9: {"9.1": [100, 50]}, 10: {"10.1": [100]}})
    with pytest.raises(ValueError, match="^ตัวชี้วัดย่อย 9.2 ไม่มีข้อ"):
        oit_scores({9: {"9.1": [100], "9.2": []}, 10: {"10.1": [100]}})


# --- parsing ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("๘๙.๙๑", "89.91"), ("๑๐๐", "100"), ("89.91", "89.91"), (" 85 ", "85"), ("1,234.50", "1234.50"),
    ("๑,๒๓๔.๕", "1234.5"), ("-0.80", "-0.80"), ("๘๔.๙๙๕", "84.995"),
])
def test_parse_decimal_accepts_thai_digits_and_commas(text, expected):
    assert parse_decimal(text) == D(expected)
    assert str(parse_decimal(text)) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,23", "12,3456", "85%", "NaN", "Infinity", "1.2.3", "1e3", "٣", ".5"])
def test_parse_decimal_refuses_other_text(text):
    with pytest.raises(ValueError, match="^อ่านเป็นตัวเลขไม่ได้: .* / not a number: "):
        parse_decimal(text)


def test_ita_result_reads_thai_digit_strings():
    indicators = {n: str(v) for n, v in example_ita_indicators().items() if n <= 8}
    indicators.update({1: "๙๒.๑๐", 9: "84.42", 10: "๙๓.๗๕"})
    assert ita_result(indicators).to_json()["total"] == 89.91
