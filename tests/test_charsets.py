"""Machine-read responses name their encoding, so no client has to guess it for å, ä or ö."""

import pytest
from django.urls import reverse

from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_the_json_export_says_it_is_utf8(client):
    make_case(title="Tvärförbindelse Södertörn – Åkersberga")
    response = client.get(reverse("cases:export-json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Tvärförbindelse Södertörn – Åkersberga" in response.getvalue().decode("utf-8")


def test_the_sitemap_says_it_is_utf8(client):
    response = client.get(reverse("sitemap"))
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response.getvalue().startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
