# Everything an editor, a trainer or CI runs. `make help` lists the targets.
# On a fresh Debian machine `make serve` and `make test` set up all they need.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian 12's own Python first (the README's promise), then any Python 3.11.
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
SITE_PY := $(PY) scripts/site.py
# Re-install when the pinned requirements change.
STAMP := $(VENV)/.requirements-installed
# The preview server's port: make serve PORT=8001
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check linkcheck offline test system review new-page benchmark

help: ## Vis denne hjælp
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt
	@scripts/bootstrap.sh venv "$(PYTHON)"
	@touch $@

serve: $(STAMP) ## Vis sitet på http://127.0.0.1:8000, mens du skriver
	$(SITE_PY) serve --port $(PORT)

build: $(STAMP) ## Byg sitet strengt til site/ (en advarsel stopper bygningen)
	$(SITE_PY) build

check: $(STAMP) ## Hurtige tjek af indholdet uden netværk: metadata, links, persondata
	$(SITE_PY) check

review: $(STAMP) ## Vis sider, der skal gennemgås, manglende kontaktoplysninger og "Skal verificeres"
	$(SITE_PY) review

new-page: $(STAMP) ## Opret en ny side med gyldige metadata (spørger om titel, afsnit og ansvarlig)
	$(SITE_PY) new-page

linkcheck: $(STAMP) ## Tjek links til andre sites (kræver netværk); rapport i .cache/linkcheck/
	$(SITE_PY) linkcheck

offline: $(STAMP) ## Byg en offline-kopi til undervisning uden netværk: dist/radikalisering-offline.zip
	$(SITE_PY) offline

benchmark: $(STAMP) system ## Mål sitet mod standard-Material: sidevægt, bygning, søgning, Lighthouse (tager nogle minutter)
	$(PY) scripts/benchmark.py

system: ## Installer de Debian-pakker, testene bruger (Chromium m.fl.)
	@scripts/bootstrap.sh system

test: $(STAMP) system ## Kør hele testsuiten (installerer det, den mangler)
	$(PY) -m pytest
