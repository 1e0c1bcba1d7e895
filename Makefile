# The front door. Every target sets up what it needs on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
ARGS   ?=

.PHONY: setup check site serve audit test lint bench browser office checkers lighthouse schema docs clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

check: setup
	$(PY) -m generator check --strict $(ARGS)

# The public site: check first (warnings too), then build into site/ atomically (ARGS='--today 2026-11-26' …).
site: setup
	$(PY) -m generator build --strict $(ARGS)

# Live preview on http://127.0.0.1:8000/, rebuilt on every edit of content/, catalog/ or site_config.yml.
serve: setup
	$(PY) -m generator serve $(ARGS)

# The 清理/status audit as of today (ARGS='--format xlsx --out audit.xlsx', '--as-of 2025-12-31' …).
audit: setup
	$(PY) -m generator audit $(ARGS)

schema: setup
	$(PY) -m generator schema

# The generated parts of docs/rules.md (rule docstrings) and docs/format.md (field tables of fields.py).
docs: setup
	$(PY) -m tests.tools.ruledocs

# Debian's Chromium for the browser tests (never a downloaded browser build).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@fc-list :lang=zh | grep -q . || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null; }

# LibreOffice without a GUI: the tests make .xls and .ods copies of workbooks with it.
office:
	@command -v soffice >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null; }

# Speed of check, build and search at 1,000 and 10,000 documents against plain Material, in the same
# run (ARGS=--large adds 50,000). Figures and how to read them: docs/performance.md.
# The markup and accessibility checkers the tests run on the demo site: the Nu HTML Checker (vnu-jar, on
# Debian's Java), axe-core and Lighthouse, pinned in tests/node/package-lock.json (no browser download).
NODE_STAMP := tests/node/node_modules/.installed
checkers: $(NODE_STAMP)

$(NODE_STAMP): tests/node/package-lock.json
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null; }
	cd tests/node && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Lighthouse accessibility / best practices / SEO of the demo's main page types (figures: docs/site.md).
lighthouse: setup browser checkers
	CHROME_PATH=/usr/bin/chromium $(PY) -m tests.site.lighthouse $(ARGS)

bench: setup browser
	$(PY) tests/bench/run.py $(ARGS)

test: setup browser office checkers
	$(PY) -m pytest -q $(ARGS)

lint: setup
	$(VENV)/bin/ruff check generator tests
	$(VENV)/bin/mypy generator

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
