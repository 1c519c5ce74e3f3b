# Everything goes through .venv, created on first use, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Tools the tests run that are not Python dev dependencies: the MCPB CLI (npm) and checkov (its own
# venv: it pins `packaging` below what `build` needs). Pinned here; .ci/run installs them.
MCPB_VERSION    := 2.1.2
CHECKOV_VERSION := 3.3.30
NPM_TOOLS       := .ci/npm
CHECKOV_VENV    := .venv-checkov

.PHONY: demo test lint bench lock clean ci-tools dist bundle chromium

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/lucca-training demo

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check tools bot prompts tests bench
	$(BIN)/ruff format --check tools bot prompts tests bench

ci-tools: $(NPM_TOOLS)/.installed $(CHECKOV_VENV)/.installed tests/mcp/oauth/node_modules/.installed \
	tests/mcp/apps/node_modules/.installed chromium

# The MCP Apps view's browser test: Debian's Chromium (no browser download: there is no network
# but the registries), and playwright-core, the official ext-apps AppBridge and axe-core from npm.
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

tests/mcp/apps/node_modules/.installed: tests/mcp/apps/package-lock.json
	npm ci --prefix tests/mcp/apps --no-audit --no-fund --loglevel=error
	@touch $@

# The OAuth tests' real authorization server (npm oauth2-mock-server, pinned by its lock file).
tests/mcp/oauth/node_modules/.installed: tests/mcp/oauth/package-lock.json
	npm ci --prefix tests/mcp/oauth --no-audit --no-fund --loglevel=error
	@touch $@

$(NPM_TOOLS)/.installed:
	npm install --no-audit --no-fund --loglevel=error --prefix $(NPM_TOOLS) @anthropic-ai/mcpb@$(MCPB_VERSION)
	@touch $@

$(CHECKOV_VENV)/.installed: deploy/checkov-constraints.txt
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -c deploy/checkov-constraints.txt checkov==$(CHECKOV_VERSION)
	@touch $@

# The wheel and the sdist in dist/; the desktop bundle in dist/lucca-training.mcpb.
dist: $(STAMP)
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

bundle: $(STAMP) $(NPM_TOOLS)/.installed
	MCPB=$(NPM_TOOLS)/node_modules/.bin/mcpb PYTHON=$(BIN)/python distribution/mcpb/build_bundle.sh dist

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# Re-pin every dependency to what resolves today (review the diff before committing it).
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	.lock-venv/bin/python -m pip freeze --exclude-editable --exclude lucca-training > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) $(CHECKOV_VENV) $(NPM_TOOLS) dist .pytest_cache .ruff_cache
