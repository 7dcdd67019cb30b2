/* Training pages (kompetenceforløb): presentation view and print buttons.

   Presentation view: large text, no header, menus or footer, for a projector.
   Turn it on with the button on a module page or with ?praesentation in the
   address (without JavaScript: the link to #praesentation, which training.css
   styles through :target). It ends when the trainer leaves the module (it is
   not remembered), presses Escape or the button.

   The view never shows trainer content: training.css hides every second tab
   ("Underviser") and shows the first ("Deltager"), whatever tab Material's
   linked tabs (content.tabs.link, kept in localStorage) restore. We also put
   "Deltager" first in that memory.

   Screens: the first is the module's title and objectives; then one section
   (h2) per screen. ?praesentation=tre-timer (or the toolbar's choice of
   format) shows exactly the sections of that run sheet, in its order, with their minutes (the hidden .kf-forloeb element
   the programme renders); &afsnit=ID starts at that section. The address's
   #hash (which follows the scroll position) never picks the screen.
   Next: arrow keys, Page Down (what a clicker sends), Space, or the buttons;
   after a format's last screen the next key opens the next module in it.
   A screen taller than the window scrolls first, so that every block of text
   is shown whole above the control bar before the next screen. "Åbn
   underviserens noter" opens the page with ?noter in a second window, which
   shows the trainer tabs of the current section and the time left for it.

   Print: "Udskriv hele modulet" prints everything (participant and trainer
   tabs); "Udskriv deltagerhæfte" leaves the trainer tabs and the answers out
   (print.css).

   Run sheets: a time input recomputes the clock times (data-offset minutes). */
(function () {
  "use strict";

  var CLASS = "kf-praesentation";
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  try { localStorage.removeItem("kf-praesentation"); } catch (e) { /* an older version remembered it */ }

  function buttons() {
    return document.querySelectorAll(".kf-praesentation-knap");
  }

  function exitButton() {
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

  function set(on, start) {
    root.classList.toggle(CLASS, on);
    if (on) {
      participantTabs();
      buildSlides(chosenFormat());
      var bar = slideControls();
      if (bar) {
        bar.appendChild(exitButton());  // the way out sits in the bar, never over the text
        show(start ? Math.max(0, ids.indexOf(start)) : 0);
      }
    }
    buttons().forEach(function (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
    });
    exitButton().hidden = !on;
  }

  // The format to show: the toolbar's choice, else the address's ?praesentation=FORMAT.
  function chosenFormat() {
    var select = document.querySelector(".kf-forloeb-valg");
    return select ? select.value : params.get("praesentation");
  }

  function formatChoice() {
    var data = document.querySelector(".kf-forloeb");
    var button = document.querySelector(".kf-praesentation-knap");
    if (!data || !button) return;
    var formats = Array.prototype.filter.call(data.attributes, function (a) {
      return a.name.indexOf("data-titel-") === 0;
    });
    if (!formats.length) return;
    var label = document.createElement("label");
    label.htmlFor = "kf-forloeb-valg";
    label.textContent = "Forløb";
    var select = document.createElement("select");
    select.className = "kf-forloeb-valg";
    select.id = "kf-forloeb-valg";
    select.add(new Option("hele modulet", ""));
    formats.forEach(function (a) {
      var fid = a.name.slice("data-titel-".length);
      select.add(new Option(a.value.toLowerCase(), fid, false, fid === params.get("praesentation")));
    });
    button.parentNode.insertBefore(label, button);
    button.parentNode.insertBefore(select, button);
  }

  // --- screens -------------------------------------------------------------------
  var slides = [];   // lists of elements, one per screen
  var ids = [];      // the h2 id of each screen ("" for the first)
  var minutes = [];  // minutes of each screen in the chosen format (0: none)
  var current = 0;
  var nextModule = "";  // in a format: the next module's presentation, after the last screen
  var notesWindow = null;

  function article() {
    return document.querySelector(".md-content__inner");
  }

  function words(el, name) {
    return ((el && el.getAttribute(name)) || "").split(/\s+/).filter(Boolean);
  }

  function buildSlides(format) {
    var a = article();
    if (!a || !document.querySelector(".kf-vaerktoej")) return;
    current = 0;
    var sections = {}, order = [], id = "";
    sections[""] = [];
    Array.prototype.forEach.call(a.children, function (el) {
      if (el.tagName === "H1") return;  // the title stays on every screen (small after the first)
      if (el.tagName === "H2") {
        id = el.id;
        // The first section (the objectives) shares the first screen with the title.
        if (order.length || sections[""].some(function (e) { return e.tagName === "H2"; })) {
          sections[id] = [];
          order.push(id);
        } else { id = ""; }
      }
      el.setAttribute("data-kf-dias", "-1");
      sections[id].push(el);
    });
    var data = document.querySelector(".kf-forloeb");
    var wanted = words(data, "data-forloeb-" + (format || "-"));
    nextModule = (wanted.length && data.getAttribute("data-naeste-" + format)) || "";
    var skip = words(data, "data-skjul");
    ids = [""]; minutes = [0];
    if (wanted.length) {
      wanted.forEach(function (w) {
        var i = w.lastIndexOf(":");
        if (sections[w.slice(0, i)]) { ids.push(w.slice(0, i)); minutes.push(parseInt(w.slice(i + 1), 10)); }
      });
    } else {
      order.forEach(function (o) { if (skip.indexOf(o) < 0) { ids.push(o); minutes.push(0); } });
    }
    slides = ids.map(function (key, n) {
      sections[key].forEach(function (el) { el.setAttribute("data-kf-dias", String(n)); });
      return sections[key];
    });
  }

  function scroller() {
    return root.classList.contains(CLASS) ? document.querySelector(".md-main") : document.scrollingElement;
  }

  function show(i) {
    if (!slides.length) return;
    current = Math.max(0, Math.min(slides.length - 1, i));
    document.querySelectorAll(".kf-dias-aktiv").forEach(function (el) { el.classList.remove("kf-dias-aktiv"); });
    slides[current].forEach(function (el) { el.classList.add("kf-dias-aktiv"); });
    root.classList.toggle("kf-dias-senere", current > 0);
    var status = document.querySelector(".kf-dias-status");
    if (status) status.textContent = "Afsnit " + (current + 1) + " af " + slides.length;
    scrollStep(scroller(), -scroller().scrollTop);
    window.scrollTo(0, 0);
    if (notesWindow && !notesWindow.closed) {
      notesWindow.postMessage({ kfAfsnit: ids[current], kfMinutter: minutes[current] }, "*");
    }
  }

  // The next key first scrolls a tall screen: the first block cut off at the
  // bottom moves to the top, so every block is seen whole. Then it moves on.
  var BLOCKS = "p, li, tr, h2, h3, h4, dt, dd, pre, legend, label, summary, .admonition-title, figure";

  function next() {
    var box = scroller(), view = box.getBoundingClientRect();
    var bottom = Math.min(view.bottom, window.innerHeight);
    if (box.scrollTop + box.clientHeight < box.scrollHeight - 2) {
      var step = box.clientHeight * 0.9;
      slides[current].some(function (el) {
        return [el].concat(Array.prototype.slice.call(el.querySelectorAll(BLOCKS))).some(function (b) {
          var r = b.getBoundingClientRect();
          if (!r.height || r.bottom <= bottom + 1) return false;
          if (r.top > view.top + 8) step = Math.min(step, r.top - view.top - 8);
          return true;
        });
      });
      scrollStep(box, Math.max(step, 16));
    } else if (current === slides.length - 1 && nextModule) {
      location.href = nextModule;  // the run sheet goes on in the next module
    } else {
      show(current + 1);
    }
  }

  // At once: a smooth scroll would leave the screen moving when the next key comes.
  function scrollStep(box, dy) {
    box.scrollTo({ top: box.scrollTop + dy, behavior: "instant" });
  }

  function previous() {
    var box = scroller();
    if (box.scrollTop > 0) scrollStep(box, -box.clientHeight * 0.9);
    else show(current - 1);
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
    notesWindow = window.open(location.pathname + "?noter", "kf-noter", "width=900,height=700");
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
    if (["ArrowRight", "ArrowDown", "PageDown", " "].indexOf(event.key) >= 0) next();
    else if (["ArrowLeft", "ArrowUp", "PageUp"].indexOf(event.key) >= 0) previous();
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else return;
    event.preventDefault();
  }

  function notesMode() {
    // The second window: the trainer's notes of the current section, and its time left.
    root.classList.add("kf-noter");
    buildSlides("");
    show(0);
    var clock = document.createElement("p");
    clock.className = "kf-noter-tid";
    clock.setAttribute("role", "status");
    var a = article();
    if (a) a.insertBefore(clock, a.firstChild);
    var total = 0, started = 0;
    function tick() {
      var left = Math.max(0, total - Math.floor((Date.now() - started) / 60000));
      clock.textContent = total ? "Tid tilbage af afsnittet: " + left + " af " + total + " min." : "";
    }
    setInterval(tick, 15000);
    window.addEventListener("message", function (event) {
      if (event.source !== window.opener || !event.data || typeof event.data.kfAfsnit !== "string") return;
      if (ids[current] !== event.data.kfAfsnit || total !== event.data.kfMinutter) started = Date.now();
      total = event.data.kfMinutter || 0;
      show(Math.max(0, ids.indexOf(event.data.kfAfsnit)));
      tick();
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

  // --- course certificates: one page per name typed; nothing stored or sent --------
  function certificates() {
    var form = document.querySelector(".kf-bevis-form");
    var out = document.querySelector(".kf-beviser");
    if (!form || !out) return;
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var names = form.querySelector("#kf-bevis-navne").value.split("\n")
        .map(function (n) { return n.trim(); }).filter(Boolean);
      var course = form.querySelector("#kf-bevis-forloeb").value;
      var date = form.querySelector("#kf-bevis-dato").value;
      var trainer = form.querySelector("#kf-bevis-underviser").value.trim();
      if (date) date = new Date(date + "T12:00").toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
      out.textContent = "";
      names.forEach(function (name) {
        var card = document.createElement("section");
        card.className = "kf-bevis";
        card.setAttribute("aria-label", "Kursusbevis: " + name);
        [["p", "kf-bevis__titel", "Kursusbevis"], ["p", "kf-bevis__navn", name],
          ["p", "", "har deltaget i " + course + "."],
          ["p", "", "Forløbet handler om, hvad du gør, når du er bekymret for, at en borger bliver radikaliseret."],
          ["p", "", "Dato: " + (date || "________________")],
          ["p", "kf-bevis__underskrift", "Underviser: " + (trainer || "________________")]].forEach(function (part) {
          var el = document.createElement(part[0]);
          if (part[1]) el.className = part[1];
          el.textContent = part[2];
          card.appendChild(el);
        });
        out.appendChild(card);
      });
      form.querySelector(".kf-bevis-status").textContent = names.length + " kursusbeviser er klar. Udskriv siden.";
      if (names.length) window.print();
    });
  }

  function setup() {
    runSheets();
    certificates();
    if (params.has("noter")) {
      notesMode();
      return;
    }
    // The script takes over from the no-JavaScript link.
    document.querySelectorAll(".kf-uden-js").forEach(function (el) { el.hidden = true; });
    document.querySelectorAll(".kf-med-js").forEach(function (el) { el.hidden = false; });

    formatChoice();
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

    var wanted = params.has("praesentation");
    // A link to #praesentation (the no-JavaScript way) also turns it on; the
    // hash is dropped so that the :target style cannot outlive the button.
    if (location.hash === "#praesentation") wanted = true;
    if (wanted && location.hash) history.replaceState(null, "", location.pathname + location.search);
    set(wanted, params.get("afsnit"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
