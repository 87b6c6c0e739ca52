"""Full-text search: the same answers on SQLite and PostgreSQL, kept in step with edits.

Searches of the real starter content are in tests/starter/test_search_starter.py.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse

from cases.models import Case
from networks.models import PublicationState
from tests.factories import insert_cases, make_case, make_goal, make_organisation

pytestmark = pytest.mark.django_db

URL = reverse("cases:list")


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def found(response):
    """The slugs of every result, in the order shown."""
    return [case.slug for case in response.context["paginator"].object_list]


@pytest.fixture
def light_rail():
    """Three light-rail cases, one with the word only in its summary, and a case without."""
    cases = insert_cases(
        [
            {"title": "Aarhus Kystbane", "country": "DK"},
            {"title": "Vejle Kystbane", "country": "DK", "summary": "Light rail for Vejle."},
            {"title": "Ring 3 light rail", "country": "DK", "summary": "A kystbane along Ring 3."},
            {"title": "Bus lanes in Kolding", "country": "DK"},
        ]
    )
    return [case.slug for case in cases[:3]]


@pytest.mark.parametrize(
    ("shouted", "query"), [("KYSTBANE", "kystbane"), ("KoalaPlan", "koalaplan")]
)
def test_search_ignores_letter_case(client, light_rail, shouted, query):
    make_case(title="The Koala Plan", original_name="Koalaplanen", country="DK")
    assert found(search(client, shouted)) == found(search(client, query)) != []


def test_a_nordic_original_name_is_found_by_its_folded_spelling(client):
    case = make_case(title="The zero-growth goal", original_name="Nullvekstmålet", country="NO")
    make_case(title="Another goal", original_name="Nullutslipp", country="NO")
    assert found(search(client, "nullvekstmalet")) == [case.slug]


def test_the_last_word_is_also_a_prefix(client):
    # Only the original name holds the word that "koalapla" begins; the other case has a
    # word that begins the same way but goes on differently. (A word the query shortened
    # by a few letters equals, such as "koala", is found too: searchquery.alternatives.)
    case = make_case(title="The Marsupial Plan", original_name="Koalaplanen", country="DK")
    make_case(title="A walk in Koalatown")
    assert found(search(client, "koalapla")) == [case.slug]


def test_a_prefix_of_the_only_word_finds_every_light_rail_case(client, light_rail):
    assert set(found(search(client, "kystba"))) == set(light_rail)


def test_a_title_with_nordic_letters_ranks_first_for_its_name(client):
    make_case(title="Metro to the airport", summary="It passes Ørestad on the way.")
    case = make_case(title="Ørestad development company", country="DK")
    make_case(title="Nordhavn", summary="Planned after the Ørestad model.")
    assert found(search(client, "ørestad"))[0] == case.slug


def test_a_search_without_matches_shows_the_empty_state(client, light_rail):
    response = search(client, "qwxzyvq")
    assert response.context["paginator"].count == 0
    assert 'class="empty"' in response.text


def test_the_empty_state_offers_to_remove_the_search(client, light_rail):
    response = search(client, "qwxzyvq")
    [(_label, count, url)] = response.context["widen"]
    assert count == Case.objects.published().count() > 0
    assert "q" not in parse_qs(urlsplit(url).query)


def test_the_empty_state_offers_to_remove_the_search_keeping_the_other_filters(client):
    make_case(country="SE"), make_case(country="SE"), make_case(country="NO")
    response = search(client, "qwxzyvq", country="SE")
    removals = {url: count for _label, count, url in response.context["widen"]}
    assert removals["?country=SE"] == Case.objects.published().filter(country="SE").count()
    assert 'href="?country=SE"' in response.text


def test_relevance_is_the_default_order_of_a_search(client):
    make_case(title="Bus lanes", summary="A cable car may come later.")
    make_case(title="Cable car agreement", summary="A cable car line.")
    make_case(title="Station towns", how_it_works="Homes near cable car stops.")
    response = search(client, "cable car")
    ranks = [case.rank for case in response.context["paginator"].object_list]
    assert response.context["sort"] == "relevance"
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) > 1


@pytest.fixture
def agreements():
    titles = ["Urban agreement C", "Urban agreement A", "Growth agreement B", "A plan"]
    insert_cases({"title": title, "summary": f"{title}, in brief."} for title in titles)


def test_a_search_sorted_by_title_is_in_title_order(client, agreements):
    shown = found(search(client, "agreement", sort="title"))
    # By the title in the page's language (Finnish), or the English one where it has none.
    in_finnish = Coalesce(NullIf(F("title_fi"), Value("")), F("title_en"))
    in_title_order = Case.objects.filter(slug__in=shown).order_by(in_finnish)
    assert shown == list(in_title_order.values_list("slug", flat=True))
    assert len(shown) == 3


def test_a_search_sorted_by_title_keeps_the_same_cases(client, agreements):
    assert sorted(found(search(client, "agreement", sort="title"))) == sorted(
        found(search(client, "agreement"))
    )


def test_a_changed_summary_is_found(client, light_rail):
    case = Case.objects.get(slug=light_rail[1])
    case.summary += " Quokkatransit keeps the trams on time."
    case.save()
    assert found(search(client, "quokkatransit")) == [case.slug]


def test_a_summary_edit_drops_the_old_words_from_search(client):
    case = make_case(
        title="Testby Koala Plan",
        original_name="Koalaplanen",
        summary="The koala plan guides growth along rail.",
        how_it_works="Five fingers of the koalaplan.",
    )
    assert found(search(client, "koalaplan")) == [case.slug]
    case.summary = "A plan."
    case.title = "Testby regional plan"
    case.original_name = ""
    case.how_it_works = ""
    case.save()
    assert case.slug not in found(search(client, "koalaplan"))


def test_a_renamed_party_finds_its_cases_by_the_new_name(client):
    party = make_organisation(name="Region Väst")
    cases = [make_case(parties=[party]), make_case(parties=[party])]
    make_case(parties=[make_organisation()])
    party.name = "Zyxwvu Regional Authority"
    party.save()
    assert set(found(search(client, "zyxwvu"))) == {case.slug for case in cases}


def test_a_removed_party_no_longer_finds_the_case(client):
    coast = make_organisation(name="Kystvakta", kind="state", level="state")
    case = make_case(parties=[coast, make_organisation()])
    assert found(search(client, "kystvakta")) == [case.slug]
    case.parties.remove(coast)
    assert found(search(client, "kystvakta")) == []


def test_a_deleted_party_no_longer_finds_the_case(client):
    coast = make_organisation(name="Kystvakta", kind="state", level="state")
    make_case(parties=[coast])
    assert found(search(client, "kystvakta")) != []
    coast.delete()
    assert found(search(client, "kystvakta")) == []


def test_a_new_climate_goal_finds_the_case_by_the_goal_name(client):
    case, _other = make_case(), make_case()
    case.goals.add(make_goal(name="Quokka-free commuting"))
    assert found(search(client, "quokka free commuting")) == [case.slug]


def test_a_renamed_climate_goal_finds_its_cases_by_the_new_name(client):
    goal = make_goal(name="Placeholder goal")
    case, _other = make_case(), make_case()
    case.goals.add(goal)
    goal.name = "Wombatwise travel"
    goal.save()
    assert found(search(client, "wombatwise")) == [case.slug]


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


def test_the_search_chip_removes_only_the_search(client, light_rail):
    response = search(client, "kystbane", country="DK")
    search_chip = next(url for label, url in response.context["chips"] if "kystbane" in label)
    assert parse_qs(urlsplit(search_chip).query) == {"country": ["DK"]}
