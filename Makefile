# The two set-up commands (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DB ?= newsevents.db

.PHONY: run test install install-dev browser-deps bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web]"

install-dev: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web,postgres,dev]"

# Real-browser tests drive Debian's chromium with Playwright; install it when missing.
browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium unavailable: browser tests will be skipped"

## make run: install, then extract the bundled sample articles into the default store and print a summary
run: install
	$(BIN)/newsevents ingest samples/ --db $(DB)

## make test: install test needs, then run the whole test suite
test: install-dev browser-deps
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/newsevents bench samples/

eval: install
	$(BIN)/newsevents eval ../shared/examples/*.gold.json

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
