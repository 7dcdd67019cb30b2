"""The site's MkDocs plugin: the one file that knows MkDocs. Everything it does is a plain
sitekit function; this class only passes MkDocs' objects in, in this order:

1. ``load_data``      (on_files)         the data files of the language being built
2. ``generate_pages`` (on_files)         the decision guide's pages, the bundles, page metadata
3. ``render_page``    (on_page_markdown) shortcodes, markers, "Kilder", the notes on a page
4. ``check_page``     (on_page_content / on_post_page) the checks on what readers get
5. ``check_site``     (on_post_build)    the checks on the whole built site, once

State lives on the instance. MkDocs keeps an instance with ``on_startup`` across the
rebuilds of `make serve`, so data files that did not change are not read again, Hunspell and git
are asked only about what is new, and a save that changed only the text of pages is built
"dirty" (``dirty_build``): only those pages are rendered again; the rendered text, the anchors
and the search entries of the other pages are kept from the build before.
Problems are kept in ``self.problems``; sitekit.build and the preview print them.

mkdocs-static-i18n builds the English edition inside the Danish build: at the end of
the Danish build it runs every event again per further language. The plugin counts
the languages still to build (the i18n plugin's public ``build_languages``); the
default language's on_post_build comes last, and the site-wide checks run once there.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .. import (
    bundle,
    checks,
    contacts,
    decision_guide,
    editions,
    glossary,
    i18n,
    links,
    placeholders,
    privacy,
    procedure,
    program,
    prose,
    selfcheck,
    shortcodes,
    training,
    translations,
)
from ..checks import content, readability
from ..pagemeta import SiteMeta
from ..paths import DOCS, TRAINING, data_file, in_scope
from ..problems import LOGGER, DataError, Problem, Where, errors, restore_hint
from ..search import SearchDataError, search_data
from .config import Config

log = logging.getLogger(LOGGER)

# The Danish search worker lives next to Material's worker: Material finds its language files there.
SEARCH_SOURCE, SEARCH_FOLDER, HEAD_SOURCE = "assets/javascripts/search-da.js", "assets/javascripts/workers", \
    "assets/javascripts/head.js"

# Priorities (MkDocs runs higher first; mkdocs-static-i18n, material/search and the other plugins use
# their documented public priorities):
# - on_config 0: before mkdocs-static-i18n's on_config (-100), which reads the languages to build and
#   the language switch that this plugin may switch off for a docs folder without translations.
# - on_files -110: after mkdocs-static-i18n's on_files (-100), which keeps the files of the language
#   being built and drops files that are not on disk: the pages generated here must come after it.
# - on_post_page -90: after every other plugin changed the page (0): the privacy check reads the page
#   as it is written.
# - on_post_build -110: after mkdocs-static-i18n's on_post_build (-100), inside which the further
#   languages are built: the site-wide checks see every language.
FIRST, AFTER_I18N, LAST_PAGE = 0, -110, -90


class SitekitPlugin(BasePlugin[Config]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty) -> None:
        # Kept across `make serve` rebuilds (MkDocs keeps a plugin with on_startup).
        self.cache: dict = {}
        self.pending = 0  # languages of this build whose on_post_build has not run
        self.problems: list[Problem] = []
        self.where = Where()
        self.notes = ""
        self.dirty, self.snapshot = False, {}

    def dirty_build(self, docs: Path, watched: list[Path], last_ok: bool) -> bool:
        """For the preview: True when only the text of existing pages changed since the last build
        (no file added or removed, no data, snippet, template or setting, no front matter), so
        MkDocs renders only those pages again. Remembers the files for the next call."""
        docs = docs.resolve()
        files = {p.resolve(): p.stat().st_mtime_ns for root in watched
                 for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()}
        before, self.snapshot = self.snapshot, {p: (t, before_fm(p, self.snapshot.get(p), t)) for p, t in files.items()}
        self.saved = changed = {p for p in files if before.get(p, (None,))[0] != files[p]}
        self.dirty = bool(last_ok and before and files.keys() == before.keys() and changed and all(
            p.suffix == ".md" and p.is_relative_to(docs) and not p.relative_to(docs).as_posix().startswith("_")
            and self.snapshot[p][1] == before[p][1] for p in changed))
        return self.dirty

    def on_build_error(self, *, error) -> None:
        self.pending = 0

    # --- 0. the configuration -------------------------------------------------------------

    @event_priority(FIRST)
    def on_config(self, config):
        if not hasattr(self, "cache"):  # MkDocs' build() without on_startup (a plain API call)
            self.on_startup(command="build", dirty=False)
        if self.pending:  # a further language inside the default language's build: same config
            return config
        self.problems, self.notes, self.originals = [], "", {}
        self.sources: dict[str, str] = {}
        if not self.dirty:  # a dirty build renders only the changed pages: keep the others' text and anchors
            self.where = Where(docs_dir=Path(config.docs_dir), config=Path(config.config_file_path or ""))
            self.prose: dict[str, str] = {}
        i18n.danish_only_without_translations(config)
        plugin = i18n._plugin(config)
        self.pending = len(plugin.build_languages) if plugin else 1
        # The language switch links to index.html in the offline copy (folders do not open their index).
        if not config.use_directory_urls:
            for alt in config.extra.get("alternate") or []:
                if alt.get("link", "").endswith("/") and "://" not in alt["link"]:
                    alt["link"] += "index.html"
        # The version selector only in a published edition (scripts/sitekit/editions.py).
        version = config.extra.get("version")
        if not os.environ.get("MIKE_DOCS_VERSION"):
            config.extra.pop("version", None)
        elif version is not None and os.environ.get("EDITIONS_ALIAS"):
            version["default"] = os.environ["EDITIONS_ALIAS"]
        self.bundles = self._bundle(config) if self.config.bundle else []
        self.palette = bundle.palette_css_needed(config.theme.get("palette"))
        if not self._offline(config):
            config.extra["polyfills"] = [p for p in config.extra.get("polyfills") or [] if "iframe-worker" not in str(p)]
        return config

    def _bundle(self, config) -> list[bundle.Bundle]:
        """extra_css and extra_javascript joined into hashed files; the head script and search worker."""
        # A fixture site gets the real site's assets; Material adaptations live in the theme's folder.
        roots = [Path(config.docs_dir), DOCS, *map(Path, config.theme.dirs[:1])]
        scripts = list(config.extra_javascript)
        plain = [s for s in scripts if isinstance(s, str) or not (s.type or s.async_ or s.defer)]
        try:
            css = bundle.build_bundle("css", [str(p) for p in config.extra_css], roots, "assets/stylesheets")
            js = bundle.build_bundle("js", [str(s) for s in plain], roots, "assets/javascripts")
            head = bundle.build_bundle("js", [HEAD_SOURCE], roots, "assets/javascripts", stem="head")
            source = next((r / SEARCH_SOURCE for r in roots if (r / SEARCH_SOURCE).is_file()), None)
            if source is None:
                raise bundle.BundleError(f"{SEARCH_SOURCE} mangler: søgningen kan ikke bygges.")
            worker = (search_data().as_script() + source.read_text(encoding="utf-8")).encode("utf-8")
        except (bundle.BundleError, SearchDataError) as exc:
            raise PluginError(str(exc)) from exc
        search = bundle.Bundle(bundle.hashed_name(SEARCH_FOLDER, "search-da", "js", worker), worker, (SEARCH_SOURCE,))
        # Read by overrides/partials/javascripts/base.html.
        config.extra["head_script"], config.extra["search_worker"] = head.path, search.path
        out = [search, head]
        if css:
            out.append(css)
            config.extra_css = [css.path]
        if js:
            out.append(js)
            script = ExtraScriptValue(js.path)
            script.defer = True  # runs when the page is parsed; the page is painted without waiting
            config.extra_javascript = [script, *(s for s in scripts if s not in plain)]
        return out

    @staticmethod
    def _offline(config) -> bool:
        plugin = config.plugins.get("offline") or config.plugins.get("material/offline")
        return bool(plugin and plugin.config.enabled)

    # --- 1. load data, 2. generate pages --------------------------------------------------

    @event_priority(AFTER_I18N)
    def on_files(self, files, config):
        self.lang, self.default = i18n.languages(config)
        self.load_data(config)
        self.generate_pages(files, config)
        if self.dirty:  # exactly the saved pages, whatever the clock says; generated files are as last built
            for file in files:
                file.is_modified = (Path(file.abs_src_path or "").resolve() in self.saved).__bool__
        return files

    def _load(self, paths: list[Path], load, *args, default=None):
        """``load(*args)``, read again only when one of ``paths`` changed (serve keeps the result);
        a DataError's problems are added to this build's."""
        key, stamp = (load.__module__, load.__name__, *map(str, args)), [p.stat().st_mtime_ns if p.is_file() else None
                                                                         for p in paths]
        hit = self.cache.get(key)
        if hit is None or hit[0] != stamp:
            try:
                hit = (stamp, load(*args), [])
            except DataError as exc:
                hit = (stamp, default, exc.problems)
            self.cache[key] = hit
        self.problems.extend(hit[2])
        return hit[1]

    def load_data(self, config) -> None:
        docs, lang = Path(config.docs_dir), self.lang
        i18n.localize_markdown_config(config, lang, self.originals)
        path = contacts.contacts_file_for(docs)
        self.problems.extend(contacts.validate(path))
        try:
            self.contacts = contacts.load_contacts(path)
        except contacts.ContactsError:
            self.contacts = None  # reported above; the pages are not blamed for it
        known = self.contacts or {}
        if lang != i18n.DEFAULT:
            known = contacts.localized(known, docs / "_data" / f"kontakter.{lang}.yml")
        self.ctx = shortcodes.Context(lang=lang, contacts=known, docs_dir=docs)
        self.ctx.procedures = self._load([procedure.data_file(n, docs, lang) for n in procedure.PROCEDURES],
                                         procedure.load_all, docs, lang, default={})
        # The glossary snippet appended to every page follows the language built.
        path = data_file(docs, "_snippets/ordliste.md")
        if lang != i18n.DEFAULT and path.with_name(f"ordliste.{lang}.md").is_file():
            path = path.with_name(f"ordliste.{lang}.md")
        if (snippets := config.mdx_configs.get("pymdownx.snippets")) is not None:
            snippets["auto_append"] = [path.name] if path.is_file() else []
        if not path.is_file():
            self.problems.append(Problem.at(path, None, "ordliste", "Ordlisten findes ikke. Forklaringerne af ord og "
                                            "forkortelser på sitet kommer fra den.", restore_hint(path)))
        self.ctx.glossary = glossary.load(path)
        for first, again in glossary.duplicates(self.ctx.glossary):
            self.problems.append(Problem.at(path, again.line, "ordliste", f"'{again.term}' er forklaret to gange i "
                                            f"ordlisten (også på linje {first.line}).", "Slet den ene forklaring."))
        # The training data is read once per build; the English edition uses the same.
        if lang == self.default:
            self.program = self._load([p], program.load, p) if (p := docs / "_data/program.yml").is_file() else None
            self.sets = self._load([p], selfcheck.load, p) if (p := docs / "_data/selvtjek.yml").is_file() else None
            if self.program:
                self.problems.extend(program.missing_cases(self.program, docs))
        path = decision_guide.guide_file(docs, lang)
        self.guide = self._load([path], decision_guide.load, path) if path.is_file() else None

    def generate_pages(self, files, config) -> None:
        if self.guide is not None:
            self._decision_guide(files, config)
        for item in self.bundles:
            files.append(File.generated(config, item.path, content=item.content))
        pages = files.documentation_pages()
        if self.lang == self.default:  # template links to a page by its file (footer links), in every language
            config.extra["page_urls"] = {f.src_uri: f.url for f in pages}
        self.sources.update({f.dest_uri: f.src_uri for f in pages if not f.generated_by})
        self.ctx.contact_page = contacts.CONTACT_PAGE if files.get_file_from_path(contacts.CONTACT_PAGE) else None
        changes = files.get_file_from_path(editions.CHANGES_PAGE)
        self.changed = (editions.pages_changed_in_this_edition(Path(changes.abs_src_path).read_text(encoding="utf-8"))
                        if changes is not None else set())
        # Pages generated above exist only in the build, not on disk.
        self.site = SiteMeta.load(Path(config.docs_dir), [f.src_uri for f in pages],
                                  generated={f.src_uri: f.content_string for f in pages if f.generated_by})
        self.problems.extend(sorted(self.site.problems))
        if self.lang == self.default and (self.site.git.shallow or not self.site.git.available):
            log.info("Git-historikken mangler (shallow clone eller ingen git), så 'Senest ændret' vises ikke.")

    def _decision_guide(self, files, config) -> None:
        """One page per step; the i18n plugin is told which steps exist in the other languages."""
        lang, docs = self.lang, config.docs_dir
        others = {}
        for other in i18n.other_languages(config):
            if (path := decision_guide.guide_file(docs, other)).is_file():
                try:
                    others[other] = set(decision_guide.load(path).nodes)
                except decision_guide.GuideError:
                    others[other] = set()  # reported in that language's build
        for node_id in self.guide.nodes:
            src_uri = decision_guide.src_uri(node_id, lang)
            existing = files.get_file_from_path(src_uri)
            if existing is not None and existing.generated_by is None:
                self.problems.append(Problem.at(
                    decision_guide.guide_file(docs, lang), None, "beslutningsguide",
                    f"Siden {src_uri} findes allerede som fil, men guiden laver den selv ud fra trinnet med samme id.",
                    "Slet filen, eller giv trinnet et andet id."))
                continue
            content = decision_guide.render_page(self.guide, node_id, lang)
            file = i18n.localize(File.generated(config, src_uri, content=content), config, lang, self.default)
            alternates = {lang: file}
            for other, ids in others.items():
                if node_id in ids:
                    alternates[other] = i18n.localize(File.generated(config, decision_guide.src_uri(node_id, other),
                                                                     content=""), config, other, self.default)
            file.alternates, file.locale_alternate_of = alternates, lang
            files.append(file)
            i18n.add_to_sitemap(config, file, lang)

    def on_env(self, env, config, files):
        # Jinja checks each template's source and its own version before it uses a cached copy:
        # every build otherwise compiles Material's ~40 templates again (about 0.7 s).
        if self.config.template_cache:
            folder = Path(tempfile.gettempdir()) / f"sitekit-jinja-{os.getuid()}"
            folder.mkdir(mode=0o700, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    # --- 3. render a page -----------------------------------------------------------------

    def on_page_markdown(self, markdown, page, config, files):
        return self.render_page(markdown, page, files, Path(config.docs_dir) / page.file.src_uri)

    def _at(self, page, markdown: str, path: Path, line: int | None, check: str, message: str, hint: str) -> None:
        where = shortcodes.source_line(page, markdown, line) if line else None
        self.problems.append(Problem.at(path, where, check, message, hint))

    def render_page(self, markdown: str, page, files, path: Path) -> str:
        src, lang = page.file.src_uri, i18n.page_language(page.file.src_uri)
        # A hand-written step list in another order than the data (the Danish wording only).
        if procedure.in_drift_scope(src) and lang == i18n.DEFAULT:
            for proc in self.ctx.procedures.values():
                for line, message in procedure.contradictions(markdown, proc):
                    self._at(page, markdown, path, line, "første skridt", message,
                             f"Slet listen, og skriv [[{proc.name}]] på sin egen linje.")
        if self.contacts is not None:  # a broken contacts file is reported once, not on every page
            self.ctx.src, self.ctx.lang, self.ctx.counter = src, lang, {}
            markdown, failed = shortcodes.render(markdown, self.ctx)
            for code, message in failed:
                self._at(page, markdown, path, code.line, "koder", f"{code.text}: {message}",
                         "Ret koden, så den passer til datafilen i docs/_data/ (se 'Ret en side').")
        markdown = self.site.page_markdown(src, markdown)
        markdown = self._training(markdown, page, files, path)
        if src in self.changed:
            markdown = editions.with_changed_note(markdown, src)
        for code, message in shortcodes.unknown(markdown):
            self._at(page, markdown, path, code.line, "koder", message, "Ret stavningen af koden, eller fjern den.")
        return markdown

    def _training(self, markdown: str, page, files, path: Path) -> str:
        def link(side: str) -> str:
            target = files.get_file_from_path(side)
            if target is None:
                raise selfcheck.SelfCheckError(f"Siden '{side}' findes ikke.")
            return target.url_relative_to(page.file)

        for line, message, hint in training.markers_without_data(markdown, self.where.docs_dir / "_data"):
            self._at(page, markdown, path, line, program.CHECK, message, hint)
        markdown = training.render_toolbar(markdown)
        try:
            if self.program and program.MARKER.search(markdown):
                markdown = program.render_markers(markdown, self.program, page.file.src_uri, link)
            if self.sets and (selfcheck.MARKER.search(markdown) or selfcheck.KEY_MARKER.search(markdown)):
                markdown = selfcheck.render_markers(markdown, self.sets, page.file.src_uri, link)
        except DataError as exc:
            self.problems.append(Problem.at(path, None, program.CHECK, str(exc), "Ret markøren på siden, eller ret "
                                            "datafilen (docs/_data/program.yml eller selvtjek.yml)."))
        return markdown

    def on_page_context(self, context, page, config, nav):
        page.meta["page_meta_box"] = self.site.box(page.file.src_uri)
        return context

    # --- 4. check a page ------------------------------------------------------------------

    def on_page_content(self, html, page, config, files):
        html = glossary.SNIPPET_COMMENTS.sub("", html)
        if in_scope(page.file.src_uri, TRAINING):  # printed training material shows link addresses
            html = training.add_print_addresses(html, page.url, config.site_url or "")
        self.check_page(html, page, config)
        return html

    def check_page(self, html: str, page, config) -> None:
        # The sections a link may point to, listed when an anchor is wrong.
        self.where.anchors[page.file.src_uri] = page.present_anchor_ids or set()
        src, path = page.file.src_uri, Path(config.docs_dir) / page.file.src_uri
        text = prose.text(html)
        # What readers get, with the title and description (checks/rendered.py, once for the whole site).
        self.prose[src] = " ".join(str(page.meta.get(key) or "") for key in ("title", "description")) + "\n\n" + text
        if i18n.page_language(src) == i18n.DEFAULT and self.config.checks and \
                (found := readability.page_problem(path, src, text, bool(page.file.generated_by))):
            self.problems.append(found)
        if self.config.checks:
            self.problems.extend(content.page_problems(path, page.file.content_string, html, Path(config.docs_dir)))

    def on_post_template(self, output, template_name, config):
        # Static templates have no language folder: keep the Danish 404 page at the root, the English under /en/.
        if template_name == "404.html":
            output = i18n.without_head_alternates(output)
        if template_name == "404.html" and self.lang != self.default:
            danish, target = Path(config.site_dir) / "404.html", Path(config.site_dir) / self.lang / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(output, encoding="utf-8")
            if danish.is_file():
                return danish.read_text(encoding="utf-8")
        return output

    @event_priority(LAST_PAGE)
    def on_post_page(self, output, page, config):
        if not self.palette:
            output = bundle.drop_palette_link(output)
        output = bundle.collapse_whitespace(output)  # the menu's indentation is most of a big page
        src = page.file.src_uri
        if i18n.page_language(src) != i18n.DEFAULT and self._offline(config):
            output = i18n.search_base(output, i18n.page_language(src))  # the offline copy has no request to intercept
        # No page has language alternates in its head: sitemap.xml pairs them (tests/test_html_valid.py).
        output = i18n.without_head_alternates(output)
        source = page.file.content_string.splitlines()
        for _line, tag, url in privacy.foreign_resources(output):
            line = next((n for n, text in enumerate(source, start=1) if url in text), None)
            self.problems.append(Problem.at(
                Path(config.docs_dir) / src, line, "privatliv",
                f"<{tag}> henter '{url}' fra et andet site." + ("" if line else " (fra sidens skabelon)"),
                "Sitet må kun hente filer fra sig selv: læg filen i docs/assets/, og henvis til den derfra, eller fjern den."))
        return output

    # --- 5. check the whole site, once ----------------------------------------------------

    @event_priority(AFTER_I18N)
    def on_post_build(self, config):
        self.pending -= 1
        if self.pending > 0:
            return
        self._search_index(Path(config.site_dir) / "search" / "search_index.json")
        plugin = i18n._plugin(config)
        if plugin is not None:
            i18n.split_search_index(Path(config.site_dir), [lang for lang in plugin.build_languages
                                                            if lang != plugin.default_language],
                                    relative_to_language=self._offline(config))
        if self.config.checks:
            self.check_site(config)
        # A strict build (mkdocs build --strict, the preview) fails on an error it was told about.
        for problem in errors(self.problems):
            log.warning(problem.format())

    def _search_index(self, path: Path) -> None:
        """A dirty build indexes only the pages it rendered: the other pages' entries come from the build before."""
        if not path.is_file():
            return
        index = json.loads(path.read_text(encoding="utf-8"))
        if self.dirty and (before := self.cache.get("search")):
            pages = {d["location"].split("#")[0] for d in index["docs"]}
            index["docs"] = [d for d in before["docs"] if d["location"].split("#")[0] not in pages] + index["docs"]
            path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        self.cache["search"] = index

    def check_site(self, config) -> None:
        docs = Path(config.docs_dir)
        root_path = urlsplit(config.site_url or "/").path or "/"
        self.problems.extend(links.check_offline(Path(config.site_dir), dict(self.sources), docs, root_path))
        self.problems.extend(checks.run_all(docs, self.prose, self.cache.setdefault("hunspell", {})))
        # English pages behind their Danish original, core pages without one: warnings.
        found = translations.status(docs, ancestors=self.cache.setdefault("ancestors", {}))
        self.problems.extend(translations.problems(found, docs))
        try:
            holes = len(contacts.placeholders(contacts.contacts_file_for(docs))) + len(placeholders.find(docs))
        except contacts.ContactsError:
            holes = 0
        if holes:
            self.notes = (f"Bemærk: {holes} oplysninger mangler stadig at blive udfyldt (pladsholdere). "
                          "Kør make review for at se dem.")


def before_fm(path: Path, before: tuple | None, mtime: int) -> str | None:
    """A page's front matter and first heading (its title and menu data): read again only when the file changed."""
    if path.suffix != ".md":
        return None
    if before is not None and before[0] == mtime:
        return before[1]
    text = path.read_text(encoding="utf-8", errors="replace")
    heading = next((line for line in text.splitlines() if line.startswith("# ")), "")
    return (text.split("\n---", 1)[0] if text.startswith("---") else "") + heading
