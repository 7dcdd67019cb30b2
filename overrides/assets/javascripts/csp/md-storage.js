/* Material for MkDocs keeps small settings (tabs, the "older edition" flag)
   in the browser's storage, under keys that start with the site's own path.
   Its bundle expects four globals for that before it runs. Material writes
   them as an inline script whose text changes with the page's depth; as this
   file they satisfy a Content-Security-Policy without 'unsafe-inline'.

   The site's root is three folders above this file (assets/javascripts/csp/),
   so the scope is right under any prefix, e.g. /2026.1/. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  window.__md_scope = new URL("../../../", here || location.href);

  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i++) {
      hash = (hash << 5) - hash + text.charCodeAt(i);
    }
    return hash;
  };

  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };

  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage;
    scope = scope || window.__md_scope;
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* Storage full or turned off: the setting is simply not kept. */
    }
  };
})();
