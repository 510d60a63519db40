"""Reading news posts: the front matter of every `content/news/*.md`, each problem located."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from generator.base.messages import reported, translate
from generator.base.problems import Problem
from generator.base.sources import SourceFile, parse_yaml, read_utf8
from generator.engine.data import Project
from generator.families.news.model import FOLDER, NewsPost

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


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
