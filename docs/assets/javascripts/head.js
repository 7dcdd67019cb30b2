/* The site's one script in the page head (one request, no inline script):
   1. Material's storage globals; 2. the search starter.
   Checked against Material for MkDocs 9.8.2. */

/* Material for MkDocs keeps small settings (tabs, the "older edition" flag)
   in the browser's storage, under keys that start with the site's own path.
   Its bundle expects four globals for that before it runs. Material writes
   them as an inline script whose text changes with the page's depth; as this
   file they satisfy a Content-Security-Policy without 'unsafe-inline'.

   The site's root is two folders above this file (assets/javascripts/head.<hash>.js),
   so the scope is right under any prefix, e.g. /2026.1/. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  window.__md_scope = new URL("../../", here || location.href);

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

/* Search starts when the reader starts to search.

    Material asks for the search index and starts its search worker as soon
    as a page opens. Here both wait until the reader goes to the search box
    (focus, or the search button on a phone), or opens a page from a search
    result (?h=…). The worker is our Danish wrapper around Material's
    (docs/assets/javascripts/search-da.js); Material's URL follows "#". In the
    offline copy, Worker is already the iframe stand-in, and this wraps it.

   It is a file, not an inline script, so the Content-Security-Policy needs no
   'unsafe-inline'; the page gives it the worker's address in data-worker. */
(function () {
  "use strict";
  var script = document.currentScript;
  var started = /[?&]h=/.test(location.search), waiting = [];
  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  function whenStarted(run) {
    if (started) run(); else waiting.push(run);
  }
  function isSearch(el) {
    return !!el && (el.id === "__search" || (el.getAttribute && el.getAttribute("data-md-component") === "search-query"));
  }
  addEventListener("focusin", function (e) { if (isSearch(e.target)) start(); }, true);
  addEventListener("change", function (e) { if (isSearch(e.target) && e.target.checked) start(); }, true);

  /* An English page searches the English index (data-search-index, e.g.
     en/search/search_index.json); Material's base stays the site's root, so
     the edition selector still finds versions.json. */
  var ownIndex = script && script.getAttribute("data-search-index");
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (ownIndex && /\/search\/search_index\.json$/.test(String(url))) {
      args[1] = new URL(ownIndex, document.baseURI).href;
    }
    this.sitekitUrl = String(args[1]);
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!/\/search\/search_index\.json$/.test(xhr.sitekitUrl || "")) return send.apply(xhr, args);
    whenStarted(function () { send.apply(xhr, args); });
  };

  var Native = window.Worker, danish = script && script.getAttribute("data-worker");
  if (!danish) return;
  if (!Native) return;
  function SearchWorker(url, options) {
    if (!/\/workers\/search\.[0-9a-f]+\.min\.js$/.test(String(url))) return new Native(url, options);
    var self = this, worker = null, listeners = [];
    var target = new URL(danish, document.baseURI).href + "#" + encodeURIComponent(new URL(url, document.baseURI).href);
    function real() {
      if (!worker) {
        worker = new Native(target, options);
        listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
        worker.onmessage = function (e) { if (self.onmessage) self.onmessage(e); };
        worker.onerror = function (e) { if (self.onerror) self.onerror(e); };
      }
      return worker;
    }
    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = function (type, fn, opt) {
      listeners.push([type, fn, opt]);
      if (worker) worker.addEventListener(type, fn, opt);
    };
    this.removeEventListener = function (type, fn, opt) {
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      if (worker) worker.removeEventListener(type, fn, opt);
    };
    this.postMessage = function (data, transfer) { real().postMessage(data, transfer); };
    this.terminate = function () { if (worker) worker.terminate(); };
  }
  window.Worker = SearchWorker;
})();
