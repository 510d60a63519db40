"""News posts: front matter checked like data, listings per fiscal year, the date on each post."""

from __future__ import annotations

from datetime import date

import pytest

from generator.pipeline.core import run
from generator.families.news.model import NewsPost, is_post_uri
from generator.engine.pages import Page
from generator.families.news.pages import with_date
from generator.engine.publication import is_public

from tests.conftest import GOOD_TODAY, project_with


def post(title: str, when: str, *extra: str) -> str:
    return "\n".join(["---", f"title: {title}", f"date: {when}", *extra, "---", "", "เนื้อข่าว", ""])


POSTS = {
    "content/news/sport-day.md": post("กีฬาสีสำนักงาน", "15 มี.ค. 2568", "summary: แข่งขันกีฬาสี"),
    "content/news/old-news.md": post("ข่าวปีก่อน", "2024-09-30"),
    "content/news/draft-news.md": post("ข่าวร่าง", "2025-01-10", "draft: true"),
    "content/news/future-news.md": post("ข่าวล่วงหน้า", "2568-12-01"),
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The good test office with four posts, built on GOOD_TODAY (2025-05-15)."""
    result = run(project_with(tmp_path_factory.mktemp("news"), POSTS), GOOD_TODAY, "https://example.go.th/")
    assert result.ok, [p.render() for p in result.problems]
    return result


def pages_of(result) -> dict[str, Page]:
    return {p.url: p for p in result.pages if isinstance(p, Page) and p.url.startswith("/news/")}


def test_only_published_posts_reach_the_site_newest_first(small):
    assert [p.slug for p in small.site.news] == ["sport-day", "old-news"]
    assert [p.fiscal_year for p in small.site.news] == [2568, 2567]


def test_each_fiscal_year_has_a_listing_that_answers_the_news_item(small):
    pages = pages_of(small)
    assert set(pages) == {"/news/", "/news/2568/", "/news/2567/"}
    assert pages["/news/"].in_nav and not pages["/news/2568/"].in_nav
    year = pages["/news/2568/"]
    assert year.topics == ["news.pr"] and year.meta["period"] == "2568"
    assert year.title == "ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568"
    assert "## [กีฬาสีสำนักงาน](sport-day.md)" in year.markdown
    assert '<time datetime="2025-03-15">15 มี.ค. 2568</time> · แข่งขันกีฬาสี' in year.markdown
    # 30 Sep 2024 is the last day of fiscal year 2567.
    assert "ข่าวปีก่อน" in pages["/news/2567/"].markdown


def test_drafts_and_future_posts_are_in_no_listing(small):
    text = "\n".join(p.markdown for p in pages_of(small).values())
    assert "ข่าวร่าง" not in text and "ข่าวล่วงหน้า" not in text
    assert "[ปีงบประมาณ พ\\.ศ\\. 2568](2568.md) · 1 ข่าว" in pages_of(small)["/news/"].markdown


def test_the_date_line_goes_under_the_heading_or_on_top(small):
    sport = small.site.news[0]
    dated = with_date("# กีฬาสี\n\nเนื้อข่าว\n", sport)
    assert dated.startswith('# กีฬาสี\n\n<span class="oit-news-date"><time datetime="2025-03-15">15 มีนาคม 2568</time>')
    assert "[ข่าวประชาสัมพันธ์ ปีงบประมาณ พ\\.ศ\\. 2568](2568.md)</span>\n\nเนื้อข่าว" in dated
    assert with_date("เนื้อข่าว\n", sport).startswith('<span class="oit-news-date">')
    in_code = with_date("```\n# ไม่ใช่หัวข้อ\n```\n\n# หัวข้อ\n", sport)
    assert in_code.index("oit-news-date") > in_code.index("# หัวข้อ")
    assert with_date("หัวข้อ\n======\nเนื้อข่าว\n", sport).startswith("หัวข้อ\n======\n\n<span")


def test_post_uris_are_told_from_the_listing():
    assert is_post_uri("news/sport-day.md")
    assert not is_post_uri("news/index.md") and not is_post_uri("news/x/y.md") and not is_post_uri("office.md")


def test_a_bad_date_is_an_error_at_its_line_in_the_post(tmp_path):
    text = "---\ntitle: ข่าว\ndate: 31 ก.พ. 2568\n---\n\nเนื้อข่าว\n"
    result = run(project_with(tmp_path, {"content/news/x.md": text}), GOOD_TODAY)
    assert not result.ok
    [problem] = result.problems
    assert (problem.file, problem.line, problem.field, problem.code) == ("content/news/x.md", 3, "date", "date")
    assert problem.render().startswith("content/news/x.md:3: date: ไม่มีวันที่ 31 กุมภาพันธ์ 2568")


@pytest.mark.parametrize("name, text, expected", [
    ("Sport Day.md", post("ข่าว", "2025-01-01"), ("file_name", 1, "")),
    ("2568.md", post("ข่าว", "2025-01-01"), ("file_name", 1, "")),
    ("ok.md", "เนื้อข่าวไม่มีส่วนหัว\n", ("front_matter", 1, "")),
    ("ok.md", "---\ndate: 2025-01-01\ntopic: [news.pr]\n---\n", ("extra_forbidden", 3, "topic")),
    ("ok.md", "---\ndate: 2025-01-01\ntopic: [news.pr]\n---\n", ("missing", 2, "title")),
    ("ok.md", post("ข่าว", "2025-01-01", "topics: [nogift.cultur]"), ("topic", 4, "topics[0]")),
    ("ok.md", post("<b>ข่าว</b>", "2025-01-01"), ("html", 2, "title")),
    ("ok.md", post("ข่าว", "2025-01-01", "image: files/none.jpg"), ("missing_file", 4, "image")),
    ("ok.md", "---\ntitle: [ข่าว\n---\n", ("yaml", 3, "")),
])
def test_front_matter_mistakes_are_located(tmp_path, name, text, expected):
    result = run(project_with(tmp_path, {f"content/news/{name}": text}), GOOD_TODAY)
    assert expected in {(p.code, p.line, p.field) for p in result.problems}
    assert all(p.file == f"content/news/{name}" for p in result.problems)


def test_a_post_is_implicitly_news_and_keeps_its_extra_topics():
    record = NewsPost.model_validate({"slug": "x", "title": "ข่าว", "date": "2025-01-01",
                                      "topics": ["nogift.culture", "news.pr"]})
    assert record.all_topics == ("news.pr", "nogift.culture")
    assert is_public(record, date(2025, 1, 1)) and not is_public(record, date(2024, 12, 31))


# --- the example office, built by MkDocs -------------------------------------------------------


def test_news_index_is_in_the_nav_and_lists_the_years(example_site):
    home = example_site.html("/")
    assert 'href="news/"' in home and "ข่าวประชาสัมพันธ์" in home
    index = example_site.html("/news/")
    assert 'href="2568/"' in index and 'href="2567/"' in index
    assert 'href="feed.xml"' in index and 'href="../feed.xml"' in index


def test_fiscal_year_listing_shows_posts_with_thai_dates(example_site):
    html = example_site.html("/news/2568/")
    assert '<a href="../children-day-2568/">กิจกรรมวันเด็กแห่งชาติ ประจำปี 2568</a>' in html
    assert '<time datetime="2025-01-11">11 ม.ค. 2568</time>' in html
    assert "children-day-2567" not in html  # January 2024 belongs to fiscal year 2567


def test_a_post_page_shows_its_thai_date_and_stays_out_of_the_nav(example_site):
    html = example_site.html("/news/children-day-2568/")
    assert ('<span class="oit-news-date"><time datetime="2025-01-11">11 มกราคม 2568</time> · '
            '<a href="../2568/">ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568</a></span>') in html
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('<div class="md-content"')]
    assert "children-day" not in nav and 'href="../"' in nav  # the nav holds /news/, not the posts
    assert "children-day" not in example_site.html("/")


def test_draft_and_future_posts_are_not_published(example_site):
    for slug in ("committee-meeting-draft", "student-admission-2570"):
        assert not example_site.path(f"/news/{slug}/").exists()
        assert not list(example_site.site_dir.rglob(f"{slug}*"))
    listings = example_site.html("/news/") + example_site.html("/news/2568/")
    assert "ครั้งที่ 3/2568" not in listings and "ปีการศึกษา 2570" not in listings


def test_oit_news_item_links_the_news_listing_of_its_year(example_site):
    html = example_site.html("/oit/2568/o4/")  # NACC 2568 O4 ข่าวประชาสัมพันธ์
    assert 'href="../../../news/2568/"' in html
    assert "ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568" in html


def test_a_post_with_an_extra_topic_answers_that_oit_item(example_site):
    # content/news/no-gift-new-year-2568.md is tagged nogift.culture (O21 under nacc-2568).
    assert 'href="../../../news/no-gift-new-year-2568/"' in example_site.html("/oit/2568/o21/")
