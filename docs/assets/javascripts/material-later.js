/* Material's own script starts when the reader first uses the page.

   The page arrives as Material's page without JavaScript, which is complete
   for reading: menus, tabs and links work with HTML and CSS alone. Material's
   script (35 KB compressed, and the main work for an old PC's processor) is
   loaded at the reader's first pointer move, touch, key, scroll or focus,
   or at once when the page was opened from a search result or at an anchor.
   overrides/main.html gives Material's <script> the type "text/x-later" and
   its address as data-src, so the browser keeps it; this file starts it. Material waits for the
   DOMContentLoaded event, which has long passed: its listener is kept while
   the script runs and called when it has run.
Checked against Material for MkDocs 9.8.2. */
(function () {
  "use strict";

  var later = document.querySelector('script[type="text/x-later"]');
  if (!later) return;
  var EVENTS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];
  var started = false;
  // Linked content tabs (content.tabs.link): until Material listens, a tab
  // chosen in one set is chosen in every set with a tab of the same name.
  // Material listens to a set once it has mounted it, which is a moment AFTER
  // its script has run (Material 9.x mounts components asynchronously; it then
  // marks the labels "tabbed-labels--linked"): until then this does the linking.
  var config = document.getElementById("__config");
  var linked = !!config && config.textContent.indexOf('"content.tabs.link"') >= 0;
  function labelOf(input) {
    return document.querySelector('label[for="' + input.id + '"]');
  }
  function rememberTab(event) {
    var input = event.target;
    if (!linked || !input || !input.matches || !input.matches(".tabbed-set > input")) return;
    if (input.parentNode.querySelector(":scope > .tabbed-labels--linked")) return;  // Material's
    var label = labelOf(input);
    if (!label) return;
    var name = label.textContent.trim();
    document.querySelectorAll(".tabbed-set").forEach(function (set) {
      if (set.contains(input)) return;
      set.querySelectorAll(":scope > input").forEach(function (other) {
        var otherLabel = labelOf(other);
        if (otherLabel && otherLabel.textContent.trim() === name) other.checked = true;
      });
    });
  }
  document.addEventListener("change", rememberTab, true);

  function start(event) {
    if (started) return;
    started = true;
    EVENTS.forEach(function (type) { window.removeEventListener(type, start, true); });
    var ready = [];
    var add = document.addEventListener;
    document.addEventListener = function (type, listener, options) {
      if (type === "DOMContentLoaded") { ready.push(listener); return; }
      return add.call(document, type, listener, options);
    };
    var script = document.createElement("script");
    script.src = later.getAttribute("data-src");
    script.onload = script.onerror = function () {
      document.addEventListener = add;
      var loaded = new Event("DOMContentLoaded");
      ready.forEach(function (listener) {
        if (typeof listener === "function") listener.call(document, loaded);
        else if (listener && listener.handleEvent) listener.handleEvent(loaded);
      });
      window.dispatchEvent(new Event("sitekit:material"));
      // A key that opens the search ("/", "s", "f") was pressed before
      // Material listened: hand it the key again.
      if (event && event.type === "keydown" && /^[/sf]$/.test(event.key) &&
          !(event.target && event.target.closest && event.target.closest("input, textarea, select"))) {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: event.key, bubbles: true }));
      }
    };
    later.parentNode.insertBefore(script, later.nextSibling);
  }

  if (location.hash || /[?&]h=/.test(location.search)) {
    start(null);
  } else {
    EVENTS.forEach(function (type) {
      window.addEventListener(type, start, { capture: true, passive: true });
    });
  }
})();
