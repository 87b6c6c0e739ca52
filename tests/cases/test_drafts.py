import pytest
from django.urls import reverse

from networks.models import PublicationState
from tests.factories import make_case, make_goal, make_network, make_region

pytestmark = pytest.mark.django_db

SECRET = "Unpublished draft about tram depots"


@pytest.fixture
def draft():
    region, network, goal = make_region(), make_network(), make_goal()
    return make_case(
        title=SECRET,
        state=PublicationState.DRAFT,
        published_at=None,
        regions=[region],
        networks=[network],
        goals=[goal],
    )


def public_pages(draft):
    return [
        reverse("home"),
        reverse("cases:list"),
        reverse("cases:list") + "?country=SE&theme=transport",
        reverse("cases:goal-list"),
        reverse("networks:list"),
        reverse("networks:region-list"),
        draft.regions.get().get_absolute_url(),
        draft.networks.get().get_absolute_url(),
        draft.goals.get().get_absolute_url(),
    ]


def test_a_draft_is_on_no_public_page(client, draft):
    shown = [url for url in public_pages(draft) if SECRET in client.get(url).text]
    assert shown == []


def test_a_draft_is_not_counted(client, draft):
    response = client.get(reverse("networks:region-list"))
    region = next(r for r in response.context["regions"] if r.slug == draft.regions.get().slug)
    assert region.case_count == 0


def test_a_drafts_url_is_not_found(client, draft):
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_network_is_not_found(client):
    network = make_network(state=PublicationState.DRAFT)
    assert client.get(network.get_absolute_url()).status_code == 404


def test_an_archived_case_keeps_its_url_with_a_notice(client):
    case = make_case(state=PublicationState.ARCHIVED)
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    assert "arkistoitu" in response.text.lower()


def test_an_archived_case_leaves_the_browse_list(client):
    case = make_case(title="Archived tram study", state=PublicationState.ARCHIVED)
    assert case.title not in client.get(reverse("cases:list")).text
