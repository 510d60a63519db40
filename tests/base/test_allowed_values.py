"""A value that is not allowed: the closest few first, the full list named once, never repeated twice."""

from __future__ import annotations

import pytest

from generator.base.messages import SHOWN, allowed_hint
from generator.base.vocabulary import DOCUMENT_KINDS
from generator.cli.main import main
from generator.pipeline.load import load

from tests.conftest import project_with

KIND = ("data/documents/2568.yml", "    kind: annual_plan\n", "    kind: anual_plan\n")


def test_a_long_list_gives_the_closest_and_where_the_rest_are():
    th, en = allowed_hint("anual_plan", DOCUMENT_KINDS, "schemas/documents.schema.json")
    assert th == "ใกล้เคียง: annual_plan, annual_report (รายการทั้งหมดใน schemas/documents.schema.json)"
    assert en == "closest: annual_plan, annual_report (full list in schemas/documents.schema.json)"


def test_nothing_close_gives_a_few_examples_and_where_the_rest_are():
    th, en = allowed_hint("xyz", DOCUMENT_KINDS, "schemas/documents.schema.json")
    assert th.startswith("เช่น strategic_plan, annual_plan") and th.count(",") == SHOWN - 1
    assert en.endswith("(full list in schemas/documents.schema.json)")


def test_a_short_list_or_one_written_nowhere_else_is_given_whole_closest_first():
    assert allowed_hint("Acting", ["self", "acting", "on_behalf"], "schemas/x.schema.json") == (
        "ใช้ค่าใดค่าหนึ่ง: acting, self, on_behalf", "use one of: acting, self, on_behalf")
    assert allowed_hint("q", list("abcdefg"))[1] == "use one of: a, b, c, d, e, f, g"


def _problem_line(tmp_path, rel: str, old: str, new: str) -> str:
    original = project_with(tmp_path / "a", {}).root / rel
    project = project_with(tmp_path / "b", {rel: original.read_text(encoding="utf-8").replace(old, new, 1)})
    (problem,) = [p for p in load(project)[1] if p.severity == "error"]
    return problem.render()


def test_a_wrong_document_kind_is_one_short_line_naming_the_schema(tmp_path):
    line = _problem_line(tmp_path, *KIND)
    assert line == ("data/documents/2568.yml:4: documents[0].kind: 'anual_plan' ไม่ใช่ค่าที่ใช้ได้ของ kind "
                    "ใกล้เคียง: annual_plan, annual_report (รายการทั้งหมดใน schemas/documents.schema.json) / "
                    "'anual_plan' is not an allowed kind; closest: annual_plan, annual_report "
                    "(full list in schemas/documents.schema.json)")
    assert len(line) < 300


@pytest.mark.parametrize("rel, old, new, expected", [
    ("data/documents/2568.yml", "topics: [ops.annual_plan]", "topics: [ops.anual_plan]",
     "closest: ops.annual_plan"),
    ("data/documents/2568.yml", "owner: admin", "owner: admn", "unit 'admn' is not in data/units.yml; use one of: admin, legal"),
])
def test_every_vocabulary_uses_the_same_short_form(tmp_path, rel, old, new, expected):
    line = _problem_line(tmp_path, rel, old, new)
    assert expected in line and line.count(new.split(": ")[1].strip("[]")) == 2  # the value once per language


def test_a_wrong_kind_for_new_is_one_line_with_the_closest_kinds(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["new", "docments", "--root", str(tmp_path)])
    error = capsys.readouterr().err.splitlines()[-1]
    assert error.endswith("argument kind: ไม่รู้จักชนิด 'docments' ใกล้เคียง: documents, procurement "
                          "(รายการทั้งหมดใน python -m generator new --help) / unknown kind 'docments'; "
                          "closest: documents, procurement (full list in python -m generator new --help)")


def test_the_first_versions_kind_names_are_still_accepted():
    from generator.cli.scaffold import parse_kind

    assert [parse_kind(k) for k in ("document", "policy", "plan", "budget")] == [
        "documents", "policies", "anticorruption", "budget"]
