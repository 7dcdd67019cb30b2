/* Small accessibility fixes to Material's markup that no template block
   reaches. They run when the page has loaded, and again after Material has
   built its components and whenever the window is resized.
   Checked against Material for MkDocs 9.8.2. */
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
  // expand toggle, which holds only an icon: the menus get no name and cannot
  // be told apart by a screen reader (axe: landmark-unique). Name each menu
  // after its section on the <nav> itself; a <label> may not carry an
  // aria-label (Lighthouse: aria-prohibited-attr).
  function nameSectionMenus() {
    document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var toggle = document.getElementById(nav.getAttribute("aria-labelledby"));
      var title = nav.querySelector(":scope > .md-nav__title");
      if (!toggle || !title || toggle.textContent.trim()) return;
      nav.setAttribute("aria-label", title.textContent.trim());
      nav.removeAttribute("aria-labelledby");
    });
  }

  // A table or code block wider than the screen, or a menu taller than it,
  // scrolls: by itself until Material's script has run (material-later.js),
  // then tables in Material's wrapper. Keyboard users must be able to reach
  // and scroll it (axe: scrollable-region-focusable).
  var SCROLL_AREAS = ".md-typeset__scrollwrap, .md-typeset table:not([class]), " +
    ".md-typeset pre > code, .md-sidebar__scrollwrap";
  function focusableScrollAreas() {
    document.querySelectorAll(SCROLL_AREAS).forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1) {
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
  // Material wraps tables after its own start-up, which comes at the
  // reader's first interaction (material-later.js).
  function afterMaterial() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { window.setTimeout(fix, 0); });
    }
  }
  afterMaterial();
  window.addEventListener("sitekit:material", afterMaterial);
  window.addEventListener("load", fix);
  window.addEventListener("resize", focusableScrollAreas);
})();
