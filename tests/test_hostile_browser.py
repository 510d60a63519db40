"""The hostile corpus in a real browser (issue #11): pages built from payloads run none of them.

Every case of tests/hostile/cases.yml that builds (`inert:` and `accepted:`) is built as in
tests/test_hostile.py, served on 127.0.0.1 and opened page by page in the system Chromium. A trap
defined before any page script counts calls to `pwned()` (what every payload calls) and to
alert/confirm/prompt; dialogs, requests to other hosts and script errors are recorded too. Each page
is loaded, every element is hovered and focused (synthetic events reach inline handlers just as a
user's would), and nothing may have fired. The search box, which renders titles and text from the
index with JavaScript, is opened with the payload as its query. A page with a payload planted by
hand shows that the trap does fire.

Most pages of a case's site are the same as the other cases' (a payload changes one to five pages):
a page is opened again only if its HTML or a file it loaded (the search index aside, which each
case's own search visits read) differs from a page already opened clean at the same address. That
cuts some 780 page loads to about 80, and the whole module to about two minutes.

Marked `browser`: slower than the rest, run by `make test` and CI, skipped by `make test-fast`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

import pytest

from .search.runner import served
from .test_hostile import CASES, make_office, run_build

pytestmark = pytest.mark.browser

SHOWN = [c for c in CASES if "inert" in c["expect"] or "accepted" in c["expect"]]

# Defined before any script of the page (and of any frame) runs.
TRAP = """
(() => {
  const count = () => { window.__pwned = (window.__pwned || 0) + 1; };
  window.pwned = () => { count(); };
  for (const name of ["alert", "confirm", "prompt"]) {
    const original = window[name];
    window[name] = function (...args) { count(); return original.apply(this, args); };
  }
})();
"""

# Hover and focus every element: an inline handler smuggled into an attribute would run now.
STIR = """
() => {
  for (const el of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "mousemove"]) {
      el.dispatchEvent(new MouseEvent(type, { bubbles: type !== "mouseenter" }));
    }
    el.dispatchEvent(new FocusEvent("focus"));
    el.dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
    if (typeof el.focus === "function") el.focus({ preventScroll: true });
  }
  return document.querySelectorAll("body *").length;
}
"""

# What in the live DOM (after the page's own scripts) would run on a click or is a payload handler.
ARMED = """
() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on") && attr.value.includes("pwned")) found.push(`<${el.localName} ${name}=${attr.value}>`);
      if (["href", "src", "action", "formaction", "xlink:href", "data"].includes(name)) {
        let protocol = "";
        try { protocol = new URL(attr.value, location.href).protocol; } catch (e) { continue; }
        if (protocol === "javascript:") found.push(`<${el.localName} ${name}=${attr.value}>`);
      }
    }
  }
  return found;
}
"""

SEARCH_DONE = ("() => { const r = document.querySelector('[data-oit-search-result]');"
               " return r && r.dataset.oitState === 'done'; }")


@dataclass
class Findings:
    """What went off on one page."""

    url: str
    pwned: int = 0
    dialogs: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)   # requests to another host
    errors: list[str] = field(default_factory=list)    # uncaught exceptions of the page
    armed: list[str] = field(default_factory=list)     # handlers or javascript: URLs in the live DOM
    loaded: set[str] = field(default_factory=set)      # paths requested from the local server
    results: int = 0                                   # search results shown

    def suspicious_errors(self) -> list[str]:
        """A payload that ran without the trap, or a broken inline script (a breakout)."""
        return [e for e in self.errors if "pwned" in e.lower() or e.startswith("SyntaxError")]

    def clean(self) -> bool:
        return not (self.pwned or self.dialogs or self.foreign or self.suspicious_errors() or self.armed)


class Visitor:
    """One browser context on one served site, with the trap and the recorders in place."""

    def __init__(self, browser, base: str):
        self.base, self.host = base, urlparse(base).netloc
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="th-TH")
        self.context.add_init_script(TRAP)
        self.page = self.context.new_page()
        self.now: Findings | None = None
        self.page.on("dialog", self._dialog)
        self.page.on("request", self._request)
        self.page.on("pageerror", lambda error: self.now and self.now.errors.append(f"{error.name}: {error.message}"))

    def _dialog(self, dialog) -> None:
        if self.now:
            self.now.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if not self.now or url.scheme in ("data", "blob", "about"):
            return
        if url.netloc != self.host:
            self.now.foreign.append(request.url)
        else:
            self.now.loaded.add(unquote(url.path))

    def visit(self, url: str, search: str | None = None) -> Findings:
        """Open `url` (with `search` as the search box's query), stir it and read the trap."""
        self.now = findings = Findings(url + (f"?q={search}" if search else ""))
        target = self.base + quote(url) + (f"?q={quote(search)}" if search else "")
        response = self.page.goto(target, wait_until="load")
        assert response is not None and response.status == 200, f"{target}: {response and response.status}"
        if search:
            self.page.wait_for_function(SEARCH_DONE, timeout=15_000)
            links = self.page.locator(".md-search-result__link")
            findings.results = links.count()
            for i in range(min(findings.results, 5)):
                self._point_at(links.nth(i))
        heading = self.page.locator("article h1").first
        if not search and heading.count() and heading.is_visible():
            self._point_at(heading)
        self.page.evaluate(STIR)
        findings.armed = self.page.evaluate(ARMED)
        findings.pwned = self.page.evaluate("window.__pwned || 0")
        self.now = None
        return findings

    def _point_at(self, element) -> None:
        """Move the real mouse onto `element`, scrolled into view: the browser's own hover events.

        Not `locator.hover()`: its checks (the element still for two animation frames, nothing on top)
        cost some 80 ms a call, and STIR then sends the hover events to every element anyway.
        """
        point = element.evaluate("el => { el.scrollIntoView({block: 'center'});"
                                 " const r = el.getBoundingClientRect();"
                                 " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; }")
        self.page.mouse.move(point["x"], point["y"])

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build a case's office once per module; its site folder."""
    sites: dict[str, Path] = {}

    def build(case: dict) -> Path:
        if case["id"] not in sites:
            root = make_office(tmp_path_factory.mktemp(case["id"]) / "office", case)
            failure = run_build(root)
            assert failure is None, f"{case['id']}: the build failed: {failure}"
            sites[case["id"]] = root / "site"
        return sites[case["id"]]

    yield build
    print(f"\nhostile browser: {len(sites)} sites built")


PLANTED = "trap-sanity.html"  # the sanity check's page, never one of a site's pages


def pages_of(site: Path) -> list[str]:
    """Every HTML page of the built site as a URL (404.html is no page of it)."""
    urls = []
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html" or path.name == PLANTED:
            continue
        urls.append("/" + rel.removesuffix("index.html"))
    return sorted(urls)


def _file(site: Path, path: str) -> Path:
    return site / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def _digest(site: Path, path: str) -> str | None:
    file = _file(site, path)
    return hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else None


class Opened:
    """Pages opened clean so far (in any case's site): address and HTML → the files they loaded."""

    def __init__(self) -> None:
        self.pages: dict[tuple[str, str | None], dict[str, str | None]] = {}

    def same_as_before(self, site: Path, url: str) -> bool:
        loaded = self.pages.get((url, _digest(site, url)))
        return loaded is not None and all(_digest(site, path) == digest for path, digest in loaded.items())

    def add(self, site: Path, findings: Findings) -> None:
        # Focusing the search box loads the search manifest, which differs in every case; it only fills
        # the search filters, and every case's own manifest is read by its search visits.
        loaded = {p: _digest(site, p) for p in findings.loaded if not p.startswith("/search/")}
        self.pages[(findings.url, _digest(site, findings.url))] = loaded


@pytest.fixture(scope="module")
def opened() -> Opened:
    return Opened()


def test_the_trap_fires_on_a_planted_payload(built, browser):
    """A copy of a real page (its scripts included) with payloads planted: every recorder must see them."""
    case = SHOWN[0]
    site = built(case)
    url = (case["expect"].get("inert") or case["expect"]["accepted"]).strip("/")
    folder = site / url if url else site
    html = (folder / "index.html").read_text(encoding="utf-8")
    plant = ('<img src=x onerror=pwned()>'
             '<img src="http://localhost:1/beacon.png" alt="">'
             '<script>alert("planted")</script>'
             '<script>throw new Error("pwned planted")</script>'
             '<a href="javascript:pwned()">planted</a>')
    body = html.index(">", html.index("<body")) + 1
    (folder / PLANTED).write_text(html[:body] + plant + html[body:], encoding="utf-8")
    with served(site) as base:
        visitor = Visitor(browser, base)
        try:
            findings = visitor.visit(f"/{url}/{PLANTED}" if url else f"/{PLANTED}")
        finally:
            visitor.close()
    assert findings.pwned >= 2, findings      # the onerror handler and the wrapped alert
    assert findings.dialogs == ["alert: planted"], findings
    assert any("localhost:1" in u for u in findings.foreign), findings
    assert any("pwned planted" in e for e in findings.suspicious_errors()), findings
    assert any("javascript:" in a for a in findings.armed), findings
    assert not findings.clean()


@pytest.mark.parametrize("case", SHOWN, ids=[c["id"] for c in SHOWN])
def test_no_payload_runs_on_any_page(case, built, browser, opened):
    site = built(case)
    urls = pages_of(site)
    where = case["expect"].get("inert") or case["expect"]["accepted"]
    assert where in urls, f"{where} is not among the built pages"
    searches = ["pwned", case["expect"]["shows"]] if "inert" in case["expect"] else [case["expect"]["shows"]]
    fresh = [url for url in urls if not opened.same_as_before(site, url)]
    with served(site) as base:
        visitor = Visitor(browser, base)
        try:
            seen = [visitor.visit(url) for url in fresh]
            found = [visitor.visit(where, search=query) for query in searches]
        finally:
            visitor.close()
    print(f"\n{case['id']}: {len(fresh)} of {len(urls)} pages opened (the others are the same as pages"
          f" opened before), {len(found)} searches ({', '.join(str(f.results) for f in found)} results)")
    fired = [f for f in seen + found if not f.clean()]
    assert not fired, f"{case['id']}: a payload ran or broke out:\n" + "\n".join(map(repr, fired))
    for findings in seen:
        opened.add(site, findings)
    if "inert" in case["expect"]:  # the search check saw the payload: it is in the results it rendered
        assert found[0].results, f"{case['id']}: searching 'pwned' found nothing to render"
