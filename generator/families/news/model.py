"""News posts (ข่าวประชาสัมพันธ์, OIT topic `news.pr`): Markdown files in `content/news/` with front matter.

A post is a hand-written page that MkDocs builds itself. This module reads only its front matter, so
that a wrong date or an unknown topic is reported like any data error (file, line, field, Thai
first), and says what is published: not a draft, and dated on or before the build date.

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
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from pydantic import Field, ValidationError

from generator.base import calendar
from generator.base.fields import ContentPath, Text, ThaiDate, TopicKey
from generator.base.messages import reported, translate
from generator.engine.records import Record, Withdrawal
from generator.base.problems import Problem
from generator.engine.publication import is_public
from generator.base.sources import SourceFile, parse_yaml, read_utf8

if TYPE_CHECKING:
    from generator.pipeline.load import Project

FOLDER = "news"
TOPIC = "news.pr"
# The same front-matter rule as MkDocs (mkdocs/utils/meta.py, YAML_RE), so we read what MkDocs reads.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
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


def load_news(project: Project, problems: list[Problem]) -> list[tuple[NewsPost, SourceFile]]:
    """Every `content/news/*.md` post's front matter, with its source for located checks."""
    folder = project.content_dir / FOLDER
    paths = [path for path in sorted(folder.glob("*.md")) if project.admits(path)]  # others: see Project.scan
    posts = [loaded for path in paths if (loaded := _load_post(project, path, problems))]
    for path in sorted(folder.glob("*/**/*.md")):
        problems.append(Problem(
            project.display(path), 0, "", "unknown_file",
            "ข่าวต้องอยู่ในโฟลเดอร์ content/news/ โดยตรง (ไม่อยู่ในโฟลเดอร์ย่อย) ให้ย้ายไฟล์ขึ้นมา",
            "news posts must sit directly in content/news/, not in a subfolder; move the file up", "warning"))
    return posts


def _load_post(project: Project, path: Path, problems: list[Problem]) -> tuple[NewsPost, SourceFile] | None:
    display = project.display(path)
    text = read_utf8(path, display, problems)
    if text is None:
        return None
    name_ok = _check_name(path, display, problems)
    match = _FRONT_MATTER.match(text)  # read_text gives "\n" line ends, as MkDocs reads
    if match is None:
        problems.append(Problem(
            display, 1, "", "front_matter",
            "ข่าวต้องขึ้นต้นด้วยส่วนหัวระหว่างบรรทัด --- สองบรรทัด ที่มีอย่างน้อย title: และ date: "
            "(ดูตัวอย่างใน README)",
            "a news post must start with front matter between two --- lines, with at least title: and date: "
            "(see the README)"))
        return None
    source = parse_yaml(match[1], display, problems, first_line=2)
    if source is None:
        return None
    value = source.value
    if isinstance(value, dict):
        if "slug" in value:
            problems.append(Problem(display, source.line_of(("slug",)), "slug", "extra_forbidden",
                                    "URL ของข่าวมาจากชื่อไฟล์ ให้ลบบรรทัด slug: แล้วเปลี่ยนชื่อไฟล์แทน",
                                    "a post's URL comes from its file name; remove the slug: line and rename "
                                    "the file instead"))
        # A bad file name is reported above; a stand-in slug lets the front matter be checked too.
        value = {**value, "slug": path.stem if name_ok else "invalid"}
    try:
        post = NewsPost.model_validate(value)
    except ValidationError as exc:
        for error in reported(exc.errors(), NewsPost):
            loc = tuple(error["loc"])
            code, th, en = translate(error, NewsPost)
            problems.append(Problem(display, source.line_of(loc), source.field_name(loc), code, th, en))
        return None
    if post.image and not (project.content_dir / post.image).is_file():
        problems.append(Problem(display, source.line_of(("image",)), "image", "missing_file",
                                f"ไม่พบไฟล์ content/{post.image} ให้ตรวจชื่อไฟล์ หรือนำรูปไปไว้ในโฟลเดอร์ content/",
                                f"content/{post.image} does not exist; check the name or put the picture there"))
        return None
    return (post, source) if name_ok else None


def _check_name(path: Path, display: str, problems: list[Problem]) -> bool:
    """The file name becomes the URL: lower-case a-z, digits, - and _, and not a name the site uses."""
    stem = path.stem
    if stem == "index" or stem.isdigit():
        problems.append(Problem(
            display, 1, "", "file_name",
            f"ชื่อไฟล์ {path.name} สงวนไว้สำหรับหน้ารวมข่าวที่ระบบสร้างเอง ให้ตั้งชื่ออื่น เช่น sport-day-{stem}.md",
            f"the name {path.name} is reserved for the news listings the site makes; choose another, "
            f"e.g. sport-day-{stem}.md"))
        return False
    if not _SLUG.match(stem):
        problems.append(Problem(
            display, 1, "", "file_name",
            f"ชื่อไฟล์ {path.name} ใช้เป็น URL ของข่าว จึงใช้ได้เฉพาะอักษรอังกฤษตัวเล็ก ตัวเลข - และ _ "
            "เช่น children-day-2568.md",
            f"the file name {path.name} becomes the post's URL: use only lower-case a-z, digits, - and _, "
            "e.g. children-day-2568.md"))
        return False
    return True
