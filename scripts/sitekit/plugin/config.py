"""The plugin's settings (mkdocs-base.yml, plugins: - sitekit: ...), typed by MkDocs' own options."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class Config(base.Config):
    # The checks on every page and on the whole site (spelling, personal data, links …). Off only
    # where a build measures the engine alone.
    checks = c.Type(bool, default=True)
    # One stylesheet and one script with hashed names, joined from extra_css and extra_javascript.
    bundle = c.Type(bool, default=True)
    # Keep Jinja's compiled templates between builds (in the user's temporary folder).
    template_cache = c.Type(bool, default=True)
