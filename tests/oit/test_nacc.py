"""The NACC lists an area office answers in ITAS: 2568 (28 items) and 2569 (26 items), as the research
(`../shared/research/oit-2568-2569.md`) recovered them, with the year of each item's evidence."""

from __future__ import annotations

import pytest

from generator.base.topics import TOPICS
from generator.engine.pages import Page
from generator.oit.framework import SHIPPED, Framework
from generator.pipeline.core import run
from generator.pipeline.load import Project, load
from tests.conftest import GOOD, GOOD_TODAY

TITLES_2568 = [
    "โครงสร้างและอำนาจหน้าที่",
    "ข้อมูลผู้บริหาร",
    "ข้อมูลการติดต่อ",
    "ข่าวประชาสัมพันธ์",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
    "รายงานผลการดำเนินงานประจำปี",
    "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "E–Service",
    "ข้อมูลสถิติการให้บริการ",
    "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ",
    "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
    "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
    "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงาน",
    "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต",
    "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
]

TITLES_2569 = [
    "โครงสร้าง หน้าที่และอำนาจ",
    "ข้อมูลผู้บริหาร",
    "ข้อมูลการติดต่อและช่องทางการสอบถาม",
    "ข่าวประชาสัมพันธ์",
    "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี",
    "รายงานผลการดำเนินงานประจำปี",
    "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)",
    "สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน",
    "รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน",
    "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
    "การขับเคลื่อนนโยบาย NO GIFT POLICY จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์"
    "การรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยาของเจ้าพนักงานของรัฐ",
    "การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ",
    "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "รายงานผลการดำเนินการป้องกันการทุจริต",
    "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
]

# Items answered with the previous fiscal year's evidence (the years the source agency posted).
PREVIOUS_2568 = {"O7", "O11", "O13", "O15", "O19", "O24", "O26", "O28"}
PREVIOUS_2569 = {"O7", "O12", "O14", "O18", "O22", "O24", "O26"}

# Topics that family pages emit but the NACC lists from 2568 no longer ask for, with the reason.
NOT_ASKED_SINCE_2568 = {
    "org.laws": "the related-laws item was dropped after 2565",
    "interaction.social": "social networks folded into the contact item (2569 O3 names the Q&A channel)",
}


def catalogue(name: str) -> Framework:
    return load(Project.at(GOOD))[0].frameworks[name]


@pytest.mark.parametrize("name, titles", [("nacc-2568", TITLES_2568), ("nacc-2569", TITLES_2569)])
def test_numbers_and_titles_are_those_of_the_research(name, titles):
    items = catalogue(name).items
    assert [i.number for i in items] == [f"O{n}" for n in range(1, len(titles) + 1)]
    assert [i.title_th for i in items] == titles


def test_o6_of_2568_is_the_nacc_title_not_the_school_variant():
    o6 = catalogue("nacc-2568").items[5]
    assert o6.title_th == "แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณประจำปี" and not o6.uncertain


@pytest.mark.parametrize("name, previous, year", [("nacc-2568", PREVIOUS_2568, 2568),
                                                  ("nacc-2569", PREVIOUS_2569, 2569)])
def test_each_item_asks_for_the_year_the_research_shows(name, previous, year):
    for item in catalogue(name).items:
        years = {item.evidence_fy(topic, year) for topic in item.topics}
        if item.number in previous:
            assert years == {year - 1}, item.number
        elif item.number == "O20" and name == "nacc-2569":  # this year's declaration, last year's report
            assert [item.evidence_fy(t, year) for t in item.topics] == [2569, 2569, 2568]
        else:
            assert years == {year}, item.number


def test_sources_confidence_and_uncertainty_are_kept():
    for name in ("nacc-2568", "nacc-2569"):
        framework = catalogue(name)
        header = (SHIPPED / f"{name}.yml").read_text(encoding="utf-8").split("\nfamily:")[0]
        assert "rtrdasmartrailway/web-app-rtrda" in " ".join(framework.sources)
        assert "Confidence: " + ("high" if name == "nacc-2568" else "medium") in header
        assert framework.family == "nacc" and framework.fiscal_years == [int(name[-4:])]
        assert framework.manual_url is None  # no public link to the manual is known: never invented
    assert [i.number for i in catalogue("nacc-2568").items if i.uncertain] == ["O25", "O26"]


def test_2569_merges_service_statistics_and_uses_the_ita_result():
    items = {i.number: i for i in catalogue("nacc-2569").items}
    assert items["O10"].topics == ["service.eservice", "service.statistics"]
    assert items["O11"].topics == ["procurement.monthly"] and items["O11"].timeliness == "first_half_monthly"
    assert items["O12"].topics == ["procurement.annual_report"]
    assert items["O25"].topics == ["ita.improvement", "measures.announcement"]


def test_no_dead_topic_and_no_family_page_left_unasked():
    """Every topic a NACC list names is one the families publish (a page, or a document's topics),
    and every topic a family page of the test office carries is asked for by both lists."""
    named = {name: {t for item in catalogue(name).items for t in item.topics} for name in ("nacc-2568", "nacc-2569")}
    assert set().union(*named.values()) <= set(TOPICS)  # documents and policies may carry any of these
    result = run(Project.at(GOOD), GOOD_TODAY)
    emitted = {t for p in result.pages if isinstance(p, Page) and not p.src_uri.startswith("documents/")
               for t in p.topics}
    assert emitted, "the test office builds topic pages"
    for name, topics in named.items():
        assert emitted - topics <= set(NOT_ASKED_SINCE_2568), name
