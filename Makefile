# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

WEB := src/mahattat/web

$(STAMP): pyproject.toml $(wildcard $(WEB)/package-lock.json)
	$(PY) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	# bytecode now: where PYTHONDONTWRITEBYTECODE is set, every run would compile the sources
	$(VENV)/bin/python -m compileall -q src > /dev/null
	# the page's front-end packages (TimelineJS, vis-timeline) from npm, never committed
	if [ -f $(WEB)/package-lock.json ] && command -v npm > /dev/null; then \
		npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error; fi
	touch $(STAMP)

.PHONY: setup demo test lint
setup: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/mahattat extract examples/sample-ar.txt --published 2021-01-06 --format table

test: $(STAMP)
	$(VENV)/bin/python -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench scripts
	$(VENV)/bin/mypy
