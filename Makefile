# Thrive: `make run` sets everything up and serves the site; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgresql://postgres@127.0.0.1:5432/postgres
HOST ?= 127.0.0.1
PORT ?= 8000

# Front-end assets: built from package.json/package-lock.json and our scss, all git-ignored.
STATIC := thrive/web/static
GOVUK_DIST := node_modules/govuk-frontend/dist/govuk
SWAGGER_DIST := node_modules/swagger-ui-dist
ASSETS_STAMP := $(STATIC)/govuk/.built
SCREENSHOTS := artifacts/screenshots

# Debian packages the suite needs, as command:package.
SYSTEM_DEPS := chromium:chromium wrk:wrk pdftotext:poppler-utils pdftoppm:poppler-utils

.PHONY: run init test lint typecheck pytest postgres bench clean assets system-deps FORCE

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP) assets
	$(BIN)/thrive init
	$(BIN)/thrive measures --headline
	@echo
	@echo "Thrive is starting at http://$(HOST):$(PORT)/ (press Ctrl+C to stop it)."
	@echo "The public pages need no account. Officers sign in at http://$(HOST):$(PORT)/workspace"
	@echo "with their email address and password. To create the first admin account, run"
	@echo "(in another terminal; it asks for a password of 12 or more characters):"
	@echo
	@echo "    $(BIN)/thrive user add you@luton.gov.uk --role admin"
	@echo
	$(BIN)/thrive serve --host $(HOST) --port $(PORT)

init: $(STAMP)
	$(BIN)/thrive init

# Debian's chromium (the browser tests), wrk (load tests) and poppler-utils (pdftotext, pdftoppm).
# Installs only what is missing, and refreshes the package lists only then.
system-deps:
	@missing=""; \
	for pair in $(SYSTEM_DEPS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; \
	done; \
	missing=$$(tr ' ' '\n' <<<"$$missing" | sort -u | xargs); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  sudo=""; [ "$$(id -u)" -eq 0 ] || sudo="sudo"; \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# GOV.UK Frontend and our stylesheet. Rebuilt only when package.json, package-lock.json or the
# scss change (or a built file has gone missing).
assets: $(ASSETS_STAMP)

$(ASSETS_STAMP): package.json package-lock.json $(wildcard thrive/web/scss/*.scss) $(if $(and $(wildcard $(STATIC)/thrive.css),$(wildcard $(STATIC)/govuk/govuk-frontend.min.js),$(wildcard $(STATIC)/swagger/swagger-ui-bundle.js)),,FORCE)
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build:css
	mkdir -p $(STATIC)/govuk
	cp $(GOVUK_DIST)/govuk-frontend.min.js $(STATIC)/govuk/
	rm -rf $(STATIC)/govuk/assets
	cp -R $(GOVUK_DIST)/assets $(STATIC)/govuk/assets
	mkdir -p $(STATIC)/swagger
	cp $(SWAGGER_DIST)/swagger-ui-bundle.js $(SWAGGER_DIST)/swagger-ui.css $(SWAGGER_DIST)/LICENSE $(STATIC)/swagger/
	touch $@

FORCE:

# PostgreSQL runs on loopback; start it if it has stopped.
postgres:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done; echo "PostgreSQL did not start"; exit 1

lint: $(STAMP)
	$(BIN)/ruff check thrive tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

# The whole suite, including the browser tests in tests/browser (they need chromium and the assets);
# their screenshots go to $(SCREENSHOTS).
pytest: $(STAMP) postgres system-deps assets
	rm -rf $(SCREENSHOTS)
	THRIVE_TEST_POSTGRES_URL=$(PG_URL) THRIVE_SCREENSHOTS=$(SCREENSHOTS) $(BIN)/pytest

test: system-deps assets lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python bench/import_speed.py
	$(BIN)/python bench/open_data_load.py
	$(BIN)/python bench/assess_speed.py
	$(BIN)/python bench/web_speed.py
	$(BIN)/python bench/report_speed.py
	$(BIN)/python bench/poverty_speed.py
	$(BIN)/python bench/index_speed.py
	$(BIN)/python bench/better_off_single.py
	$(BIN)/python bench/better_off_batch.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
