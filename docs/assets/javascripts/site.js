/* Small accessibility fixes to Material's markup that no template block
   reaches. Runs once the page has loaded. */
(function () {
  "use strict";

  function fix() {
    // The search overlay is a dialog and needs an accessible name
    // (axe: aria-dialog-name).
    document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", "Søg på sitet");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
})();
