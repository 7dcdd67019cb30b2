"""MkDocs hook for the English edition (mkdocs-static-i18n).

Thin adapter; the logic is in scripts/sitekit/i18n.py.

* The language switch (extra.alternate) links to index.html in the offline
  copy, where folders do not open their index page.
* No page has language alternates in the head (sitekit.i18n.without_head_alternates):
  pages name their other-language version in the language switch (hreflang)
  and in sitemap.xml (xhtml:link hreflang).
* One search index per language: after every language is built, the plugin's
  joint index is split into /search/search_index.json (Danish pages only) and
  /en/search/search_index.json (English pages only), and English pages look
  for their index under /en/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import i18n  # noqa: E402


def on_config(config, **kwargs):
    # A docs folder without any translation (the tests' fixture sites) is
    # built in Danish only, without a language switch.
    i18n.danish_only_without_translations(config)
    if not config.use_directory_urls:
        for alt in config.extra.get("alternate") or []:
            link = alt.get("link", "")
            if link.endswith("/") and "://" not in link:
                alt["link"] = link + "index.html"
    return config


def on_files(files, config, **kwargs):
    # Words Python-Markdown's extensions add to every page, in the language built.
    lang, _ = i18n.languages(config)
    i18n.localize_markdown_config(config, lang)
    return files


def on_post_template(output, template_name, config, **kwargs):
    # Static templates have no language folder: the English build would
    # overwrite the Danish 404 page. Keep the Danish one at the root and put
    # the English one under /en/.
    lang, default = i18n.languages(config)
    if template_name == "404.html":
        output = i18n.without_head_alternates(output)
    if template_name == "404.html" and lang != default:
        danish = Path(config.site_dir) / "404.html"
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        if danish.is_file():
            return danish.read_text(encoding="utf-8")
    return output


def on_post_page(output, page, config, **kwargs):
    lang = i18n.page_language(page.file.src_uri)
    # Online, the search starter (head.js) fetches the language's index, and
    # Material's base stays the root (the edition selector reads ../versions.json
    # from it). The offline copy loads search_index.js from the base instead
    # (no request to intercept) and has no edition selector: move its base.
    if lang != i18n.DEFAULT and _offline(config):
        output = i18n.search_base(output, lang)
    return i18n.without_head_alternates(output)


@event_priority(-110)
def on_post_build(config, **kwargs):
    plugin = config.plugins.get("i18n")
    if plugin is None or getattr(plugin, "building", False):
        return  # a language build inside the plugin's loop; split once at the end
    i18n.split_search_index(Path(config.site_dir), [lang for lang in plugin.build_languages
                                                    if lang != plugin.default_language],
                            relative_to_language=_offline(config))


def _offline(config) -> bool:
    plugin = config.plugins.get("offline") or config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)
