"""Linked data on the shipped starter content: every case page's JSON-LD and the
catalogue."""

import pytest

from cases.models import Case
from publishing import licence
from tests.test_linked_data import get_catalogue, json_ld_of, the_dataset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]


def test_every_starter_case_page_carries_json_ld_that_names_its_licence(client):
    cases = list(Case.objects.public())
    assert cases
    for case in cases:
        data = json_ld_of(client.get(case.get_absolute_url()))
        assert data["license"] == licence.URL, case.slug
        assert data["@type"] == "CreativeWork", case.slug
        assert {value["@language"] for value in data["name"]} >= {"en"}, case.slug
        assert data["url"].endswith(case.get_absolute_url()), case.slug


def test_the_starter_catalogue_lists_four_distributions(client):
    catalog = get_catalogue(client)
    distributions = the_dataset(catalog)["dcat:distribution"]
    assert len(distributions) == 4
    assert all(item["dct:license"] == {"@id": licence.URL} for item in distributions)
    latest = max(case.updated_at for case in Case.objects.published())
    assert catalog["dct:modified"]["@value"] == latest.isoformat()
