# Everyday commands. `make demo` and `make test` are the two quick-start commands in README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXTRAS ?= dev,ingest,english,spark

.PHONY: setup demo test lint evaluate bench clean

$(BIN)/eventwire: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[$(EXTRAS)]'
	touch $(BIN)/eventwire

setup: $(BIN)/eventwire

## Ingest the bundled example articles into the embedded store and print their events.
demo: setup
	rm -f demo.db
	$(BIN)/eventwire ingest examples/ --db demo.db --published 2025-11-17
	$(BIN)/eventwire events --db demo.db --format table

## Unit, integration and accuracy-gate tests.
test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/mypy

## Every evaluation suite, in full (needs ../shared/data beside the checkout).
evaluate: setup
	for s in seed dev-de dev-en; do $(BIN)/eventwire evaluate $$s | tail -n 1; done

bench: setup
	$(BIN)/python benchmarks/bench_morphology.py --shared ../shared

clean:
	rm -rf $(VENV) demo.db .pytest_cache .mypy_cache .ruff_cache
