"""Build the offline copy: the whole site in one zip file for training rooms
without network. Unpacked, it opens from the file system (file://index.html)
with working navigation and search, and loads nothing from any other host.

The copy is the normal strict build with two switches (see mkdocs-base.yml):
``OFFLINE=true`` turns on Material's offline plugin (search index inlined as
``search/search_index.js``) and ``USE_DIRECTORY_URLS=false`` makes links point
at ``page.html`` files, which a browser can open without a server. Search runs
through our own worker stand-in, docs/assets/javascripts/iframe-worker.js.
"""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .build import build_site
from .paths import ROOT
from .privacy import foreign_resources

NAME = "radikalisering-offline"
DIST = ROOT / "dist"
OFFLINE_ENV = {"OFFLINE": "true", "USE_DIRECTORY_URLS": "false"}
# Hosts that Material or a plugin could add behind our back.
_FORBIDDEN_STRINGS = ("unpkg.com", "cdn.jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com")


class OfflineError(RuntimeError):
    """The offline copy could not be built, or it is not self-contained."""


@dataclass
class OfflineCopy:
    folder: Path
    zip_path: Path
    files: int


def problems(folder: Path) -> list[str]:
    """Reasons the built copy would not work offline (empty when it is fine)."""
    found = []
    if not (folder / "index.html").is_file():
        found.append("index.html mangler")
    if not (folder / "search" / "search_index.js").is_file():
        found.append("search/search_index.js mangler: offline-pluginet kørte ikke")
    for page in sorted(folder.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(folder).as_posix()
        for line, tag, url in foreign_resources(text):
            found.append(f"{rel}:{line}: <{tag}> henter {url}")
        for host in _FORBIDDEN_STRINGS:
            if host in text:
                found.append(f"{rel}: nævner {host}")
    return found


def build_offline(dist: Path = DIST, name: str = NAME) -> OfflineCopy:
    """Build the site for file:// into dist/<name>/ and pack it as dist/<name>.zip."""
    dist = Path(dist)
    folder = dist / name
    zip_path = dist / f"{name}.zip"
    if folder.exists():
        shutil.rmtree(folder)
    dist.mkdir(parents=True, exist_ok=True)
    result = build_site(folder, env=OFFLINE_ENV)
    if result.returncode != 0:
        raise OfflineError(f"Bygningen fejlede:\n{result.stdout}\n{result.stderr}")
    found = problems(folder)
    if found:
        raise OfflineError("Offline-kopien er ikke selvstændig:\n" + "\n".join(found))
    zip_path.unlink(missing_ok=True)
    files = [path for path in sorted(folder.rglob("*")) if path.is_file()]
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            # One top folder in the zip, so unpacking does not spill files.
            zf.write(path, f"{name}/{path.relative_to(folder).as_posix()}")
    return OfflineCopy(folder=folder, zip_path=zip_path, files=len(files))
