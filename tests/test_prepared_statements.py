"""On PostgreSQL the queries compiled once (publishing/prefetch.py) are bound on the server
and prepared once a connection has run them a few times (malnordic/settings.py)."""

import re
import runpy

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from publishing.models import ContentVersion
from tests.factories import make_case

POSTGRES = "postgres://malnordic@127.0.0.1:5432/malnordic"


def database_options(monkeypatch, **env):
    """The default database's OPTIONS as the settings make them from `env`."""
    monkeypatch.delenv("DATABASE_PREPARE_THRESHOLD", raising=False)
    for name, value in {"DEBUG": "true", **env}.items():
        monkeypatch.setenv(name, value)
    found = runpy.run_path(str(settings.BASE_DIR / "malnordic" / "settings.py"))
    return found["DATABASES"]["default"].get("OPTIONS", {})


def test_postgresql_prepares_a_query_run_five_times_unless_told_otherwise(monkeypatch):
    assert database_options(monkeypatch, DATABASE_URL=POSTGRES) == {"prepare_threshold": 5}
    assert (
        database_options(monkeypatch, DATABASE_URL=POSTGRES, DATABASE_PREPARE_THRESHOLD="2")[
            "prepare_threshold"
        ]
        == 2
    )
    # None prepared, as a pgbouncer in transaction mode needs (psycopg's 0 would prepare all).
    assert (
        database_options(monkeypatch, DATABASE_URL=POSTGRES, DATABASE_PREPARE_THRESHOLD="0") == {}
    )


def test_the_addresses_own_options_are_kept(monkeypatch):
    options = database_options(monkeypatch, DATABASE_URL=f"{POSTGRES}?sslmode=require")
    assert options["sslmode"] == "require" and options["prepare_threshold"] == 5


def test_sqlite_is_left_as_it_is(monkeypatch):
    assert database_options(monkeypatch, DATABASE_URL="sqlite:////tmp/x.sqlite3") == {}


def test_an_empty_database_address_still_loads_the_settings(monkeypatch):
    """As for collectstatic, which needs no database."""
    assert database_options(monkeypatch, DATABASE_URL="") == {}


def test_a_threshold_that_is_not_a_number_stops_the_start(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_PREPARE_THRESHOLD"):
        database_options(monkeypatch, DATABASE_URL=POSTGRES, DATABASE_PREPARE_THRESHOLD="many")


@pytest.mark.django_db
def test_a_case_page_read_again_runs_its_compiled_queries_prepared_on_postgresql(client):
    cases = [make_case(), make_case()]
    threshold = connection.settings_dict["OPTIONS"].get("prepare_threshold")
    for _ in range(threshold or 5):
        for case in cases:
            assert client.get(case.get_absolute_url()).status_code == 200
    if connection.vendor != "postgresql":
        assert threshold is None
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    # The case by its slug and its relations, each prepared once for every case.
    by_slug = re.compile(r'"cases_case"\."slug" = \$\d')
    assert sum(bool(by_slug.search(statement)) for statement in prepared) == 1
    for table in ["cases_source", "cases_milestone", "cases_climategoal", "cases_indicator"]:
        assert sum(f'FROM "{table}"' in statement for statement in prepared) == 1, table
    # The rest of Django's queries are bound in the client, as before.
    assert not any('FROM "django_session"' in statement for statement in prepared)


@pytest.mark.django_db
def test_the_compiled_queries_check_the_connections_health_first(client, monkeypatch):
    """With health checks on (settings.py), Django checks a kept connection before a
    request's first query and replaces it if the server has closed it; the queries bound
    on the server (the first of a page) go through the same check."""
    assert client.get(make_case().get_absolute_url()).status_code == 200  # a connection kept
    assert connection.health_check_enabled
    checked = []
    monkeypatch.setattr(connection, "is_usable", lambda: checked.append(True) or True)
    connection.health_check_done = False  # as at the start of a request
    assert ContentVersion.current()
    assert checked == [True]
