"""Bar charts scale to the data: one case is a short bar, an empty month says "ไม่มี" once."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.engine.charts import Series, bar_chart, nice_top


def _widths(chart: str) -> list[float]:
    return [float(w) for w in re.findall(r"width:([0-9.]+)%", chart)]


def test_one_case_is_not_a_full_width_bar():
    chart = bar_chart("รายเดือน", ["ต.ค. 67", "พ.ย. 67"], [Series("รับใหม่", (1, 0)), Series("แล้วเสร็จ", (0, 1))], "สรุป")
    assert max(_widths(chart)) < 20  # 1 on a scale of 10, not 85 % of the row
    assert "แถบเต็มความยาว = 10" in chart


def test_a_month_with_nothing_says_so_once_instead_of_0_and_0():
    chart = bar_chart("รายเดือน", ["ต.ค. 67", "พ.ย. 67"], [Series("รับใหม่", (0, 2)), Series("แล้วเสร็จ", (0, 0))], "สรุป")
    first = chart[chart.index("ต.ค. 67"):chart.index("พ.ย. 67")]
    assert "ไม่มี" in first and "oit-chart__bar " not in first and ">0</span>" not in first
    second = chart[chart.index("พ.ย. 67"):]
    assert '<span class="oit-visually-hidden">แล้วเสร็จ </span>0</span>' in second  # a real 0 beside a 2 stays
    single = bar_chart("สถานะ", ["ยังไม่ดำเนินการ"], [Series("จำนวน", (0,))], "สรุป")
    assert '<span class="oit-visually-hidden">จำนวน </span>0</span>' in single  # one series: its count, 0


def test_the_scale_is_a_round_number_at_or_above_the_largest_value():
    assert [nice_top(v) for v in (0, 1, 10, 11, 26, 99, 120, 999)] == [10, 10, 10, 20, 50, 100, 200, 1000]
    scores = bar_chart("คะแนน", ["2567"], [Series("คะแนน", (Decimal("89.91"),))], "สรุป", top=100)
    assert _widths(scores) == [76.4] and "แถบเต็มความยาว" not in scores  # a given top (scores) is kept
