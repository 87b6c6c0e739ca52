"""Facet counts, filter combinations, chips, paging and bad input on /cases/."""

import re
from collections import Counter
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone

from cases.models import CASE_COUNTRIES, Case, ClimateGoal, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState
from tests.factories import (
    insert_cases,
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

URL = reverse("cases:list")
THEMES = Theme.Slug.values
INSTRUMENTS = Case.Instrument.values
STATUSES = Case.Status.values


def build_content():
    """60 cases whose countries, themes, instruments, statuses, years, goals, regions,
    networks and parties overlap in many ways; some drafts and archived cases, a draft
    network, and no Finnish development company."""
    goal, other_goal, third_goal = (
        make_goal(name="Fewer car trips", slug="fewer-car-trips"),
        make_goal(name="Compact growth", slug="compact-growth"),
        make_goal(name="Cleaner buses", slug="cleaner-buses"),
    )
    north, south, east = (
        make_region(name="North Bay", slug="north-bay"),
        make_region(name="South Bay", slug="south-bay"),
        make_region(name="East Vale", slug="east-vale"),
    )
    city, rail = make_network(slug="city-network"), make_network(slug="rail-forum")
    quiet = make_network(slug="quiet-network", state=PublicationState.DRAFT)
    town, village = make_organisation(), make_organisation()
    county = make_organisation(level="regional", kind="region")
    ministry = make_organisation(level="state", kind="state")
    company = make_organisation(level="", kind="company")
    rows = []
    for i in range(60):
        country = CASE_COUNTRIES[i % 4].value
        instrument = INSTRUMENTS[i % len(INSTRUMENTS)]
        if country == "FI" and instrument == "development-company":
            instrument = "partnership"
        state = PublicationState.PUBLISHED
        if i % 10 == 9:
            state = PublicationState.DRAFT
        elif i % 13 == 12:
            state = PublicationState.ARCHIVED
        rows.append(
            {
                "title": f"Facet case {i:02d}",
                "summary": "A city agreement." if i % 2 else "A regional plan.",
                "country": country,
                "instrument": instrument,
                "status": STATUSES[(i // 2) % len(STATUSES)],
                "start_year": None if i % 11 == 0 else 1995 + (i * 7) % 30,
                "state": state,
                "published_at": timezone.now() - timedelta(hours=i),
                "themes": [THEMES[i % 5], *([THEMES[(i + 2) % 5]] if i % 3 == 0 else [])],
                "goals": [[goal], [goal, other_goal], [third_goal], []][(i + i // 4) % 4],
                "regions": [[north], [south, north], [east], []][(i // 3) % 4],
                "networks": [[city], [rail, quiet], [quiet], [], []][(i // 2) % 5],
                "parties": [
                    [town, ministry],
                    [county],
                    [village, company],
                    [ministry],
                    [],
                    [town],
                ][(i + i // 6) % 6],
            }
        )
    insert_cases(rows)


# Built once for the module: every test here only reads it (or undoes what it adds).
content = shared_content(build_content)

# Each facet parameter and the lookup a direct count filters it by.
LOOKUPS = {
    "country": "country",
    "theme": "themes__slug",
    "instrument": "instrument",
    "goal": "goals__slug",
    "network": "networks__slug",
    "region": "regions__slug",
    "level": "parties__level",
    "status": "status",
}


def values_of(facet):
    """Every value a facet can take, straight from the models."""
    return {
        "country": lambda: [c.value for c in CASE_COUNTRIES],
        "theme": lambda: Theme.Slug.values,
        "instrument": lambda: Case.Instrument.values,
        "goal": lambda: list(ClimateGoal.objects.values_list("slug", flat=True)),
        "network": lambda: list(Network.objects.published().values_list("slug", flat=True)),
        "region": lambda: list(CityRegion.objects.values_list("slug", flat=True)),
        "level": lambda: Organisation.Level.values,
        "status": lambda: Case.Status.values,
    }[facet]()


def published_with(params):
    """The published cases a query should give, counted straight from the ORM."""
    cases = Case.objects.published()
    for name, values in params.items():
        if name == "year_from":
            cases = cases.filter(start_year__gte=values[0])
        elif name == "year_to":
            cases = cases.filter(start_year__lte=values[0])
        else:
            cases = cases.filter(**{f"{LOOKUPS[name]}__in": values})
    return cases.distinct()


def listed(client, params=None):
    """The browse page for `params`: a dict (lists for repeated values) or a query string."""
    if isinstance(params, str):
        response = client.get(f"{URL}?{params}")
    else:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return response


def slugs(response):
    return {case.slug for case in response.context["paginator"].object_list}


def slugs_of(cases):
    return set(cases.values_list("slug", flat=True))


def facet(response, name):
    return next(f for f in response.context["facets"] if f.name == name)


def shown_counts(response, name):
    """{value: count} of the options shown, without the empty ones."""
    return {o.value: o.count for o in facet(response, name).options if o.count}


def expected_counts(name, params):
    """{value: count} for each value of a facet, with the other filters applied."""
    others = {key: values for key, values in params.items() if key != name}
    counts = {
        value: published_with({**others, name: [value]}).count() for value in values_of(name)
    }
    return {value: count for value, count in counts.items() if count}


def snapshot(response):
    return [(f.name, [(o.value, o.count) for o in f.options]) for f in response.context["facets"]]


def notes(response):
    """Every message the page gives about the request: problems and flash messages."""
    return [*response.context["problems"], *(str(m) for m in response.context["messages"])]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("country", {}),
        ("country", {"theme": ["transport"]}),
        ("country", {"country": ["SE"]}),
        ("theme", {"country": ["SE", "NO"]}),
        ("instrument", {"country": ["NO"], "theme": ["housing"]}),
        ("goal", {"country": ["SE"]}),
        ("goal", {"theme": ["business", "services"], "status": ["ongoing"]}),
        ("network", {"theme": ["business"]}),
        ("region", {"instrument": ["agreement", "statutory-plan"]}),
        ("level", {"country": ["DK"]}),
        ("level", {"level": ["state"], "theme": ["housing"]}),
        ("status", {"level": ["regional"]}),
        ("country", {"year_from": ["2010"], "year_to": ["2016"]}),
        ("theme", {"goal": ["fewer-car-trips"], "region": ["north-bay", "south-bay"]}),
    ],
)
def test_facet_counts_match_a_direct_count_with_the_other_filters(client, name, params):
    response = listed(client, params)
    assert shown_counts(response, name) == expected_counts(name, params)


def test_country_counts_with_transport_active_match_direct_counts(client):
    countries = {
        o.value: o.count for o in facet(listed(client, {"theme": "transport"}), "country").options
    }
    expected = {
        code: Case.objects.published().filter(themes__slug="transport", country=code).count()
        for code in countries
    }
    assert countries == expected


def test_a_facet_count_is_what_choosing_that_option_gives_with_a_search(client):
    response = listed(client, {"q": "agreement"})
    counts = {o.value: o.count for o in facet(response, "country").options}
    given = {
        code: listed(client, {"q": "agreement", "country": code}).context["paginator"].count
        for code in counts
    }
    assert counts == given


def test_two_values_of_one_facet_give_the_union(client):
    response = listed(client, {"country": ["SE", "NO"]})
    sweden = slugs_of(Case.objects.published().filter(country="SE"))
    norway = slugs_of(Case.objects.published().filter(country="NO"))
    assert slugs(response) == sweden | norway


def test_two_themes_give_every_case_with_either(client):
    response = listed(client, {"theme": ["services", "business"]})
    services = slugs_of(Case.objects.published().filter(themes__slug="services"))
    business = slugs_of(Case.objects.published().filter(themes__slug="business"))
    assert slugs(response) == services | business


def test_two_facets_give_the_intersection(client):
    response = listed(client, {"country": "NO", "theme": "business"})
    norway = slugs_of(Case.objects.published().filter(country="NO"))
    business = slugs_of(Case.objects.published().filter(themes__slug="business"))
    assert slugs(response) == norway & business


def test_the_total_is_the_number_of_distinct_cases(client):
    response = listed(client, {"theme": ["land-use", "housing", "transport"]})
    assert response.context["paginator"].count == len(slugs(response))


@pytest.mark.parametrize(
    "query", ["", "country=SE&theme=transport", "level=state&goal=fewer-car-trips"]
)
def test_a_draft_changes_no_count(client, query):
    before = snapshot(listed(client, query))
    make_case(
        state=PublicationState.DRAFT,
        published_at=None,
        country="SE",
        themes=["transport", "housing"],
        goals=[ClimateGoal.objects.get(slug="fewer-car-trips")],
        regions=[CityRegion.objects.get(slug="north-bay")],
        networks=[Network.objects.get(slug="city-network")],
        parties=[make_organisation(level="state", kind="state")],
    )
    assert snapshot(listed(client, query)) == before


def test_a_draft_is_not_in_the_total(client):
    make_case(state=PublicationState.DRAFT, published_at=None)
    assert listed(client).context["paginator"].count == Case.objects.published().count()


def test_an_unknown_theme_is_dropped_and_the_known_one_applies(client):
    response = listed(client, {"theme": ["nonsense", "services"]})
    assert slugs(response) == slugs_of(Case.objects.published().filter(themes__slug="services"))
    assert any("nonsense" in note for note in notes(response))


def test_an_unknown_region_is_dropped_and_the_known_ones_apply(client):
    response = listed(client, {"region": ["north-bay", "atlantis", "south-bay"]})
    assert slugs(response) == slugs_of(published_with({"region": ["north-bay", "south-bay"]}))
    assert any("atlantis" in note for note in notes(response))


def test_the_level_filter_keeps_cases_with_a_party_at_that_level(client):
    response = listed(client, {"level": "regional"})
    assert slugs(response) == slugs_of(Case.objects.published().filter(parties__level="regional"))


def test_a_new_state_party_adds_its_case_to_the_state_level(client):
    case = make_case(parties=[make_organisation(level="state", kind="state")])
    assert case.slug in slugs(listed(client, {"level": "state"}))


def test_the_status_filter_keeps_only_that_status(client):
    response = listed(client, {"status": ["completed", "discontinued"]})
    expected = Case.objects.published().filter(status__in=["completed", "discontinued"])
    assert slugs(response) == slugs_of(expected)


def test_the_year_range_keeps_cases_started_within_it(client):
    response = listed(client, {"year_from": "2010", "year_to": "2015"})
    expected = Case.objects.published().filter(start_year__gte=2010, start_year__lte=2015)
    assert slugs(response) == slugs_of(expected)


def test_a_year_range_combines_with_a_facet(client):
    response = listed(client, {"year_from": "2015", "country": "SE"})
    expected = Case.objects.published().filter(start_year__gte=2015, country="SE")
    assert slugs(response) == slugs_of(expected)


@pytest.mark.parametrize("query", ["year_from=abc", "year_from=1800", "year_to=99999"])
def test_an_invalid_year_is_reported_and_left_out(client, query):
    response = listed(client, query)
    assert response.context["problems"]
    assert response.context["paginator"].count == Case.objects.published().count()


def test_an_unknown_sort_is_reported_and_the_default_used(client):
    response = listed(client, {"sort": "drop"})
    assert response.context["problems"]
    assert response.context["sort"] == "newest"


@pytest.mark.parametrize("page", ["0", "-3"])
def test_a_page_below_one_answers_with_a_message(client, page):
    response = listed(client, {"page": page})
    assert [str(m) for m in response.context["messages"]]
    assert response.context["page_obj"].object_list


def pagination_queries(response):
    nav = re.search(r'<nav class="pagination".*?</nav>', response.text, re.S).group(0)
    return [
        parse_qsl(urlsplit(unescape(href)).query) for href in re.findall(r'href="([^"]*)"', nav)
    ]


def test_pagination_links_keep_the_filters_and_the_sort(client):
    response = listed(client, {"country": ["SE", "NO"], "sort": "title"})
    queries = pagination_queries(response)
    assert queries
    assert all(
        [(k, v) for k, v in query if k != "page"]
        == [("country", "SE"), ("country", "NO"), ("sort", "title")]
        for query in queries
    )


def test_the_second_page_keeps_the_filters(client):
    first = listed(client, {"country": ["SE", "NO"], "sort": "title"})
    second = listed(client, {"country": ["SE", "NO"], "sort": "title", "page": "2"})
    # By the title in the page's language (Finnish), or the English one where it has none.
    in_finnish = Coalesce(NullIf(F("title_fi"), Value("")), F("title_en"))
    expected = published_with({"country": ["SE", "NO"]}).order_by(in_finnish)
    shown = [c.slug for c in [*first.context["page_obj"], *second.context["page_obj"]]]
    assert shown == list(expected.values_list("slug", flat=True))


def test_the_sort_form_keeps_the_filters(client):
    response = listed(client, {"country": ["SE", "NO"], "theme": "housing", "page": "2"})
    form = re.search(r'<form[^>]*class="sort-form".*?</form>', response.text, re.S).group(0)
    hidden = re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form)
    assert sorted(hidden) == [("country", "NO"), ("country", "SE"), ("theme", "housing")]


def test_each_chip_drops_only_its_own_value(client):
    params = [
        ("q", "agreement"),
        ("country", "SE"),
        ("country", "NO"),
        ("theme", "transport"),
        ("year_from", "2005"),
        ("sort", "title"),
    ]
    chips = listed(client, urlencode(params)).context["chips"]
    dropped = [Counter(params) - Counter(parse_qsl(urlsplit(url).query)) for _label, url in chips]
    assert sorted(pair for d in dropped for pair in d) == sorted(params[:-1])
    assert all(sum(d.values()) == 1 for d in dropped)


def test_a_chip_adds_nothing_to_the_query(client):
    params = {"country": ["SE", "DK"], "level": "state", "sort": "title"}
    chips = listed(client, params).context["chips"]
    original = Counter(parse_qsl(urlencode(params, doseq=True)))
    assert all(not Counter(parse_qsl(urlsplit(url).query)) - original for _label, url in chips)


def test_there_is_no_finnish_development_company(client):
    """The premise of the empty-state tests below."""
    assert not published_with({"country": ["FI"], "instrument": ["development-company"]}).exists()


EMPTY = {"country": "FI", "instrument": "development-company"}


def test_the_empty_state_suggests_removing_each_filter_with_its_count(client):
    widen = listed(client, EMPTY).context["widen"]
    removals = {url: count for _label, count, url in widen}
    assert removals == {
        "?instrument=development-company": published_with(
            {"instrument": ["development-company"]}
        ).count(),
        "?country=FI": published_with({"country": ["FI"]}).count(),
    }


def test_the_empty_state_links_each_suggestion(client):
    response = listed(client, EMPTY)
    assert 'href="?instrument=development-company"' in response.text
    assert 'href="?country=FI"' in response.text


def test_the_result_count_is_announced_as_a_status(client):
    response = listed(client, {"country": "DK"})
    status = re.search(r'<[^>]*role="status"[^>]*>([^<]*)<', response.text).group(1)
    count = Case.objects.published().filter(country="DK").count()
    assert re.search(rf"\b{count}\b", status)


BAD_VALUES = [
    ("q", "x" * 5000),
    ("q", " ".join(f"word{n}" for n in range(40))),
    ("q", "x\x00y"),
    ("country", "XX"),
    ("country", ""),
    ("country", "se"),
    ("theme", "nonsense"),
    ("theme", "y" * 5000),
    ("instrument", "law"),
    ("goal", "no-such-goal"),
    ("network", "no-such-network"),
    ("region", "atlantis"),
    ("region", "\x00"),
    ("level", "federal"),
    ("pays_for", "spaceships"),
    ("pays_for", ""),
    ("target", "maybe"),
    ("target", "\x00"),
    ("status", "sleeping"),
    ("year_from", "abc"),
    ("year_from", "1800"),
    ("year_from", "NaN"),
    ("year_from", "9" * 5000),
    ("year_to", "99999"),
    ("year_to", "-1"),
    ("sort", "drop"),
    ("sort", "\x00"),
    ("page", "abc"),
    ("page", "0"),
    ("page", "-3"),
    ("page", "999999"),
    ("page", "9" * 5000),
]


@pytest.mark.parametrize("pair", BAD_VALUES, ids=lambda pair: f"{pair[0]}={pair[1][:12]!r}")
def test_an_invalid_value_gets_a_message_not_an_error(client, pair):
    response = client.get(URL, dict([pair]))
    assert response.status_code in (200, 400)
    assert notes(response)


def test_a_draft_network_is_not_a_known_filter_value(client):
    network = make_network(state=PublicationState.DRAFT)
    make_case(networks=[network])
    response = listed(client, {"network": network.slug})
    assert response.context["paginator"].count == Case.objects.published().count()
    assert any(network.slug in note for note in notes(response))


def test_the_notes_on_the_finnish_page_are_in_finnish(client):
    response = listed(client, {"country": "XX", "level": "federal"})
    assert not any("is not a known value" in note for note in notes(response))
