"""An office's own page templates: `overrides/generator/<name>` replaces the shipped template `<name>`.

Material lets an office replace a theme file through `custom_dir`; this folder does the same for the
templates the generator makes its pages with, so an office changes a page without forking. A mistake
in such a template is the webmaster's to fix, so it is reported as a data problem is (file, line, Thai
first), never as a traceback: a file that replaces nothing is a warning (a misspelt name would
otherwise be ignored without a word), a template Jinja2 cannot read or render is an error.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from generator.base.problems import Problem
from generator.engine.render import environment

if TYPE_CHECKING:
    from generator.pipeline.load import Project

FOLDER = ("overrides", "generator")


def folder(root: Path) -> Path:
    """The override folder of the office whose repository is at `root` (it may not exist)."""
    return root.joinpath(*FOLDER)


def check_overrides(project: Project) -> list[Problem]:
    """Files in the override folder that replace no shipped template, or that Jinja2 cannot compile."""
    here = folder(project.root)
    if not here.is_dir():
        return []
    shipped = environment()
    names = set(shipped.list_templates())
    problems = []
    for path in sorted(here.iterdir()):
        # Hidden files are an editor's or the OS's; a link out of the repository is reported by the scan.
        if path.name.startswith(".") or not path.is_file() or not project.admits(path):
            continue
        name = project.display(path)
        if path.name not in names:
            problems.append(_unknown(name, path.name, names))
            continue
        try:
            shipped.compile(path.read_text(encoding="utf-8"), path.name, str(path))
        except UnicodeDecodeError:
            problems.append(Problem(name, 0, "", "encoding",
                                    "แม่แบบต้องบันทึกเป็น UTF-8 ให้บันทึกไฟล์ใหม่เป็น UTF-8",
                                    "a template must be saved as UTF-8; save the file again as UTF-8"))
        except jinja2.TemplateSyntaxError as error:
            problems.append(_problem(name, error.lineno or 0, error))
    return problems


def render_problem(project: Project, error: Exception) -> Problem | None:
    """The problem `error` is if an office template raised it while a page was made; None if not."""
    here = os.path.normpath(folder(project.root))
    where = None
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        where = (error.filename, error.lineno or 0)
    tb = error.__traceback__
    while tb is not None:  # Jinja2 gives each template line a frame named after the template file
        if os.path.dirname(tb.tb_frame.f_code.co_filename) == here:
            where = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    if where is None or os.path.dirname(where[0]) != here:
        return None
    return _problem(project.display(Path(where[0])), where[1], error)


def _unknown(name: str, file_name: str, names: set[str]) -> Problem:
    close = difflib.get_close_matches(file_name, sorted(names), n=1)
    hint_th = f"ตั้งชื่อไฟล์เป็น '{close[0]}'" if close else "ตั้งชื่อไฟล์ให้ตรงกับแม่แบบใน generator/**/templates/"
    hint_en = f"name the file '{close[0]}'" if close else "name the file after a template in generator/**/templates/"
    return Problem(name, 0, "", "unknown_template",
                   f"ไม่มีแม่แบบหน้าชื่อ '{file_name}' ให้แทนที่ ไฟล์นี้จึงไม่ได้ใช้ {hint_th} หรือลบไฟล์นี้",
                   f"no page template is named '{file_name}', so this file is not used; {hint_en} or delete it",
                   "warning")


def _problem(name: str, line: int, error: Exception) -> Problem:
    detail = getattr(error, "message", None) or str(error) or type(error).__name__
    return Problem(name, line, "", "template",
                   f"ใช้แม่แบบนี้สร้างหน้าไม่ได้ ({detail}) ให้แก้บรรทัดนี้ หรือลบไฟล์เพื่อกลับไปใช้แม่แบบเดิม",
                   f"this template cannot make its page ({detail}); fix this line, or delete the file "
                   f"to go back to the shipped template")
