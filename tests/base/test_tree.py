"""Only the repository's own files are published (issue #16): no route takes /etc/passwd into site/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from generator.pipeline.load import Project
from generator.base.tree import admits, scan

from tests.conftest import build_project
from tests.test_hostile import make_office

SECRET = Path("/etc/passwd")
# Every route the issue found, as a change to the small test office.
ROUTES = {
    "unreferenced-file-link": {"symlink": {"content/files/2568/passwd.pdf": str(SECRET)}},
    "folder-link": {"symlink": {"content/files/etc": "/etc"}},
    "referenced-original": {
        "symlink": {"content/files/2568/link.pdf": str(SECRET)},
        "edit": {"data/documents/2568.yml": [["file: files/2568/plan-2568.pdf", "file: files/2568/link.pdf"]]}},
    "news-image": {
        "symlink": {"content/files/news/photo.jpg": str(SECRET)},
        "write": {"content/news/photo-day.md": "---\ntitle: ข่าว\ndate: 2025-01-10\nimage: files/news/photo.jpg\n---\n\nข่าว\n"}},
    "markdown-image-link": {"symlink": {"content/passwd.png": str(SECRET)},
                            "append": {"content/index.md": "\n![รูป](passwd.png)\n"}},
    "markdown-absolute-path": {"append": {"content/index.md": "\n![รูป](/etc/passwd)\n"}},
    "theme-override-link": {"symlink": {"overrides/passwd.txt": str(SECRET)}},
}


def _leaked(root: Path, secret: bytes) -> list[str]:
    """Every file of any site folder (published, staged or kept) that holds the secret's bytes."""
    found = []
    for folder in (p for p in root.iterdir() if p.name.startswith("site")):
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink() and secret in path.read_bytes():
                found.append(path.relative_to(root).as_posix())
    return found


@pytest.mark.skipif(not SECRET.is_file(), reason="needs a system file to try to leak")
@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
@pytest.mark.parametrize("route", ROUTES, ids=list(ROUTES))
def test_no_route_publishes_a_file_from_outside(route, strict, tmp_path):
    root = make_office(tmp_path / "office", {"id": route, **ROUTES[route]})
    with pytest.raises((PluginError, Abort)) as failure:
        build_project(root, root / "site", strict=strict)
    assert str(tmp_path) not in str(failure.value)
    first_line = SECRET.read_bytes().splitlines()[0]
    assert _leaked(root, first_line) == []


def test_a_link_inside_the_repository_is_read_and_published(tmp_path):
    """A webmaster's own link to another file of the repository is fine (a shared logo, say)."""
    root = make_office(tmp_path / "office", {"id": "inside", "symlink": {"content/files/logo.pdf": "2568/plan-2568.pdf"}})
    project = Project.at(root)
    assert scan([project.content_dir], project.root, project.display) == []
    build_project(root, root / "site")
    assert (root / "site" / "files" / "logo.pdf").read_bytes() == (root / "content/files/2568/plan-2568.pdf").read_bytes()


def test_special_files_are_refused_without_being_opened(tmp_path):
    (tmp_path / "content").mkdir()
    os.mkfifo(tmp_path / "content" / "pipe.pdf")
    (tmp_path / "content" / "loop").symlink_to("loop")
    project = Project.at(tmp_path)
    problems = scan([project.content_dir], project.root, project.display)
    assert [(p.file, p.code) for p in problems] == [("content/loop", "outside"), ("content/pipe.pdf", "not_file")]
    assert not admits(tmp_path / "content" / "pipe.pdf", tmp_path)
