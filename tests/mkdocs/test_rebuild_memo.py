"""What a `serve` rebuild takes from the one before (generator/mkdocs/rebuild_memo.py).

That an edited page shows its change and the others stay as they were, under a real `serve`, is
tests/cli/test_serve_rebuild.py, and that a rebuild leaves the site a clean build makes is
tests/mkdocs/test_serve_incremental.py; here the memos themselves.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from jinja2 import DictLoader, Environment

from generator.mkdocs.rebuild_memo import TEMPLATES, FinishedPages, KeptPages


def test_a_page_with_the_same_html_is_not_finished_again_and_a_changed_one_is():
    calls: list[str] = []

    def work(html: str) -> tuple[str, frozenset[str]]:
        calls.append(html)
        return html.upper(), frozenset({"/assets/x.css"})

    memo = FinishedPages()
    assert memo.finish("a/index.html", "<p>ก 1</p>", work) == ("<P>ก 1</P>", frozenset({"/assets/x.css"}))
    assert memo.finish("a/index.html", "<p>ก 1</p>", work)[0] == "<P>ก 1</P>"
    assert memo.finish("b/index.html", "<p>ก 1</p>", work)[0] == "<P>ก 1</P>"  # another page: its own entry
    assert memo.finish("a/index.html", "<p>ก 2</p>", work)[0] == "<P>ก 2</P>"
    assert calls == ["<p>ก 1</p>", "<p>ก 1</p>", "<p>ก 2</p>"]


class _Counting(Environment):
    compiled: list[str] = []

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        _Counting.compiled.append(source)
        return super().compile(source, name, filename, raw, defer_init)


def test_compiled_templates_are_reused_and_a_changed_template_is_compiled_again():
    def render(source: str) -> str:
        # A new environment each time, as MkDocs makes one per build.
        env = _Counting(loader=DictLoader({"memo-test.html": source}), bytecode_cache=TEMPLATES)
        return env.get_template("memo-test.html").render(name="สพป.")

    assert render("<b>{{ name }}</b>") == "<b>สพป.</b>"
    assert render("<b>{{ name }}</b>") == "<b>สพป.</b>"
    assert render("<i>{{ name }}</i>") == "<i>สพป.</i>"  # the source changed: not the old code
    assert _Counting.compiled == ["<b>{{ name }}</b>", "<i>{{ name }}</i>"]


def _page(uri: str, title: str | None, dest: Path):
    """What KeptPages reads of an MkDocs page: its file, title and what the others see of it."""
    file = SimpleNamespace(src_uri=uri, abs_dest_path=str(dest / uri.replace(".md", ".html")))
    return SimpleNamespace(file=file, title=title, markdown=None if title is None else "# t",
                           meta={"title": title}, _title_from_render=title, present_anchor_ids={"top"})


def _built(kept: KeptPages, pages: list) -> None:
    """The pages as MkDocs writes them: each one that was read gets its output file."""
    for page in pages:
        if page.markdown is not None:
            Path(page.file.abs_dest_path).write_text("<html>", encoding="utf-8")


def _first_build(tmp_path) -> tuple[KeptPages, list]:
    """Pages a.md (ก) and b.md (ข) built once and kept."""
    kept = KeptPages()
    first = [_page("a.md", "ก", tmp_path), _page("b.md", "ข", tmp_path)]
    kept.plan(b"site", {"a.md": b"1", "b.md": b"1"}, {"a.html", "b.html"}, {})
    assert all(kept.is_modified(p.file) for p in first)  # nothing kept yet
    _built(kept, first)
    assert kept.commit(first) == set()
    return kept, first


def test_only_a_page_whose_input_changed_is_rendered_and_the_others_keep_their_titles(tmp_path):
    kept, _ = _first_build(tmp_path)
    kept.plan(b"site", {"a.md": b"2", "b.md": b"1"}, set(), {})
    second = [_page("a.md", "ก", tmp_path), _page("b.md", None, tmp_path)]  # MkDocs read a.md only
    assert [kept.is_modified(p.file) for p in second] == [True, False]
    assert kept.settle(second) == []
    assert second[1]._title_from_render == "ข"
    assert second[1].meta == {"title": "ข"} and second[1].markdown == "" and second[1].present_anchor_ids == {"top"}


def test_a_new_title_or_anything_shared_renders_every_page(tmp_path):
    kept, _ = _first_build(tmp_path)
    kept.plan(b"site", {"a.md": b"2", "b.md": b"1"}, set(), {})
    renamed = [_page("a.md", "ก ใหม่", tmp_path), _page("b.md", None, tmp_path)]
    assert kept.settle(renamed) == [renamed[1]]  # the nav shows a's new title on b: b is read too
    assert kept.is_modified(renamed[1].file)

    kept.plan(b"settings changed", {"a.md": b"2", "b.md": b"1"}, set(), {})
    assert kept.everything


def test_a_new_icon_in_the_menu_renders_every_page_too(tmp_path):
    kept, _ = _first_build(tmp_path)
    kept.plan(b"site", {"a.md": b"2", "b.md": b"1"}, set(), {})
    iconed = [_page("a.md", "ก", tmp_path), _page("b.md", None, tmp_path)]
    iconed[0].meta["icon"] = "material/star"  # the menu on b shows it
    assert kept.settle(iconed) == [iconed[1]]


def test_a_removed_page_is_named_for_removal_and_a_failed_build_leaves_nothing_half_kept(tmp_path):
    kept, pages = _first_build(tmp_path)
    kept.plan(b"site", {"a.md": b"1"}, {"a.html"}, {})
    assert kept.commit(pages[:1]) == {"b.html"}

    kept.abandon()  # a data error: the build stopped before planning, nothing was written
    kept.plan(b"site", {"a.md": b"1"}, {"a.html"}, {})
    assert not kept.is_modified(pages[0].file)
    kept.plan(b"site", {"a.md": b"1", "c.md": b"1"}, {"a.html", "c.html"}, {})
    kept.abandon()  # a build that failed while writing pages: c.html may be in the site
    kept.plan(b"site", {"a.md": b"1"}, {"a.html"}, {})
    assert kept.is_modified(pages[0].file)
    assert kept.commit(pages[:1]) == {"c.html"}  # removed, though no build finished with it
