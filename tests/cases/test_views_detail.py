import datetime

import pytest

from cases.facetindex import current_index
from tests.factories import (
    bulk_cases,
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_key_figure,
    make_milestone,
    make_network,
    make_organisation,
    make_region,
    make_source,
)

pytestmark = pytest.mark.django_db

CASE_QUERIES = 17


@pytest.fixture
def full_case():
    """A case with every field and section filled in."""
    case = make_case(
        original_name="Byvekstavtale for testbyen",
        instrument_detail="A ten-year agreement between the state and two municipalities.",
        challenge="Car traffic grows with the population.",
        how_it_works="The state pays half of the new tram lines.",
        climate_goals="Zero growth in car traffic.",
        results="Bus and tram trips doubled.",
        lessons_for_finland="Tie the money to the housing targets.",
        evidence_note="The traffic counts are not yet published.",
        last_verified=datetime.date(2026, 1, 15),
        end_year=2029,
        regions=[make_region()],
        networks=[make_network()],
        goals=[make_goal()],
        parties=[make_organisation(), make_organisation(level="state", kind="state")],
    )
    for _ in range(2):
        make_source(case)
        make_key_figure(case)
        make_milestone(case)
    return case


def test_the_case_page_shows_every_section(client, full_case):
    text = client.get(full_case.get_absolute_url()).text
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


def test_the_case_page_links_every_source(client, full_case):
    text = client.get(full_case.get_absolute_url()).text
    urls = full_case.sources.values_list("url", flat=True)
    assert urls
    for url in urls:
        assert f'href="{url}"' in text


def test_parties_are_grouped_by_government_level(client):
    case = make_case(
        parties=[
            make_organisation(name="Vägverket", level="state", kind="state"),
            make_organisation(name="Storby kommun"),
        ]
    )
    parties = dict(client.get(case.get_absolute_url()).context["parties"])
    assert [p.name for p in parties["Valtio"]] == ["Vägverket"]
    assert [p.name for p in parties["Kunta"]] == ["Storby kommun"]


def test_the_case_page_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    # 1 the case; 2-10 one each for themes, regions, networks, parties, sources,
    # key figures, milestones, goals and glossary terms; 11-14 its funding, commitments,
    # indicators and their measured values; 15 whom to ask; 16 the content version, for
    # the facet index that scores related cases; 17 the chosen related cases.
    case = make_case(regions=[make_region()], networks=[make_network()], goals=[make_goal()])
    make_funding(case)
    make_commitment(case)
    make_indicator(case, measurements=[(2020, 90)])
    bulk_cases(5)  # sharing its theme: related cases to show
    current_index()
    with django_assert_num_queries(CASE_QUERIES):
        response = client.get(case.get_absolute_url())
    assert response.context["related"]


def test_the_query_count_does_not_grow_with_related_rows(client, django_assert_num_queries):
    case = make_case(
        regions=[make_region() for _ in range(5)],
        networks=[make_network() for _ in range(5)],
        goals=[make_goal() for _ in range(5)],
        parties=[make_organisation() for _ in range(10)],
    )
    for _ in range(5):
        make_funding(case)
        make_commitment(case)
        make_indicator(case, measurements=[(2020, 90), (2024, 85)])
    bulk_cases(5, themes=["transport"])
    current_index()
    with django_assert_num_queries(CASE_QUERIES):
        response = client.get(case.get_absolute_url())
    assert len(response.context["related"]) == 4
