"""`python -m generator new-year 2569`: the structure of the next fiscal year, never its facts.

It adds the year to `frameworks:` in data/site.yml (as a text edit, so the file's comments stay),
creates the files whose empty form is true on day one (an empty document and policy list, the No
Gift file with its declaration still commented out, a complaint register with its header row: no
case yet), and prints what the webmaster must add during the year. The OIT index of the year then
builds, with every item shown as missing until its evidence arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.base import calendar
from generator.base.messages import allowed_hint
from generator.oit.framework import FAMILIES, Framework
from generator.pipeline.load import Project, load
from generator.cli.scaffold import KINDS, refuse_existing, render_file, template_context, write_new
from generator.base.sources import parse_yaml
from generator.base.text_edit import Refused, Style, add_year_line, read_text, write_text

SITE_HEADER = ("# yaml-language-server: $schema=../schemas/site.schema.json\n"
               "# การตั้งค่าเว็บไซต์ที่กำหนดครั้งเดียว: กรอบการประเมิน OIT ของแต่ละปีงบประมาณ\n")


@dataclass
class Prepared:
    """What `new-year` did, and the checklist of what the webmaster adds during the year."""

    year: int
    framework: str
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)

    def report(self) -> str:
        """The lines printed after `new-year`."""
        start, end = calendar.fiscal_year_bounds(self.year)
        lines = [f"เพิ่ม {self.year}: {self.framework} ใน data/site.yml แล้ว / added {self.year}: {self.framework}"]
        lines += [f"สร้างไฟล์ {p} แล้ว / created {p}" for p in self.created]
        lines += [f"มีไฟล์ {p} อยู่แล้ว ไม่ได้แก้ / {p} exists, left as it is" for p in self.kept]
        lines.append(f"\nสิ่งที่ต้องเพิ่มใน{calendar.fy_label(self.year)} ({calendar.format_thai_date(start)} – "
                     f"{calendar.format_thai_date(end)}) / to add during the year:")
        lines += [f"  [ ] {item}" for item in self.checklist]
        lines.append(f"ระหว่างที่ยังไม่มีประกาศ No Gift ของปี {self.year} make check จะเตือน และ make build (--strict) "
                     f"จะไม่ผ่าน / until the year's No Gift declaration is in, check warns and a strict build fails")
        lines.append(f"ความพร้อมรายข้อของปี: python -m generator check --year {self.year} / readiness per OIT item")
        return "\n".join(lines)


def prepare(project: Project, year: int, framework: str | None = None, today: date | None = None) -> Prepared:
    """Add `year` to data/site.yml and create its empty structure; Refused if the year is already there."""
    site = project.data_dir / "site.yml"
    display = project.display(site)
    text, style = read_text(site) if site.exists() else (SITE_HEADER, Style())
    source = parse_yaml(text, display, [])
    configured = _configured(source.value if source else None)
    if year in configured:
        raise Refused(f"มีปี {year} ใน frameworks: ของ {display} อยู่แล้ว ({configured[year]}) ระบบไม่แก้ไข "
                      f"ถ้าต้องการเพิ่มไฟล์ของปี ให้ใช้ python -m generator new <ชนิด> --year {year}",
                      f"{year} is already in frameworks: of {display} ({configured[year]}); nothing was changed; "
                      f"add files with python -m generator new <kind> --year {year}")
    if configured and year > max(configured) + 1:  # a year skipped would never be checked or published
        raise Refused(f"ยังไม่ได้ตั้งปี {year - 1} ใน frameworks: ของ {display} (ปีล่าสุดคือ {max(configured)}) "
                      f"ให้ใช้ python -m generator new-year {max(configured) + 1} ก่อน",
                      f"{year - 1} is not in frameworks: of {display} (the latest is {max(configured)}); "
                      f"run python -m generator new-year {max(configured) + 1} first")
    data = load(project)[0]
    chosen = framework or choose_framework(configured, data.frameworks, year)
    known = ", ".join(sorted(data.frameworks))
    if chosen is None:
        raise Refused(f"ยังไม่มีปีก่อนหน้าใน frameworks: ให้ระบุ --framework เป็นชื่อใดชื่อหนึ่ง: {known}",
                      f"no earlier year in frameworks: to follow; give --framework, one of: {known}")
    if chosen not in data.frameworks and chosen not in FAMILIES:  # a family alone: provisional (oit/choice.py)
        hint_th, hint_en = allowed_hint(chosen, sorted(data.frameworks))
        raise Refused(f"ไม่พบกรอบการประเมิน '{chosen}' {hint_th}", f"no framework '{chosen}'; {hint_en}")
    updated = add_year_line(text, "frameworks", year, chosen, display)
    result = Prepared(year, chosen)
    files = []
    for kind in (k for k in KINDS.values() if k.new_year):
        path = project.root / kind.target.format(year=year, month=1, id="")
        try:
            refuse_existing(project, kind, path)
            files.append((kind, path))
        except Refused:
            result.kept.append(project.display(path))
    write_text(site, updated, style)  # every check has passed: now write
    for kind, path in files:
        context = template_context(data, kind, year, today or date.today(), {"id": None, "file": None})
        write_new(path, render_file(project, kind, path, context, "" if kind.entry else None))
        result.created.append(project.display(path))
    result.checklist = checklist(year, set(result.created) | set(result.kept), year - 1 in data.ita)
    return result


def choose_framework(configured: dict[int, str], catalogues: dict[str, Framework], year: int) -> str | None:
    """Its family's catalogue that lists `year` (NACC renumbers items yearly), or the family's name.

    The family matters: a catalogue of another family listing the year (OVEC's for colleges) is not
    the office's list, so it is never picked for an office assessed under another family.
    """
    earlier = [y for y in configured if y < year]
    if not earlier:
        return None
    previous = configured[max(earlier)]
    catalogue = catalogues.get(previous)
    if catalogue is None:  # the previous year already names a family: it stays provisional with it
        return previous
    newer = f"{catalogue.family}-{year}"
    if newer in catalogues:
        return newer
    # A family that publishes a list every year (NACC, OVEC) has not published this one yet: its
    # name, so the site labels the year provisional and picks the year's list up, with no edit, once
    # it is shipped (generator/oit/choice.py). A one-list family keeps its list.
    yearly = sum(1 for c in catalogues.values() if c.family == catalogue.family) > 1
    return catalogue.family if yearly else previous


def checklist(year: int, present: set[str], has_previous_ita: bool) -> list[str]:
    """One line per yearly family: edit the file that exists, or the `new` command that makes it."""
    lines = []
    if not has_previous_ita:
        lines.append(f"ผลการประเมิน ITA ปี {year - 1} (ใช้หาจุดอ่อนสำหรับมาตรการ): "
                     f"python -m generator new ita --year {year - 1}")
    for kind in KINDS.values():
        what = kind.todo_th.format(year=year, prev=year - 1)
        path = Path(kind.target.format(year=year, month=1, id="x")).as_posix()
        if path in present and not kind.entry:
            lines.append(f"{what}: แก้ไข {path}")
        else:
            usage = f" {kind.usage.format(year=year)}" if kind.usage else ""
            lines.append(f"{what}: python -m generator new {kind.name} --year {year}{usage}")
    return lines


def _configured(value: object) -> dict[int, str]:
    """`frameworks:` of site.yml by B.E. year (written with Thai digits too)."""
    frameworks = value.get("frameworks") if isinstance(value, dict) else None
    if not isinstance(frameworks, dict):
        return {}
    out = {}
    for key, framework in frameworks.items():
        digits = calendar.to_arabic_digits(str(key)).strip()
        if digits.isdigit():
            out[int(digits)] = str(framework)
    return out
