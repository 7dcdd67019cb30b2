"""MkDocs hook: one stylesheet and one script of the site's own, with hashed names.

Thin adapter; the logic is in scripts/sitekit/bundle.py. The files listed in
mkdocs.yml (extra_css, extra_javascript) stay the sources: at every build they
are joined into assets/stylesheets/site.<hash>.css and
assets/javascripts/site.<hash>.js, and the pages link only those two.

Each page's indentation between tags is collapsed (the menu's indentation is
most of the HTML on a big site). Material's palette.css is left out when the palette uses only custom colours
on the light scheme (it would style nothing). The offline polyfill (extra.polyfills, iframe-worker) is kept only when the
offline plugin is on (`make offline`): the online site does not need it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from mkdocs.config.config_options import ExtraScriptValue  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File  # noqa: E402

from sitekit.bundle import Bundle, BundleError, build_bundle, collapse_whitespace, drop_palette_link, hashed_name, palette_css_needed  # noqa: E402
from sitekit.paths import DOCS  # noqa: E402
from sitekit.search import SearchDataError, search_data  # noqa: E402

# The Danish search worker (docs/assets/javascripts/search-da.js). It lives
# next to Material's worker: Material finds its language files from there.
SEARCH_SOURCE = "assets/javascripts/search-da.js"
SEARCH_FOLDER = "assets/javascripts/workers"
HEAD_SOURCE = "assets/javascripts/head.js"

_bundles = []
# (the lists after joining, the lists before): the last config this hook joined.
_joined: list = []
_state = {"palette": True}


def _plain_script(item) -> bool:
    """A classic script without attributes can be joined; modules and async scripts cannot."""
    return isinstance(item, str) or not (getattr(item, "type", "") or getattr(item, "async_", False)
                                         or getattr(item, "defer", False))


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _search_worker(roots: list[Path]) -> Bundle:
    source = next((Path(r) / SEARCH_SOURCE for r in roots if (Path(r) / SEARCH_SOURCE).is_file()), None)
    if source is None:
        raise BundleError(f"{SEARCH_SOURCE} mangler: søgningen kan ikke bygges.")
    content = (search_data().as_script() + source.read_text(encoding="utf-8")).encode("utf-8")
    return Bundle(hashed_name(SEARCH_FOLDER, "search-da", "js", content), content, (SEARCH_SOURCE,))


def on_config(config, **kwargs):
    _bundles.clear()
    # mkdocs-static-i18n builds each further language with the same config and
    # runs on_config again: join the original files, not the joined ones.
    if _joined and (list(config.extra_css), list(config.extra_javascript)) == _joined[0]:
        config.extra_css, config.extra_javascript = _joined[1]
    before = (list(config.extra_css), list(config.extra_javascript))
    # A fixture site (tests, benchmark) has no assets of its own: it gets the
    # real site's files, as it gets the real theme settings.
    roots = [Path(config.docs_dir), DOCS]
    scripts = list(config.extra_javascript)
    joined = [str(s) for s in scripts if _plain_script(s)]
    kept = [s for s in scripts if not _plain_script(s)]
    try:
        css = build_bundle("css", [str(p) for p in config.extra_css], roots, "assets/stylesheets")
        js = build_bundle("js", joined, roots, "assets/javascripts")
    except BundleError as exc:
        raise PluginError(str(exc)) from exc
    try:
        search = _search_worker(roots)
    except (BundleError, SearchDataError) as exc:
        raise PluginError(str(exc)) from exc
    _bundles.append(search)
    # The head script (Material's storage globals and the search starter), hashed
    # too; overrides/partials/javascripts/base.html links it in place of
    # Material's inline script.
    head = build_bundle("js", [HEAD_SOURCE], roots, "assets/javascripts", stem="head")
    _bundles.append(head)
    config.extra["head_script"] = head.path
    # Read by overrides/partials/javascripts/base.html (the search starter in csp/head.js).
    config.extra["search_worker"] = search.path
    if css:
        _bundles.append(css)
        config.extra_css = [css.path]
    if js:
        _bundles.append(js)
        # Deferred: it runs when the page is parsed, as at the end of <body>, but the
        # browser paints the page without waiting for it.
        script = ExtraScriptValue(js.path)
        script.defer = True
        config.extra_javascript = [script, *kept]
    _joined[:] = [((list(config.extra_css), list(config.extra_javascript))), before]
    _state["palette"] = palette_css_needed(config.theme.get("palette"))
    if not _offline(config):
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills") or []
                                     if "iframe-worker" not in str(p)]
    return config


@event_priority(-100)
def on_files(files, config, **kwargs):
    # After mkdocs-static-i18n chose the files of the language being built
    # (priority -100, registered before this hook): it expects files on disk.
    for bundle in _bundles:
        files.append(File.generated(config, bundle.path, content=bundle.content))
    return files


def on_post_page(output: str, page, config, **kwargs) -> str:
    if not _state["palette"]:
        output = drop_palette_link(output)
    # The menu's indentation is most of a page's HTML on a big site.
    return collapse_whitespace(output)
