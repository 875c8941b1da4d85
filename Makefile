# The two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= newsevents.db

.PHONY: run test install install-dev browser-deps bench eval screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web]"

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web,postgres,cluster,dev]"

# Real-browser tests drive Debian's chromium with Playwright; install it when missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium unavailable: browser tests will be skipped"

## make run: install, then extract the bundled sample articles into the default store and print a summary
run: install
	$(BIN)/newsevents ingest samples/ --db $(DB)

## make test: install test needs, then run the whole test suite
test: install-dev browser-deps
	NEWSEVENTS_TREE_CHECK=1 $(BIN)/python -m pytest -q

bench: install
	$(BIN)/newsevents bench samples/

## make eval: score the pipeline on the annotated articles the repository carries (tests/fixtures)
eval: install
	$(BIN)/newsevents eval tests/fixtures/gold

## make screenshots: the documentation's screenshots (docs/screenshots/), taken by the browser tests
screenshots: install-dev browser-deps
	NEWSEVENTS_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser/test_pages.py -k "dashboard_shows or map_filter_to_kosovo"

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
