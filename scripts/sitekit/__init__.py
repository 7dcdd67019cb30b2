"""Plain, tested logic behind the site: the tool (`python -m sitekit`, see __main__.py),
the MkDocs plugin (plugin/, the one module that knows MkDocs) and the tests import it.

`make check` and `make build` are one pipeline: the strict build (build.py), whose
plugin collects every problem (problems.py).
"""

from functools import cache
from pathlib import Path


@cache
def _templates():
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                              autoescape=jinja2.select_autoescape(["html", "svg"]), trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True)


def render(template: str, **context) -> str:
    """A Jinja2 template from sitekit/templates/; in .html ones values are HTML-escaped unless marked safe."""
    return _templates().get_template(template).render(**context)
