"""Small helpers for the English edition (mkdocs-static-i18n, suffix structure).

Danish is the default language and the source of truth: ``page.md`` is Danish,
``page.en.md`` beside it is the English translation, built under /en/. Hooks
that add pages the plugin never saw on disk (the decision guide) use these to
give them the same URLs and language switch as the plugin's own pages.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path, PurePosixPath

from .links import dest_for_source

DEFAULT = "da"


def _plugin(config):
    """The i18n plugin when it is on and has languages, else None."""
    plugin = getattr(getattr(config, "plugins", None), "get", lambda name: None)("i18n")
    return plugin if plugin is not None and getattr(plugin, "config", None) and plugin.config.get("languages") else None


def languages(config) -> tuple[str, str]:
    """(language being built, default language); ('da', 'da') without the plugin."""
    plugin = _plugin(config)
    if plugin is None:
        return DEFAULT, DEFAULT
    default = plugin.default_language or DEFAULT
    return (plugin.current_language or default), default


def other_languages(config) -> list[str]:
    plugin = _plugin(config)
    if plugin is None:
        return []
    current, _ = languages(config)
    return [lang for lang in plugin.build_languages if lang != current]


def danish_only_without_translations(config) -> None:
    """Build only the default language when docs_dir holds no translated page."""
    plugin = _plugin(config)
    if plugin is None:
        return
    docs = Path(config.docs_dir)
    others = [lang for lang in plugin.config.languages if not lang.default]
    if any(any(docs.rglob(f"*.{lang.locale}.md")) for lang in others):
        return
    for lang in others:
        lang.build = False
    config.extra.pop("alternate", None)


# Extension settings with words in them: (extension, option) -> text per language.
MARKDOWN_TEXTS = {("toc", "permalink_title"): {"en": "Link to this section"}}


def localize_markdown_config(config, lang: str, originals: dict) -> None:
    """Set the extensions' texts (the heading links' title) for the language being built;
    the Danish text in mkdocs.yml is kept (in ``originals``) for the Danish build."""
    for (ext, option), texts in MARKDOWN_TEXTS.items():
        options = config.mdx_configs.get(ext)
        if not isinstance(options, dict) or option not in options:
            continue
        originals.setdefault((ext, option), options[option])
        options[option] = texts.get(lang, originals[(ext, option)])


@functools.lru_cache(maxsize=8192)  # asked several times for every page
def page_language(src_uri: str, default: str = DEFAULT) -> str:
    """'en' for 'vejledning/x.en.md', the default language for 'vejledning/x.md'."""
    suffixes = PurePosixPath(src_uri).suffixes
    if len(suffixes) >= 2 and len(suffixes[-2]) == 3 and suffixes[-2][1:].isalpha():
        return suffixes[-2][1:]
    return default


def localize(file, config, lang: str, default: str):
    """Give a generated File the URL and the i18n attributes of ``lang``, where the i18n plugin
    puts a page: x.en.md -> en/x/index.html (or en/x.html)."""
    path = PurePosixPath(file.src_uri)
    stem = path.name[: -len("".join(path.suffixes))] if path.suffixes else path.name
    file.dest_uri = dest_for_source(path.with_name(stem).as_posix() + ".md", config.use_directory_urls)
    if lang != default:
        file.dest_uri = f"{lang}/{file.dest_uri}"
    file.url = file.dest_uri.removesuffix("index.html") if config.use_directory_urls else file.dest_uri
    file.abs_dest_path = str(PurePosixPath(config.site_dir) / file.dest_uri)
    file.locale = lang
    file.localization = None if lang == default else lang
    file.norm_src_uri = file.src_uri.replace(f".{lang}.md", ".md") if lang != default else file.src_uri
    file.alternates = {lang: file}
    return file


def add_to_sitemap(config, file, lang: str) -> None:
    """List a generated page in the plugin's sitemap.xml (with its alternates)."""
    pages = getattr(_plugin(config), "i18n_files_per_language", None)
    if isinstance(pages, dict) and isinstance(pages.get(lang), list):
        pages[lang].append(file)


_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')


def without_head_alternates(html: str) -> str:
    """Drop the language alternates (<link rel="alternate" hreflang>) from the <head>.

    Search engines and Lighthouse accept only absolute addresses there, and
    Material's script fetches sitemap.xml beside each one: an absolute address
    would send a preview, a test server or the offline copy to another host,
    and a relative one is "invalid hreflang". sitemap.xml names every page's
    pair with absolute addresses (xhtml:link hreflang), and the language switch
    in the header keeps the per-page links (with hreflang)."""
    head, sep, body = html.partition("</head>")
    return _HEAD_ALTERNATE.sub("", head) + sep + body


# --- search per language ---------------------------------------------------------------

_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def search_base(html: str, lang: str) -> str:
    """Point the page's Material config at the language's folder, so its search
    loads <lang>/search/search_index.json (results are relative to that folder)."""
    def sub(m: re.Match) -> str:
        base = m.group(2).rstrip("/")
        # The trailing slash matters: the browser resolves the index against it.
        return f"{m.group(1)}{base + '/' if base else ''}{lang}/{m.group(3)}"

    return _BASE.sub(sub, html, count=1)


def split_search_index(site_dir: Path, languages: list[str], relative_to_language: bool = False) -> None:
    """Move every language's entries out of the joint index into its own folder
    (<lang>/search/search_index.json). Locations stay relative to the site's
    root (the pages' search base), or, with ``relative_to_language`` (the
    offline copy, whose English pages' base is <lang>/), relative to <lang>/.
    The offline copy's inlined index (search_index.js) is rewritten to match."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return
    offline = (site_dir / "search" / "search_index.js").is_file()
    index = json.loads(path.read_text(encoding="utf-8"))
    rest = index.get("docs", [])
    for lang in languages:
        prefix = f"{lang}/"
        mine = [dict(d, location=d["location"][len(prefix):] if relative_to_language else d["location"])
                for d in rest if d.get("location", "").startswith(prefix)]
        rest = [d for d in rest if not d.get("location", "").startswith(prefix)]
        # English pages search with Material's own worker (no Danish query
        # rewriting): it makes every word a prefix query ("notify*"), and lunr
        # skips the stemmer for such a word, so a stemmed index ("notifi")
        # would miss whole words. This index is therefore not stemmed; the
        # prefix still finds "notification" from "notif".
        settings = dict(index.get("config") or {}, lang=[lang])
        settings["pipeline"] = [p for p in settings.get("pipeline") or [] if p != "stemmer"]
        _write_index(site_dir / lang / "search", dict(index, config=settings, docs=mine), offline)
    _write_index(site_dir / "search", dict(index, docs=rest), offline)
    # Material also reads sitemap.xml next to its base: the same joint sitemap.
    sitemap = site_dir / "sitemap.xml"
    for lang in languages:
        if sitemap.is_file() and (site_dir / lang).is_dir():
            (site_dir / lang / "sitemap.xml").write_bytes(sitemap.read_bytes())


def _write_index(folder: Path, index: dict, offline: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (folder / "search_index.json").write_text(data, encoding="utf-8")
    if offline:  # the same format as Material's offline plugin
        (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
