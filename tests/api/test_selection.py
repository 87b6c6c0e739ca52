"""The case list selects and orders exactly as the browse page does, and only published
content appears anywhere in the API."""

import pytest
from django.urls import reverse

from cases.models import Case
from networks.models import PublicationState
from tests.factories import (
    insert_cases,
    make_case,
    make_goal,
    make_network,
    make_region,
    make_term,
)

pytestmark = pytest.mark.django_db


def api_slugs(client, query):
    response = client.get(f"/api/v1/cases/{query}")
    assert response.status_code == 200, response.content
    return [case["slug"] for case in response.json()["results"]], response.json()


def browse_slugs(client, query):
    response = client.get(f"{reverse('cases:list')}{query}")
    assert response.status_code == 200
    return [case.slug for case in response.context["page_obj"].object_list]


@pytest.fixture
def mixed():
    """45 cases across countries and themes, starting in different years; some share a
    search word. Made in a few queries, with their search columns written."""
    return insert_cases(
        {
            "title_en": f"Quillbrook corridor {n}" if n % 3 == 0 else f"Harrowmere plan {n}",
            "country": ["NO", "SE", "DK", "FI"][n % 4],
            "themes": ("transport",) if n % 2 else ("housing", "transport"),
            "start_year": 1995 + n % 20,
        }
        for n in range(45)
    )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?country=NO&theme=transport",
        "?country=NO&country=SE&theme=transport",
        "?theme=transport&page=2",
        "?q=quillbrook",
        "?q=quillbrook&sort=title",
        "?country=SE&sort=start",
        "?page=3",
        "?country=XX&theme=transport",
    ],
)
def test_the_case_list_gives_the_browse_pages_cases_in_its_order(client, mixed, query):
    found, payload = api_slugs(client, query)
    assert found == browse_slugs(client, query)
    assert found, "the query selects some cases"


def test_pages_have_the_browse_pages_size_and_absolute_links(client, mixed):
    payload = client.get("/api/v1/cases/?theme=transport&page=2").json()
    assert payload["count"] == 45
    assert len(payload["results"]) == 20
    assert payload["next"].startswith("http://testserver/api/v1/cases/?")
    assert "page=3" in payload["next"] and "theme=transport" in payload["next"]
    assert payload["previous"].startswith("http://testserver/api/v1/cases/?")
    assert client.get(payload["next"]).json()["results"]


def test_an_unknown_filter_value_is_explained_in_the_notes(client, mixed):
    payload = client.get("/api/v1/cases/?country=XX&country=NO").json()
    assert payload["count"] == 12
    assert len(payload["notes"]) == 1
    assert "XX" in payload["notes"][0]
    assert client.get("/api/v1/cases/?country=NO").json()["notes"] == []


@pytest.fixture
def hidden():
    """A published case linking to a draft network and a draft term, beside a draft and an
    archived case, each with a region and goal of its own."""
    draft_network = make_network(name="Veilmoor draft network", state=PublicationState.DRAFT)
    network = make_network(name="Open Brackwater network")
    shown = make_case(title="Brackwater shown", networks=[draft_network, network])
    draft_term = make_term(name="Veilmoor draft term", cases=[shown], state="draft")
    term = make_term(name="Open Brackwater term", cases=[shown])
    hidden_cases = []
    for state in (PublicationState.DRAFT, PublicationState.ARCHIVED):
        hidden_cases.append(
            make_case(
                title=f"Veilmoor {state} brackwater",
                state=state,
                regions=[make_region(name=f"Veilmoor {state} region")],
                goals=[make_goal(name=f"Veilmoor {state} goal")],
            )
        )
    return {
        "shown": shown,
        "network": network,
        "term": term,
        "draft_network": draft_network,
        "draft_term": draft_term,
        "cases": hidden_cases,
    }


LISTS = [
    "/api/v1/cases/",
    "/api/v1/cases/?q=brackwater",
    "/api/v1/cases/?q=veilmoor",
    "/api/v1/networks/",
    "/api/v1/regions/",
    "/api/v1/goals/",
    "/api/v1/glossary/",
    "/api/v1/themes/",
]


def test_unpublished_content_appears_in_no_list_search_or_link(client, hidden):
    shown = hidden["shown"]
    texts = [client.get(url).content.decode() for url in LISTS]
    texts.append(client.get(f"/api/v1/cases/{shown.slug}/").content.decode())
    texts.append(client.get(f"/api/v1/glossary/{hidden['term'].slug}/").content.decode())
    everything = "\n".join(texts)
    assert "Veilmoor" not in everything
    for row in [*hidden["cases"], hidden["draft_network"], hidden["draft_term"]]:
        assert f"/{row.slug}/" not in everything
    # What is published is there, so the check above looked at full payloads.
    assert shown.slug in everything and hidden["network"].slug in everything
    assert hidden["term"].slug in everything


def test_unpublished_records_have_no_detail(client, hidden):
    urls = [f"/api/v1/cases/{case.slug}/" for case in hidden["cases"]]
    urls += [
        f"/api/v1/networks/{hidden['draft_network'].slug}/",
        f"/api/v1/glossary/{hidden['draft_term'].slug}/",
    ]
    for case in hidden["cases"]:
        urls.append(f"/api/v1/regions/{case.regions.get().slug}/")
        urls.append(f"/api/v1/goals/{case.goals.get().slug}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"]


def test_a_case_links_only_its_published_network_and_term(client, hidden):
    payload = client.get(f"/api/v1/cases/{hidden['shown'].slug}/").json()
    assert [n["slug"] for n in payload["networks"]] == [hidden["network"].slug]
    assert [t["slug"] for t in payload["terms"]] == [hidden["term"].slug]


def test_a_published_case_shows_when_published_and_goes_when_archived(client, hidden):
    shown = hidden["shown"]
    assert client.get(f"/api/v1/cases/{shown.slug}/").status_code == 200
    Case.objects.filter(pk=shown.pk).update(state=PublicationState.ARCHIVED)
    assert client.get(f"/api/v1/cases/{shown.slug}/").status_code == 404
