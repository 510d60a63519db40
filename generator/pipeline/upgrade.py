"""What an office made with an older release must change, said at the file it concerns.

Before 0.2.0 an office copied this whole repository, theme included: its `overrides/` folder holds
copies of the theme files that now come with the package (`generator/theme/`). A copy left there
replaces the newer file of every later release, silently. A copy that is unchanged (its content is
one this repository shipped, or today's own) is a warning naming the command that removes it; a
file the office changed is its own choice, so it is a note that it replaces the generator's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from generator.base.problems import Problem
from generator.pipeline.build_config import THEME_DIR
from generator.pipeline.overrides import FOLDER

if TYPE_CHECKING:
    from generator.pipeline.load import Project

LEGACY = Path(__file__).with_name("legacy_theme.txt")


def check_theme_copies(project: Project) -> list[Problem]:
    """Files of the office's `overrides/` that are, or replace, the generator's own theme files."""
    here = project.root / FOLDER[0]
    if not here.is_dir():
        return []
    shipped = _shipped()
    problems = []
    for path in sorted(p for p in here.rglob("*") if p.is_file() and project.admits(p)):
        rel = path.relative_to(here).as_posix()
        if rel.startswith(FOLDER[1] + "/") or not (THEME_DIR / rel).is_file():
            continue  # the office's page templates (pipeline/overrides.py), or a file of its own
        if _digest(path) in shipped:
            problems.append(Problem(project.display(path), 1, "", "theme_copy",
                                    f"ไฟล์นี้เป็นสำเนาธีมจากรุ่นก่อน ตั้งแต่รุ่น 0.2.0 ธีมมากับแพ็กเกจ และสำเนานี้บังธีมรุ่นใหม่ไว้ "
                                    f"ให้ลบไฟล์: git rm {project.display(path)}",
                                    f"a copy of the theme from an earlier release; since 0.2.0 the theme comes with the "
                                    f"package and this copy hides the newer one: delete it (git rm {project.display(path)})",
                                    "warning"))
        else:
            problems.append(Problem(project.display(path), 1, "", "theme_replaced",
                                    f"ไฟล์นี้ใช้แทนไฟล์ธีม {rel} ของระบบ (ที่สำนักงานแก้เอง) หลังอัปเกรดทุกครั้งให้เทียบกับ "
                                    f"generator/theme/{rel} ของรุ่นใหม่",
                                    f"this file replaces the generator's theme file {rel} (the office's own change); "
                                    f"compare it with generator/theme/{rel} after each upgrade", "note"))
    return problems


def _shipped() -> set[str]:
    """Digests of every theme file this repository has shipped, today's included."""
    lines = LEGACY.read_text(encoding="utf-8").splitlines()
    known = {line.split(" ", 1)[0] for line in lines if line and not line.startswith("#")}
    return known | {_digest(p) for p in THEME_DIR.rglob("*") if p.is_file()}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
