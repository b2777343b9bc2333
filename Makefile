# Pizarra: `make run` serves the app, `make test` runs every check. Both set up .venv first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Stamps record which requirement files were installed, so repeated runs skip pip entirely.
APP_STAMP := $(VENV)/.stamp-app
DEV_STAMP := $(VENV)/.stamp-dev

.PHONY: run test lint format bench screenshots chromium clean-venv

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# requirements.txt is installed as it is, minus the Cloud-only CPU index line (see its header).
$(APP_STAMP): requirements.txt | $(PY)
	grep -v '^--extra-index-url' requirements.txt > $(VENV)/requirements.local.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements.local.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(APP_STAMP)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(APP_STAMP)
	$(PY) -m streamlit run app.py --server.port $(PORT)

# Browser tests use Debian's Chromium (Playwright's own browser download does not work offline).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "Installing Chromium with apt..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; \
	fi

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# pytest exits 5 when it collects nothing; make treats any non-zero exit as a failure.
test: $(DEV_STAMP) chromium lint
	$(PY) -m pytest -q --strict-markers

# Fresh README screenshots (the browser test writes them to docs/screenshots/).
screenshots: $(DEV_STAMP) chromium
	$(PY) -m pytest -q tests/e2e

bench: $(DEV_STAMP)
	$(PY) benchmarks/page_latency.py
	$(PY) benchmarks/trainer_speed.py
	$(PY) benchmarks/memory.py

clean-venv:
	rm -rf $(VENV)
