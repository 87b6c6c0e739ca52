"""A stored javascript:, data: or vbscript: address is never rendered as a link."""

import pytest
from django.urls import reverse

from cases.models import Source
from networks.models import NetworkSource
from tests.factories import make_case, make_network

pytestmark = pytest.mark.django_db

UNSAFE = ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x"]


def hrefs(html):
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_source_address_is_shown_as_text_on_case_pages(client, url):
    case = make_case()
    # Saved past validation, as an old row or a raw database write would be.
    Source.objects.bulk_create([Source(case=case, title="Hostile source", url=url)])
    for page in [case.get_absolute_url(), reverse("cases:report")]:
        response = client.get(page)
        assert "Hostile source" in response.text
        assert not [h for h in hrefs(response.text) if "script:" in h.lower() or "data:" in h]


@pytest.mark.parametrize("url", UNSAFE)
def test_an_unsafe_network_address_is_shown_as_text(client, url):
    network = make_network(website=url)
    NetworkSource.objects.bulk_create([NetworkSource(network=network, title="Hostile", url=url)])
    response = client.get(network.get_absolute_url())
    assert "Hostile" in response.text
    assert not [h for h in hrefs(response.text) if "script:" in h.lower() or "data:" in h]


def test_a_web_address_is_still_a_link(client):
    case = make_case()
    Source.objects.create(case=case, title="Real source", url="https://www.example.org/plan")
    assert "https://www.example.org/plan" in hrefs(client.get(case.get_absolute_url()).text)
