#!/usr/bin/env bash
# Set-up used by the Makefile and .ci/run. Safe to run again.
#   bootstrap.sh venv PYTHON [FILE]   create .venv and install FILE's pinned packages
#                                     (requirements.txt: the editors'; requirements-dev.txt: tests too)
#   bootstrap.sh system        install the Debian packages in system-packages.txt
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "Mangler: $*" >&2
    echo "Installer det som root: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "Installerer Debian-pakker: $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

case "${1:-}" in
  venv)
    python="${2:-python3}"
    file="${3:-requirements.txt}"
    if [ ! -x .venv/bin/python ]; then
      echo "Første gang: opretter et Python-miljø i .venv/ med $python ($("$python" --version 2>&1))."
      if ! "$python" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        # Debian ships venv in its own package.
        apt_install python3-venv
        "$python" -m venv .venv
      fi
    fi
    count=$(grep -c '^[A-Za-z]' "$file")
    echo "Installerer $count låste pakker fra $file. Første gang tager det 1-3 minutter …"
    # One line per package, so a first install shows that it is moving.
    if ! .venv/bin/python -m pip install --disable-pip-version-check --progress-bar off -r "$file" \
      | { grep --line-buffered -E '^(Collecting|Successfully installed)' || true; } \
      | sed -u -e 's/^Collecting /  henter /' -e 's/^Successfully installed .*/  færdig./'; then
      echo "Installationen fejlede. Læs fejlen ovenfor, og kør kommandoen igen." >&2
      exit 1
    fi
    # The site's own MkDocs plugin (scripts/sitekit): registered by its entry point in pyproject.toml.
    if ! .venv/bin/python -m pip install --disable-pip-version-check -q --no-deps -e . >/dev/null; then
      echo "Sitets eget plugin (scripts/sitekit) kunne ikke installeres. Læs fejlen ovenfor." >&2
      exit 1
    fi
    ;;
  system)
    missing=()
    while read -r pkg; do
      case "$pkg" in ''|'#'*) continue ;; esac
      # A program of that name counts too (npm comes with NodeSource's nodejs, which conflicts with Debian's npm).
      command -v "$pkg" >/dev/null && continue
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < scripts/system-packages.txt
    if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
    ;;
  *)
    echo "Brug: $0 venv PYTHON [FIL] | system" >&2
    exit 2
    ;;
esac
