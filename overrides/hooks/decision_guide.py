"""MkDocs hook: one virtual page per step of the decision guide (logic: sitekit/decision_guide.py).

It runs after the i18n plugin has chosen the files of the language being built
(priority -100, registered after the plugin): the plugin drops files that are
not on disk, so the guide adds the current language's steps itself and tells
the plugin which version of each step exists in the other language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from sitekit import decision_guide, i18n  # noqa: E402
from sitekit.problems import Problem, loaded, report  # noqa: E402


@event_priority(-100)
def on_files(files, config, **kwargs):
    lang, default = i18n.languages(config)
    path = decision_guide.guide_file(config.docs_dir, lang)
    if not path.is_file():  # a fixture site without the guide, or no guide in this language
        return files
    guide = loaded(decision_guide.load, path)
    if guide is None:
        return files
    # The same step in the other languages, for the language switch and hreflang.
    others = {}
    for other in i18n.other_languages(config):
        other_path = decision_guide.guide_file(config.docs_dir, other)
        if other_path.is_file():
            try:
                others[other] = set(decision_guide.load(other_path).nodes)
            except decision_guide.GuideError:
                others[other] = set()  # reported in that language's build
    for node_id, content in ((n, decision_guide.render_page(guide, n, lang)) for n in guide.nodes):
        src_uri = decision_guide.src_uri(node_id, lang)
        existing = files.get_file_from_path(src_uri)
        if existing is not None and existing.generated_by is None:
            report(Problem.at(path, None, "beslutningsguide",
                              f"Siden {src_uri} findes allerede som fil, men guiden laver den selv ud fra "
                              "trinnet med samme id.", "Slet filen, eller giv trinnet et andet id."))
            continue
        file = i18n.localize(File.generated(config, src_uri, content=content), config, lang, default)
        alternates = {lang: file}
        for other, ids in others.items():
            if node_id in ids:
                alternates[other] = i18n.localize(
                    File.generated(config, decision_guide.src_uri(node_id, other), content=""),
                    config, other, default)
        i18n.set_alternates(file, alternates, lang)
        files.append(file)
        i18n.add_to_sitemap(config, file, lang)
    return files
