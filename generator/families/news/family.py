"""News posts: content/news/*.md with front matter, their listings and the feeds."""

from __future__ import annotations

from generator.engine.family import Family
from generator.families.news import pages
from generator.families.news.checks import check_news
from generator.families.news.model import published

FAMILY = Family("news", builders=(pages.build,), data="news", public=lambda posts, today: tuple(published(posts, today)),
                checks=(check_news,))
