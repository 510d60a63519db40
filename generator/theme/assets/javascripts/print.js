// Before printing, write each content link's absolute address into data-print-url (print.css shows it).
(function () {
  function mark() {
    document.querySelectorAll(".md-content a[href]:not(.headerlink)").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href && href.charAt(0) !== "#" && href.indexOf("javascript:") !== 0) {
        link.setAttribute("data-print-url", link.href);
      }
    });
  }
  window.addEventListener("beforeprint", mark);
  if (window.matchMedia) {
    window.matchMedia("print").addEventListener("change", function (event) {
      if (event.matches) mark();
    });
  }
})();
