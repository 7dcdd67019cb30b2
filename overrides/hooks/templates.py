"""MkDocs hook: what the theme's templates need.

- ``config.extra.page_urls['om/tilgaengelighed.md']`` gives a page's URL, so a
  template link stays right with or without directory URLs (the offline copy)
  and under a version prefix.
- Jinja keeps the compiled templates between builds (a bytecode cache in the
  user's temporary folder): every build, preview and test build otherwise
  compiles Material's ~40 templates again (about 0.7 s). Jinja checks each
  template's source and its own version before it uses a cached copy.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from jinja2 import FileSystemBytecodeCache


def on_env(env, config, files, **kwargs):
    folder = Path(tempfile.gettempdir()) / f"sitekit-jinja-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_files(files, config, **kwargs):
    config.extra["page_urls"] = {f.src_uri: f.url for f in files.documentation_pages()}
    return files
