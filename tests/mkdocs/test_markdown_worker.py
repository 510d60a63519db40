"""A large build converts its last generated pages in another process (generator/mkdocs/markdown_worker.py).

The example office is below the size at which that starts, so these tests lower it: the site must
be byte for byte the one a build without the process makes, and a process that dies must cost no page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import generator.mkdocs.markdown_worker as markdown_worker
from tests.conftest import build_project, copy_example, site_differences


@pytest.fixture
def converted(monkeypatch) -> list[tuple[str, bool]]:
    """Every build converts part of its generated pages in the other process: each page it took, as
    MkDocs reached it, and whether the process converted it (False: converted in the build)."""
    monkeypatch.setattr(markdown_worker, "AT_LEAST", 1)
    taken: list[tuple[str, bool]] = []
    render = markdown_worker.MarkdownWorker.render

    def counted(self, page, config, files):
        future, _ = self.results[page.file.src_uri]
        taken.append((page.file.src_uri, future.exception() is None))
        return render(self, page, config, files)

    monkeypatch.setattr(markdown_worker.MarkdownWorker, "render", counted)
    return taken


def test_pages_converted_in_another_process_are_the_pages_mkdocs_makes(example_site, converted, tmp_path):
    copy_example(tmp_path)
    build_project(tmp_path, tmp_path / "site")
    assert len(converted) > 50 and all(done for _, done in converted)
    assert site_differences(example_site.site_dir, tmp_path / "site") == []


def test_a_process_that_dies_costs_no_page(example_site, converted, monkeypatch, tmp_path):
    start = markdown_worker.MarkdownWorker.__init__

    def killed(self, *args):
        start(self, *args)
        for process in list(self.pool._processes.values()):  # as the kernel kills a process out of memory
            process.kill()

    monkeypatch.setattr(markdown_worker.MarkdownWorker, "__init__", killed)
    copy_example(tmp_path)
    build_project(tmp_path, tmp_path / "site")
    assert converted and not any(done for _, done in converted)  # given to the process, then converted here
    assert site_differences(example_site.site_dir, tmp_path / "site") == []
