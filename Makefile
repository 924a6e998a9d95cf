# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed-stamp

.PHONY: install run test lint bench openapi clean

install: $(STAMP)

# Re-install whenever the dependencies or their lock change.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

run: install  ## migrate and serve on PORT (embedded PostgreSQL unless DATABASE_URL is set)
	$(BIN)/mentoring serve --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy app
	$(BIN)/lint-imports

test: install lint  ## lint, then every test against a real PostgreSQL
	$(BIN)/pytest

bench: install  ## benchmarks (not part of the tests): prints ratios against raw baselines
	$(BIN)/python -m bench.directory
	$(BIN)/python -m bench.matching
	$(BIN)/python -m bench.matching_service
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.isolation

openapi: install  ## regenerate the committed API schemas after an API change
	$(BIN)/python -m app.api.export

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
