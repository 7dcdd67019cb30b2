# Everything an editor, a trainer or CI runs. `make help` lists the targets.
# On a fresh Debian machine `make serve` and `make test` set up all they need.

SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian 12's own Python first, then any Python 3.11, then python3 (Debian 13: 3.13).
PYTHON ?= $(shell test -x /usr/bin/python3.11 && echo /usr/bin/python3.11 || command -v python3.11 2>/dev/null || command -v python3)
export PYTHON
VENV := .venv
PY := $(VENV)/bin/python
# The tool is the package scripts/sitekit, run as `python -m sitekit`.
SITE_PY := PYTHONPATH=scripts $(PY) -m sitekit
# Re-install when the pinned requirements or the plugin's entry point change. The
# editors' targets install requirements.txt only; test, lint and benchmark add requirements-dev.txt.
STAMP := $(VENV)/.requirements-installed
DEV_STAMP := $(VENV)/.requirements-dev-installed
# The W3C Nu HTML checker for tests/test_html_valid.py: vnu-jar as locked in
# package-lock.json (`npm ci` writes the stamp; .npmrc turns install scripts off).
VNU_STAMP := node_modules/.package-lock.json
# The preview server's port: make serve PORT=8001
PORT ?= 8000
# What an editor types after `make target` reaches the recipe's shell only as an
# environment variable ("$$VERSION"), never as "$(VERSION)" in the command line,
# and is taken as plain text: neither a quote nor a "$(shell …)" in a value runs
# anything (tests/test_publish.py).
PARAMETERS := VERSION GAELDENDE_FRA GENUDGIV DATO EJER AFSNIT TITEL BESKRIVELSE FIL JSON PORT
$(foreach v,$(PARAMETERS),$(eval override $(v) := $$(value $(v))))
export $(PARAMETERS)

export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check lint linkcheck offline test system review new-page publish benchmark

help: ## Vis denne hjælp
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt pyproject.toml
	@scripts/bootstrap.sh venv "$$PYTHON" requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt $(STAMP)
	@scripts/bootstrap.sh venv "$$PYTHON" requirements-dev.txt
	@touch $@

serve: $(STAMP) ## Vis sitet på http://127.0.0.1:8000, mens du skriver
	@$(SITE_PY) serve --port "$$PORT"

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
	@$(SITE_PY) review $${EJER:+--ejer "$$EJER"} $${DATO:+--dato "$$DATO"} $(QUIET_FAIL)

# make new-page TITEL="Hvem gør hvad?" AFSNIT=vejledning EJER=redaktionen [BESKRIVELSE="…"] [FIL=filnavn]
# Make passes command-line variables to the recipe's environment; the shell
# quotes them, so a title may hold spaces, quotes and æ/ø/å.
new-page: $(STAMP) ## Opret en side og tilføj den i menuen: make new-page TITEL="…" AFSNIT=vejledning EJER=redaktionen
	@$(SITE_PY) new-page $${TITEL:+--title "$$TITEL"} $${AFSNIT:+--section "$$AFSNIT"} \
	  $${EJER:+--owner "$$EJER"} $${BESKRIVELSE:+--description "$$BESKRIVELSE"} $${FIL:+--fil "$$FIL"} \
	  $${DATO:+--dato "$$DATO"} $(QUIET_FAIL)

linkcheck: $(STAMP) ## Tjek links til andre sites (kræver netværk); rapport i .cache/linkcheck/
	$(SITE_PY) linkcheck

offline: $(STAMP) ## Byg en offline-kopi til undervisning uden netværk: dist/radikalisering-offline.zip
	$(SITE_PY) offline

# Without VERSION: today's edition, as CI publishes after a merge (.github/workflows/publish.yml).
publish: $(STAMP) ## Læg dagens udgave på gh-pages, eller en planlagt: make publish VERSION=2027-01-01 GAELDENDE_FRA=2027-01-01
	@$(SITE_PY) publish $${GAELDENDE_FRA:+--gaeldende-fra "$$GAELDENDE_FRA"} $${GENUDGIV:+--genudgiv "$$GENUDGIV"} \
	  $${DATO:+--dato "$$DATO"} $${VERSION:+-- "$$VERSION"} $(QUIET_FAIL)

benchmark: $(DEV_STAMP) system ## Mål sitet mod standard-Material: sidevægt, bygning, søgning, Lighthouse (tager nogle minutter)
	PYTHONPATH=scripts $(PY) scripts/benchmark.py

system: ## Installer de Debian-pakker, testene bruger (Chromium m.fl.)
	@scripts/bootstrap.sh system

lint: $(DEV_STAMP) ## Tjek Python-koden med ruff (indstillinger i pyproject.toml)
	$(PY) -m ruff check scripts overrides tests

$(VNU_STAMP): package-lock.json | system
	@npm ci --no-audit --no-fund --loglevel=error

test: $(DEV_STAMP) system lint $(VNU_STAMP) ## Kør ruff og hele testsuiten (installerer det, den mangler)
	$(PY) -m pytest
