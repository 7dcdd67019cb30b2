"""The site's one MkDocs plugin (plugin.py) and its typed settings (config.py)."""
