# Two commands do all set-up: `make lab` for the workbook, `make test` for the test suite.
# Both build .venv from pyproject.toml when it is missing or out of date.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8888
APP_PORT ?= 8866
# A new token at every start: on a shared machine nobody else can open your journal through the app.
ifeq ($(origin APP_TOKEN), undefined)
APP_TOKEN := $(shell $(PYTHON) -c "import secrets; print(secrets.token_hex(16))")
endif
# JupyterLab refuses to start as root without this flag; CI and containers run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: lab app test test-fast bench install browser sandbox clean

lab: $(STAMP)
	$(BIN)/jupyter lab --no-browser --ServerApp.ip=127.0.0.1 --port $(PORT) \
		--ServerApp.root_dir=notebooks $(ROOT_FLAG)

# The chapter as an app for students who do not want code: the same widgets and journal, no code cells.
app: $(STAMP)
	@echo "The chapter as an app: open http://127.0.0.1:$(APP_PORT)/?token=$(APP_TOKEN)"
	$(BIN)/voila notebooks --no-browser --Voila.ip=127.0.0.1 --port=$(APP_PORT) --Voila.token=$(APP_TOKEN)

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
