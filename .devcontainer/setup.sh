#!/usr/bin/env bash
# Runs once when the dev container (or a GitHub Codespace) is created, as the
# non-root user "vscode" on Debian 12. Installs what `make check` and
# `make serve` need: Debian's Python with venv, make, git and the Danish
# spell check, then the pinned Python packages. Chromium (for `make test`)
# is left out to keep the container small: `sudo make system` adds it.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Installerer Debian-pakker til make check og make serve …"
sudo apt-get update -qq
sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  python3 python3-venv make git hunspell hunspell-da >/dev/null
make .venv/.requirements-installed
echo "Færdig. Skriv make serve for at se sitet på http://127.0.0.1:8000."
