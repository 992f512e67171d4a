# Corridor's commands. The two that matter:
#   make run    set up .venv and the database, load the demo data, serve http://127.0.0.1:8000
#   make test   every check CI runs: ruff, migrations in step with the models, the whole pytest suite
# Each is safe to run again: it reuses the virtualenv, the database and the data that exist.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
ADDRESS ?= 127.0.0.1:8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
# pytest's arguments: two workers (pytest-xdist) by default; `make test PYTEST_ARGS="-k browser -x"`.
PYTEST_ARGS ?= -n 2
# pytest, with its exit code 5 ("no tests collected") spelt out: any non-zero code fails the target.
PYTEST = $(PY) -m pytest $(PYTEST_ARGS) || { rc=$$?; \
	[ $$rc -ne 5 ] || echo "error: pytest collected no tests (exit 5)" >&2; exit $$rc; }

export PYTHON VENV

.PHONY: help run test test-postgres lint format worker bench venv venv-test chromium messages

help:
	@echo "make run            set up and serve the demo on http://$(ADDRESS)"
	@echo "make test           ruff, makemigrations --check and the whole test suite (SQLite)"
	@echo "make test-postgres  the test suite on PostgreSQL ($(POSTGRES_URL))"
	@echo "make lint           ruff check and ruff format --check"
	@echo "make format         ruff format and ruff check --fix"
	@echo "make worker         the background task worker (django-tasks-db)"
	@echo "make bench          page weight of the home page and its assets"

# --- set-up steps (each does nothing when already done) --------------------------------------
venv:
	@scripts/ensure-venv.sh requirements.txt

venv-test:
	@scripts/ensure-venv.sh requirements-test.txt

chromium:
	@scripts/ensure-chromium.sh

messages: venv
	@MANAGE="$(MANAGE)" scripts/compile-messages.sh

# --- run ---------------------------------------------------------------------------------------
run: venv messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) search_reindex
	@echo
	@echo "================================================================"
	@echo "  Corridor is running at  http://$(ADDRESS)/"
	@echo "  Search: http://$(ADDRESS)/search/   Admin: http://$(ADDRESS)/admin/"
	@echo "  API: http://$(ADDRESS)/api/v1/docs"
	@echo "  Press Ctrl-C to stop."
	@echo "================================================================"
	@echo
	$(MANAGE) runserver $(ADDRESS)

worker: venv
	$(MANAGE) db_worker

# --- checks ------------------------------------------------------------------------------------
test: venv-test chromium messages
	$(VENV)/bin/ruff check .
	$(MANAGE) makemigrations --check --dry-run
	$(PYTEST)

test-postgres: venv-test chromium messages
	DATABASE_URL=$(POSTGRES_URL) $(PYTEST)

lint: venv-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: venv-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: venv-test
	$(PY) bench/page_weight.py
