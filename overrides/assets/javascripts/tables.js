// A wide table scrolls sideways inside Material's wrapper on a phone. A keyboard user must be able to
// reach and scroll it (WCAG 2.1.1; axe: scrollable-region-focusable), so a wrapper that scrolls and
// holds nothing focusable gets a tab stop, the role of a region, and the name of the heading above it.
(function () {
  function label(wrap) {
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.replace(/¶$/, "").trim();
    }
    return "ตาราง";
  }
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (!scrolls || wrap.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
        if (wrap.dataset.oitFocusable) { wrap.removeAttribute("tabindex"); delete wrap.dataset.oitFocusable; }
        return;
      }
      wrap.tabIndex = 0;
      wrap.dataset.oitFocusable = "1";
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "ตาราง: " + label(wrap));
    });
  }
  if (window.document$) {
    window.document$.subscribe(mark); // Material replaces the page content on instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
  window.addEventListener("resize", mark);
})();
