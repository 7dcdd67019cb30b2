"""The site's one MkDocs plugin (plugin.py) and its typed settings (config.py).

What is specific to the engine (MkDocs 1.6, Material for MkDocs 9.8.2, mkdocs-static-i18n 1.3) lives
here and in these files, each with a note naming the Material version it was checked against:

* plugin.py: the build's phases; the only Python that imports MkDocs (sitekit.i18n reads
  mkdocs-static-i18n's public attributes for it).
* overrides/main.html, 404.html: blocks added to Material's base template and the 404 page.
* overrides/partials/: copyright.html (footer), page-meta.html and page-meta-overdue.html (the review
  box), javascripts/base.html, content.html and outdated.html (Material's inline scripts as files,
  for the Content-Security-Policy).
* overrides/assets/javascripts/csp/edition-banner.js: the "older edition" banner's script.
* docs/assets/javascripts/: head.js (Material's storage globals, the search starter),
  material-later.js (Material's script started on first use), tabs-restore.js (linked tabs),
  site.js (fixes to Material's markup), search-da.js and iframe-worker.js (Material's search worker).
"""
