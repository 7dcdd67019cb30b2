/* Runs at the end of the page, before Material's own script starts (in place of
   Material's inline scripts after the content, so the Content-Security-Policy needs no
   'unsafe-inline'):
   - linked content tabs: open the tab the reader chose last time;
   - a link to a tab (#__tabbed_1_2) opens that tab.
   Checked against Material for MkDocs 9.8.2. */
(function () {
  "use strict";
  var chosen = window.__md_get ? window.__md_get("__tabs") : null;
  if (Array.isArray(chosen)) {
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var labels = set.querySelector(".tabbed-labels");
      if (!labels) return;
      var all = Array.prototype.slice.call(labels.getElementsByTagName("label"));
      for (var i = 0; i < chosen.length; i++) {
        var name = chosen[i];
        var match = all.filter(function (label) { return label.innerText.trim() === name; })[0];
        if (match) {
          document.getElementById(match.htmlFor).checked = true;
          return;
        }
      }
    });
  }
  var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  if (target && target.name) {
    target.checked = target.name.indexOf("__tabbed_") === 0;
  }
})();
