#!/usr/bin/env bash
# Set-up used by the Makefile and .ci/run. Safe to run again.
#   bootstrap.sh venv PYTHON   create .venv and install the pinned requirements
#   bootstrap.sh system        install the Debian packages in system-packages.txt
set -euo pipefail
cd "$(dirname "$0")/.."

need_root() {
  echo "Mangler: $1" >&2
  echo "Installer det som root: sudo apt-get install -y $1" >&2
  exit 1
}

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then need_root "$*"; fi
  echo "Installerer Debian-pakker: $*"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  fi
}

case "${1:-}" in
  venv)
    python="${2:-python3}"
    if [ ! -x .venv/bin/python ]; then
      if ! "$python" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        # Debian ships venv in its own package.
        apt_install python3-venv
        "$python" -m venv .venv
      fi
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
    ;;
  system)
    missing=()
    while read -r pkg; do
      case "$pkg" in ''|'#'*) continue ;; esac
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < scripts/system-packages.txt
    if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi
    ;;
  *)
    echo "Brug: $0 venv PYTHON | system" >&2
    exit 2
    ;;
esac
