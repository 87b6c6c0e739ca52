import pytest

from cases.facetindex import current_index
from cases.models import Case
from tests.factories import make_case, make_goal, make_network, make_organisation, make_region

pytestmark = pytest.mark.django_db

CASE_QUERIES = 11


def test_the_case_page_shows_every_section(client):
    case = Case.objects.get(slug="no-byvekstavtale-oslo")
    text = client.get(case.get_absolute_url()).text
    for heading in [
        "Haaste",
        "Miten se toimii",
        "Tulokset",
        "Opit Suomelle",
        "Lähteet",
        "Keskeiset luvut",
        "Vaiheet",
        "Osapuolet",
        "Näytön taso",
        "Viimeksi tarkistettu",
    ]:
        assert heading in text, heading


def test_the_case_page_links_every_source(client):
    case = Case.objects.get(slug="dk-fingerplanen")
    text = client.get(case.get_absolute_url()).text
    for url in case.sources.values_list("url", flat=True):
        assert f'href="{url}"' in text


def test_parties_are_grouped_by_government_level(client):
    case = make_case(
        parties=[
            make_organisation(name="Trafikverket", level="state", kind="state"),
            make_organisation(name="Lunds kommun"),
        ]
    )
    parties = dict(client.get(case.get_absolute_url()).context["parties"])
    assert [p.name for p in parties["Valtio"]] == ["Trafikverket"]
    assert [p.name for p in parties["Kunta"]] == ["Lunds kommun"]


def test_the_case_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # 1 the case; 2-9 one each for themes, regions, networks, parties, sources,
    # key figures, milestones and goals; 10 the content version, for the facet index that
    # scores related cases; 11 the chosen related cases.
    case = make_case(regions=[make_region()], networks=[make_network()], goals=[make_goal()])
    current_index()
    with django_assert_num_queries(CASE_QUERIES):
        client.get(case.get_absolute_url())


def test_the_query_count_does_not_grow_with_related_rows(client, django_assert_num_queries):
    case = make_case(
        regions=[make_region() for _ in range(5)],
        networks=[make_network() for _ in range(5)],
        goals=[make_goal() for _ in range(5)],
        parties=[make_organisation() for _ in range(10)],
    )
    current_index()
    with django_assert_num_queries(CASE_QUERIES):
        client.get(case.get_absolute_url())
