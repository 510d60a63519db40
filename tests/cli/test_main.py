"""The command line: readiness check per fiscal year and the score calculator."""

from __future__ import annotations

import json

from generator.cli.main import main

from tests.conftest import GOOD

CHECK = ["check", "--root", str(GOOD), "--year", "2568", "--as-of", "2025-05-15"]


def test_check_prints_each_item_with_reasons_then_the_score(capsys):
    assert main(CHECK) == 0
    out = capsys.readouterr().out
    assert "O1: ครบถ้วน" in out
    assert "O5: ไม่มีข้อมูล: ไม่มีข้อมูลเดือนกุมภาพันธ์ 2568" in out
    assert "คะแนน OIT 62.50 ถ่วงน้ำหนัก 25.00" in out


def test_check_json_is_the_documented_form(capsys):
    assert main(CHECK + ["--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(i["number"], i["status"]) for i in data["items"]][3:] == [
        ("O4", "complete"), ("O5", "missing"), ("O6", "complete"), ("O7", "missing")]
    assert data["scores"]["oit_weighted"] == 25.0


def test_strict_fails_while_any_item_is_incomplete(capsys):
    assert main(CHECK + ["--strict"]) == 1


def test_as_of_before_the_half_year_ends_does_not_ask_for_later_months(capsys):
    main(["check", "--root", str(GOOD), "--year", "2568", "--as-of", "2025-01-31", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert next(i for i in data["items"] if i["number"] == "O5")["status"] == "complete"


def test_unknown_year_is_a_clear_error(capsys):
    assert main(["check", "--root", str(GOOD), "--year", "2570"]) == 2
    assert "ไม่มีกรอบการประเมินของปี 2570" in capsys.readouterr().err


def test_score_from_indicators_reproduces_the_worked_example(capsys):
    args = ["score", "--indicators", "92.10,88.40,90.00,86.50,89.80,93.20,91.10,90.40,84.42,93.75",
            "--format", "json"]
    assert main(args) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["iit"], data["eit"], data["level"], data["pass"]) == (26.81, 27.47, "A", True)


def test_score_from_item_csv_groups_by_the_framework(tmp_path, capsys):
    items = tmp_path / "items.csv"
    items.write_text("number,score\nO1,100\nO2,100\nO3,0\nO4,100\nO5,100\nO6,๑๐๐\nO7,0\n", encoding="utf-8")
    assert main(["score", "--root", str(GOOD), "--framework", "custom-2568", "--items", str(items),
                 "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sub_indicators"] == {"9.1": 66.67, "9.2": 100.0, "10.1": 50.0}
    assert data["indicators"] == {"9": 83.33, "10": 50.0}


def test_score_with_a_missing_item_names_it(tmp_path, capsys):
    items = tmp_path / "items.csv"
    items.write_text("O1,100\n", encoding="utf-8")
    assert main(["score", "--root", str(GOOD), "--framework", "custom-2568", "--items", str(items)]) == 2
    assert "O2, O3" in capsys.readouterr().err


def test_scoring_settings_in_site_yml_change_the_pass_mark(tmp_path, capsys):
    from tests.conftest import project_with

    site_yml = "frameworks:\n  2568: custom-2568\nscoring:\n  pass_mark: 80\n"
    project = project_with(tmp_path, {"data/site.yml": site_yml})
    indicators = "80,80,80,80,80,80,80,80,80,80"
    assert main(["score", "--indicators", indicators, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pass"] is False
    assert main(["score", "--root", str(project.root), "--indicators", indicators, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["pass"] is True


def test_as_of_may_be_written_in_buddhist_era(capsys):
    main(["check", "--root", str(GOOD), "--year", "2568", "--as-of", "15 พ.ค. 2568", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["as_of"] == "2025-05-15"
    main(["check", "--root", str(GOOD), "--year", "2568", "--as-of", "2568-05-15", "--format", "json"])
    assert json.loads(capsys.readouterr().out)["as_of"] == "2025-05-15"
