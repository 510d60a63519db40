"""Policy pages: HTML first, the signature formula, superseded policies pointing at their successor."""

from generator.families.policies import pages as policies


def pages_by_url(site):
    return {p.url: p for p in policies.build(site)}


def test_index_year_and_policy_pages_at_stable_urls(site):
    pages = pages_by_url(site)
    assert set(pages) == {"/policies/", "/policies/2568/", "/policies/bribery-old/", "/policies/bribery-new/"}
    assert pages["/policies/"].in_nav and not pages["/policies/bribery-new/"].in_nav
    assert pages["/policies/bribery-new/"].topics == ["measures.announcement"]


def test_policy_page_renders_markdown_body_escaped_and_the_acting_formula(site):
    md = pages_by_url(site)["/policies/bribery-new/"].markdown
    assert "ห้ามรับสินบน &amp; ให้รายงานทันที" in md
    assert "1. ข้อแรก\n2. ข้อสอง" in md
    assert "(นางรอง ทดสอบ)<br>\nรองผู้อำนวยการสำนักงานทดสอบ<br>\nรักษาราชการแทน ผู้อำนวยการสำนักงานทดสอบ" in md
    assert '<div lang="en" markdown>' in md and "No bribes." in md


def test_superseded_policy_says_so_and_links_its_successor(site):
    pages = pages_by_url(site)
    old = pages["/policies/bribery-old/"].markdown
    assert '!!! warning "ฉบับนี้ถูกแทนที่แล้ว"' in old and "(bribery-new.md)" in old
    assert "**ที่ ๑๖๙/๒๕๖๓**" in old
    new = pages["/policies/bribery-new/"].markdown
    assert '!!! info "ฉบับนี้แทนฉบับเดิม"' in new and "(bribery-old.md)" in new
    assert "(ถูกแทนที่แล้ว)" in pages["/policies/2568/"].markdown
