# cowkg — Coalition of the Willing knowledge graph.
# Constants below can be overridden on the command line, e.g. `make serve PORT=9000`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
STAMP  := $(VENV)/.installed
BENCH_ARGS ?=
SYSTEM_PACKAGES := libowlapi-java chromium chromium-driver wrk

.DEFAULT_GOAL := help
.PHONY: help install system-deps build ontology graph check lint test bench eval serve clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## create .venv and install the pinned dependencies

system-deps: ## install the Debian packages the tests use (OWL API, Chromium, wrk), when missing
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing" >&2; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "not root: install$$missing yourself (sudo apt-get install$$missing)" >&2; fi; \
	fi

build: install ## build the ontology renderings and the graph into graph/ (only what is out of date)
	$(PY) -m cowkg build

ontology: install ## check the ontology, regenerate its RDF/XML, JSON-LD and HTML renderings only
	$(PY) -m cowkg ontology

lint: install ## ruff lint and format check, mypy --strict
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

test: install system-deps lint ## lint, then every test (CI runs this)
	$(PY) -m pytest -q

bench: install system-deps ## benchmarks: prints a table, writes var/bench.json (BENCH_ARGS="--quick")
	$(PY) -m cowkg bench $(BENCH_ARGS)

eval: install ## score the build on ../shared/articles (COWKG_ARTICLES_DIR): prints a table, writes var/eval.json
	$(PY) -m cowkg eval

serve: build ## build if out of date, then serve on http://$(HOST):$(PORT)
	$(PY) -m cowkg serve --host $(HOST) --port $(PORT)

clean: ## remove the virtual environment and caches (graph/ is kept: it is published)
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache var
