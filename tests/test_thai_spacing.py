"""A Latin word beside a Thai one takes a space, where the text is made and not only where it is printed.

Thai runs its words together, but "No Gift Policyของปีงบประมาณ" or "ทางLINE" reads as a typo. Problems
are spaced again when rendered (`spaced` in generator/base/problems.py); these tests read the text as
it was written, so a message or a page sentence that joins a Latin name to Thai is fixed at its source.
A value quoted from the data ('...' or `...`) is left as the webmaster wrote it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from generator.base.problems import _QUOTED
from generator.pipeline.core import run
from generator.pipeline.load import Project

from .conftest import BAD, project_with
from .test_hostile import BUILD_DATE, CASES, make_office

# A Latin letter straight before a Thai consonant or leading vowel, or a Thai letter straight before a Latin one.
RUN_TOGETHER = re.compile(r"[A-Za-z][\u0e01-\u0e2e\u0e40-\u0e44]|[\u0e01-\u0e3a\u0e40-\u0e4e][A-Za-z]")


def run_together(text: str) -> list[str]:
    """Each place in `text`, outside quoted values, where Latin and Thai letters touch (with some context)."""
    return [part[max(0, m.start() - 20):m.end() + 20] for part in _QUOTED.split(text)[::2]
            for m in RUN_TOGETHER.finditer(part)]


@pytest.mark.slow  # check on every case of the corpus: handed out first under xdist
def test_no_problem_of_the_hostile_corpus_or_the_bad_office_joins_latin_and_thai(tmp_path):
    from datetime import date

    offices = [make_office(tmp_path / str(i), case) for i, case in enumerate(CASES)]
    offices.append(project_with(tmp_path / "bad", {"data/documents/2568.yml": BAD / "five-mistakes.yml"}).root)
    found = {(p.code, spot) for root in offices for p in run(Project.at(root), date.fromisoformat(BUILD_DATE)).problems
             for spot in run_together(p.th)}
    assert not found


class _Text(HTMLParser):
    """The text a reader sees: not scripts, styles or code."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style", "code")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style", "code")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def test_no_page_of_the_example_office_joins_latin_and_thai(example_site):
    found = {}
    for path in example_site.site_dir.rglob("*.html"):
        reader = _Text()
        reader.feed(path.read_text(encoding="utf-8"))
        if spots := run_together(" ".join(reader.parts)):
            found[str(path.relative_to(example_site.site_dir))] = spots[:3]
    assert not found


def test_the_checker_itself_sees_a_latin_name_run_into_thai():
    assert run_together("ยังไม่มีประกาศ No Gift Policyของปี 'abcไทย'") == ["ประกาศ No Gift Policyของปี "]
    assert run_together("รับเรื่องมากที่สุดทาง LINE 3 เรื่อง") == []
