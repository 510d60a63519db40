"""Hand-written pages: what runs code or loads from another host is an error at its line."""

from __future__ import annotations

import pytest

from generator.engine.page_safety import check_files, check_svg, check_text


@pytest.mark.parametrize("snippet, code", [
    ("<script>pwned()</script>", "html"),
    ("<SCRIPT src=/x.js></SCRIPT>", "html"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "html"),
    ("<svg/onload=pwned()>", "html"),
    ('<img src="files/a.png" onerror="pwned()">', "html"),
    ('<img src=x\nonerror=pwned()>', "html"),  # the handler on the tag's second line
    ('<details open ontoggle="pwned()">', "html"),
    ('<div style="background:url(https://tracker.example/p.gif)">', "html"),
    ("<style>body{background:url(//evil.example)}</style>", "html"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "html"),
    ('<a href="javascript:pwned()">คลิก</a>', "url"),
    ('<a href="&#106;avascript:pwned()">คลิก</a>', "url"),  # an entity hides the j
    ('<a href="java\tscript:pwned()">คลิก</a>', "url"),  # browsers drop the tab
    ("[คลิก](javascript:pwned())", "url"),
    ("[คลิก](JaVaScRiPt:pwned())", "url"),
    ("[คลิก](data:text/html;base64,PHNjcmlwdD4=)", "url"),
    ("[คลิก][x]\n\n[x]: javascript:pwned()", "url"),
    ('[คลิก](files/a.pdf){ onclick="pwned()" }', "html"),
    ("![โลโก้](https://cdn.example.com/logo.png)", "external"),
    ('<img src="//cdn.example.com/logo.png" alt="">', "external"),
])
def test_unsafe_html_is_an_error_at_its_line(snippet, code):
    problems = check_text(f"# หน้า\n\nข้อความ\n\n{snippet}\n", "content/page.md")
    assert problems and code in {p.code for p in problems}
    assert problems[0].file == "content/page.md" and 5 <= problems[0].line <= 5 + snippet.count("\n")
    assert "\u0e00" <= problems[0].th[0] <= "\u0e7f"  # Thai first


@pytest.mark.parametrize("snippet", [
    '<div class="grid cards" markdown>\n\n- ข้อ\n\n</div>',
    "[ดาวน์โหลด](files/2568/plan.pdf){ .md-button .md-button--primary }",
    "[กรมบัญชีกลาง](https://www.cgd.go.th/)",  # a link is not a request
    "![ผังโครงสร้าง](files/chart.png)",
    "```html\n<script>alert(1)</script>\n```",  # shown as code
    "ใช้แท็ก `<script>` ไม่ได้",
    "ราคา 5 < 10 บาท และ a > b",
    "<br>",
])
def test_ordinary_markdown_and_code_pass(snippet):
    assert check_text(f"# หน้า\n\n{snippet}\n", "content/page.md") == []


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n{}\n</svg>\n'


@pytest.mark.parametrize("inside, code", [
    ("<script>pwned()</script>", "html"),
    ('<rect width="10" height="10" onload="pwned()"/>', "html"),
    ('<foreignObject><div>x</div></foreignObject>', "html"),
    ('<a xlink:href="javascript:pwned()"><text>x</text></a>', "url"),
    ('<image href="https://tracker.example/p.png" width="10" height="10"/>', "external"),
    ("<style>@import url(https://fonts.example/x.css);</style>", "external"),
])
def test_an_svg_that_runs_or_loads_is_refused(inside, code):
    problems = check_svg(SVG.format(inside), "content/files/logo.svg")
    assert {p.code for p in problems} == {code} and problems[0].line == 2


def test_a_plain_svg_passes():
    plain = '<style>.a{fill:#e3efe1}</style><rect class="a" width="10" height="10"/><image href="data:image/png;base64,iVBO"/>'
    assert check_svg(SVG.format(plain), "content/files/logo.svg") == []


def test_scripts_and_html_files_are_not_published(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "tracker.js").write_text("pwned()", encoding="utf-8")
    (tmp_path / "files" / "page.html").write_text("<script>pwned()</script>", encoding="utf-8")
    (tmp_path / "google1234.html").write_text("google-site-verification: google1234.html", encoding="utf-8")
    problems = check_files(tmp_path, lambda path: path.relative_to(tmp_path).as_posix(), lambda path: path.is_file())
    assert [(p.file, p.code) for p in problems] == [("files/page.html", "runnable"), ("files/tracker.js", "runnable")]
