# One entry point for every routine task. `make setup` is idempotent and every other target
# depends on it, so a fresh clone needs nothing but Python 3.10+, Node.js and npm; `make demo`
# and `make bench` need only Python (`make setup-python`).
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export PATH := $(CURDIR)/$(BIN):$(CURDIR)/node_modules/.bin:$(PATH)

GENERATED := generated/contiguity_client
GENERATE = openapi-python-client generate --path openapi.yaml --config generator-config.yml \
	--meta none --custom-template-path generator-templates --overwrite --fail-on-warning
SPEC_JSON := contiguity_ext/_spec/openapi.json
PY_SOURCES := contiguity_ext tests scripts benchmarks

.PHONY: help setup setup-python generate check-generated spec-diff lint-spec check-ts format lint typecheck docs test \
	demo bench clean dist test-floors test-matrix mutation

help:
	@echo "make setup            create .venv and node_modules (idempotent)"
	@echo "make setup-python     create .venv only (all that make demo and make bench need)"
	@echo "make generate         regenerate $(GENERATED) and $(SPEC_JSON) from openapi.yaml"
	@echo "make check-generated  fail if the generated code differs from what the spec produces"
	@echo "make spec-diff        what openapi.yaml breaks against released/openapi.yaml (or BASE=<git ref>)"
	@echo "make docs             build the reference site into build/site (offline, warnings are errors)"
	@echo "make format           apply ruff's safe fixes and formatting (what make lint checks)"
	@echo "make test             every check and test (what CI runs)"
	@echo "make dist             build the sdist and the wheel into dist/"
	@echo "make test-floors      the tests on the lowest dependency versions pyproject.toml declares"
	@echo "make test-matrix      the tests on Python 3.10-3.13 (PYTHONS=\"3.10 3.13\" for some)"
	@echo "make demo             run the SDK against a local sandbox"
	@echo "make bench            benchmark the SDK against raw httpx"
	@echo "make mutation         mutation score of the core per module (MODULES=\"phone webhooks\" for some)"

$(BIN)/.installed: requirements-dev.txt requirements-test.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup-python: $(BIN)/.installed

setup: setup-python node_modules/.installed

generate: setup
	$(GENERATE) --output-path $(GENERATED)
	$(PY) -m scripts.export_spec openapi.yaml $(SPEC_JSON)

# Fails on a breaking change that CHANGELOG.md's [Unreleased] section does not acknowledge.
spec-diff: setup
	$(PY) -m scripts.spec_diff $(if $(BASE),--base $(BASE))

check-generated: setup
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GENERATE) --output-path "$$tmp/contiguity_client" >/dev/null && \
	$(PY) -m scripts.export_spec openapi.yaml "$$tmp/openapi.json" && \
	diff -r -x __pycache__ -x .ruff_cache $(GENERATED) "$$tmp/contiguity_client" && \
	diff $(SPEC_JSON) "$$tmp/openapi.json" && \
	echo "generated code is in sync with openapi.yaml"

lint-spec: setup
	$(PY) -m openapi_spec_validator openapi.yaml
	redocly lint openapi.yaml --config redocly.yaml

check-ts: setup
	@mkdir -p build/ts
	openapi-typescript openapi.yaml --output build/ts/contiguity.d.ts
	tsc --project tsconfig.json
	tsc --project tests/typescript/tsconfig.json

format: setup-python
	ruff check --fix-only $(PY_SOURCES)
	ruff format $(PY_SOURCES)

lint: setup
	ruff check $(PY_SOURCES)
	ruff format --check $(PY_SOURCES)

typecheck: setup
	mypy $(GENERATED) contiguity_ext tests scripts benchmarks
	cd generated && mypy --strict --config-file=/dev/null contiguity_client

# MkDocs with the material theme; scripts/docs_site.py writes the reference pages from the client.
docs: setup-python
	NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet

test: setup check-generated spec-diff lint-spec check-ts lint typecheck docs
	$(PY) -m pytest -p no:cacheprovider --cov --cov-report=term -q

# The wheel is built from the sdist, so a file missing from the sdist fails here, not for users.
dist: setup
	rm -rf dist
	$(PY) -m uv build --out-dir dist

test-floors: setup
	$(PY) -m scripts.environments floors

test-matrix: setup
	$(PY) -m scripts.environments matrix $(PYTHONS)

demo: setup-python
	$(PY) -m contiguity_ext.demo

bench: setup-python
	$(PY) -m benchmarks.run

# Mutation testing of the core with mutmut (not part of `make test`: it takes many minutes).
# mutmut runs only the tests that reach a mutated function, and keeps its work in mutants/,
# so a second run re-checks only what changed. MUTATION_JOBS bounds the CPU it takes.
MUTATION_JOBS ?= 2
mutation: setup-python
	mutmut run --max-children $(MUTATION_JOBS) $(foreach module,$(MODULES),"contiguity_ext.$(module).*")
	$(PY) -m scripts.mutation_report $(foreach module,$(MODULES),contiguity_ext.$(module))

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .coverage mutants
