"""Requests generated from the schema, to every GET operation: never a server error."""

import json
from contextlib import contextmanager

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as examples

from malnordic.wsgi import application
from tests.factories import bulk_cases

pytestmark = pytest.mark.django_db


@contextmanager
def connections_kept():
    """The requests go to the WSGI application itself, which closes the database
    connection when a request finishes (in production, to recycle it); inside a test's
    transaction that would end the test's connection, as Django's test client knows (and
    it connects the closing again after each of its own requests)."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


def test_no_generated_request_gives_a_server_error(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]  # schemathesis requests localhost
    bulk_cases(12)
    schema = schemathesis.openapi.from_dict(
        json.loads(client.get("/api/v1/schema/?format=json").content)
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    answered = set()
    with connections_kept():
        for operation in operations:
            check_operation(operation, answered)
    assert 200 in answered and 404 in answered  # the requests reached the views


def check_operation(operation, answered):
    """Up to 25 generated requests to `operation`, none of them answered with a 5xx."""

    @examples(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        response = case.call(app=application)
        assert response.status_code < 500, (case.path, case.query, response.text[:300])
        answered.add(response.status_code)

    check()
