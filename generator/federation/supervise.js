// Filters of the supervisory site's office table (generator/federation/site.py): by type and parent body.
// Without JavaScript every office is listed; the filter only hides rows.
(function () {
  var form = document.getElementById("filters");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#office-table tbody tr"));
  if (!form) return;
  function apply() {
    var type = form.elements.type.value, parent = form.elements.parent.value, shown = 0;
    rows.forEach(function (row) {
      var keep = (!type || row.dataset.type === type) && (!parent || row.dataset.parent === parent);
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    form.elements.shown.value = "แสดง " + shown + " จาก " + rows.length + " หน่วยงาน";
  }
  form.addEventListener("change", apply);
  apply();
})();
