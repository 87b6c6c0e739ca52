import pytest
from django.urls import reverse

from networks.models import PublicationState
from tests.factories import make_case, make_goal, make_network, make_region
from tests.sitemaps import sitemap_locations

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
    region = make_region()
    make_case(regions=[region, draft.regions.get()])
    response = client.get(reverse("networks:region-list"))
    counts = {r.slug: r.case_count for r in response.context["regions"]}
    assert counts[draft.regions.get().slug] == 1


def test_a_region_or_goal_with_only_a_draft_case_is_hidden(client, draft):
    region, goal = draft.regions.get(), draft.goals.get()
    pages = [
        reverse("home"),
        reverse("cases:list"),
        reverse("cases:goal-list"),
        reverse("networks:region-list"),
    ]
    shown = [url for url in pages if region.name in client.get(url).text]
    shown += [url for url in pages if goal.name in client.get(url).text]
    assert shown == []
    sitemap = " ".join(sitemap_locations(client))
    assert region.get_absolute_url() not in sitemap and goal.get_absolute_url() not in sitemap
    assert client.get(region.get_absolute_url()).status_code == 404
    assert client.get(goal.get_absolute_url()).status_code == 404


def test_a_region_or_goal_is_shown_once_its_case_is_published(client, draft):
    draft.state = PublicationState.PUBLISHED
    draft.save()
    region, goal = draft.regions.get(), draft.goals.get()
    assert region.name in client.get(reverse("networks:region-list")).text
    assert goal.name in client.get(reverse("cases:goal-list")).text
    assert client.get(region.get_absolute_url()).status_code == 200
    assert client.get(goal.get_absolute_url()).status_code == 200


def test_a_selected_hidden_region_is_not_named_on_the_browse_page(client, draft):
    region = draft.regions.get()
    response = client.get(reverse("cases:list") + f"?region={region.slug}")
    assert region.name not in response.text


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
