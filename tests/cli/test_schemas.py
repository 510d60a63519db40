"""The JSON Schemas an editor uses agree with the loader.

An editor (VS Code with the YAML extension) finds a data file's schema through `.vscode/settings.json`
and the `# yaml-language-server: $schema=...` line at the top of the file. These tests read that
same mapping, so the editor and the tests cannot drift apart: every example file validates, and a
table of typical mistakes is rejected both by the schema and by `generator.pipeline.load.load`.

What a schema cannot say is pinned in GAPS below, so that nobody mistakes an editor without red
lines for a file that will build: `make check` remains the authority.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.pipeline.load import (COMPLAINTS_FOLDER, FRAMEWORK_FOLDER, PROCUREMENT_FOLDER, SINGLE_FILES, YEARLY_FOLDERS,
                            load)
from generator.cli.schema import schemas
from generator.base.sources import parse_yaml

from tests.conftest import EXAMPLE, GOOD, ROOT, project_with

SETTINGS = EXAMPLE / ".vscode" / "settings.json"
CATALOGUES = "generator/oit/frameworks/"  # the shipped OIT lists, in the package (not in an office)
MODELINE = "# yaml-language-server: $schema="


def editor_schemas() -> dict[str, list[str]]:
    """`yaml.schemas` of .vscode/settings.json: schema path (from the root) → globs of the files it covers."""
    mapping = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    return {schema.removeprefix("./"): [globs] if isinstance(globs, str) else globs
            for schema, globs in mapping.items()}


def _glob_matches(rel: str, glob: str) -> bool:
    """Match as the editor does: `*` stays inside one folder."""
    return re.fullmatch(re.escape(glob).replace(r"\*", "[^/]*"), rel) is not None


def schema_of(rel: str) -> str:
    """The schema path the editor uses for the file at `rel` (relative to the office's root)."""
    if rel.startswith(CATALOGUES):
        return "schemas/framework.schema.json"
    found = [schema for schema, globs in editor_schemas().items() if any(_glob_matches(rel, g) for g in globs)]
    assert len(found) == 1, f"{rel} matches {len(found)} schemas in .vscode/settings.json: {found}"
    return found[0]


def _validator(schema_path: str) -> Draft202012Validator:
    schema = json.loads((EXAMPLE / schema_path).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)  # pydantic writes draft 2020-12
    return Draft202012Validator(schema)


def schema_errors(rel: str, text: str) -> list[str]:
    """What the schema says about `text` as the file `rel`, read as the loader reads it.

    The loader keeps dates and keys as text, as an editor (YAML 1.2) does; PyYAML's own loader would
    turn `2025-03-15` into a date, which no JSON Schema type describes.
    """
    problems: list = []
    source = parse_yaml(text, rel, problems)
    assert source is not None and not problems, problems
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in _validator(schema_of(rel)).iter_errors(source.value)]


def example_yaml_files() -> list[str]:
    """Every YAML data file of the example office, and the shipped OIT catalogues."""
    files = sorted(p.relative_to(EXAMPLE).as_posix() for p in (EXAMPLE / "data").rglob("*.yml"))
    return files + sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "generator" / "oit" / "frameworks").glob("*.yml"))


def _has_facts(path: Path) -> bool:
    """False for a file of comments only (a skeleton the loader skips)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return any(line.strip() and not line.lstrip().startswith("#") for line in lines)


# --- the mapping the editor uses -----------------------------------------------------------------


def test_editor_settings_name_every_schema_and_only_existing_ones():
    mapped = {Path(schema).name for schema in editor_schemas()}
    assert all((EXAMPLE / schema).is_file() for schema in editor_schemas()), "a schema in settings.json does not exist"
    assert mapped == {f"{name}.schema.json" for name in schemas()}, \
        "add the new kind to .vscode/settings.json (yaml.schemas) and run `make schemas`"
    assert {p.name for p in (ROOT / "example" / "schemas").glob("*.schema.json")} == mapped


def test_editor_globs_are_where_the_loader_reads():
    expected = {f"data/{name}": f"schemas/{name.removesuffix('.yml')}.schema.json" for name in SINGLE_FILES}
    expected |= {f"data/{folder}/*.yml": f"schemas/{folder}.schema.json" for folder in YEARLY_FOLDERS}
    expected |= {f"data/{FRAMEWORK_FOLDER}/*.yml": "schemas/framework.schema.json",
                 f"data/{COMPLAINTS_FOLDER}/*.yml": "schemas/complaint-register.schema.json",
                 f"data/{PROCUREMENT_FOLDER}/*/*.yml": "schemas/procurement-month.schema.json"}
    given = {glob: schema for schema, globs in editor_schemas().items() for glob in globs}
    assert {glob: given.get(glob) for glob in expected} == expected


def test_editor_recommends_the_yaml_extension_and_utf8():
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))
    assert settings["files.encoding"] == "utf8"
    recommended = json.loads((EXAMPLE / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


@pytest.mark.parametrize("rel", [f for f in example_yaml_files() if f.startswith("data/")])
def test_example_file_names_its_schema_on_the_first_line(rel):
    first = (EXAMPLE / rel).read_text(encoding="utf-8").split("\n", 1)[0]
    relative = os.path.relpath(EXAMPLE / schema_of(rel), (EXAMPLE / rel).parent).replace(os.sep, "/")
    assert first == MODELINE + relative


# --- the example validates -----------------------------------------------------------------------


@pytest.mark.parametrize("rel", example_yaml_files())
def test_example_file_validates_against_its_schema(rel):
    path = (ROOT if rel.startswith(CATALOGUES) else EXAMPLE) / rel
    if not _has_facts(path):
        pytest.skip("comments only: the loader skips it too")
    assert schema_errors(rel, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("rel", sorted(p.relative_to(GOOD).as_posix() for p in (GOOD / "data").rglob("*.yml")))
def test_good_test_office_validates_against_its_schema(rel):
    assert schema_errors(rel, (GOOD / rel).read_text(encoding="utf-8")) == []


# --- mistakes: rejected by both ------------------------------------------------------------------

# A new fiscal year's file, so that the rest of the good test office stays as it is.
_DOCUMENT = """documents:
  - id: notice-2569
    title_th: ประกาศทดสอบ
    kind: announcement
    date: 2025-11-10
    url: https://www.example.go.th/notice.pdf
@@
"""
_RISKS = """title_th: การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. 2568
date: 2024-12-13
risks:
  - id: bribery-inspection
    process_th: การตรวจรับพัสดุ
    risk_th: ตรวจรับงานที่ไม่เป็นไปตามสัญญาเพื่อแลกกับผลประโยชน์
    impact: 4
@@
"""
_REGISTER = """cases: []
printed_tables:
  - title_th: ตารางสรุปผลการดำเนินการ
    period: 2568-H1
    rows:
@@
"""


@dataclass(frozen=True)
class Case:
    """A file that loads cleanly with `good` in place of @@, and fails with `bad` (loader code `code`)."""

    name: str
    rel: str
    template: str
    good: str
    bad: str
    code: str

    def text(self, snippet: str) -> str:
        return self.template.replace("@@", snippet) if snippet else self.template.replace("@@\n", "")


def _document(name: str, good: str, bad: str, code: str) -> Case:
    return Case(name, "data/documents/2569.yml", _DOCUMENT, good, bad, code)


MISTAKES = [
    _document("unknown key", "    summary_th: สรุปย่อ", "    sumary_th: สรุปย่อ", "extra_forbidden"),
    _document("wrong type: a list written as one value", "    topics: [ops.annual_plan]", "    topics: ops.annual_plan",
              "list_type"),
    _document("id that is not lower-case a-z", "    owner: admin", "    owner: Admin Group", "slug"),
    Case("kind outside the vocabulary", "data/documents/2569.yml",
         _DOCUMENT.replace("    kind: announcement\n", ""), "    kind: announcement", "    kind: anouncement",
         "literal_error"),
    Case("Thai label outside the vocabulary", "data/budget/2569.yml",
         "lines:\n  - {source_th: เงินงบประมาณ, item_th: ค่าวัสดุ, planned: 1500, @@}\n",
         "expense: งบดำเนินงาน", "expense: งบจิปาถะ", "literal_error"),
    Case("rating outside 1-5", "data/risks/2568.yml", _RISKS,
         "    kind: bribery\n    likelihood: 5", "    kind: bribery\n    likelihood: 6", "rating"),
    Case("missing required field", "data/risks/2568.yml", _RISKS,  # a risk names its kind, listed or as printed
         "    kind: bribery\n    likelihood: 3", "    likelihood: 3", "missing"),
    _document("C.E. fiscal year in a field", "    fiscal_year: 2569", "    fiscal_year: 2026", "fiscal_year"),
    Case("C.E. fiscal year as a key", "data/site.yml", "frameworks:\n@@\n",
         "  2568: custom-2568", "  2025: custom-2568", "fiscal_year"),
    Case("e-mail address in a phone field", "data/executives.yml",
         (GOOD / "data/executives.yml").read_text(encoding="utf-8").replace('    phone: "0 4499 9000 ต่อ 101"\n', "@@\n"),
         '    phone: "0 4499 9000 ต่อ 101"', "    phone: somchai.j@gmail.com", "phone"),
    Case("phone number in an e-mail field", "data/executives.yml",
         (GOOD / "data/executives.yml").read_text(encoding="utf-8").replace("    email: director@test.example.go.th\n", "@@\n"),
         "    email: director@test.example.go.th", '    email: "0 4499 9000"', "email"),
    Case("negative count in a printed table", "data/complaints/2568.yml", _REGISTER,
         "      - {matter: grievance, brought_forward: \"-\", received: 1, total: 1, finished: 1, pending: \"-\"}",
         "      - {matter: grievance, brought_forward: -1, received: 1, total: 1, finished: 1, pending: \"-\"}",
         "greater_than_equal"),
]


def _loader_errors(tmp_path: Path, case: Case, snippet: str) -> list[tuple[str, str]]:
    folder = tmp_path / ("good" if snippet == case.good else "bad")
    problems = load(project_with(folder, {case.rel: case.text(snippet)}))[1]
    return [(p.file, p.code) for p in problems if p.severity == "error"]


@pytest.mark.parametrize("case", MISTAKES, ids=lambda c: c.name)
def test_the_correct_file_passes_both(tmp_path, case):
    assert schema_errors(case.rel, case.text(case.good)) == []
    assert _loader_errors(tmp_path, case, case.good) == []


@pytest.mark.parametrize("case", MISTAKES, ids=lambda c: c.name)
def test_the_mistake_fails_both(tmp_path, case):
    assert schema_errors(case.rel, case.text(case.bad)) != []
    assert (case.rel, case.code) in _loader_errors(tmp_path, case, case.bad)


# --- what a schema cannot say --------------------------------------------------------------------

# Rules the loader enforces that JSON Schema cannot express (or that we do not try to): the editor
# shows no error for these, `make check` does. Each entry is pinned so that a schema that learns the
# rule makes this test fail, and the case then moves up to MISTAKES. Not pinned here, also loader-only:
# the fiscal year in the file name (the glob is `*.yml`), duplicate keys and ids, originals that must
# exist under content/, personal data in complaint registers, rules across fields (a document's `file`
# or `url`, both residual ratings or neither) and computed checks (totals, dates inside the year).
# The other way round, the loader accepts a label in any case and spacing (`ดำเนินการ แล้ว`) and
# YAML 1.1 words such as `yes`, where the schema lists the spellings and an editor reads YAML 1.2.
GAPS = [
    # Dates are text for the schema: parsing B.E./C.E. and Thai month names, and impossible days.
    _document("impossible date", "    published: 2025-11-12", "    published: 2025-02-31", "date"),
    _document("impossible Thai date", "    published: 30 มิ.ย. 2569", "    published: 31 มิ.ย. 2569", "date"),
    # Amounts are a number or text with commas and Thai digits; the schema cannot check the text.
    Case("amount that is not a number", "data/budget/2568.yml",
         "lines:\n  - {expense: operating, source_th: เงินงบประมาณ, item_th: ค่าวัสดุ, @@}\n",
         "planned: \"1,500\"", "planned: \"1,5oo\"", "money"),
    # References to other files: units, documents.
    Case("unit that does not exist", "data/risks/2568.yml", _RISKS,
         "    kind: bribery\n    likelihood: 3\n    controls:\n      - {measure_th: ตรวจร่วม, owner: admin}",
         "    kind: bribery\n    likelihood: 3\n    controls:\n      - {measure_th: ตรวจร่วม, owner: nobody}",
         "unknown_unit"),
]


@pytest.mark.parametrize("case", GAPS, ids=lambda c: c.name)
def test_what_only_the_loader_catches(tmp_path, case):
    assert schema_errors(case.rel, case.text(case.good)) == []
    assert _loader_errors(tmp_path, case, case.good) == []
    assert schema_errors(case.rel, case.text(case.bad)) == [], "the schema now catches this: move it to MISTAKES"
    assert (case.rel, case.code) in _loader_errors(tmp_path, case, case.bad)
