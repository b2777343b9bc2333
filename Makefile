# Pizarra: `make run` serves the app, `make test` runs every check. Both set up .venv first.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# Stamps record which requirement files were installed, so repeated runs skip pip entirely.
APP_STAMP := $(VENV)/.stamp-app
DEV_STAMP := $(VENV)/.stamp-dev

.PHONY: run test lint format bench bench-memory-cpu screenshots chromium nginx serve-replicas \
	stop-replicas clean-venv

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

# Replicas behind a reverse proxy use Debian's nginx (deploy/replicas.py writes its config under
# .run/replicas, never /etc).
nginx:
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
		echo "Installing nginx with apt..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; \
	fi

# N Streamlit processes (ports REPLICA_PORT, +1, ...) behind nginx on PROXY_PORT, sticky sessions by
# cookie, websockets proxied; they run in the background until `make stop-replicas`.
N ?= 2
PROXY_PORT ?= 8500
REPLICA_PORT ?= 8511
PROXY_LISTEN ?= 127.0.0.1
serve-replicas: $(APP_STAMP) nginx
	$(PY) deploy/replicas.py start --replicas $(N) --port $(PROXY_PORT) \
		--base-port $(REPLICA_PORT) --listen $(PROXY_LISTEN)

stop-replicas:
	@if [ -x $(PY) ]; then $(PY) deploy/replicas.py stop; fi

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(DEV_STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# pytest exits 5 when it collects nothing; make treats any non-zero exit as a failure.
test: $(DEV_STAMP) chromium nginx lint
	$(PY) -m pytest -q --strict-markers

# Fresh README screenshots (the browser test writes them to docs/screenshots/).
screenshots: $(DEV_STAMP) chromium
	$(PY) -m pytest -q tests/e2e

# interaction_latency.py: a slider move's round trip in Chromium, per page, against a reference page.
bench: $(DEV_STAMP) chromium
	$(PY) benchmarks/page_latency.py
	$(PY) benchmarks/interaction_latency.py
	$(PY) benchmarks/trainer_speed.py
	$(PY) benchmarks/memory.py
	$(PY) benchmarks/classroom_load.py

# Server memory with the CPU-only torch that Streamlit Cloud installs (requirements.txt's extra
# index). This machine reaches only PyPI, whose x86-64 torch is the CUDA build; the CPU build it
# can install is the 2.13.0+cpu file on its local disk (pip's find-links). Elsewhere pip finds
# CPU builds on https://download.pytorch.org/whl/cpu: e.g. `make bench-memory-cpu
# CPU_TORCH=2.14.1+cpu PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu`.
# torchvision is left out: the app imports it only to download MNIST, which the benchmark skips.
VENV_CPU := .venv-cpu
CPU_TORCH ?= 2.13.0+cpu
CPU_STAMP := $(VENV_CPU)/.stamp-$(CPU_TORCH)
$(CPU_STAMP): requirements.txt
	test -x $(VENV_CPU)/bin/python || $(PYTHON) -m venv $(VENV_CPU)
	grep -v -e '^--extra-index-url' -e '^torch' requirements.txt > $(VENV_CPU)/requirements.notorch.txt
	$(VENV_CPU)/bin/python -m pip install --quiet -r $(VENV_CPU)/requirements.notorch.txt 'torch==$(CPU_TORCH)'
	touch $@

bench-memory-cpu: $(DEV_STAMP) $(CPU_STAMP) chromium
	$(PY) benchmarks/memory.py --python $(VENV_CPU)/bin/python

clean-venv:
	rm -rf $(VENV) $(VENV_CPU)
