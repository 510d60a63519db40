"""The benchmark's instruments (bench/): what `make bench` prints must be what it says it measures.

No timing is asserted: the machine is shared. These tests check the office it builds (a git history
the "last update" dates come from, a Thai vocabulary of thousands of words), that a build's CPU and
memory are those of the build, and that another checkout's code is really the code measured.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bench import run as bench_run
from bench.run import free_port, generator_env, generator_source, served_size
from bench.synthetic import SMALL, commit_history, make_office
from generator.mkdocs.revisions import last_changed

ROOT = Path(__file__).resolve().parent.parent
TINY = dict(years=3, documents=30, purchases=36, cases=6, news=6)


def test_the_office_has_a_git_history_so_pages_show_the_date_of_their_year(tmp_path):
    office = make_office(tmp_path / "office", **TINY)
    assert commit_history(office) == 4  # the shared files, then 2566, 2567, 2568
    dates = last_changed(office)
    assert dates["data/documents/2566.yml"] == date(2023, 9, 30)
    assert dates["data/procurement/2567/01.csv"] == date(2024, 9, 30)
    assert dates["data/office.yml"] == date(2023, 9, 30)  # no year in its name: the first commit
    status = subprocess.run(["git", "status", "--porcelain"], cwd=office, capture_output=True, text=True).stdout
    assert status == ""  # every file is committed


def test_the_thai_vocabulary_is_thousands_of_words_and_the_same_every_time(tmp_path):
    pytest.importorskip("pythainlp")
    from bench.synthetic import thai_vocabulary

    vocabulary = thai_vocabulary()
    assert len(set(vocabulary.words)) == 3000
    first = make_office(tmp_path / "a", vocabulary=vocabulary, **TINY)
    second = make_office(tmp_path / "b", vocabulary=thai_vocabulary(), **TINY)
    news = sorted((first / "content" / "news").iterdir())
    assert [p.read_text(encoding="utf-8") for p in news] == \
        [(second / "content" / "news" / p.name).read_text(encoding="utf-8") for p in news]
    words_used = {w for p in news for w in vocabulary.words if w in p.read_text(encoding="utf-8")}
    assert len(words_used) > 200  # six short posts already draw hundreds of distinct words


def test_the_federation_office_keeps_its_small_vocabulary(tmp_path):
    office = make_office(tmp_path / "office", **TINY)  # bench/federation.py's call: the default
    text = (office / "content" / "news" / "news-2566-000.md").read_text(encoding="utf-8")
    body = text.split("\n\n", 2)[2]
    assert set(body.split()) <= set(SMALL.words)


def test_a_measured_build_reports_its_own_children_cpu_and_memory(tmp_path):
    child = "x = bytearray(60 * 2**20); sum(range(3_000_000))"
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), str(tmp_path / "log"),
                          sys.executable, "-c", child], capture_output=True, text=True, check=True).stdout
    figures = json.loads(out)
    assert figures["returncode"] == 0
    assert figures["cpu"] > 0 and figures["cpu"] == pytest.approx(figures["user"] + figures["sys"], abs=0.01)
    assert figures["rss"] >= 60
    assert {"wall", "tree_rss", "load_before", "load_after"} <= set(figures)


def test_another_checkout_is_refused_unless_its_plugin_is_the_one_loaded(tmp_path):
    assert generator_source(generator_env(None), ROOT).startswith(str(ROOT))
    with pytest.raises(SystemExit, match="the plugin is not loaded from"):
        generator_source(generator_env(tmp_path), tmp_path)  # no generator there: this checkout's loads


def test_search_sizes_are_compared_as_a_host_serves_them(tmp_path):
    (tmp_path / "search_index.json").write_text('{"docs": [' + '{"text": "จัดซื้อ"},' * 2000 + "{}]}")
    (tmp_path / "t.gz").write_bytes(b"\x1f\x8b" + bytes(998))
    json_bytes = (tmp_path / "search_index.json").stat().st_size
    assert 1000 < served_size(tmp_path) < 1000 + json_bytes / 10  # the JSON gzipped, the .gz as it is


@pytest.mark.slow
def test_a_taken_port_leaves_the_serve_figure_out_instead_of_stopping_the_benchmark(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        monkeypatch.setattr(bench_run, "free_port", lambda: taken.getsockname()[1])
        assert bench_run.serve_rebuild(generator_env(None), bench_run.ROOT / "example", attempts=1) is None
    port = free_port()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", port))  # what free_port gave is free indeed


def test_the_timed_edits_change_a_summary_and_a_phone_and_leave_the_data_valid(tmp_path):
    from generator.base.problems import errors
    from generator.pipeline.load import Project, load
    from tests.conftest import copy_example

    copy_example(tmp_path)
    for _, rel, change in bench_run.EDITS:
        bench_run._edit(tmp_path / rel, change)
    data, problems = load(Project.at(tmp_path))
    assert not errors(problems)
    assert any("ฉบับแก้ไข" in (d.summary_th or "") for d in data.documents)
    assert "0 4499 9123" in (tmp_path / "data/office.yml").read_text(encoding="utf-8")
