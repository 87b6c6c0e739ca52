"""Full-text search on the starter content: the same answers on SQLite and PostgreSQL."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from cases.models import Case
from networks.models import Organisation, PublicationState
from tests.factories import make_case, make_goal

pytestmark = pytest.mark.django_db

URL = reverse("cases:list")
LIGHT_RAIL = {"dk-aarhus-letbane", "dk-odense-letbane", "dk-hovedstadens-letbane-ring3"}


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def found(response):
    """The slugs of every result, in the order shown."""
    return [case.slug for case in response.context["paginator"].object_list]


def test_letbane_finds_exactly_the_three_light_rail_cases(client):
    assert set(found(search(client, "letbane"))) == LIGHT_RAIL


def test_fingerplan_finds_the_finger_plan_first(client):
    assert found(search(client, "fingerplan"))[0] == "dk-fingerplanen"


def test_zero_growth_finds_the_zero_growth_goal_among_only_norwegian_cases(client):
    top = search(client, "zero growth").context["paginator"].object_list[:5]
    assert {case.country for case in top} == {"NO"}
    assert "no-nullvekstmalet" in {case.slug for case in top}


def test_byvekstavtale_finds_the_norwegian_urban_growth_agreements(client):
    agreements = Case.objects.published().filter(
        country="NO", title__icontains="urban growth agreement"
    )
    assert set(found(search(client, "byvekstavtale"))) == set(
        agreements.values_list("slug", flat=True)
    )


@pytest.mark.parametrize(
    "query", ["stadsmiljöavtal", "stadsmiljoavtal", "STADSMILJÖAVTAL", "Stadsmiljoavtal"]
)
def test_the_urban_environment_agreements_are_found_with_or_without_accents(client, query):
    assert found(search(client, query)) == ["se-stadsmiljoavtal"]


@pytest.mark.parametrize(
    ("shouted", "query"), [("LETBANE", "letbane"), ("FingerPlan", "fingerplan")]
)
def test_search_ignores_letter_case(client, shouted, query):
    assert found(search(client, shouted)) == found(search(client, query))


def test_a_nordic_original_name_is_found_by_its_folded_spelling(client):
    assert found(search(client, "nullvekstmalet")) == ["no-nullvekstmalet"]


def test_the_last_word_is_also_a_prefix(client):
    assert found(search(client, "fingerpla")) == ["dk-fingerplanen"]


def test_a_prefix_of_the_only_word_finds_every_light_rail_case(client):
    assert set(found(search(client, "letba"))) == LIGHT_RAIL


def test_a_title_with_nordic_letters_ranks_first_for_its_name(client):
    assert found(search(client, "ørestad"))[0] == "dk-orestad-orestadsselskabet"


def test_a_search_without_matches_shows_the_empty_state(client):
    response = search(client, "qwxzyvq")
    assert response.context["paginator"].count == 0
    assert 'class="empty"' in response.text


def test_the_empty_state_offers_to_remove_the_search(client):
    response = search(client, "qwxzyvq")
    [(_label, count, url)] = response.context["widen"]
    assert count == Case.objects.published().count()
    assert "q" not in parse_qs(urlsplit(url).query)


def test_the_empty_state_offers_to_remove_the_search_keeping_the_other_filters(client):
    response = search(client, "qwxzyvq", country="SE")
    removals = {url: count for _label, count, url in response.context["widen"]}
    assert removals["?country=SE"] == Case.objects.published().filter(country="SE").count()
    assert 'href="?country=SE"' in response.text


def test_relevance_is_the_default_order_of_a_search(client):
    response = search(client, "light rail")
    ranks = [case.rank for case in response.context["paginator"].object_list]
    assert response.context["sort"] == "relevance"
    assert ranks == sorted(ranks, reverse=True)


def test_a_search_sorted_by_title_is_in_title_order(client):
    shown = found(search(client, "agreement", sort="title"))
    in_title_order = Case.objects.filter(slug__in=shown).order_by("title")
    assert shown == list(in_title_order.values_list("slug", flat=True))


def test_a_search_sorted_by_title_keeps_the_same_cases(client):
    assert sorted(found(search(client, "agreement", sort="title"))) == sorted(
        found(search(client, "agreement"))
    )


def test_a_changed_summary_is_found(client):
    case = Case.objects.get(slug="dk-odense-letbane")
    case.summary += " Quokkatransit keeps the trams on time."
    case.save()
    assert found(search(client, "quokkatransit")) == ["dk-odense-letbane"]


def test_a_summary_edit_drops_the_old_words_from_search(client):
    case = Case.objects.get(slug="dk-fingerplanen")
    case.summary = "A plan."
    case.title = "Copenhagen regional plan"
    case.original_name = ""
    case.how_it_works = case.challenge = case.results = case.lessons_for_finland = ""
    case.climate_goals = case.status_note = case.instrument_detail = ""
    case.save()
    assert "dk-fingerplanen" not in found(search(client, "fingerplan"))


def test_a_renamed_party_finds_its_cases_by_the_new_name(client):
    party = Organisation.objects.filter(cases__slug="se-vastsvenska-paketet").first()
    party.name = "Zyxwvu Regional Authority"
    party.save()
    expected = party.cases.published().values_list("slug", flat=True)
    assert set(found(search(client, "zyxwvu"))) == set(expected)


def test_a_removed_party_no_longer_finds_the_case(client):
    case = Case.objects.get(slug="no-buskerudbyen")
    assert found(search(client, "kystverket")) == [case.slug]
    case.parties.remove(Organisation.objects.get(slug="kystverket"))
    assert found(search(client, "kystverket")) == []


def test_a_deleted_party_no_longer_finds_the_case(client):
    Organisation.objects.get(slug="kystverket").delete()
    assert found(search(client, "kystverket")) == []


def test_a_new_climate_goal_finds_the_case_by_the_goal_name(client):
    case = Case.objects.get(slug="no-buskerudbyen")
    case.goals.add(make_goal(name="Quokka-free commuting"))
    assert found(search(client, "quokka free commuting")) == ["no-buskerudbyen"]


def test_a_renamed_climate_goal_finds_its_cases_by_the_new_name(client):
    goal = make_goal(name="Placeholder goal")
    case = Case.objects.get(slug="se-rufs-2050")
    case.goals.add(goal)
    goal.name = "Wombatwise travel"
    goal.save()
    assert found(search(client, "wombatwise")) == ["se-rufs-2050"]


def test_a_draft_is_never_found(client):
    make_case(
        title="Draft quokkaline tramway",
        summary="Quokkaline is a secret.",
        state=PublicationState.DRAFT,
        published_at=None,
    )
    assert search(client, "quokkaline").context["paginator"].count == 0


def test_an_archived_case_is_not_among_the_search_results(client):
    make_case(title="Archived quokkaline study", state=PublicationState.ARCHIVED)
    assert search(client, "quokkaline").context["paginator"].count == 0


def test_the_search_chip_removes_only_the_search(client):
    response = search(client, "letbane", country="DK")
    search_chip = next(url for label, url in response.context["chips"] if "letbane" in label)
    assert parse_qs(urlsplit(search_chip).query) == {"country": ["DK"]}
