"""Readiness: timeliness rules at their edges, judged as the assessor would."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from generator.base.calendar import parse_period
from generator.oit.framework import Framework
from generator.oit.readiness import Evidence, assess


def framework(timeliness: str, topic: str = "procurement.monthly") -> Framework:
    return Framework.model_validate(yaml.safe_load(f"""
family: custom
fiscal_years: [2568]
title_th: ทดสอบ
sources: [test]
indicators:
  - number: 9
    title_th: การเปิดเผยข้อมูล
    sub_indicators:
      - id: "9.1"
        title_th: ทดสอบ
        items:
          - {{number: O1, title_th: รายการ, topics: [{topic}], timeliness: {timeliness}}}
  - number: 10
    title_th: การป้องกันการทุจริต
    sub_indicators:
      - id: "10.1"
        title_th: ทดสอบ
        items:
          - {{number: O2, title_th: อื่น, topics: [anticorruption.plan], timeliness: current_fy}}
"""))


def evidence(period: str, topic: str = "procurement.monthly", published: date | None = None) -> Evidence:
    p = parse_period(period)
    return Evidence(f"เอกสาร {period}", f"documents/{period}.md", f"documents/{period}/", (topic,),
                    p.fiscal_years[-1] if len(p.fiscal_years) == 1 else p.fiscal_years[0], p, published)


def judge(timeliness, items, as_of=date(2025, 5, 1), topic="procurement.monthly"):
    result = assess("t", framework(timeliness, topic), 2568, items, as_of).items[0]
    return result.status, list(result.reasons), [e.url for e in result.evidence]


MONTHS = ["2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]


def test_every_month_present_is_complete():
    status, reasons, used = judge("first_half_monthly", [evidence(m) for m in MONTHS])
    assert status == "complete" and reasons == [] and len(used) == 6


def test_one_missing_month_is_named():
    status, reasons, _ = judge("first_half_monthly", [evidence(m) for m in MONTHS if m != "2025-02"])
    assert status == "missing"
    assert reasons == ["ไม่มีข้อมูลเดือนกุมภาพันธ์ 2568"]


def test_months_not_yet_over_are_not_required():
    status, reasons, _ = judge("first_half_monthly", [evidence(m) for m in MONTHS[:3]], as_of=date(2025, 1, 15))
    assert status == "complete"


def test_before_october_is_over_nothing_counts_yet():
    status, reasons, _ = judge("first_half_monthly", [evidence("2024-09")], as_of=date(2024, 10, 15))
    assert status == "missing" and reasons[0].startswith("ยังไม่ถึงกำหนด")


def test_a_whole_year_document_is_not_a_half_year_report():
    status, _, _ = judge("first_half", [evidence("2568", "ops.progress_h1")], topic="ops.progress_h1")
    assert status == "out_of_period"


def test_a_half_year_report_does_not_stand_for_each_month():
    status, _, _ = judge("first_half_monthly", [evidence("2568-H1")])
    assert status == "out_of_period"


def test_first_half_report_covers_october_to_march():
    assert judge("first_half", [evidence("2568-H1", "ops.progress_h1")], topic="ops.progress_h1")[0] == "complete"
    status, reasons, _ = judge("first_half", [evidence("2568-Q1", "ops.progress_h1")], topic="ops.progress_h1")
    assert status == "missing" and reasons == ["ไม่มีข้อมูลเดือนมกราคม 2568, กุมภาพันธ์ 2568, มีนาคม 2568"]


def test_first_half_report_is_missing_until_march_is_over():
    status, reasons, _ = judge("first_half", [evidence("2567-H1", "ops.progress_h1")], as_of=date(2025, 3, 31),
                               topic="ops.progress_h1")
    assert status == "missing" and "เผยแพร่ได้หลังวันที่ 31 มีนาคม 2568" in reasons[0]
    status, reasons, _ = judge("first_half", [evidence("2567-H1", "ops.progress_h1")], topic="ops.progress_h1")
    assert status == "out_of_period" and reasons[0].startswith("ไม่มีรายงานที่ครอบคลุมรอบ 6 เดือน")


def test_an_item_with_two_topics_needs_both_and_says_which_is_missing():
    base = framework("always").model_dump()
    base["indicators"][0]["sub_indicators"][0]["items"] = [
        {"number": "O1", "title_th": "โครงสร้างและอำนาจหน้าที่", "topics": ["org.structure", "org.duties"],
         "timeliness": "always"}]
    fw = Framework.model_validate(base)
    result = assess("t", fw, 2568, [evidence("2568", "org.structure")], date(2025, 5, 1)).items[0]
    assert result.status == "missing"
    assert result.reasons == ("อำนาจหน้าที่: ไม่มีเอกสารหรือหน้าในหัวข้อ “อำนาจหน้าที่”",)


def test_report_of_the_wrong_year_is_out_of_period():
    status, reasons, _ = judge("previous_fy", [evidence("2568", "ops.annual_report")], topic="ops.annual_report")
    assert status == "out_of_period"
    assert reasons == ["มีเฉพาะของปีงบประมาณ 2568 แต่ต้องเป็นปีงบประมาณก่อนหน้า (2567)"]
    assert judge("previous_fy", [evidence("2567", "ops.annual_report")], topic="ops.annual_report")[0] == "complete"


def test_current_year_rule():
    assert judge("current_fy", [evidence("2567", "ops.annual_plan")], topic="ops.annual_plan")[0] == "out_of_period"
    assert judge("current_fy", [evidence("2568", "ops.annual_plan")], topic="ops.annual_plan")[0] == "complete"


@pytest.mark.parametrize("period, status", [
    ("2566-2570", "complete"),
    ("2568-2572", "complete"),
    ("2561-2565", "out_of_period"),
    ("2568", "out_of_period"),  # one year is not a multi-year plan
])
def test_multi_year_plan_must_cover_the_year(period, status):
    assert judge("multi_year", [evidence(period, "org.strategic_plan")], topic="org.strategic_plan")[0] == status


def test_nothing_found_is_missing_and_names_the_topic():
    status, reasons, _ = judge("always", [], topic="org.structure")
    assert status == "missing" and reasons == ["ไม่มีเอกสารหรือหน้าในหัวข้อ “โครงสร้างหน่วยงาน”"]


def test_evidence_published_after_the_as_of_date_does_not_count():
    late = [evidence(m, published=date(2025, 6, 1)) for m in MONTHS]
    assert judge("first_half_monthly", late)[0] == "missing"
    assert judge("first_half_monthly", late, as_of=date(2025, 6, 2))[0] == "complete"


def item_framework(item: dict) -> Framework:
    base = framework("always").model_dump()
    base["indicators"][0]["sub_indicators"][0]["items"] = [{"number": "O1", "title_th": "รายการ", **item}]
    return Framework.model_validate(base)


def test_an_item_asking_for_the_previous_year_is_complete_with_that_years_report():
    fw = item_framework({"topics": ["ops.annual_report"], "timeliness": "current_fy", "evidence_year": "previous"})
    assess_2569 = lambda found: assess("t", fw, 2569, found, date(2026, 5, 1)).items[0]  # noqa: E731
    assert assess_2569([evidence("2568", "ops.annual_report")]).status == "complete"
    late = assess_2569([evidence("2569", "ops.annual_report")])
    assert late.status == "out_of_period"
    assert late.reasons == ("มีเฉพาะของปีงบประมาณ 2569 แต่ต้องเป็นปีงบประมาณก่อนหน้า (2568)",)


def test_a_living_page_answers_only_for_the_assessed_year():
    living = Evidence("หน้า", "x.md", "x/", ("ops.annual_report",))
    current = item_framework({"topics": ["ops.annual_report"], "timeliness": "current_fy"})
    previous = item_framework({"topics": ["ops.annual_report"], "timeliness": "previous_fy"})
    assert assess("t", current, 2569, [living], date(2026, 5, 1)).items[0].status == "complete"
    assert assess("t", previous, 2569, [living], date(2026, 5, 1)).items[0].status == "out_of_period"


def test_each_topic_may_ask_for_its_own_year():
    """NACC 2569 O20: this year's No Gift declaration with last year's No Gift report."""
    fw = item_framework({"topics": ["nogift.declaration", "nogift.report"], "timeliness": "current_fy",
                         "evidence_year": {"nogift.report": "previous"}})
    found = [evidence("2569", "nogift.declaration"), evidence("2568", "nogift.report")]
    assert assess("t", fw, 2569, found, date(2026, 5, 1)).items[0].status == "complete"
    wrong = assess("t", fw, 2569, [evidence("2569", "nogift.declaration"), evidence("2569", "nogift.report")],
                   date(2026, 5, 1)).items[0]
    assert wrong.status == "out_of_period"
    assert wrong.reasons == ("รายงานผลตามนโยบาย No Gift Policy: มีเฉพาะของปีงบประมาณ 2569 "
                             "แต่ต้องเป็นปีงบประมาณก่อนหน้า (2568)",)


@pytest.mark.parametrize("item, field", [
    ({"topics": ["ops.annual_report"], "timeliness": "previous_fy", "evidence_year": "current"}, "evidence_year"),
    ({"topics": ["ops.annual_report"], "timeliness": "current_fy", "evidence_year": {"hr.policy": "previous"}},
     "evidence_year"),
])
def test_contradictory_evidence_years_are_refused(item, field):
    with pytest.raises(ValueError, match=field):
        item_framework(item)
