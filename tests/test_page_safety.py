"""Hand-written pages: what runs code or loads from another host is an error at its line."""

from __future__ import annotations

import pytest

from generator.page_safety import check_text


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
