/* Shows the "not reviewed in time" warning when the review date passes after
   the site was built. The build already shows it for pages that were overdue
   then, so the page is right without JavaScript too.
   A page is overdue from the day after data-review-due (ÅÅÅÅ-MM-DD). */
(function () {
  "use strict";

  function isoToday() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function update() {
    var today = isoToday();
    document.querySelectorAll("[data-review-due]").forEach(function (el) {
      // ISO dates compare correctly as strings.
      if (today > el.getAttribute("data-review-due")) {
        el.hidden = false;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", update);
  } else {
    update();
  }
})();
