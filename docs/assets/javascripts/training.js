/* Training pages (kompetenceforløb): presentation view and print buttons.

   Presentation view: large text, no header, menus or footer, for a projector.
   Turn it on with the button on a module page, with ?praesentation in the
   address, or (without JavaScript) with the link to #praesentation, which
   training.css styles through :target. The choice is kept in localStorage
   until the trainer turns it off (button or Escape).

   The view never shows trainer content: training.css hides every second tab
   ("Underviser") and shows the first ("Deltager") under html.kf-praesentation,
   whatever tab Material's linked tabs (content.tabs.link, kept in
   localStorage) restore. We also put "Deltager" first in that memory.

   One section (h2) per screen: every child of the article gets
   data-kf-dias="n"; the current one is marked .kf-dias-aktiv. Next/previous:
   arrow keys, Page Up/Down (what a presenter's clicker sends), Space, Home/End,
   or the buttons. "Åbn underviserens noter" opens the same page with ?noter in
   a second window, which shows only the trainer tabs of the current section
   and follows along (postMessage).

   Print: "Udskriv hele modulet" prints everything (participant and trainer
   tabs); "Udskriv deltagerhæfte" leaves the trainer tabs and the answers out
   (print.css).

   Run sheets: a time input recomputes the clock times (data-offset minutes). */
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
    if (on) {
      participantTabs();
      if (!slides.length) buildSlides();
      if (slideControls()) show(fromHash());
    }
    store(on);
    buttons().forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    exitButton().hidden = !on;
  }

  // --- one section per screen -------------------------------------------------
  var slides = [];
  var current = 0;
  var notesWindow = null;

  function article() {
    return document.querySelector(".md-content__inner");
  }

  function buildSlides() {
    var a = article();
    if (!a || !document.querySelector(".kf-vaerktoej")) return;
    var n = 0;
    slides = [[]];
    Array.prototype.forEach.call(a.children, function (el) {
      if (el.tagName === "H2") { n += 1; slides.push([]); }
      // The module's title stays on every screen (small after the first).
      if (el.tagName === "H1") return;
      el.setAttribute("data-kf-dias", String(n));
      slides[n].push(el);
    });
  }

  function fromHash() {
    // Start at the section the address points to, if any.
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    var holder = el && el.closest && el.closest("[data-kf-dias]");
    return holder ? parseInt(holder.getAttribute("data-kf-dias"), 10) : 0;
  }

  function show(i) {
    if (!slides.length) return;
    current = Math.max(0, Math.min(slides.length - 1, i));
    document.querySelectorAll(".kf-dias-aktiv").forEach(function (el) { el.classList.remove("kf-dias-aktiv"); });
    slides[current].forEach(function (el) { el.classList.add("kf-dias-aktiv"); });
    root.classList.toggle("kf-dias-senere", current > 0);
    var status = document.querySelector(".kf-dias-status");
    if (status) status.textContent = "Afsnit " + (current + 1) + " af " + slides.length;
    window.scrollTo(0, 0);
    if (notesWindow && !notesWindow.closed) notesWindow.postMessage({ kfDias: current }, "*");
  }

  function slideControls() {
    var bar = document.querySelector(".kf-dias-styring");
    if (bar || !slides.length) return bar;
    bar = document.createElement("nav");
    bar.className = "kf-dias-styring";
    bar.setAttribute("aria-label", "Præsentation");
    bar.innerHTML = '<button type="button" class="md-button kf-dias-forrige">Forrige afsnit</button>' +
      '<span class="kf-dias-status" role="status"></span>' +
      '<button type="button" class="md-button kf-dias-naeste">Næste afsnit</button>' +
      '<button type="button" class="md-button kf-noter-knap">Åbn underviserens noter</button>';
    document.body.appendChild(bar);
    bar.querySelector(".kf-dias-forrige").addEventListener("click", function () { show(current - 1); });
    bar.querySelector(".kf-dias-naeste").addEventListener("click", function () { show(current + 1); });
    bar.querySelector(".kf-noter-knap").addEventListener("click", openNotes);
    return bar;
  }

  function openNotes() {
    var url = location.pathname + "?noter";
    notesWindow = window.open(url, "kf-noter", "width=900,height=700");
    if (notesWindow) {
      // The notes page asks for the section when it is ready.
      setTimeout(function () { show(current); }, 500);
    }
  }

  function participantTabs() {
    // Make "Deltager" the remembered tab, so Material restores it everywhere.
    try {
      if (window.__md_get && window.__md_set) {
        var tabs = (window.__md_get("__tabs") || []).filter(function (t) { return t !== "Deltager"; });
        window.__md_set("__tabs", ["Deltager"].concat(tabs));
      }
    } catch (e) { /* storage off: the CSS still hides the trainer tabs */ }
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      var first = set.querySelector(":scope > input");
      if (first) first.checked = true;
    });
  }

  function onKey(event) {
    if (!root.classList.contains(CLASS) || !slides.length) return;
    var t = event.target;
    if (t && t.closest && t.closest("input, textarea, select, .md-search, [contenteditable]")) return;
    if (event.key === " " && t && t.closest && t.closest("button, a, summary")) return;
    var next = ["ArrowRight", "ArrowDown", "PageDown", " "];
    var prev = ["ArrowLeft", "ArrowUp", "PageUp"];
    if (next.indexOf(event.key) >= 0) { show(current + 1); event.preventDefault(); }
    else if (prev.indexOf(event.key) >= 0) { show(current - 1); event.preventDefault(); }
    else if (event.key === "Home") { show(0); event.preventDefault(); }
    else if (event.key === "End") { show(slides.length - 1); event.preventDefault(); }
  }

  function notesMode() {
    // The second window: only the trainer's notes of the current section.
    root.classList.add("kf-noter");
    buildSlides();
    show(0);
    window.addEventListener("message", function (event) {
      if (event.source !== window.opener || !event.data || typeof event.data.kfDias !== "number") return;
      show(event.data.kfDias);
    });
  }

  // --- run sheets: clock times from the chosen start time ------------------------
  function runSheets() {
    document.querySelectorAll(".kf-drejeark").forEach(function (sheet) {
      var input = sheet.querySelector(".kf-starttid");
      if (!input) return;
      input.hidden = false;
      function update() {
        var m = /^(\d{1,2}):(\d{2})/.exec(input.value || sheet.getAttribute("data-start"));
        if (!m) return;
        var start = parseInt(m[1], 10) * 60 + parseInt(m[2], 10);
        sheet.querySelectorAll(".kf-kl").forEach(function (cell) {
          var t = (start + parseInt(cell.getAttribute("data-offset"), 10)) % 1440;
          cell.textContent = String(Math.floor(t / 60)).padStart(2, "0") + "." + String(t % 60).padStart(2, "0");
        });
      }
      input.addEventListener("input", update);
      input.addEventListener("change", update);
      update();
    });
  }

  function setup() {
    runSheets();
    if (new URLSearchParams(location.search).has("noter")) {
      notesMode();
      return;
    }
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
    document.addEventListener("keydown", onKey);
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
