# Learning-collaborative LMS. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
# What running needs, and on top of it the test tools: each from uv.lock, as locked.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT
# axe-core for the accessibility checks, from package-lock.json into node_modules/.
AXE := node_modules/axe-core/axe.min.js
SCALE ?= 1
BENCH_SECONDS ?= 6
GROWTH_SCALE ?= 10
LOAD_SECONDS ?= 60
LOAD_LEARNERS ?= 20

.DEFAULT_GOAL := help

.PHONY: help lock run dev cluster test-cluster test mutation test-browser test-postgres security lint format migrations messages bench load clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(UV):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "uv>=0.13,<0.14"

# --inexact: `make run` after `make test` keeps the test tools; --locked: exactly uv.lock,
# and a uv.lock older than pyproject.toml is an error, not a silent re-resolve.
$(RUN_STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --quiet
	touch $@

$(TEST_STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --inexact --quiet --extra test
	touch $@ $(RUN_STAMP)

lock: | $(UV) ## Re-resolve uv.lock after a change to pyproject.toml (upgrade: UPGRADE=django)
	$(UV) lock $(if $(UPGRADE),--upgrade-package $(UPGRADE))

run: export DJANGO_SETTINGS_MODULE = config.settings.dev
run: $(RUN_STAMP) ## Install, migrate, load the demo once and serve it with gunicorn on HOST:PORT
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/honcho start --port $(PORT)

dev: export DJANGO_SETTINGS_MODULE = config.settings.dev
dev: $(RUN_STAMP) ## Django's runserver with auto-reload, and the email worker
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(BIN)/honcho start --port $(PORT) -f Procfile.dev

cluster: $(RUN_STAMP) ## nginx, two gunicorn hosts, PostgreSQL, Redis and an email worker on 127.0.0.1 (CLUSTER_PORT=8100)
	scripts/with-postgres scripts/cluster

test-cluster: $(TEST_STAMP) ## The two-host checks: sessions, rate limits, page cache, media, failover, worker killed
	scripts/with-postgres scripts/cluster $(BIN)/python -m bench.cluster_checks

lint: $(TEST_STAMP) ## ruff check, format check, and the layering of the apps (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(TEST_STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: $(TEST_STAMP) ## Fail when a model change has no migration
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $(AXE); \
	else echo "npm not found: the accessibility checks will be skipped (apt-get install npm)"; fi

# pytest exits 5 when it collects nothing; that is not a failure here, anything else is.
# The browser journeys run when Chromium is at CHROMIUM_PATH (default /usr/bin/chromium).
# Branch coverage is measured here, with the floor in pyproject.toml ([tool.coverage]).
test: $(TEST_STAMP) $(AXE) lint migrations ## Lint, check migrations and run the whole test suite, with coverage
	$(BIN)/pytest --cov --cov-report=term --cov-report=html $(PYTEST_ARGS) || [ $$? -eq 5 ]

test-browser: $(TEST_STAMP) $(AXE) ## Only the browser journeys and accessibility checks
	$(BIN)/pytest -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]

screenshots: $(TEST_STAMP) ## PNGs of the main demo pages at 1280 and 360 px, in English and Arabic, into screenshots/
	SCREENSHOTS=1 $(BIN)/pytest tests/browser/test_screenshots.py -p no:cacheprovider -q

test-postgres: $(TEST_STAMP) $(AXE) ## The whole test suite against a throwaway PostgreSQL server
	scripts/with-postgres $(BIN)/pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

security: $(TEST_STAMP) ## bandit on the code, pip-audit on the installed packages
	$(BIN)/bandit --quiet --configfile pyproject.toml --severity-level medium \
		--recursive config core home courses evaluations attendance applications reminders teams improvement prework calls library forums announcements roster bench scripts
	$(BIN)/python scripts/audit_dependencies.py

mutation: $(TEST_STAMP) ## Mutation testing of the guarding modules into bench/MUTATION.md (MODULES=core/redirects.py)
	$(BIN)/python scripts/mutation.py $(MODULES)

bench: $(TEST_STAMP) ## Requests/s of the main pages against a floor, growth from scale 1 to GROWTH_SCALE, large lists, into bench/RESULTS.md (SCALE=1, GROWTH_SCALE=10)
	$(BIN)/python -m bench.run --scale $(SCALE) --seconds $(BENCH_SECONDS) --growth-scale $(GROWTH_SCALE)

messages: $(TEST_STAMP) ## Refresh the ar/fa/ur catalogues from the code and compile them (needs gettext)
	$(MANAGE) makemessages -l ar -l fa -l ur --no-obsolete --ignore=.venv --ignore=node_modules \
		--ignore=static --ignore=media --ignore=bench --ignore=tests
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules

load: $(TEST_STAMP) ## Load and fault test on gunicorn, with checks, then LOAD_LEARNERS=20 signed-in learners (LOAD_SECONDS=60, LOAD_ARGS=--kill-worker)
	$(BIN)/python -m bench.load --scale $(SCALE) --seconds $(LOAD_SECONDS) $(LOAD_ARGS)
	$(BIN)/python -m bench.load --scale $(SCALE) --seconds $(LOAD_SECONDS) $(LOAD_ARGS) \
		--visitors 0 --posters 0 --learners $(LOAD_LEARNERS)

clean: ## Remove the virtualenv, databases, static, media and test tools
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* static media node_modules test-results
	rm -rf bench/bench.sqlite3* bench/static bench/cache bench/growth-*.sqlite3* bench/cache-growth-*
