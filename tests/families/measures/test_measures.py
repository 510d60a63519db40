"""Integrity measures: answering last year's weak ITA indicators, the checks, the report's statuses and period."""

from __future__ import annotations

from datetime import date

import pytest

from generator.base.calendar import round_of
from generator.families.ita import outcome as ita
from generator.families.measures import model as measures

from tests.conftest import located
from tests.families.ita.test_ita import YEAR_2566, loaded

ISSUE = ("  - indicator: {n}\n    owners: [admin]\n    supervisor_th: รองผู้อำนวยการ\n    schedule: 2568-H2\n"
         "    measures:\n      - text_th: มาตรการ {n}\n")


def measures_file(*numbers: int, extra: str = "") -> str:
    return "issues:\n" + "".join(ISSUE.format(n=n) for n in numbers) + extra


def test_measures_answer_the_weak_indicators_of_the_year_before(tmp_path):
    data, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": measures_file(9, 8)})
    assert problems == []
    assert measures.weak_indicators(ita.outcome(2567, data.ita[2567])) == [9, 8]


def test_a_measure_for_a_passing_indicator_and_a_weak_one_without_measure_are_warnings(tmp_path):
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": measures_file(9, 4)})
    assert located(problems) == {("not_weak", 8, "issues[1].indicator"), ("weak_without_measure", 1, "issues")}
    assert all(p.severity == "warning" for p in problems)
    not_weak = next(p for p in problems if p.code == "not_weak")
    assert "85.40" in not_weak.th and "2567" in not_weak.th


def test_measures_without_the_previous_result_are_warned(tmp_path):
    _, problems = loaded(tmp_path, {"data/measures/2568.yml": measures_file(9)})
    assert [(p.code, p.severity) for p in problems] == [("no_ita_result", "warning")]
    assert "data/ita/2567.yml" in problems[0].th


def test_measure_references_are_checked(tmp_path):
    text = measures_file(9, 8).replace("owners: [admin]", "owners: [admin, nobody]", 1)
    text = text.replace("schedule: 2568-H2", "schedule: [2024-12, 2026-01]", 1)
    text += ("announcement:\n  date: 2024-12-18\n  document: no-such-doc\n")
    text = text.replace("      - text_th: มาตรการ 8\n", "      - text_th: มาตรการ 8\n        status: done\n"
                        "        evidence:\n          - {title_th: ก, document: missing-doc}\n"
                        "          - {title_th: ข, file: files/none.pdf}\n")
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert located(problems) == {
        ("unknown_unit", 3, "issues[0].owners[1]"),
        ("schedule_outside_year", 5, "issues[0].schedule[1]"),
        ("status_without_report", 13, "issues[1].measures[0]"),
        ("unknown_document", 16, "issues[1].measures[0].evidence[0].document"),
        ("missing_original", 17, "issues[1].measures[0].evidence[1].file"),
        ("unknown_document", 20, "announcement.document"),
    }
    assert {p.code for p in problems if p.severity == "warning"} == {"schedule_outside_year"}


def test_a_report_needs_a_status_on_every_measure(tmp_path):
    text = measures_file(9, 8, extra="report:\n  as_of: 2025-03-31\n").replace(
        "      - text_th: มาตรการ 9\n", "      - text_th: มาตรการ 9\n        status: done\n")
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert located(problems) == {("missing_status", 14, "issues[1].measures[0]"),
                                 ("done_without_result", 8, "issues[0].measures[0].status")}


@pytest.mark.parametrize("text, code", [
    (measures_file(9, 9), "duplicate"),
    (measures_file(11), "indicator"),
    (measures_file(9).replace("2568-H2", "2568-H3"), "period"),
    (measures_file(9) + "        status: finished\n", "literal_error"),
    (measures_file(9) + "        evidence:\n          - {title_th: ก, url: 'https://a.go.th/', document: x}\n", "original"),
])
def test_wrong_measures_are_errors(tmp_path, text, code):
    _, problems = loaded(tmp_path, {"data/ita/2567.yml": YEAR_2566, "data/measures/2568.yml": text})
    assert [p.code for p in problems if p.severity == "error"] == [code]


def test_statuses_accept_their_thai_labels_and_shares_are_computed():
    record = measures.MeasuresYear.model_validate({
        "report": {"as_of": "2025-03-31"},
        "issues": [{"indicator": 8, "owners": ["admin"], "supervisor_th": "รอง ผอ.", "schedule": "2568",
                    "measures": [{"text_th": "ก", "status": "ดำเนินการแล้ว"}, {"text_th": "ข", "status": "done"},
                                 {"text_th": "ค", "status": "อยู่ระหว่างดำเนินการ"}]},
                   {"indicator": 7, "owners": ["admin"], "supervisor_th": "รอง ผอ.", "schedule": ["2024-12"],
                    "measures": [{"text_th": "ง", "status": "not_started"}, {"text_th": "จ", "status": "done"},
                                 {"text_th": "ฉ", "status": "in_progress"}]}]})
    assert [(s.status, s.label_th, s.count, str(s.percent)) for s in measures.shares(record)] == [
        ("done", "ดำเนินการแล้ว", 3, "50.00"),
        ("in_progress", "อยู่ระหว่างดำเนินการ", 2, "33.33"),
        ("not_started", "ยังไม่ดำเนินการ", 1, "16.67"),
    ]


@pytest.mark.parametrize("as_of, period", [
    (date(2025, 2, 28), "2568"),  # before the half is over: not a six-month report
    (date(2025, 3, 31), "2568-H1"),
    (date(2025, 7, 1), "2568-H1"),
    (date(2025, 9, 30), "2568"),
])
def test_the_report_period_follows_its_as_of_date(as_of, period):
    assert round_of(2568, as_of).period == period


def test_a_report_is_published_once_it_is_no_draft_and_its_date_has_come():
    base = {"issues": [{"indicator": 8, "owners": ["admin"], "supervisor_th": "ร", "schedule": "2568",
                        "measures": [{"text_th": "ก", "status": "done"}]}],
            "announcement": {"date": "2024-12-18"}}
    record = measures.MeasuresYear.model_validate({**base, "report": {"as_of": "2025-03-31"}})
    draft = measures.MeasuresYear.model_validate({**base, "report": {"as_of": "2025-03-31", "draft": True}})
    assert measures.public({2568: record}, date(2024, 12, 17)) == {}  # not announced yet
    assert measures.public({2568: record}, date(2025, 3, 30))[2568].report is None
    assert measures.public({2568: record}, date(2025, 3, 31))[2568].report is not None
    assert measures.public({2568: draft}, date(2025, 10, 20))[2568].report is None
