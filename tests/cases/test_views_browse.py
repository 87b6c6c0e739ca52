import pytest
from django.urls import reverse

from cases.models import Case
from publishing.models import PublicationState
from tests.factories import bulk_cases, insert_cases, make_organisation

pytestmark = pytest.mark.django_db

URL = reverse("cases:list")


def listed(client, query=""):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    return response


def slugs(response):
    return {case.slug for case in response.context["paginator"].object_list}


@pytest.fixture
def cases():
    """25 published cases of every country and theme, and a draft."""
    insert_cases([{"state": PublicationState.DRAFT, "published_at": None}])
    return bulk_cases(25)


def test_the_list_shows_every_published_case(client, cases):
    assert listed(client).context["paginator"].count == len(cases)


def test_country_filter_keeps_only_that_country(client, cases):
    response = listed(client, "country=DK")
    expected = Case.objects.published().filter(country="DK")
    assert slugs(response) == set(expected.values_list("slug", flat=True)) != set()


def test_two_countries_are_either_or(client, cases):
    response = listed(client, "country=DK&country=FI")
    expected = Case.objects.published().filter(country__in=["DK", "FI"]).count()
    assert response.context["paginator"].count == expected < len(cases)


def test_country_and_theme_must_both_hold(client, cases):
    response = listed(client, "country=SE&theme=services")
    expected = Case.objects.filter(country="SE", themes__slug="services")
    assert slugs(response) == set(expected.values_list("slug", flat=True)) != set()
    assert len(slugs(response)) < Case.objects.filter(country="SE").count()


@pytest.mark.parametrize(
    "query",
    [
        "country=XX",
        "country=",
        "theme=nonsense",
        "year_from=abc",
        "page=abc",
        "page=0",
        "page=-1",
        "page=999999",
        "q=" + "x" * 5000,
        "country=SE&country=%00",
        "sort=drop",
    ],
)
def test_malformed_parameters_give_a_normal_page(client, cases, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200


def test_an_unknown_country_is_reported_on_the_page(client, cases):
    response = listed(client, "country=XX&country=SE")
    assert any("XX" in str(problem) for problem in response.context["problems"])
    expected = Case.objects.published().filter(country="SE")
    assert slugs(response) == set(expected.values_list("slug", flat=True))


def test_a_page_past_the_end_shows_the_last_page_with_a_message(client, cases):
    response = listed(client, "page=999999")
    assert response.context["page_obj"].number == 2
    assert "999999" in response.text


def test_pagination_links_keep_the_filters(client):
    bulk_cases(21, themes=["transport"])
    bulk_cases(3, themes=["housing"])
    response = listed(client, "theme=transport")
    assert response.context["paginator"].num_pages == 2
    assert "?theme=transport&amp;page=2" in response.text


# The browse page's queries, whatever the number of cases:
# With the facet index current (see warm()): 1 the content version; 2 the search's
# matches and ranks; 3 the page of cases; 4 their themes. Counts, choices and the order
# come from the index.
BROWSE_QUERIES = 4
BUSY_QUERY = "q=agreement&country=SE&country=NO&theme=transport&level=state"


def warm(client):
    """Build the facet index of the content as it is now, as the first request would."""
    listed(client)


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_num_queries, cases):
    warm(client)
    with django_assert_num_queries(BROWSE_QUERIES):
        response = listed(client, BUSY_QUERY)
    assert response.context["paginator"].count > 0


def test_the_query_count_does_not_grow_with_the_cases(client, django_assert_num_queries):
    ministry = make_organisation(kind="state", level="state")
    row = {
        "country": "SE",
        "themes": ["transport", "housing"],
        "summary": "An agreement.",
        "parties": [ministry],
    }
    insert_cases([row] * 30)
    warm(client)
    with django_assert_num_queries(BROWSE_QUERIES):
        response = listed(client, BUSY_QUERY)
    assert response.context["paginator"].count == 30


@pytest.mark.parametrize("total", [10, 300])
def test_the_query_count_is_the_same_for_10_or_300_cases(client, django_assert_num_queries, total):
    bulk_cases(total, summary="A light-rail agreement in bulk.")
    assert Case.objects.published().count() == total
    warm(client)
    with django_assert_num_queries(BROWSE_QUERIES):
        response = listed(client, "q=light&country=DK&country=SE&theme=transport")
    assert response.context["paginator"].count > 0
