# The few targets people need. `make run` and `make test` set everything up themselves.

# The first Python >= 3.12 found: on PATH, then under pyenv. PYTHON=/path/to/python overrides.
PYTHON ?= $(shell for p in python3.13 python3.12 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$p"; break; }; done)
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# Development commands run with DEBUG on unless the environment says otherwise.
MANAGE := DEBUG=$${DEBUG:-true} $(PY) manage.py

.PHONY: run test setup lint format fixture roundtrip bench messages cluster restore-check lock clean

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# One test process per core (pytest-xdist); PARALLEL= runs them in this process.
PARALLEL ?= -n auto --dist worksteal
test: $(VENV)/.installed
	$(PY) -m pytest $(PARALLEL) $(PYTEST_ARGS)

# Migrate, and load the starter content when the database has no cases yet.
setup: $(VENV)/.installed
	$(MANAGE) migrate --no-input
	$(MANAGE) load_starter_content

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Write the database's content back to the shipped starter fixture.
fixture: $(VENV)/.installed
	$(MANAGE) export_fixture --output fixtures/starter.json

# Export everything, load it into an empty scratch database, export again: the two files
# must be identical. The scratch database is SQLite unless ROUNDTRIP_DATABASE_URL names one.
ROUNDTRIP_DATABASE_URL ?= sqlite:///$(CURDIR)/.roundtrip.sqlite3
roundtrip: $(VENV)/.installed
	rm -f .roundtrip.sqlite3
	$(MANAGE) export_fixture --output .roundtrip-1.json
	DATABASE_URL=$(ROUNDTRIP_DATABASE_URL) $(MANAGE) migrate --no-input -v0
	DATABASE_URL=$(ROUNDTRIP_DATABASE_URL) $(MANAGE) flush --no-input
	DATABASE_URL=$(ROUNDTRIP_DATABASE_URL) $(MANAGE) loaddata .roundtrip-1.json
	DATABASE_URL=$(ROUNDTRIP_DATABASE_URL) $(MANAGE) export_fixture --output .roundtrip-2.json
	cmp .roundtrip-1.json .roundtrip-2.json && echo "Round trip: the two exports are identical."
	rm -f .roundtrip.sqlite3 .roundtrip-1.json .roundtrip-2.json

# Every page type at 10,000 synthetic cases, over HTTP (gunicorn, production settings, wrk)
# and in process, on SQLite and, with DATABASE_URL, PostgreSQL; NAIVE_FACETS=/path/to/peer
# adds the naive-facets peer beside it. BENCH_CASES=100000 times browse, search and detail
# in process only; BENCH_DURATION sets the measured seconds per scenario. See bench/run.py.
bench: $(VENV)/.installed
	$(PY) bench/run.py

# Two gunicorn nodes behind HAProxy, with Redis and PostgreSQL, on 127.0.0.1 (deploy/).
cluster: $(VENV)/.installed
	$(PY) deploy/cluster.py $(CLUSTER_ARGS)

# Back up the PostgreSQL database named by DATABASE_URL with pg_dump, restore it into an
# empty database, and compare the fixture exports of the two byte for byte.
restore-check: $(VENV)/.installed
	deploy/restore-check

# Refresh the translation catalogues after changing interface strings.
messages: $(VENV)/.installed
	$(MANAGE) makemessages --locale fi --locale sv --no-obsolete --add-location file
	$(MANAGE) compilemessages --locale fi --locale sv

# Every package, transitive ones too, at the version and with the hashes that uv.lock records
# (exported by `make lock`): pip refuses anything unpinned or whose file does not match.
$(VENV)/.installed: requirements/test.txt
	@test -n "$(PYTHON)" || { echo "No Python >= 3.12 found. Install one, or name it: make $(MAKECMDGOALS) PYTHON=/path/to/python3.12" >&2; exit 1; }
	@"$(PYTHON)" -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { echo "$(PYTHON) is older than 3.12; Django 6 needs 3.12 or newer." >&2; exit 1; }
	test -x $(PY) || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/test.txt
	touch $@

# Resolve pyproject.toml's dependency groups into uv.lock (for every supported Python and
# platform) and export the hashed requirements/run.txt (production) and requirements/test.txt.
# Uses a pinned uv installed into a temporary venv, or UV=/path/to/uv. Keeps the locked
# versions that still fit; LOCK_ARGS=--upgrade moves every package to its newest release.
UV_VERSION ?= 0.13.9
UV_EXPORT = export --frozen --no-emit-project --format requirements-txt --quiet
lock:
	@test -n "$(UV)$(PYTHON)" || { echo "No Python >= 3.12 found to install uv with; name one (PYTHON=...) or uv (UV=...)." >&2; exit 1; }
	@set -e; uv="$(UV)"; \
	if [ -z "$$uv" ]; then \
		tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
		"$(PYTHON)" -m venv "$$tmp"; \
		"$$tmp/bin/pip" install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"; \
		uv="$$tmp/bin/uv"; \
	fi; \
	"$$uv" lock $(LOCK_ARGS); \
	"$$uv" $(UV_EXPORT) --only-group run -o requirements/run.txt; \
	"$$uv" $(UV_EXPORT) --only-group test -o requirements/test.txt; \
	echo "Locked: uv.lock, requirements/run.txt, requirements/test.txt."

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
