"""News listings: `/news/` (latest posts and the fiscal years), `/news/<year>/`, the feeds, and the date line.

The posts themselves are hand-written pages in `content/news/` that MkDocs builds; the listing of
each fiscal year is the OIT evidence for news (topic `news.pr`), so every catalogue finds it by topic
whatever number it gives the item. `with_date` puts a post's Thai date under its heading.
"""

from __future__ import annotations

import re

from generator.families.news import feeds
from generator.families.news.model import TOPIC, NewsPost
from generator.engine.render import fy_label, render
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

LATEST = 10  # posts on /news/: enough for the last month or two, light on a phone
_HEADING = re.compile(r" {0,3}#(?:[ \t]|$)")
_UNDERLINE = re.compile(r" {0,3}=+[ \t]*$")  # a "Title\n=====" heading
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def build(site: Site) -> list[Page | Asset]:
    """The news index (in the nav), one listing per fiscal year with posts, and the Atom feeds."""
    posts = site.news
    years = sorted({p.fiscal_year for p in posts}, reverse=True)
    office_name = site.office.name_th if site.office else ""
    out: list[Page | Asset] = [page(
        "news/index.md", "news.md.j2", "ข่าวประชาสัมพันธ์", in_nav=True, office_name=office_name,
        latest=posts[:LATEST], years=[(y, sum(1 for p in posts if p.fiscal_year == y)) for y in years])]
    for year in years:
        out.append(page(f"news/{year}.md", "news-year.md.j2", f"ข่าวประชาสัมพันธ์ {fy_label(year)}",
                        topics=(TOPIC,), period=str(year),
                        posts=[p for p in posts if p.fiscal_year == year]))
    return out + feeds.build(site)


def date_line(post: NewsPost) -> str:
    """The Markdown line shown under a post's heading: its Thai date and its fiscal year's listing."""
    return render("news-post.md.j2", post.src_uri, post=post).strip()


def with_date(markdown: str, post: NewsPost) -> str:
    """A post's Markdown with its date line right under the first `# ` heading, or at the top if none."""
    lines = markdown.splitlines(keepends=True)
    fence = ""
    for i, line in enumerate(lines):
        if match := _FENCE.match(line):
            marker = match[1]
            if not fence:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = ""
        elif not fence and (_HEADING.match(line) or (_UNDERLINE.match(line) and i and lines[i - 1].strip())):
            head, rest = "".join(lines[:i + 1]).rstrip("\n"), "".join(lines[i + 1:]).lstrip("\n")
            return f"{head}\n\n{date_line(post)}\n\n{rest}"
    return f"{date_line(post)}\n\n{markdown}"
