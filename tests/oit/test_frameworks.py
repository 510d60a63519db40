"""The shipped OIT catalogues (`generator/oit/frameworks/*.yml`): they validate and keep the shape of the research."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.oit.framework import SHIPPED, Framework
from generator.base.topics import TOPICS

FILES = sorted(SHIPPED.glob("*.yml"))

# Items per catalogue (numbers run O1..On without gaps). A new catalogue needs a line here.
ITEM_COUNTS = {
    "nacc-2563.yml": 43,
    "nacc-2565.yml": 43,
    "obec-school-2566.yml": 43,
    "ovec-2568.yml": 37,
    "ovec-2569.yml": 23,
    "nacc-2568.yml": 28,
    "nacc-2569.yml": 26,
}

# Framework id → the one file that answers to it.
IDS = {
    "nacc-2563": "nacc-2563.yml",
    "nacc-2564": "nacc-2563.yml",
    "nacc-2565": "nacc-2565.yml",
    "obec-school-2566": "obec-school-2566.yml",
    "ovec-2568": "ovec-2568.yml",
    "ovec-2569": "ovec-2569.yml",
    "nacc-2568": "nacc-2568.yml",
    "nacc-2569": "nacc-2569.yml",
}

# Topic keys no shipped catalogue names yet, with the reason. Remove a key once a catalogue uses it.
DELIBERATELY_UNUSED: dict[str, str] = {
    "org.statistics": "no OIT list asks for the office's statistics tables; area offices print them in their plans "
                      "and reports, and the statistics pages carry the topic for when a list does",
}

# Catalogues without a monthly procurement item, with the reason.
NO_MONTHLY_PROCUREMENT = {
    "ovec-2569.yml": "O11 asks for the previous year's monthly summaries as an annual report (previous_fy)",
}

# Sub-indicators of the NACC 2563–2565 framework and their item counts (domain research §1).
NACC_2563_SUB_INDICATORS = [("9.1", 9), ("9.2", 8), ("9.3", 7), ("9.4", 4), ("9.5", 5), ("10.1", 8), ("10.2", 2)]


def load(path: Path) -> Framework:
    return Framework.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Framework]:
    return {path.name: load(path) for path in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_catalogue_validates(path: Path):
    framework = load(path)
    assert framework.items
    assert framework.sources


def test_every_expected_catalogue_is_shipped_and_counted():
    assert {path.name for path in FILES} == set(ITEM_COUNTS)


@pytest.mark.parametrize("name,count", ITEM_COUNTS.items())
def test_items_run_from_o1_without_gaps(catalogues, name, count):
    numbers = [item.number for item in catalogues[name].items]
    assert numbers == [f"O{n}" for n in range(1, count + 1)]


def test_sub_indicators_sit_under_their_indicator(catalogues):
    for name, framework in catalogues.items():
        assert [ind.number for ind in framework.indicators] == [9, 10], name
        for indicator in framework.indicators:
            ids = [sub.id for sub in indicator.sub_indicators]
            assert ids == [f"{indicator.number}.{n}" for n in range(1, len(ids) + 1)], name


def test_nacc_2563_sub_indicator_item_counts(catalogues):
    framework = catalogues["nacc-2563.yml"]
    counts = [(sub.id, len(sub.items)) for ind in framework.indicators for sub in ind.sub_indicators]
    assert counts == NACC_2563_SUB_INDICATORS


def test_nacc_2565_keeps_the_2563_grouping(catalogues):
    framework = catalogues["nacc-2565.yml"]
    counts = [(sub.id, len(sub.items)) for ind in framework.indicators for sub in ind.sub_indicators]
    assert counts == NACC_2563_SUB_INDICATORS


def test_nacc_2565_changes(catalogues):
    old = {item.number: item for item in catalogues["nacc-2563.yml"].items}
    new = {item.number: item for item in catalogues["nacc-2565.yml"].items}
    assert new["O34"].title_th == "นโยบายไม่รับของขวัญ (No Gift Policy)"
    assert new["O34"].topics == ["nogift.declaration"]
    assert old["O34"].topics == ["integrity.declaration"]
    assert new["O36"].title_th.endswith("และประพฤติมิชอบประจำปี")
    assert new["O37"].title_th.endswith("และประพฤติมิชอบ")
    assert new["O38"].title_th.endswith("ตามมาตรฐานทางจริยธรรม")
    changed = {n for n in old if (old[n].title_th, old[n].topics) != (new[n].title_th, new[n].topics)}
    assert changed == {"O34", "O36", "O37", "O38"}


def test_ids_resolve_to_exactly_one_file(catalogues):
    owners: dict[str, list[str]] = {}
    for name, framework in catalogues.items():
        for framework_id in framework.ids:
            owners.setdefault(framework_id, []).append(name)
    for framework_id, name in IDS.items():
        assert owners.get(framework_id) == [name], framework_id
    assert all(len(names) == 1 for names in owners.values()), owners


def test_every_named_topic_is_a_topic_key(catalogues):
    unknown = {(name, item.number, topic)
               for name, framework in catalogues.items()
               for item in framework.items
               for topic in item.topics if topic not in TOPICS}
    assert not unknown


def test_topic_coverage(catalogues):
    used = {topic for framework in catalogues.values() for item in framework.items for topic in item.topics}
    assert set(DELIBERATELY_UNUSED) <= set(TOPICS)
    assert not used & set(DELIBERATELY_UNUSED), "now used: remove from DELIBERATELY_UNUSED"
    assert set(TOPICS) - used == set(DELIBERATELY_UNUSED)


def test_no_item_repeats_a_topic(catalogues):
    for name, framework in catalogues.items():
        for item in framework.items:
            assert len(item.topics) == len(set(item.topics)), (name, item.number)


def test_monthly_procurement_is_first_half_monthly_with_a_nil_statement(catalogues):
    for name, framework in catalogues.items():
        monthly = [item for item in framework.items if "procurement.monthly" in item.topics]
        assert len(monthly) == (0 if name in NO_MONTHLY_PROCUREMENT else 1), name
        for item in monthly:
            assert item.timeliness == "first_half_monthly", (name, item.number)
            assert item.nil_statement_th == "ไม่มีการจัดซื้อจัดจ้าง", (name, item.number)
        per_month = [item.number for item in framework.items if item.timeliness == "first_half_monthly"]
        assert per_month == [item.number for item in monthly], name


def test_strategic_plan_is_multi_year(catalogues):
    for name, framework in catalogues.items():
        plans = [item for item in framework.items if "org.strategic_plan" in item.topics]
        assert len(plans) == 1, name
        assert all(item.timeliness == "multi_year" for item in plans), name
        assert [i.number for i in framework.items if i.timeliness == "multi_year"] == [plans[0].number], name


# Catalogues whose complaint statistics are the previous fiscal year's (NACC from 2568), not the first half's.
PREVIOUS_YEAR_COMPLAINT_STATISTICS = {"nacc-2568.yml", "nacc-2569.yml"}


def test_complaint_statistics_cover_their_period_and_say_when_there_are_none(catalogues):
    for name, framework in catalogues.items():
        stats = [item for item in framework.items if "complaints.statistics" in item.topics]
        assert len(stats) == 1, name
        expected = "previous_fy" if name in PREVIOUS_YEAR_COMPLAINT_STATISTICS else "first_half"
        assert stats[0].timeliness == expected, name
        assert stats[0].nil_statement_th == "ไม่มีเรื่องร้องเรียน", name


def test_uncertain_items_say_why(catalogues):
    for name, framework in catalogues.items():
        for item in framework.items:
            if item.uncertain:
                assert item.note_th, (name, item.number)


def test_every_shipped_catalogue_is_complete(catalogues):
    assert all(framework.complete for framework in catalogues.values())


def test_titles_do_not_repeat_the_item_number(catalogues):
    for name, framework in catalogues.items():
        for item in framework.items:
            assert not item.title_th.upper().startswith(item.number), (name, item.number)


def test_catalogue_files_start_with_a_header_comment():
    for path in FILES:
        comments = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("# "))
        header = " ".join(comments)
        assert header.startswith("OIT catalogue:"), path.name
        assert "Confidence" in header and "takes precedence" in header, path.name


def test_topic_list_is_documented():
    from pathlib import Path

    from generator.base.topics import TOPICS

    text = (Path(__file__).resolve().parents[2] / "docs" / "topics.md").read_text(encoding="utf-8")
    assert [key for key in TOPICS if f"| `{key}` |" not in text] == []
