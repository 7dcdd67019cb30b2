/* Small accessibility fixes to Material's markup that no template block
   reaches. They run when the page has loaded, and again after Material has
   built its components and whenever the window is resized. */
(function () {
  "use strict";

  // The search overlay is a dialog and needs an accessible name
  // (axe: aria-dialog-name), in the page's language (English pages: /en/).
  function nameSearchDialog() {
    var name = document.documentElement.lang === "en" ? "Search this site" : "Søg på sitet";
    document.querySelectorAll('.md-search[role="dialog"]').forEach(function (el) {
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", name);
    });
  }

  // On a phone the menu shows each section's sub-menu. With section index
  // pages, Material labels each sub-menu (<nav aria-labelledby>) by the
  // expand toggle, which holds only an icon: the menus get no name, and the
  // toggle cannot be told apart by a screen reader (axe: landmark-unique).
  // Name the toggle after its section, which names the menu too.
  function nameSectionMenus() {
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      if (!toggle || !title || toggle.textContent.trim() || toggle.hasAttribute("aria-label")) return;
      toggle.setAttribute("aria-label", title.textContent.trim());
    });
  }

  // A table wider than the screen scrolls sideways in Material's wrapper.
  // Keyboard users must be able to reach and scroll it
  // (axe: scrollable-region-focusable).
  function focusableScrollAreas() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
      } else {
        wrap.removeAttribute("tabindex");
      }
    });
  }

  function fix() {
    nameSearchDialog();
    nameSectionMenus();
    focusableScrollAreas();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
  // Material wraps tables after its own start-up.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { window.setTimeout(fix, 0); });
  }
  window.addEventListener("load", fix);
  window.addEventListener("resize", focusableScrollAreas);
})();
