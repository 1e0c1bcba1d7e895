# The front door. Every target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: setup check site serve audit test lint bench browser schema clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: setup
	$(PY) -m generator check --strict $(ARGS)

# The 清理/status audit as of today (ARGS='--format xlsx --out audit.xlsx', '--as-of 2025-12-31' …).
audit: setup
	$(PY) -m generator audit $(ARGS)

schema: setup
	$(PY) -m generator schema

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: setup browser
	$(PY) -m pytest -q $(ARGS)

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy generator

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
