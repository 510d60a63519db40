"""WCAG 2.1 AA on every page of the built example site: axe-core, table markup and keyboard use.

The browser tests are marked `browser`. axe-core comes with the `axe-playwright-python` wheel
(no npm). The crawl opens every `*.html` under `site_dir`, so a page family added later is checked
without touching this file.
It writes the full result, minor findings included, to `test-artifacts/accessibility/axe.json`.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import CHROMIUM, FLAGS, serve

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
# WCAG 2.0 and 2.1, levels A and AA; axe tags each rule with the success criteria it tests.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
BLOCKING = ("serious", "critical")
# Pages open in parallel within one browser: axe is CPU-bound, so one more than the cores keeps
# them busy while another page waits on the browser.
WORKERS = max(2, min(4, (os.cpu_count() or 2) + 1))


def site_urls(site_dir: Path) -> list[str]:
    """The URL of every HTML file under `site_dir` (`oit/2568/index.html` → `/oit/2568/`)."""
    urls = []
    for path in site_dir.rglob("*.html"):
        rel = path.relative_to(site_dir).as_posix()
        urls.append("/" + (rel[: -len("index.html")] if path.name == "index.html" else rel))
    return sorted(urls)


def blocking_violations(results: dict) -> list[dict]:
    """The serious and critical violations of one axe result."""
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def aggregate(results: dict[str, dict]) -> dict[str, dict]:
    """Group axe violations by rule: impact, help, the pages affected and one example per page.

    Args:
        results: axe results by URL.

    Returns:
        rule id → {"impact", "help", "helpUrl",
                   "pages": {url: [elements failing, first target, its html, failure summary]}}.
    """
    rules: dict[str, dict] = {}
    for url, result in sorted(results.items()):
        for v in result["violations"]:
            rule = rules.setdefault(v["id"], {"impact": v["impact"], "help": v["help"],
                                              "helpUrl": v["helpUrl"], "pages": {}})
            node = v["nodes"][0]
            rule["pages"][url] = [len(v["nodes"]), " ".join(map(str, node["target"])),
                                  node["html"][:200], node.get("failureSummary", "")]
    return rules


def render(rules: dict[str, dict], limit: int = 5) -> str:
    """One block per rule: what it checks, how many pages fail, and the first few examples."""
    lines = []
    for rule_id, rule in sorted(rules.items(), key=lambda kv: (-len(kv[1]["pages"]), kv[0])):
        pages = rule["pages"]
        lines.append(f"{rule_id} [{rule['impact']}] {rule['help']}: {len(pages)} page(s) "
                     f"({rule['helpUrl']})")
        for url, (count, target, html, summary) in list(pages.items())[:limit]:
            lines.append(f"  {url} ({count} element(s)), first: {target}  {html}")
            lines.extend(f"      {line}" for line in summary.splitlines()[:3])
        if len(pages) > limit:
            lines.append(f"  … and {len(pages) - limit} more: {', '.join(list(pages)[limit:])}")
    return "\n".join(lines)


# The text styles of a page, as the tag and class chain of every element that holds text, plus any
# inline style. Colours in Material and oit.css follow from these chains alone (no :nth-child or
# sibling rules set a colour), so two texts with the same chain have the same contrast, and a link
# and the text around it look the same wherever their chains are the same.
_TEXT_STYLES = """() => {
  const chains = new Set(), walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walk.nextNode(); text; text = walk.nextNode()) {
    if (!text.data.trim() || !text.parentElement) continue;
    const chain = [];
    for (let el = text.parentElement; el; el = el.parentElement) {
      chain.push(el.tagName + [...el.classList].sort().map(c => '.' + c).join('')
                 + (el.hasAttribute('style') ? `[style="${el.getAttribute('style')}"]` : ''));
    }
    chains.add(chain.join(' < '));
  }
  return [...chains];
}"""
# The page's style sheets: their addresses, and the text of inline ones.
_STYLE_SHEETS = "() => [...document.styleSheets].map(s => s.href || s.ownerNode.textContent).join('\\n')"
# Rules whose outcome follows from the text styles alone (see _TEXT_STYLES): color-contrast and
# link-in-text-block (a link told from its text by colour contrast or an underline). With
# css-orientation-lock, which reads only the style sheets, they cost more than all other rules together.
STYLE_RULES = ("color-contrast", "link-in-text-block")
SHEET_RULES = ("css-orientation-lock",)
# Set to 1 to run them on every page, e.g. to confirm that the shortcut misses nothing.
CONTRAST_EVERYWHERE = os.environ.get("OIT_AXE_CONTRAST_EVERYWHERE") == "1"


def _options(styles: bool, sheets: bool) -> dict:
    """axe's options for one page: every WCAG A/AA rule, less the shortcut rules it does not need."""
    off = (() if styles else STYLE_RULES) + (() if sheets else SHEET_RULES)
    return dict(AXE_OPTIONS, rules={rule: {"enabled": False} for rule in off}) if off else AXE_OPTIONS


async def _crawl(base: str, urls: list[str], viewport: dict) -> dict[str, dict]:
    """Run axe on every URL, WORKERS pages at a time in one browser; return the results by URL.

    Every page gets every WCAG A/AA rule, except the three that cost more than the others together:
    color-contrast and link-in-text-block run only on pages that show a text style no earlier page
    showed, css-orientation-lock only on pages with a set of style sheets no earlier page had. Every
    style on the site is thus measured at least once, on the first page where it appears; the result
    says which pages were measured ("contrast": true).
    """
    from axe_playwright_python.base import AXE_SCRIPT
    from playwright.async_api import async_playwright

    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    results: dict[str, dict] = {}
    measured: set[str] = set()
    sheets_seen: set[str] = set()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = await browser.new_context(viewport=viewport, locale="th-TH")
        # Injected before the page's own scripts, so that no page has to wait for it.
        await context.add_init_script(AXE_SCRIPT)

        async def worker() -> None:
            page = await context.new_page()
            while not queue.empty():
                url = queue.get_nowait()
                response = await page.goto(base + url)
                assert response and response.ok, f"{url}: HTTP {response and response.status}"
                styles = set(await page.evaluate(_TEXT_STYLES))
                sheets = await page.evaluate(_STYLE_SHEETS)
                contrast = CONTRAST_EVERYWHERE or not styles <= measured
                new_sheets = CONTRAST_EVERYWHERE or sheets not in sheets_seen
                measured.update(styles)
                sheets_seen.add(sheets)
                result = await page.evaluate("options => axe.run(document, options)",
                                             _options(contrast, new_sheets))
                results[url] = dict(result, contrast=contrast)

        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        await browser.close()
    return results


@pytest.mark.browser
def test_no_page_has_a_serious_or_critical_wcag_violation(example_site):
    urls = site_urls(example_site.site_dir)
    # The crawl must really cover the site: every family of the example, not a handful of pages.
    for url in ("/", "/404.html", "/office/executives/", "/oit/2568/", "/oit/2568/o1/",
                "/archive/2568/", "/office/contact/"):
        assert url in urls
    assert any(u.startswith("/documents/") for u in urls)

    started = time.perf_counter()
    with serve(example_site.site_dir) as base:
        # In a thread of its own: the session's browser (conftest) runs Playwright's sync API on this
        # thread, and it refuses to run where an asyncio loop has been.
        with ThreadPoolExecutor(1) as thread:
            results = thread.submit(asyncio.run, _crawl(base, urls, {"width": 1280, "height": 900})).result()
    seconds = time.perf_counter() - started

    assert sorted(results) == urls
    rules = aggregate(results)
    (ARTIFACTS / "accessibility").mkdir(parents=True, exist_ok=True)
    contrast = sorted(url for url, result in results.items() if result["contrast"])
    report = {"pages": len(urls), "seconds": round(seconds, 1), "workers": WORKERS,
              "axe": next(iter(results.values()))["testEngine"]["version"],
              "contrast_measured_on": contrast, "violations": rules}
    (ARTIFACTS / "accessibility" / "axe.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\naxe {report['axe']}: {len(urls)} pages in {seconds:.1f} s with {WORKERS} workers; "
          f"color-contrast and link-in-text-block measured on {len(contrast)} of them")

    blocking = {k: r for k, r in rules.items() if r["impact"] in BLOCKING}
    note = (f"\n{', '.join(STYLE_RULES + SHEET_RULES)} list only the first page showing each text style"
            " or set of style sheets; OIT_AXE_CONTRAST_EVERYWHERE=1 lists them all."
            if set(blocking) & set(STYLE_RULES + SHEET_RULES) else "")
    assert not blocking, ("serious or critical WCAG 2.1 AA violations (axe-core):\n"
                          + render(blocking) + note)


class _Tables(HTMLParser):
    """The tables of a page's article: header cells per table, and what precedes each table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict] = []
        self._last: str | None = None  # "heading", "table" or "other", since the last heading
        self._in_article = self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._last = "heading"
        elif tag == "table":
            self._depth += 1
            if self._depth == 1:
                self.tables.append({"after": self._last, "th": 0, "columns": 0, "row": 0})
                self._last = "table"
        elif tag == "tr" and self._depth == 1:
            self.tables[-1]["row"] += 1
        elif tag in ("th", "td") and self._depth == 1 and self.tables[-1]["row"] == 1:
            self.tables[-1]["columns"] += 1
            self.tables[-1]["th"] += tag == "th"

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        elif tag == "table" and self._in_article:
            self._depth -= 1


def test_every_table_has_a_header_row_and_a_heading_that_names_it(example_site):
    # axe has no caption rule, and WCAG 1.3.1 asks for headers, not captions. Markdown tables
    # cannot carry a <caption>, so a table is named by the heading above it: no table may
    # follow another table under the same heading, where a reader could not tell them apart.
    problems = []
    for url in site_urls(example_site.site_dir):
        parser = _Tables()
        parser.feed(example_site.path(url).read_text(encoding="utf-8"))
        for n, table in enumerate(parser.tables, start=1):
            if not table["columns"] or table["th"] != table["columns"]:
                problems.append(f"{url} table {n}: first row has {table['th']} <th> "
                                f"of {table['columns']} cells")
            if table["after"] == "table":
                problems.append(f"{url} table {n}: follows another table under the same heading")
    assert not problems, "\n".join(problems)


_FOCUS = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    html: el.outerHTML.slice(0, 120),
    skip: el.matches('.md-skip'),
    nav: !!el.closest('.md-nav--primary'),
    article: !!el.closest('article'),
    content: el.matches('a') && !!el.closest('article') && !el.matches('.headerlink'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
             && style.outlineColor !== 'rgba(0, 0, 0, 0)',
    shadow: style.boxShadow !== 'none',
    onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0
              && rect.top < innerHeight && rect.left < innerWidth,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/", "/oit/2568/", "/documents/annual-plan-2568/"])
def test_tab_reaches_skip_link_then_main_nav_then_content_with_visible_focus(browser, server, url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page = context.new_page()
    page.goto(server + url)
    reached: dict[str, int] = {}
    trail = []
    for n in range(1, 120):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS)
        trail.append(focus["html"])
        for kind in ("skip", "nav", "content"):
            if focus[kind] and kind not in reached:
                reached[kind] = n
                assert focus["onScreen"], f"{url}: focused {kind} element is off screen: {focus}"
                assert focus["outline"] or focus["shadow"], f"{url}: focus not visible: {focus}"
        if "content" in reached:
            break
    context.close()
    assert reached.get("skip") == 1, f"{url}: first Tab should reach the skip link: {trail[:3]}"
    assert "nav" in reached and "content" in reached, f"{url}: {reached}\n" + "\n".join(trail)
    assert reached["skip"] < reached["nav"] < reached["content"]


@pytest.mark.browser
def test_skip_link_moves_focus_past_the_navigation(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
    page = context.new_page()
    page.goto(server + "/oit/2568/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focus = page.evaluate(_FOCUS)
    context.close()
    assert focus["article"] and not focus["nav"], focus


def _luminance(hex_colour: str) -> float:
    """Relative luminance of `#rrggbb` (WCAG 2.1, definition of relative luminance)."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two `#rrggbb` colours, from 1 to 21."""
    dark, light = sorted((_luminance(foreground), _luminance(background)))
    return (light + 0.05) / (dark + 0.05)


def test_oit_status_badges_reach_4_5_to_1():
    # axe checks only the statuses the example happens to show; this checks every badge in oit.css.
    css = (ROOT / "generator" / "theme" / "assets" / "stylesheets" / "oit.css").read_text(encoding="utf-8")
    rules = re.findall(r"\.oit-status--([\w-]+)\s*\{([^}]*)\}", css)
    assert {name for name, _ in rules} >= {"complete", "missing", "out-of-period"}
    for name, body in rules:
        colours = dict(re.findall(r"(background|color):\s*(#[0-9a-fA-F]{6})", body))
        assert contrast(colours["color"], colours["background"]) >= 4.5, (name, colours)
