"""Plain, tested logic behind the site: the tool (`python -m sitekit`, see __main__.py),
the MkDocs hooks and the tests import it.

`make check` and `make build` are one pipeline: the strict build (build.py), whose
hooks report every problem to one collector (problems.py).
"""
