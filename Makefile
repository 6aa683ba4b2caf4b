# eventex developer commands. `make help` lists them.
#
# Everything runs from the virtualenv in .venv, which the first command creates.
# Stamp files inside .venv record that an install is done for the current
# pyproject.toml, so repeated commands start at once and an edited
# pyproject.toml triggers a reinstall.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# `make run PORT=9000` or `DATABASE_URL=... make run` override these.
HOST ?= 127.0.0.1
PORT ?= 8000
DATABASE_URL ?= sqlite:///./eventex.db

# Extra arguments for pytest: `make test PYTEST_ARGS="-k storage -x"`.
PYTEST_ARGS ?=

DOCKER ?= docker
IMAGE ?= eventex:latest

# The read-only shared materials lie beside the repository (../shared);
# EVENTEX_SHARED points elsewhere, as for the tests and bench scripts.
EVENTEX_SHARED ?= $(abspath $(CURDIR)/../shared)
SHARED_DIR := $(EVENTEX_SHARED)
SMOKE_SCRIPT := $(SHARED_DIR)/container/build-and-smoke.sh

RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.DEFAULT_GOAL := help
.PHONY: help venv run migrate test openapi docker smoke clean

help:
	@echo "make run      create .venv, install, migrate $(DATABASE_URL) and serve on http://$(HOST):$(PORT)"
	@echo "make test     install with test extras and run the whole test suite"
	@echo "make openapi  regenerate openapi.yaml from the code"
	@echo "make docker   build the container image $(IMAGE) with $(DOCKER)"
	@echo "make smoke    build the image and smoke-test it (needs root and ../shared/container)"
	@echo "make clean    remove .venv and caches (keeps the database)"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "eventex needs Python 3.11, got " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)

# pip is not upgraded on purpose: the bundled one is recent enough and this
# keeps the install working with whatever index the machine's pip config names.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(RUN_STAMP)

venv: $(RUN_STAMP)

# DATABASE_URL is passed to these two commands only, so that `make test`
# never sees the development database.
migrate: $(RUN_STAMP)
	DATABASE_URL='$(DATABASE_URL)' $(BIN)/eventex migrate

run: migrate
	DATABASE_URL='$(DATABASE_URL)' $(BIN)/eventex serve --host $(HOST) --port $(PORT)

test: $(TEST_STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

openapi: $(RUN_STAMP)
	$(BIN)/eventex openapi > openapi.yaml.tmp
	mv openapi.yaml.tmp openapi.yaml

docker:
	$(DOCKER) build -t $(IMAGE) .

# Builds the real Dockerfile without a Docker engine, starts the image, waits
# for /livez and runs tests/container_smoke_check.py against it. Skips when the
# shared script is absent, except in CI, where a skipped smoke test would hide
# a broken image.
smoke: | $(BIN)/python
	@if [ ! -f "$(SMOKE_SCRIPT)" ]; then \
		if [ -n "$$CI" ]; then echo "make smoke: $(SMOKE_SCRIPT) not found, and CI is set: failing" >&2; exit 1; fi; \
		echo "make smoke: skipped, $(SMOKE_SCRIPT) not found"; exit 0; \
	fi; \
	bash "$(SMOKE_SCRIPT)" --context . --tag localhost/eventex:ci \
		--port 8000 --health /livez --timeout 300 \
		--check "$(BIN)/python tests/container_smoke_check.py"

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis openapi.yaml.tmp
	find service tests -name __pycache__ -type d -prune -exec rm -rf {} +
