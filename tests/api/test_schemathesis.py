"""Requests generated from the schema, to every GET operation: never a server error."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as examples

from malnordic.wsgi import application
from tests.factories import bulk_cases

pytestmark = pytest.mark.django_db


def test_no_generated_request_gives_a_server_error(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]  # schemathesis requests localhost
    bulk_cases(12)
    schema = schemathesis.openapi.from_dict(
        json.loads(client.get("/api/v1/schema/?format=json").content)
    )
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 11
    answered = set()
    for operation in operations:

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
    assert 200 in answered and 404 in answered  # the requests reached the views
