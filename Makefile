# Talentloop — the recruiting loop as four services. `make run` starts them, `make test` tests them.
SHELL := /bin/bash
UV ?= $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
ROLE ?= hr_admin
SUB ?= dev-user

.PHONY: help install console run migrate test test-fast lint typecheck token bench demo docs clean \
	dlq-list dlq-show dlq-replay dlq-purge backup restore

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet --user uv || python3 -m pip install --quiet uv

.venv/.installed: $(UV) uv.lock pyproject.toml shared/pyproject.toml services/*/pyproject.toml
	$(UV) sync --frozen --all-packages
	@touch $@

install: .venv/.installed ## install everything (uv, Python 3.11 env, all packages from uv.lock)

# The HR console (console/): npm packages from its lock file, then a Vite build into dist/.
CONSOLE_SOURCES := $(shell find console/src console/public console/index.html console/vite.config.ts console/tsconfig.json -type f 2>/dev/null)

console/node_modules/.installed: console/package.json console/package-lock.json
	cd console && npm ci --no-audit --no-fund
	@touch $@

console/dist/index.html: console/node_modules/.installed $(CONSOLE_SOURCES)
	cd console && npm run build

console: console/dist/index.html ## build the HR console (npm ci from its lock file, then vite build)

run: install console ## create and migrate the four databases, start the four services and the console on :8000 (Ctrl-C stops)
	$(UV) run --frozen python -m talentloop_shared.devtools.suite run

migrate: install ## create missing databases and apply migrations
	$(UV) run --frozen python -m talentloop_shared.devtools.suite migrate

test: install console ## the whole suite against real PostgreSQL, RabbitMQ and SMTP, the console in Chromium
	$(UV) run --frozen pytest

test-fast: install ## unit tests only (no services needed)
	$(UV) run --frozen pytest -m "not e2e" shared/tests/unit services/*/tests/unit

lint: install ## ruff, and the layer contracts (import-linter, see docs/architecture.md)
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports

typecheck: install console/node_modules/.installed ## mypy on the shared library, the services and the benchmarks; tsc on the console
	$(UV) run --frozen mypy shared/src services/*/src bench
	cd console && npm run typecheck

token: install ## print a dev JWT: make token ROLE=recruiter [SUB=alice]
	@$(UV) run --frozen python -m talentloop_shared.auth $(ROLE) --sub $(SUB)

bench: install ## run the benchmark scripts (they print their figures)
	@for b in bench/*.py; do echo "== $$b"; $(UV) run --frozen python $$b || exit 1; done

demo: install ## play the brief's story against the running suite (start `make run` first)
	$(UV) run --frozen python -m talentloop_shared.devtools.demo

docs: install console/node_modules/.installed ## regenerate the event, authorization and OpenAPI docs and the console's typed client
	$(UV) run --frozen python docs/generate.py
	cd console && npm run gen:api

DLQ_ARGS = $(if $(SERVICE),--service $(SERVICE)) $(foreach i,$(ID),--id $(i)) $(if $(CANDIDATE),--candidate $(CANDIDATE))

dlq-list: install ## parked messages and why: make dlq-list [SERVICE=notify] [CANDIDATE=uuid]
	@$(UV) run --frozen talentloop dlq list $(DLQ_ARGS)

dlq-show: install ## a parked message in full: make dlq-show ID=event-id [SERVICE=notify]
	@$(UV) run --frozen talentloop dlq show $(DLQ_ARGS)

dlq-replay: install ## send parked messages back to their service: make dlq-replay ID=… | CANDIDATE=…
	@$(UV) run --frozen talentloop dlq replay $(DLQ_ARGS)

dlq-purge: install ## delete parked messages (erasure): make dlq-purge CANDIDATE=uuid | ID=…
	@$(UV) run --frozen talentloop dlq purge $(DLQ_ARGS)

backup: install ## pg_dump the four databases + broker definitions into backups/<date>/
	@$(UV) run --frozen talentloop backup --to $(or $(TO),backups)

restore: install ## restore the four databases (services stopped): make restore FROM=backups/<date>
	@test -n "$(FROM)" || { echo "make restore FROM=backups/<date>"; exit 2; }
	@$(UV) run --frozen talentloop restore --from $(FROM)

clean: ## remove local run state (logs, caught mail)
	rm -rf .run/logs .run/mail
