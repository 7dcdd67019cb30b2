# Everything an editor, a trainer or CI runs. `make help` lists the targets.
# On a fresh Debian machine `make serve` and `make test` set up all they need.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian 12's own Python first (the README's promise), then any Python 3.11.
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
# The tool is the package scripts/sitekit, run as `python -m sitekit`.
SITE_PY := PYTHONPATH=scripts $(PY) -m sitekit
# Re-install when the pinned requirements or the plugin's entry point change.
STAMP := $(VENV)/.requirements-installed
# The preview server's port: make serve PORT=8001
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check lint linkcheck offline test system review new-page publish benchmark

help: ## Vis denne hjælp
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt pyproject.toml
	@scripts/bootstrap.sh venv "$(PYTHON)"
	@touch $@

serve: $(STAMP) ## Vis sitet på http://127.0.0.1:8000, mens du skriver
	@$(SITE_PY) serve --port $(PORT)

# `make check` and `make build` print only the tool's Danish list and summary. On a
# failure make would add "make: *** [...] Error 1" in English; instead the recipe
# asks make to stop with SIGINT, which make obeys silently (exit status 130, not 0).
# Where SIGINT is ignored (a background job), the recipe fails the ordinary way.
# The recipe's shell stays alive for a moment after the kill: make then handles the
# signal while it waits for the shell. Had the shell already ended, make could reap it
# first and then print "make: *** wait: No child processes." (seen under load).
QUIET_FAIL = || { if [ -z "$$(trap -p INT)" ]; then kill -INT $$PPID; sleep 0.5; else exit 1; fi; }

build: $(STAMP) ## Byg sitet strengt til site/ med alle tjek (en fejl stopper bygningen)
	@$(SITE_PY) build $${DATO:+--dato "$$DATO"} $(QUIET_FAIL)

check: $(STAMP) ## Tjek alt uden netværk: den strenge bygning med alle tjek, fejl med fil og linje
	@$(SITE_PY) check $${DATO:+--dato "$$DATO"} $${JSON:+--json "$$JSON"} $(QUIET_FAIL)

review: $(STAMP) ## Vis sider efter næste gennemgang og det, der mangler. Kun dine sider: make review EJER=id
	@$(SITE_PY) review $${EJER:+--ejer "$$EJER"} $${DATO:+--dato "$$DATO"}

# make new-page TITEL="Hvem gør hvad?" AFSNIT=vejledning EJER=redaktionen [BESKRIVELSE="…"] [FIL=filnavn]
# Make passes command-line variables to the recipe's environment; the shell
# quotes them, so a title may hold spaces, quotes and æ/ø/å.
new-page: $(STAMP) ## Opret en side og tilføj den i menuen: make new-page TITEL="…" AFSNIT=vejledning EJER=redaktionen
	@$(SITE_PY) new-page $${TITEL:+--title "$$TITEL"} $${AFSNIT:+--section "$$AFSNIT"} \
	  $${EJER:+--owner "$$EJER"} $${BESKRIVELSE:+--description "$$BESKRIVELSE"} $${FIL:+--fil "$$FIL"} \
	  $${DATO:+--dato "$$DATO"}

linkcheck: $(STAMP) ## Tjek links til andre sites (kræver netværk); rapport i .cache/linkcheck/
	$(SITE_PY) linkcheck

offline: $(STAMP) ## Byg en offline-kopi til undervisning uden netværk: dist/radikalisering-offline.zip
	$(SITE_PY) offline

publish: $(STAMP) ## Læg en udgave på gh-pages: make publish VERSION=2026.1 GAELDENDE_FRA=2026-12-01 [GENUDGIV=ja]
	$(SITE_PY) publish "$(VERSION)" --gaeldende-fra "$(GAELDENDE_FRA)" --genudgiv "$(GENUDGIV)"

benchmark: $(STAMP) system ## Mål sitet mod standard-Material: sidevægt, bygning, søgning, Lighthouse (tager nogle minutter)
	PYTHONPATH=scripts $(PY) scripts/benchmark.py

system: ## Installer de Debian-pakker, testene bruger (Chromium m.fl.)
	@scripts/bootstrap.sh system

lint: $(STAMP) ## Tjek Python-koden med ruff (indstillinger i pyproject.toml)
	$(PY) -m ruff check scripts overrides tests

test: $(STAMP) system lint ## Kør ruff og hele testsuiten (installerer det, den mangler)
	$(PY) -m pytest
