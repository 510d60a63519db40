"""Thai text set like print (issue 19): no-break joins, readable heading ids, one description per page,
the section and breadcrumb of deep pages, a Thai 404 page. Unit tests first, then the example build."""

from __future__ import annotations

import re
from types import SimpleNamespace

import markdown
import pytest

from generator.mkdocs.navigation import Crumb, breadcrumbs, menu_key, section_of
from generator.mkdocs.slugs import slugify
from generator.mkdocs.typeset import NBSP, description, join_numbers, join_text


def test_a_word_and_its_number_never_break_apart():
    assert join_text("สพป.ตัวอย่าง เขต 1") == f"สพป.ตัวอย่าง เขต{NBSP}1"
    assert join_text("พ.ศ. 2568") == f"พ.ศ.{NBSP}2568"
    assert join_text("มีนาคม 2568") == f"มีนาคม{NBSP}2568"
    assert join_text("O 12 รายการ") == f"O{NBSP}12 รายการ"
    assert join_text("ปีงบประมาณ พ.ศ. 2568") == f"ปีงบประมาณ{NBSP}พ.ศ.{NBSP}2568"
    assert join_text("ข้อ ๙ เรื่อง") == f"ข้อ{NBSP}๙ เรื่อง"  # Thai digits too
    # Only before a number: the space after it and between words stays a place to break.
    assert join_text("ภายใน 15 วันทำการ") == f"ภายใน{NBSP}15 วันทำการ"
    assert join_text("การเปิดเผยข้อมูล สาธารณะ") == "การเปิดเผยข้อมูล สาธารณะ"


def test_joins_touch_text_only_never_code_attributes_urls_or_scripts():
    page = ('<!doctype html><html><head><title>OIT พ.ศ. 2568</title>'
            '<meta name="description" content="เขต 1"><script>if (a<b) x = "เขต 1";</script>'
            '<style>/* เขต 1 */</style></head><body><!-- เขต 1 -->'
            '<p title="เขต 1">เขต 1 <a href="/find?q=เขต 1">พ.ศ. 2568</a> <code>เขต 1</code>'
            '<pre><code>มีนาคม 2568</code> เขต 1</pre> <kbd>O 12</kbd> หลัง code เขต 1</p></body></html>')
    out = join_numbers(page)
    assert f"<title>OIT พ.ศ.{NBSP}2568</title>" in out
    assert 'content="เขต 1"' in out and 'title="เขต 1"' in out and 'href="/find?q=เขต 1"' in out
    assert 'x = "เขต 1";</script>' in out and "/* เขต 1 */" in out and "<!-- เขต 1 -->" in out
    assert "<code>เขต 1</code>" in out and "<code>มีนาคม 2568</code> เขต 1</pre>" in out
    assert "<kbd>O 12</kbd>" in out
    assert f">เขต{NBSP}1 <a" in out and f">พ.ศ.{NBSP}2568</a>" in out and f"หลัง code เขต{NBSP}1</p>" in out
    assert out.replace(NBSP, " ") == page  # nothing else changed


def test_thai_headings_get_readable_stable_ids():
    assert slugify("ช่องทางการร้องเรียน", "-") == "ช่องทางการร้องเรียน"  # vowels and tone marks kept
    assert slugify("ข้อมูลหน่วยงาน (สรุป)", "-") == "ข้อมูลหน่วยงาน-สรุป"
    assert slugify("O12 รายการ พ.ศ. 2568", "-") == "o12-รายการ-พศ-2568"
    assert slugify("Contact Us", "-") == "contact-us"
    html = markdown.markdown("## ขั้นตอนการร้องเรียน\n\n## ขั้นตอนการร้องเรียน\n",
                             extensions=["toc"], extension_configs={"toc": {"slugify": slugify}})
    assert 'id="ขั้นตอนการร้องเรียน"' in html and 'id="ขั้นตอนการร้องเรียน_1"' in html


def test_the_description_is_the_first_paragraph_of_prose_within_160_characters():
    content = ('<h1>งบประมาณ</h1><div class="admonition note"><p>หมายเหตุ</p></div>'
               '<table><tr><td><p>ตาราง</p></td></tr></table>'
               '<p>สำนักงานเปิดเผย<strong>งบประมาณ</strong>รายจ่ายประจำปี &amp; ผลการใช้จ่าย ' + "ก" * 300 + '</p>')
    text = description(content, "งบประมาณ")
    assert text.startswith("สำนักงานเปิดเผยงบประมาณรายจ่ายประจำปี & ผลการใช้จ่าย") and len(text) <= 160
    assert text.endswith("…")
    # A short paragraph is led by the page's title, so that two "nothing to report" pages differ.
    assert description("<p>ไม่มีการจัดซื้อจัดจ้าง</p>", "มีนาคม 2568") == "มีนาคม 2568: ไม่มีการจัดซื้อจัดจ้าง"
    assert description("", "ข่าว &amp; กิจกรรม") == "ข่าว & กิจกรรม"
    # A status line is not prose: the prose after it is chosen, or the title leads it when it is alone.
    status = "<p><span>ครบถ้วน</span> · ตัวชี้วัดย่อยที่ 9.3 · ปีงบประมาณ พ.ศ. 2568</p>"
    assert description(status, "O12").startswith("O12: ครบถ้วน ·")
    assert description(status + "<p>" + "ก" * 70 + "</p>", "O12") == "ก" * 70


def _page(url):
    return SimpleNamespace(url=url)


def test_a_deep_page_belongs_to_the_nav_page_with_the_longest_prefix():
    nav = [_page(""), _page("oit/"), _page("office/"), _page("office/contact/")]
    assert section_of("oit/2568/o12/", nav).url == "oit/"
    assert section_of("office/contact/map/", nav).url == "office/contact/"
    assert section_of("news/x/", nav) is None  # the home page is no section
    assert section_of("oit/", nav) is None  # a page in the nav is its own entry


def test_pages_in_one_folder_share_a_menu_unless_a_menu_link_lies_inside_the_page():
    oit, documents = _page("oit/"), _page("documents/")
    links = ["", "oit/", "documents/", "documents/archive/x/"]
    one = menu_key("documents/plan-2567/", documents, links)
    assert one is not None and one == menu_key("documents/report-2568/", documents, links)
    assert menu_key("oit/2568/o12/", oit, links) != one  # another section open, another folder
    assert menu_key("documents/archive/", documents, links) is None  # the menu links below this page
    # What the key promises: every link of the menu is the same from both pages.
    from mkdocs.utils import get_relative_url
    assert all(get_relative_url(link, "documents/plan-2567/") == get_relative_url(link, "documents/report-2568/")
               for link in links)


def test_breadcrumbs_follow_the_url_through_the_pages_on_the_way():
    titles = {"": "หน้าแรก", "oit/": "OIT", "oit/2568/": "OIT 2568", "oit/2568/o12/": "O12 การจัดซื้อ"}
    assert breadcrumbs("oit/2568/o12/", titles, "หน้าแรก") == [
        Crumb("หน้าแรก", ""), Crumb("OIT", "oit/"), Crumb("OIT 2568", "oit/2568/"), Crumb("O12 การจัดซื้อ", "oit/2568/o12/")]
    assert breadcrumbs("oit/", titles, "หน้าแรก") == []  # a section page: the menu says where it is
    assert [c.url for c in breadcrumbs("procurement/2568/03/", {"procurement/": "จัดซื้อ", "procurement/2568/03/": "มี.ค."},
                                       "หน้าแรก")] == ["", "procurement/", "procurement/2568/03/"]


# The example office, built once per session (tests/conftest.py).

def _description(html: str) -> str:
    return re.search(r'<meta name="description" content="([^"]*)">', html)[1]


def test_every_page_describes_itself(example_site):
    budget, contact = example_site.html("/budget/"), example_site.html("/office/contact/")
    assert _description(budget) != _description(contact)
    assert all(0 < len(_description(p)) <= 160 for p in (budget, contact))


def test_headings_of_the_example_have_thai_ids_and_titles_keep_their_numbers(example_site):
    office = example_site.html("/office/")
    assert 'id="ข้อมูลหน่วยงาน"' in office and 'id="_1"' not in office
    raw = example_site.path("/oit/2568/").read_text(encoding="utf-8")
    assert f"ปีงบประมาณ{NBSP}พ.ศ.{NBSP}2568 - " in raw


def test_the_404_page_is_thai_with_search_and_ways_home(example_site):
    page = example_site.html("/404.html")
    assert "ไม่พบหน้าที่ต้องการ" in page and "404 - Not found" not in page
    article = page[page.index("<article"):page.index("</article>")]
    assert re.search(r'<a href="/\.?">กลับหน้าแรก</a>', article)
    assert 'href="/oit/"' in article and 'name="q"' in article


def test_every_section_is_in_the_menu_and_deep_pages_mark_theirs(example_site):
    page = example_site.html("/oit/2568/o12/")
    menu = page[page.index('md-nav--primary'):page.index('md-sidebar--secondary')]
    for name in ("การจัดซื้อจัดจ้าง", "นโยบายและประกาศ", "งบประมาณ", "เรื่องร้องเรียน", "การเปิดเผยข้อมูล (OIT)"):
        assert re.search(rf'<a href="[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*{re.escape(name)}\s*</span>', menu), name
    assert re.search(r'md-nav__item--active">\s*<a href="\.\./\.\./"', menu)  # /oit/ is the current section
    crumbs = re.search(r'<nav class="oit-breadcrumbs".*?</nav>', page, re.S)[0]
    assert [re.sub(r"<[^>]+>|\s+", " ", x).strip() for x in re.findall(r"<li>(.*?)</li>", crumbs, re.S)][:2] == \
        ["หน้าแรก", "การเปิดเผยข้อมูล (OIT)"]
    assert 'aria-current="page">O12' in crumbs


# Where a join is and is not made, at the edges: a word glued to Latin letters, more than three
# letters, attributes, comments, code, scripts, a self-closed SVG, the era, a tag between word and number.
EDGES = [
    ('เขตA 1', 'เขตA 1'),
    ('ABCD 1', 'ABCD 1'),
    ('x AB 12', 'x AB\u00a012'),
    ('<a title="เขต 1">เขต  1</a>', '<a title="เขต 1">เขต\u00a01</a>'),
    ('<!-- เขต 1 --> เขต 1', '<!-- เขต 1 --> เขต\u00a01'),
    ('<pre>เขต 1</pre>เขต 1', '<pre>เขต 1</pre>เขต\u00a01'),
    ('<code>ข้อ 1</code> ข้อ\n2', '<code>ข้อ 1</code> ข้อ\u00a02'),
    ("<script>var a='เขต 1'</script>", "<script>var a='เขต 1'</script>"),
    ('<svg/>เขต 1', '<svg/>เขต\u00a01'),
    ('ในปี ค.ศ. 2025', 'ในปี\u00a0ค.ศ.\u00a02025'),
    ('<b>เขต</b> 1', '<b>เขต</b> 1'),
    ('éa 1', 'éa 1'),
]


@pytest.mark.parametrize(("page", "joined"), EDGES)
def test_the_edges_of_a_join(page, joined):
    assert join_numbers(page) == joined
