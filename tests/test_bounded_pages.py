"""Pages of a region, network or goal show a bounded number of cases and link to all."""

import pytest
from django.urls import reverse

from publishing.links import browse_url
from publishing.models import Linked, PublicationState
from tests.factories import bulk_cases, make_case, make_goal, make_network, make_region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["region", "network", "goal"])
def test_a_page_shows_at_most_the_bound_and_links_to_all(client, kind):
    record = {"region": make_region, "network": make_network, "goal": make_goal}[kind]()
    bulk_cases(Linked.CASES_SHOWN + 3, **{f"{kind}s": [record]})
    make_case(state=PublicationState.DRAFT, **{f"{kind}s": [record]})
    response = client.get(record.get_absolute_url())
    assert len(response.context["cases"]) == Linked.CASES_SHOWN
    assert response.context["case_total"] == Linked.CASES_SHOWN + 3
    assert browse_url(**{kind: record.slug}).replace("&", "&amp;") in response.text


def test_a_small_region_shows_all_its_cases(client):
    region = make_region()
    cases = [make_case(regions=[region]) for _ in range(3)]
    response = client.get(region.get_absolute_url())
    assert {c.pk for c in response.context["cases"]} == {c.pk for c in cases}


def test_the_link_to_all_gives_the_same_cases_in_browse(client):
    region = make_region()
    bulk_cases(Linked.CASES_SHOWN + 2, regions=[region])
    browse = client.get(browse_url(region=region.slug))
    assert browse.context["paginator"].count == Linked.CASES_SHOWN + 2


def test_the_region_list_counts_match_the_region_pages(client):
    bulk_cases(30)
    listed = client.get(reverse("networks:region-list")).context["regions"]
    assert len(listed) == 6
    for region in listed:
        assert client.get(region.get_absolute_url()).context["case_total"] == region.case_count
