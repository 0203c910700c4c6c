# Learning-collaborative LMS. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.DEFAULT_GOAL := help
.PHONY: help run dev test lint format migrations bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: export DJANGO_SETTINGS_MODULE = config.settings.dev
run: $(STAMP) ## Install, migrate, load the demo once and serve it with gunicorn on HOST:PORT
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(BIN)/gunicorn config.wsgi --config config/gunicorn.conf.py

dev: export DJANGO_SETTINGS_MODULE = config.settings.dev
dev: $(STAMP) ## Django's runserver with auto-reload
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) runserver $(HOST):$(PORT)

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations: $(STAMP) ## Fail when a model change has no migration
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

# pytest exits 5 when it collects nothing; that is not a failure here, anything else is.
test: $(STAMP) lint migrations ## Lint, check migrations and run the whole test suite
	$(BIN)/pytest $(PYTEST_ARGS) || [ $$? -eq 5 ]

clean: ## Remove the virtualenv, database, static and media files
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* static media
