// Tables on a phone and on a desktop (tables.css).
// 1. Each cell gets the name of its column (data-label) from the header row, so that a table shown
//    as cards (.oit-cards, .oit-timeline) writes every value under its column's name.
// 2. A wide table scrolls sideways inside Material's wrapper. A keyboard user must be able to reach
//    and scroll it (WCAG 2.1.1; axe: scrollable-region-focusable), so a wrapper that scrolls and holds
//    nothing focusable gets a tab stop, the role of a region, and the name of the heading above it.
// 3. A wrapper that scrolls says so: a "เลื่อนดูตาราง →" line above it and a faded right edge until
//    the reader reaches the end.
(function () {
  function heading(wrap) {
    var start = wrap.closest(".oit-cards, .oit-timeline") || wrap;
    for (var el = start.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.replace(/¶$/, "").trim();
    }
    return "ตาราง";
  }
  function labels(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || table.dataset.oitLabelled) return;
    var names = [];
    Array.prototype.forEach.call(head.cells, function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) names.push(th.textContent.trim());
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        var col = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          if (names[col] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[col]);
          col += cell.colSpan || 1;
        });
      });
    });
    table.dataset.oitLabelled = "1";
  }
  function hint(wrap, show) {
    var prev = wrap.previousElementSibling;
    var has = prev && prev.classList.contains("oit-scroll-hint");
    if (show && !has) {
      var p = document.createElement("p");
      p.className = "oit-scroll-hint";
      p.setAttribute("aria-hidden", "true");
      p.textContent = "เลื่อนดูตาราง →";
      wrap.parentNode.insertBefore(p, wrap);
    } else if (!show && has) {
      prev.remove();
    }
  }
  function atEnd(wrap) {
    wrap.classList.toggle("oit-scroll--end", wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 2);
  }
  function mark() {
    document.querySelectorAll("article table").forEach(labels);
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      wrap.classList.toggle("oit-scroll", scrolls);
      hint(wrap, scrolls);
      if (scrolls) {
        atEnd(wrap);
        if (!wrap.dataset.oitWatched) {
          wrap.dataset.oitWatched = "1";
          wrap.addEventListener("scroll", function () { atEnd(wrap); }, { passive: true });
        }
      }
      if (!scrolls || wrap.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
        if (wrap.dataset.oitFocusable) {
          wrap.removeAttribute("tabindex");
          wrap.removeAttribute("role");
          wrap.removeAttribute("aria-label");
          delete wrap.dataset.oitFocusable;
        }
        return;
      }
      wrap.tabIndex = 0;
      wrap.dataset.oitFocusable = "1";
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "ตาราง: " + heading(wrap));
    });
  }
  if (window.document$) {
    window.document$.subscribe(mark); // Material replaces the page content on instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
  window.addEventListener("resize", mark);
})();
