# Two commands do all set-up: `make lab` for the workbook, `make test` for the test suite.
# Both build .venv from pyproject.toml when it is missing or out of date.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
# JupyterLab refuses to start as root without this flag; CI and containers run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab test test-fast bench install browser sandbox clean

lab: $(STAMP)
	$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --port $(PORT) \
		--ServerApp.root_dir=notebooks $(ROOT_FLAG)

test: $(STAMP) browser sandbox
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Everything but the browser and nbgrader-pipeline tests: the quick loop while editing.
test-fast: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: $(STAMP) sandbox
	$(BIN)/python -m benchmarks

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# The browser tests drive Debian's Chromium and run axe-core (from npm); install them when missing.
browser:
	@bash tests/browser/ensure-chromium
	@bash tests/browser/ensure-axe

# Every grading kernel runs in Debian's bubblewrap sandbox; install it when it is missing.
sandbox:
	@bash tests/grading/ensure-bubblewrap

clean:
	rm -rf $(VENV) test-output .pytest_cache
