"""The archive listings: by fiscal year and by kind; drafts and future items never appear."""

from generator.pages import archive


def pages_by_url(site):
    return {p.url: p for p in archive.build(site)}


def test_archive_has_index_year_and_kind_pages(site):
    pages = pages_by_url(site)
    assert set(pages) == {"/archive/", "/archive/2567/", "/archive/2568/", "/archive/strategic-plan/",
                          "/archive/annual-plan/", "/archive/progress-report/", "/archive/annual-report/",
                          "/archive/procurement-summary/"}
    assert pages["/archive/"].in_nav and not pages["/archive/2568/"].in_nav


def test_year_listing_links_each_published_document(site):
    md = pages_by_url(site)["/archive/2568/"].markdown
    assert "(../documents/plan-2568.md)" in md and "(../documents/report-2568-h1.md)" in md
    assert "7 รายการ" in md
    assert '<time datetime="2024-10-15">15 ต.ค. 2567</time>' in md


def test_drafts_and_future_items_are_not_listed(site):
    everything = "".join(p.markdown for p in archive.build(site))
    assert "draft-2568" not in everything and "ร่างประกาศ" not in everything
    assert "future-2568" not in everything


def test_kind_page_groups_by_year(site):
    md = pages_by_url(site)["/archive/annual-plan/"].markdown
    assert "## ปีงบประมาณ พ\\.ศ\\. 2568" in md
