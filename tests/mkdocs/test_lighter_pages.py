"""Lighter pages (issue 21): a page out of the nav (a document, an OIT item, a procurement month, a
news post) carries a trimmed menu, and the chrome every page repeats is small. The phone drawer and
the section marking are covered by tests/test_navigation.py and tests/test_mobile.py."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import material
import yaml

from generator.pipeline.build_config import NAV_FILE

from ..conftest import build_project, copy_example

SPRITE_ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"


def menu_of(html: str) -> str:
    """The site menu of a page, from its <nav> to the end of that <nav>."""
    menu = html[html.index('<nav class="md-nav md-nav--primary"'):html.index('<div class="md-sidebar md-sidebar--secondary"')]
    return menu[:menu.rindex("</nav>") + len("</nav>")]


def links_in_menu(html: str, url: str) -> set[str]:
    """The site paths the menu of the page at `url` links to."""
    return {urljoin(url, href) for href in re.findall(r'<a href="([^"]*)" class="md-nav__link', menu_of(html))}


def index_pages() -> list[str]:
    """The URLs of the section index pages of the default menu ("oit/", "procurement/")."""
    def walk(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, list):
            for child in node:
                yield from walk(child)
        elif isinstance(node, dict):
            for child in node.values():
                yield from walk(child)
    return [uri.removesuffix("index.md") for uri in walk(yaml.safe_load(NAV_FILE.read_text(encoding="utf-8")))
            if uri.endswith("/index.md")]


def test_a_page_out_of_the_nav_names_every_section_but_not_the_office_pages(example_site):
    links = links_in_menu(example_site.html("/oit/2568/o11/"), "/oit/2568/o11/")
    assert {"/" + url for url in index_pages()} <= links
    assert "/office/structure/" not in links and "/office/contact/" not in links
    # A page of the office's group (the statistics of a year) shows its whole group, like a nav page.
    for url in ("/statistics/2569/", "/office/"):
        assert "/office/structure/" in links_in_menu(example_site.html(url), url), url


def test_the_menu_has_no_blank_lines_between_its_tags(example_site):
    menu = menu_of(example_site.html("/procurement/2568/03/"))
    assert not re.search(r">\s*\n\s*\n", menu)
    assert len(menu.encode()) < 7_000  # 10.1 KB when Material wrote it out


def test_the_chrome_icons_are_one_file_the_browser_caches(example_site):
    page = example_site.html("/oit/2568/o11/")
    assert '<use href="../../../assets/images/icons.svg#material-magnify"/>' in page
    assert "<path" not in page[:page.index("<article")]  # no icon drawn inline in the header or menu
    sprite = (example_site.site_dir / "assets/images/icons.svg").read_text(encoding="utf-8")
    for name in re.findall(r'icons\.svg#material-([a-z-]+)"', page):
        # The symbol is Material's own icon: an upgrade of Material that redraws it fails here.
        path = re.search(r"<path[^>]*/>", (SPRITE_ICONS / f"{name}.svg").read_text(encoding="utf-8"))[0]
        assert f'<symbol id="material-{name}" viewBox="0 0 24 24">{path}</symbol>' in sprite, name


def test_a_detail_page_repeats_less_than_20_kb_of_chrome(example_site):
    for url in ("/oit/2568/o11/", "/procurement/2568/03/", "/news/children-day-2568/"):
        page = example_site.path(url).read_text(encoding="utf-8")
        article = page[page.index("<article"):page.index("</article>")]
        assert len(page.encode()) - len(article.encode()) < 20_000, url  # 25.9 KB before issue 21


def test_a_group_left_without_a_section_is_one_link_to_its_first_page(tmp_path):
    """An office's own menu: a group of hand-written pages shrinks to a link on pages out of the nav."""
    copy_example(tmp_path)
    config = tmp_path / "mkdocs.yml"
    nav = yaml.safe_load(NAV_FILE.read_text(encoding="utf-8"))
    moved = ["office/duties.md", "office/laws.md"]
    office = nav[1]["ข้อมูลหน่วยงาน"]
    office[:] = [entry for entry in office if entry not in moved]
    nav.append({"เกี่ยวกับเรา": moved})
    config.write_text(config.read_text(encoding="utf-8") + yaml.safe_dump({"nav": nav}, allow_unicode=True),
                      encoding="utf-8")
    build_project(tmp_path, tmp_path / "site")
    detail = menu_of((tmp_path / "site/oit/2568/o11/index.html").read_text(encoding="utf-8"))
    group = re.search(r'<li class="md-nav__item md-nav__item--pruned md-nav__item--nested">(.*?)</li>', detail)[1]
    assert 'href="../../../office/duties/"' in group and "เกี่ยวกับเรา" in group and "laws" not in group
    whole = (tmp_path / "site/office/duties/index.html").read_text(encoding="utf-8")
    assert "/office/laws/" in links_in_menu(whole, "/office/duties/") and "md-nav__item--pruned" not in whole
