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
	@echo "Starting on http://127.0.0.1:$(PORT). Once up:"
	@echo "  REST docs (Swagger UI):  http://127.0.0.1:$(PORT)/docs"
	@echo "  GraphQL (GraphiQL):      http://127.0.0.1:$(PORT)/graphql"
	@echo "  SCIM 2.0:                http://127.0.0.1:$(PORT)/scim/v2"
	@echo "In a second terminal, a demo organisation with pairs in every state, and a first call:"
	@echo "  $(BIN)/mentoring demo --slug demo-\$$(date +%s)   # prints tokens and a curl to try"
	@echo "  TOKEN=\$$($(BIN)/mentoring token create --org <slug> --role coordinator)"
	@echo "  curl -s http://127.0.0.1:$(PORT)/v1/mentorships -H \"Authorization: Bearer \$$TOKEN\""
	@echo
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
