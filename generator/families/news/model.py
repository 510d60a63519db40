"""News posts (ข่าวประชาสัมพันธ์, OIT topic `news.pr`): Markdown files in `content/news/` with front matter.

A post is a hand-written page that MkDocs builds itself. Its front matter is a record like any other
(read by load.py beside this file, so a wrong date or an unknown topic is reported like any data
error: file, line, field, Thai first); this module says what is published: not a draft, and dated
on or before the build date.

    ---
    title: กิจกรรมวันเด็กแห่งชาติ ประจำปี 2568
    date: 11 ม.ค. 2568
    summary: สำนักงานจัดกิจกรรมวันเด็กร่วมกับโรงเรียนในสังกัด
    topics: [culture.activities]      # optional; every post is news.pr
    draft: true                       # optional; never published
    ---
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from pydantic import Field

from generator.base import calendar
from generator.base.fields import ContentPath, Text, ThaiDate, TopicKey
from generator.engine.records import Record, Withdrawal
from generator.engine.publication import is_public

FOLDER = "news"
TOPIC = "news.pr"
# The same front-matter rule as MkDocs (mkdocs/utils/meta.py, YAML_RE), so we read what MkDocs reads.
_POST_URI = re.compile(rf"^{FOLDER}/([^/]+)\.md$")


class NewsPost(Record):
    """One news post: the front matter of `content/news/<slug>.md`; the body stays with MkDocs."""

    slug: str = Field(description="จากชื่อไฟล์ / from the file name")
    title: Text = Field(description="หัวข้อข่าว (ข้อความธรรมดา) / headline, plain text")
    date: ThaiDate = Field(description="วันที่ของข่าว / date of the post")
    summary: Text | None = Field(None, description="สรุปข่าวหนึ่งถึงสองประโยค / one or two sentences")
    topics: list[TopicKey] = Field([], description="หัวข้อเพิ่มเติม นอกจาก news.pr / extra topic keys")
    draft: bool = Field(False, description="ร่าง ยังไม่เผยแพร่ / a draft, never published")
    image: ContentPath | None = Field(None, description="รูปประกอบในโฟลเดอร์ content/ / picture under content/")
    withdrawn: Withdrawal | None = Field(None, description="ถอนการเผยแพร่ (วันที่และเหตุผล) / withdrawal")

    @property
    def fiscal_year(self) -> int:
        """The B.E. fiscal year of the post's date."""
        return calendar.fiscal_year(self.date)

    @property
    def src_uri(self) -> str:
        """The post's docs-relative source (`news/sport-day.md`), as MkDocs names it."""
        return f"{FOLDER}/{self.slug}.md"

    @property
    def all_topics(self) -> tuple[str, ...]:
        """`news.pr`, then the extra topics the post names."""
        return tuple(dict.fromkeys((TOPIC, *self.topics)))

    @property
    def id(self) -> str:
        """The post's id is its slug, as documents and policies have theirs (shared checks use it)."""
        return self.slug

    @property
    def publication_date(self) -> date:
        """A post appears on its own date (generator/engine/publication.py)."""
        return self.date


def public(posts: Iterable[NewsPost], today: date) -> tuple[NewsPost, ...]:
    """The posts the site shows on `today`, newest first."""
    return tuple(sorted((p for p in posts if is_public(p, today)), key=lambda p: (p.date, p.slug), reverse=True))


def is_post_uri(src_uri: str) -> bool:
    """Whether a docs-relative path is a news post (`news/<slug>.md`, not the listing)."""
    match = _POST_URI.match(src_uri)
    return bool(match) and match[1] != "index"
