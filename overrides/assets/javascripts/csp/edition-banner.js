/* The banner on an older edition (overrides/main.html, block "outdated").

   Every edition lives in its own folder beside versions.json, which mike
   writes: /2026.1/, /2027.1/ and the newest again as /nyeste/. An edition
   cannot know at build time that a newer one will come, so this script asks
   versions.json when the page opens. On an older edition it shows the banner,
   says until when the edition applied (the property "gaeldende_til_tekst",
   written when the next edition was published) and links to the same page
   in the newest edition, or to its start page when the page is gone there.
   The texts are in the template; this file holds none.
Checked against Material for MkDocs 9.8.2. */
(function () {
  "use strict";
  var script = document.currentScript;
  var banner = document.querySelector("[data-md-component=outdated]");
  var link = document.querySelector("[data-edition-newest]");
  if (!script || !banner || !link) return;

  /* Joined into assets/javascripts/site.<hash>.js (mkdocs-base.yml, extra_javascript). */
  var scope = new URL("../../", script.src);      /* this edition: /2026.1/ */
  var root = new URL("../", scope);                /* all editions */
  var alias = link.getAttribute("data-edition-newest");
  var page = location.pathname.indexOf(scope.pathname) === 0
    ? location.pathname.slice(scope.pathname.length) : "";
  var start = new URL(encodeURIComponent(alias) + "/", root);
  var same = new URL(page, start);
  link.href = same.href;

  /* Known already in this tab: show it before the page has finished loading. */
  if (window.__md_get && window.__md_get("__outdated", sessionStorage, scope) === true) {
    banner.hidden = false;
  }

  var parts = scope.pathname.split("/").filter(Boolean);
  var current = decodeURIComponent(parts[parts.length - 1] || "");

  function toStart() {
    link.href = start.href;
    link.textContent = link.getAttribute("data-edition-start-text");
  }

  fetch(new URL("versions.json", root).href, { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (versions) {
      var entry = versions.filter(function (v) {
        return v.version === current || v.aliases.indexOf(current) >= 0;
      })[0];
      if (!entry || entry.aliases.indexOf(alias) >= 0) return;
      var until = entry.properties && entry.properties.gaeldende_til_tekst;
      var slot = banner.querySelector("[data-edition-until]");
      if (until && slot) {
        slot.textContent = slot.getAttribute("data-edition-until").replace("{dato}", until);
      }
      banner.hidden = false;
      if (!page) {
        toStart();
        return;
      }
      return fetch(same.href, { method: "HEAD", credentials: "same-origin" }).then(function (response) {
        if (!response.ok) toStart();
      });
    })
    .catch(function () { /* No versions.json (a preview): nothing to show. */ });
})();
