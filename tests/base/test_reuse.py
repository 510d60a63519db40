"""serve reads a data file again only when its bytes changed (generator/base/reuse.py), and says its problems every time."""

from __future__ import annotations

import shutil

from generator.base.problems import Problem
from generator.base.reuse import Reuse
from generator.engine.data import Project
from generator.pipeline.load import load

from tests.conftest import GOOD

BAD = Problem("data/units.yml", 3, "name_th", "required", "ต้องมีชื่อ", "a name is required")


def test_an_unchanged_file_is_not_read_again_and_its_problems_are_said_again(tmp_path):
    path = tmp_path / "units.yml"
    path.write_text("units: []\n", encoding="utf-8")
    reads: list[str] = []

    def work(problems: list[Problem]) -> str:
        reads.append(path.read_text(encoding="utf-8"))
        problems.append(BAD)
        return reads[-1].upper()

    reuse = Reuse()
    for _ in range(2):
        problems: list[Problem] = []
        assert reuse.file(path, "units", work, problems) == "UNITS: []\n"
        assert problems == [BAD]
        reuse.settle()
    path.write_text("units: [a]\n", encoding="utf-8")
    assert reuse.file(path, "units", work, []) == "UNITS: [A]\n"
    assert reads == ["units: []\n", "units: [a]\n"]


def test_a_file_gone_is_read_by_its_reader_which_says_so(tmp_path):
    said: list[Problem] = []
    missing = tmp_path / "gone.yml"
    assert Reuse().file(missing, "units", lambda problems: problems.append(BAD) or None, said) is None
    assert said == [BAD]


def test_loading_with_reuse_gives_the_same_records_and_problems_as_without(tmp_path):
    root = shutil.copytree(GOOD, tmp_path / "office")
    plain = load(Project.at(root))
    project = Project.at(root)
    project = Project(project.root, project.data_dir, project.content_dir, reuse=Reuse())
    first, again = load(project), load(project)
    assert first == plain and again == plain
    office = root / "data/office.yml"
    office.write_text(office.read_text(encoding="utf-8").replace("type:", "type: [", 1), encoding="utf-8")
    broken = load(project)
    assert broken == load(Project.at(root)) and broken[1] != plain[1]  # the edit is read, its error said
