"""Plain, tested logic behind the site: hooks, scripts/site.py and tests import it.

Nothing in here depends on MkDocs at import time, so the checks run in seconds
without building the site.
"""
