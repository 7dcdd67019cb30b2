/* Training pages (kompetenceforløb): presentation view and print buttons.

   Presentation view: large text, no header, menus or footer, for a projector.
   Turn it on with the button on a module page, with ?praesentation in the
   address, or (without JavaScript) with the link to #praesentation, which
   training.css styles through :target. The choice is kept in localStorage
   until the trainer turns it off (button or Escape).

   Print: "Udskriv modulet" prints everything (participant and trainer tabs);
   "Udskriv kun deltagerdelen" leaves the trainer tabs out (print.css). */
(function () {
  "use strict";

  var KEY = "kf-praesentation";
  var CLASS = "kf-praesentation";
  var root = document.documentElement;

  function store(on) {
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (e) { /* private mode: the view still works for this page */ }
  }

  function stored() {
    try { return localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function buttons() {
    return document.querySelectorAll(".kf-praesentation-knap");
  }

  function exitButton() {
    // Every page in the view needs a way out, also pages without a toolbar.
    var button = document.querySelector(".kf-praesentation-afslut");
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "md-button kf-praesentation-afslut";
      button.textContent = "Afslut præsentation";
      button.addEventListener("click", function () { set(false); });
      document.body.appendChild(button);
    }
    return button;
  }

  function set(on) {
    root.classList.toggle(CLASS, on);
    store(on);
    buttons().forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    exitButton().hidden = !on;
  }

  function setup() {
    // The script takes over from the no-JavaScript link.
    document.querySelectorAll(".kf-uden-js").forEach(function (el) { el.hidden = true; });
    document.querySelectorAll(".kf-med-js").forEach(function (el) { el.hidden = false; });

    buttons().forEach(function (b) {
      b.addEventListener("click", function () { set(!root.classList.contains(CLASS)); });
    });
    document.querySelectorAll(".kf-udskriv").forEach(function (b) {
      b.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".kf-udskriv-deltager").forEach(function (b) {
      b.addEventListener("click", function () {
        root.classList.add("kf-kun-deltager");
        window.print();
      });
    });
    window.addEventListener("afterprint", function () { root.classList.remove("kf-kun-deltager"); });
    document.addEventListener("keydown", function (event) {
      // Escape in the search box closes the search, not the view.
      if (event.key === "Escape" && root.classList.contains(CLASS) &&
          !(event.target.closest && event.target.closest(".md-search"))) set(false);
    });

    var wanted = new URLSearchParams(location.search).has("praesentation") || stored();
    // A link to #praesentation (the no-JavaScript way) also turns it on; the
    // hash is dropped so that the :target style cannot outlive the button.
    if (location.hash === "#praesentation") {
      wanted = true;
      history.replaceState(null, "", location.pathname + location.search);
    }
    set(wanted);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
