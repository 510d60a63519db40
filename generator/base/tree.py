"""Only the repository's own files: every entry under data/ and content/ is looked at before anything is read.

MkDocs copies everything under content/ into the site and follows symbolic links as it goes, so a
link to `/etc/passwd` named like a PDF would be published, a link to `/etc` would publish a whole
tree, and a link that loops would walk forever. A FIFO named like a data file hangs whoever opens it,
and a directory named like one cannot be read. So the tree is walked once, without opening any file:
a link that leads outside the repository (or into one of its hidden folders such as `.git/`), a link
to a folder (MkDocs would publish what is under it, unchecked, and a loop would never end), and
anything that is neither a regular file nor a directory is an error at its own path.
The check runs before MkDocs walks content/ itself, so a refused entry is never copied.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterator

from generator.base.problems import Problem
from generator.base.sources import control_character, not_a_file

# Names of the files the generator reads: a folder so named is a mistake that nothing would read.
_FILE_LIKE = (".yml", ".yaml", ".csv", ".xlsx", ".md")
# Deeper than any real folder of originals; a loop made of links inside the repository stops here.
MAX_DEPTH = 32


def scan(folders: list[Path], root: Path, display: Callable[[Path], str]) -> list[Problem]:
    """Every entry under `folders` that may not be read or published, as located problems."""
    real_root = root.resolve()
    problems: list[Problem] = []
    for folder in folders:
        if folder.is_dir() or folder.is_symlink():
            problems += _walk(folder, real_root, display)
    return problems


def admits(path: Path, root: Path) -> bool:
    """True if `path` is a regular file whose real location is inside the repository, outside hidden folders."""
    try:
        real = path.resolve()
        info = os.stat(real)
    except (OSError, RuntimeError):  # a broken or looping link
        return False
    return stat.S_ISREG(info.st_mode) and _inside(real, root.resolve())


def inside(path: Path, root: Path) -> bool:
    """True if the real location of `path` is in the repository and outside its hidden folders."""
    try:
        return _inside(path.resolve(), root.resolve())
    except (OSError, RuntimeError):
        return False


def _walk(path: Path, root: Path, display: Callable[[Path], str], depth: int = 0) -> list[Problem]:
    problems: list[Problem] = []
    if problem := control_character(path.name, display(path), 1, ""):
        problems.append(problem)  # a newline or NUL in a file name would end up in URLs and messages
    if path.is_symlink():
        refused = _link_problem(path, root, display)
        if refused:
            return problems + [refused]
    try:
        info = os.stat(path)
    except OSError:
        return problems + [_outside(display(path))]
    if stat.S_ISDIR(info.st_mode) and path.suffix.lower() in _FILE_LIKE and depth:
        problems.append(not_a_file(display(path)))
    elif stat.S_ISDIR(info.st_mode) and depth <= MAX_DEPTH:
        for child in _children(path, display, problems):
            problems += _walk(child, root, display, depth + 1)
    elif not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        problems.append(not_a_file(display(path)))
    return problems


def _children(path: Path, display: Callable[[Path], str], problems: list[Problem]) -> Iterator[Path]:
    try:
        return iter(sorted(path.iterdir()))
    except OSError:
        problems.append(Problem(display(path), 0, "", "unreadable", "เปิดโฟลเดอร์นี้ไม่ได้ ตรวจสิทธิ์การอ่าน",
                                "this folder cannot be opened; check its permissions"))
        return iter(())


def _link_problem(path: Path, root: Path, display: Callable[[Path], str]) -> Problem | None:
    """A link to a folder, or one that leads out of the repository, into a hidden folder or nowhere."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return _outside(display(path))  # broken, or a loop of links: what it meant cannot be published
    if real.is_dir():
        return _folder_link(display(path))
    return None if _inside(real, root) else _outside(display(path))


def _inside(real: Path, root: Path) -> bool:
    if not real.is_relative_to(root):
        return False
    return not any(part.startswith(".") for part in real.relative_to(root).parts)


def _outside(name: str) -> Problem:
    return Problem(name, 0, "", "outside",
                   "ลิงก์ (symlink) นี้ชี้ออกนอกโฟลเดอร์ของเว็บไซต์ หรือชี้ไปยังไฟล์ที่ไม่มีอยู่ จึงไม่เผยแพร่ "
                   "ให้ลบลิงก์แล้วคัดลอกไฟล์จริงมาวางไว้แทน",
                   "this symbolic link leads outside the repository (or to nothing) and is never published; "
                   "delete the link and copy the real file here instead")


def _folder_link(name: str) -> Problem:
    return Problem(name, 0, "", "folder_link",
                   "ลิงก์ (symlink) ไปยังโฟลเดอร์ไม่รองรับ เพราะจะเผยแพร่ทุกไฟล์ในโฟลเดอร์นั้นโดยไม่ได้ตรวจ "
                   "ให้ลบลิงก์แล้วคัดลอกโฟลเดอร์จริงมาวางไว้แทน",
                   "a symbolic link to a folder is not supported: everything under it would be published "
                   "unchecked; delete the link and copy the real folder here instead")
