"""Many offices: the federation file, the CI matrix, local builds and the supervisory site (issue 22)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from generator.federation.matrix import LIMITS, jobs
from generator.federation.roster import read_federation

from ..conftest import GOOD, served

FEDERATION = """\
name_th: สำนักงานกำกับทดสอบ
year: 2568
trend_years: [2567, 2568]
offices:
  - code: good
    name_th: สำนักงานทดสอบ
    type: esa_primary
    parent_th: สพฐ.
    repository: good
  - code: broken
    name_th: สำนักงานข้อมูลผิด
    type: school
    parent_th: สพป.ทดสอบ
    repository: broken
  - code: far
    name_th: หน่วยงานที่อ่านไม่ได้
    type: other
    site: https://unreachable.invalid/
"""


def write(folder: Path, text: str = FEDERATION) -> Path:
    """A federation of the small test office, a copy of it with a data error, and a site-only office."""
    shutil.copytree(GOOD, folder / "good", ignore=shutil.ignore_patterns(".cache", "site"))
    shutil.copytree(GOOD, folder / "broken", ignore=shutil.ignore_patterns(".cache", "site"))
    office = folder / "broken" / "data" / "office.yml"
    office.write_text(re.sub(r"(?m)^type: .*$", "type: nonsense", office.read_text(encoding="utf-8")), encoding="utf-8")
    (folder / "federation.yml").write_text(text, encoding="utf-8")
    return folder / "federation.yml"


# --- the file ---------------------------------------------------------------------------------------


def test_every_mistake_of_the_file_is_located_in_one_run(tmp_path):
    path = tmp_path / "federation.yml"
    path.write_text("name_th: ก\nyear: 2025\noffices:\n  - code: A\n    name_th: ข\n    type: spp\n    site: http://x\n",
                    encoding="utf-8")
    federation, problems = read_federation(path)
    assert federation is None
    where = {(p.line, p.field) for p in problems}
    assert {(2, "year"), (4, "offices[0].code"), (6, "offices[0].type")} <= where
    assert all(p.file == "federation.yml" and re.search("[\u0e00-\u0e7f]", p.th) for p in problems)


def test_a_code_listed_twice_and_an_office_with_nowhere_to_read_are_refused(tmp_path):
    path = tmp_path / "federation.yml"
    path.write_text("name_th: ก\nyear: 2570\noffices:\n  - {code: a, name_th: ข, type: school, repository: a}\n"
                    "  - {code: a, name_th: ค, type: school, repository: b}\n", encoding="utf-8")
    assert "a" in " ".join(p.render() for p in read_federation(path)[1])
    path.write_text("name_th: ก\nyear: 2570\noffices:\n  - {code: a, name_th: ข, type: school}\n", encoding="utf-8")
    assert "repository" in " ".join(p.render() for p in read_federation(path)[1])


# --- the matrix -------------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["github", "gitlab"])
@pytest.mark.parametrize("count", [1, 200, 245, 256, 257, 600, 29_000])
def test_the_matrix_stays_within_the_engines_limit_and_builds_every_office_once(engine, count):
    codes = [f"office-{n}" for n in range(count)]
    made = jobs(codes, LIMITS[engine])
    assert len(made) <= LIMITS[engine]
    assert [code for job in made for code in job.offices] == codes  # each once, in the file's order
    sizes = {len(job.offices) for job in made}
    assert max(sizes) - min(sizes) <= 1  # the slowest job decides the wall time: keep them even
    assert len({job.name for job in made}) == len(made)


def test_a_600_office_list_makes_a_github_matrix_of_200_jobs_of_three(tmp_path, capsys):
    offices = "".join(f"  - {{code: o{n}, name_th: ส{n}, type: school, repository: o{n}}}\n" for n in range(600))
    (tmp_path / "federation.yml").write_text(f"name_th: ก\nyear: 2570\noffices:\n{offices}", encoding="utf-8")
    assert main(["federation", "matrix", str(tmp_path / "federation.yml")]) == 0
    matrix = json.loads(capsys.readouterr().out)
    assert len(matrix["include"]) == 200 and all(len(job["offices"].split()) == 3 for job in matrix["include"])
    assert main(["federation", "matrix", "--engine", "gitlab", str(tmp_path / "federation.yml")]) == 0
    child = yaml.safe_load(capsys.readouterr().out)
    builds = [name for name in child if name.startswith("build:")]
    assert len(builds) == 200 and all("--only" in child[name]["script"][-1] for name in builds)


# --- building and the supervisory site ------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The small federation built locally, one office broken, and its supervisory site."""
    folder = tmp_path_factory.mktemp("federation")
    file = write(folder)
    code = main(["federation", "build", str(file), "--out", str(folder / "out"), "--jobs", "2",
                 "--site", str(folder / "supervision")])
    return folder, code


@pytest.mark.slow
def test_one_broken_office_fails_its_own_build_only(built):
    folder, code = built
    assert code == 1  # the command says something failed ...
    good = json.loads((folder / "out" / "good" / "status.json").read_text(encoding="utf-8"))
    broken = json.loads((folder / "out" / "broken" / "status.json").read_text(encoding="utf-8"))
    assert good["ok"] and (folder / "out" / "good" / "site" / "oit" / "2568.json").is_file()  # ... the others built
    assert not broken["ok"] and "data/office.yml:5: type:" in broken["error"]


@pytest.mark.slow
def test_the_supervisory_site_agrees_with_each_offices_own_oit_index(built):
    folder, _ = built
    own = (folder / "out" / "good" / "site" / "oit" / "2568" / "index.html").read_text(encoding="utf-8")
    complete, total = map(int, re.search(r"ครบถ้วน\s+(\d+)\s+จาก\s+(\d+)\s+ข้อ", own.replace("\u00a0", " ")).groups())
    export = json.loads((folder / "out" / "good" / "site" / "oit" / "2568.json").read_text(encoding="utf-8"))
    page = (folder / "supervision" / "offices" / "good" / "index.html").read_text(encoding="utf-8")
    assert f"ครบถ้วน {complete} จาก {total} ข้อ" in page
    assert f"{export['scores']['oit']:.2f}" in page
    for item in export["items"]:  # every item links to the office's own item page
        assert f'<a href="{item["urls"][0]}">{item["number"]}</a>' in page
    rows = list(csv.reader(io.StringIO((folder / "supervision" / "offices-2568.csv").read_text("utf-8").lstrip("\ufeff"))))
    good = next(r for r in rows if r[0] == "good")
    missing = sum(i["status"] == "missing" for i in export["items"])
    assert good[4:7] == [str(complete), str(missing), str(total - complete - missing)]
    assert (folder / "supervision" / "items-2568.xlsx").stat().st_size > 0


@pytest.mark.slow
def test_an_office_that_cannot_be_read_is_shown_with_its_error_and_the_rest_still_builds(built):
    folder, _ = built
    index = (folder / "supervision" / "index.html").read_text(encoding="utf-8")
    assert "3 หน่วยงาน อ่านข้อมูลได้ 1 หน่วยงาน" in index and "อ่านไม่ได้ 2 หน่วยงาน" in index
    broken = (folder / "supervision" / "offices" / "broken" / "index.html").read_text(encoding="utf-8")
    assert "อ่านข้อมูลของหน่วยงานนี้ไม่ได้" in broken and "data/office.yml:5: type:" in broken
    assert str(folder) not in broken
    far = (folder / "supervision" / "offices" / "far" / "index.html").read_text(encoding="utf-8")
    assert "--fetch" in far


@pytest.mark.slow
def test_items_most_offices_miss_come_first(built):
    folder, _ = built
    index = (folder / "supervision" / "index.html").read_text(encoding="utf-8")
    export = json.loads((folder / "out" / "good" / "site" / "oit" / "2568.json").read_text(encoding="utf-8"))
    listed = re.findall(r'<a href="items/(o\d+)/index.html">', index)
    not_ready = [i["number"].lower() for i in export["items"] if i["status"] != "complete"]
    assert listed[:len(not_ready)] == sorted(not_ready, key=lambda n: int(n[1:]))


@pytest.mark.slow
def test_published_sites_are_read_over_http(built):
    from generator.federation.exports import read_member
    from generator.federation.model import Member

    folder, _ = built
    export = json.loads((folder / "out" / "good" / "site" / "oit" / "2568.json").read_text("utf-8"))
    with served(folder / "out" / "good" / "site") as base:  # a local http:// server stands for the https:// site
        member = Member.model_construct(code="good", name_th="สำนักงานทดสอบ", type="esa_primary", parent_th=None,
                                        repository=None, site=base + "/")
        snapshot = read_member(member, [2567, 2568], 2568, None, fetch=True)
        gone = read_member(member.model_copy(update={"site": base + "/nowhere/"}), [2568], 2568, None, fetch=True)
    assert snapshot.error is None and snapshot.export(2568) == export and snapshot.export(2567) is None
    assert gone.error and "2568" in gone.error


def test_an_export_of_an_unknown_format_is_named_not_guessed(tmp_path):
    from generator.federation.exports import read_member
    from generator.federation.model import Member

    site = tmp_path / "out" / "x" / "site" / "oit"
    site.mkdir(parents=True)
    (site / "2570.json").write_text(json.dumps({"format": 9, "items": []}), encoding="utf-8")
    (tmp_path / "out" / "x" / "status.json").write_text('{"ok": true}', encoding="utf-8")
    member = Member(code="x", name_th="ก", type="school", repository="x")
    snapshot = read_member(member, [2570], 2570, tmp_path / "out", fetch=False)
    assert snapshot.error and "9" in snapshot.error and "อัปเกรด" in snapshot.error


def test_an_export_whose_item_links_are_not_web_addresses_is_refused(tmp_path):
    from generator.federation.exports import read_member
    from generator.federation.model import Member

    site = tmp_path / "out" / "x" / "site" / "oit"
    site.mkdir(parents=True)
    item = {"number": "O1", "title": "ก", "status": "complete", "answer": "มี", "reasons": [],
            "urls": ["javascript:alert(1)"]}
    (site / "2570.json").write_text(json.dumps({"format": 1, "items": [item], "scores": {"oit": 1}}), encoding="utf-8")
    (tmp_path / "out" / "x" / "status.json").write_text('{"ok": true}', encoding="utf-8")
    snapshot = read_member(Member(code="x", name_th="ก", type="school", repository="x"), [2570], 2570,
                           tmp_path / "out", fetch=False)
    assert snapshot.export(2570) is None and "https://" in snapshot.error
