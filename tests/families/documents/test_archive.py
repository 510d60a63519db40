"""The archive listings: by fiscal year and by kind; drafts and future items never appear."""

from generator.families.documents import archive as archive


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


def test_thai_digits_option_changes_dates_but_never_links(tmp_path):
    from generator.pipeline.core import run
    from generator.engine.pages import Page

    from tests.conftest import GOOD_TODAY, project_with

    project = project_with(tmp_path, {"data/site.yml": "frameworks:\n  2568: custom-2568\nthai_digits: true\n"})
    pages = {p.url: p for p in run(project, GOOD_TODAY).pages if isinstance(p, Page)}
    md = pages["/archive/2568/"].markdown
    assert '<time datetime="2024-10-15">๑๕ ต.ค. ๒๕๖๗</time>' in md
    assert "(../documents/plan-2568.md)" in md
    assert pages["/archive/2568/"].title == "เอกสารเผยแพร่ ปีงบประมาณ พ.ศ. ๒๕๖๘"
    assert "[0 4499 9000](tel:044999000)" in pages["/office/contact/"].markdown
