"""Related cases on a case page."""

import re

import pytest

from cases.models import Case
from cases.related import REASONS, related_cases
from networks.models import PublicationState
from tests.factories import bulk_cases, insert_cases, make_case, make_goal, make_region

pytestmark = pytest.mark.django_db


def related_on_page(client, case):
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    return response.context["related"]


def twin_of(case, **fields):
    """A new case linked to everything `case` links to."""
    return make_case(
        country=case.country,
        instrument=case.instrument,
        themes=case.themes.values_list("slug", flat=True),
        goals=list(case.goals.all()),
        regions=list(case.regions.all()),
        networks=list(case.networks.all()),
        **fields,
    )


def reasons(case):
    return {str(reason): names for reason, names in case.related_reasons}


@pytest.fixture
def case():
    """A case in a region and with goals that six other cases share too."""
    region, goals = make_region(), [make_goal(), make_goal()]
    bulk_cases(6, regions=[region], goals=goals)
    [case] = insert_cases([{"regions": [region], "goals": goals}])
    return case


def test_a_case_page_shows_at_most_four_related_cases(client, case):
    assert len(related_on_page(client, case)) == 4


def test_the_page_shows_one_card_per_related_case(client, case):
    text = client.get(case.get_absolute_url()).text
    related = re.search(r'<section class="related".*?</section>', text, re.S).group(0)
    assert related.count('<li class="card">') == 4


def test_no_case_is_related_to_itself_or_to_more_than_four():
    bulk_cases(12)
    results = {case.slug: related_cases(case) for case in Case.objects.published()}
    assert [slug for slug, related in results.items() if len(related) > 4] == []
    assert [slug for slug, related in results.items() if slug in {r.slug for r in related}] == []


def test_a_published_twin_is_the_most_related_case(client, case):
    twin = twin_of(case)
    assert related_on_page(client, case)[0] == twin


@pytest.mark.parametrize("state", [PublicationState.DRAFT, PublicationState.ARCHIVED])
def test_an_unpublished_twin_is_never_related(client, case, state):
    twin = twin_of(case, state=state, title="Hidden twin of Bergen")
    assert twin not in related_on_page(client, case)
    assert twin.title not in client.get(case.get_absolute_url()).text


def test_every_related_case_comes_with_its_reasons(client, case):
    related = related_on_page(client, case)
    assert related
    assert all(other.related_reasons for other in related)


def test_every_related_card_lists_its_reasons(client, case):
    text = client.get(case.get_absolute_url()).text
    cards = re.findall(r'<li class="card">.*?</li>', text, re.S)
    assert cards
    assert all("<dt>" in card and "<dd>" in card for card in cards)


def test_the_reasons_name_what_the_cases_share(client):
    region, goals = make_region(name="Quokka region"), [make_goal(), make_goal()]
    case = make_case(themes=["services"], regions=[region], goals=goals)
    other = make_case(themes=["business"], regions=[region], goals=goals)
    shown = next(r for r in related_on_page(client, case) if r == other)
    assert reasons(shown)[str(REASONS["region"])] == ["Quokka region"]
    assert reasons(shown)[str(REASONS["goal"])] == sorted(goal.name for goal in goals)


def test_a_shared_region_and_goals_rank_above_a_shared_theme_only():
    region, goals = make_region(), [make_goal(), make_goal()]
    # A rare instrument, so that the case sharing only a theme shares nothing else.
    case = make_case(
        themes=["services"],
        regions=[region],
        goals=goals,
        instrument=Case.Instrument.CLIMATE_CONTRACT,
    )
    close = make_case(themes=["business"], regions=[region], goals=goals)
    far = make_case(themes=["services"])
    ranking = related_cases(case, limit=Case.objects.count())
    assert ranking.index(close) < ranking.index(far)


def test_the_case_sharing_a_region_and_goals_is_on_the_page_first(client):
    region, goals = make_region(), [make_goal(), make_goal()]
    case = make_case(regions=[region], goals=goals)
    close = make_case(themes=["housing"], regions=[region], goals=goals, instrument="partnership")
    assert related_on_page(client, case)[0] == close


@pytest.mark.parametrize("others", [1, 3])
def test_fewer_related_cases_than_the_page_holds_are_each_shown_once(client, others):
    region = make_region()
    case = make_case(regions=[region], instrument=Case.Instrument.CLIMATE_CONTRACT)
    related = [make_case(regions=[region], themes=[]) for _ in range(others)]
    assert sorted(c.pk for c in related_on_page(client, case)) == [c.pk for c in related]


def test_more_related_cases_than_a_page_holds_can_be_asked_for(case):
    ranking = related_cases(case, limit=6)
    assert len({c.pk for c in ranking}) == 6
    assert all(c.title and c.related_reasons for c in ranking)
