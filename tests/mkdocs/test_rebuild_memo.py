"""What a `serve` rebuild takes from the one before (generator/mkdocs/rebuild_memo.py).

That an edited page shows its change and the others stay as they were, under a real `serve`, is
tests/cli/test_serve_rebuild.py; here the two memos themselves.
"""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from generator.mkdocs.rebuild_memo import TEMPLATES, FinishedPages


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
