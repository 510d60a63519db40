"""News posts: content/news/*.md with front matter, their listings and the feeds."""

from __future__ import annotations

from generator.engine.family import Family, Scaffold
from generator.families.news import pages
from generator.families.news.checks import check_news
from generator.families.news.model import public

SCAFFOLD = Scaffold("news", "content/news/{id}.md", "", "/news/<id>/", "พิมพ์หัวข้อ สรุป และเนื้อข่าว แล้วลบบรรทัด draft: true",
                    "write the headline, summary and text, then delete the draft: true line",
                    todo_th="ข่าวประชาสัมพันธ์", usage="--id <ชื่อข่าวภาษาอังกฤษ>")

FAMILY = Family("news", builders=(pages.build,), data="news", public=public,
                checks=(check_news,),
                scaffolds=(SCAFFOLD,))
