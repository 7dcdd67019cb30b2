/* Search in the offline copy, opened from the file system (file://).

   Browsers refuse `new Worker(...)` for file:// pages, so Material's search
   worker cannot start there. Material's offline plugin therefore loads a
   stand-in ("iframe-worker") from unpkg.com, a request to another host that
   this site must never make. This file is our own small stand-in, loaded from
   the site itself (mkdocs.yml: extra.polyfills; the offline plugin only adds
   its own when no polyfill URL contains "iframe-worker").

   How it works: the worker script runs in a hidden, empty iframe (an
   about:blank frame shares the page's origin, also under file://). Inside it,
   postMessage() hands messages back to the page, and importScripts() adds
   <script> elements and returns a promise, which Material's search worker
   waits for. Material's worker looks for `IFrameWorker` on the parent window
   to find its language files next to its own <script src>.

   Over http(s) nothing is replaced: the real Worker is used.
Checked against Material for MkDocs 9.8.2. */
(function () {
  "use strict";

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("Kunne ikke indlæse " + url)); };
      doc.head.appendChild(script);
    });
  }

  function IFrameWorker(url) {
    var target = document.createDocumentFragment();
    var self = this;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("tabindex", "-1");
    frame.title = "Søgning (teknisk hjælperamme)";
    document.body.appendChild(frame);

    var win = frame.contentWindow;
    var doc = win.document;
    var base = new URL(url, document.baseURI).href;

    this.onmessage = null;
    this.onerror = null;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);

    // Messages from the worker code to the page.
    win.postMessage = function (data) {
      var event = new MessageEvent("message", { data: data });
      if (typeof self.onmessage === "function") self.onmessage(event);
      target.dispatchEvent(event);
    };
    // Scripts are loaded in order; the returned promise settles when all ran.
    win.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (done, next) {
        return done.then(function () {
          return loadScript(doc, new URL(next, base).href);
        });
      }, Promise.resolve());
    };

    this._frame = frame;
    this._ready = loadScript(doc, base).catch(function (error) {
      var event = new ErrorEvent("error", { message: String(error) });
      if (typeof self.onerror === "function") self.onerror(event);
      target.dispatchEvent(event);
      throw error;
    });
  }

  // Messages from the page to the worker code.
  IFrameWorker.prototype.postMessage = function (data) {
    var win = this._frame.contentWindow;
    this._ready.then(function () {
      win.dispatchEvent(new win.MessageEvent("message", { data: data }));
    });
  };

  IFrameWorker.prototype.terminate = function () {
    this._frame.remove();
  };

  window.IFrameWorker = IFrameWorker;
  if (location.protocol === "file:") {
    window.Worker = IFrameWorker;
  }
})();
