"""Odd input on every public endpoint that takes the /cases/ parameters: never a 500."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import bulk_cases, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

# Cases in every country and theme, so that every endpoint has rows to show.
content = shared_content(lambda: bulk_cases(8))

PARAMETERS = [
    "q",
    "country",
    "theme",
    "instrument",
    "goal",
    "network",
    "region",
    "level",
    "status",
    "year_from",
    "year_to",
    "sort",
    "page",
    "case",
]
VALUES = ["\x00", "x" * 5000, "\udcff", "-1", "1e309", "' OR 1=1 --", "<script>alert(1)</script>"]
ENDPOINTS = [
    "cases:list",
    "cases:feed",
    "cases:export-csv",
    "cases:export-json",
    "cases:report",
    "cases:compare",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_odd_values_in_every_parameter_never_give_a_server_error(client, endpoint, value):
    encoded = quote(value, errors="surrogateescape")
    query = "&".join(f"{name}={encoded}&{name}=SE" for name in PARAMETERS)
    response = client.get(f"{reverse(endpoint)}?{query}")
    assert response.status_code < 500
    assert b"<script>alert(1)</script>" not in response.getvalue()
