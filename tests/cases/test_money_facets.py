"""The money facets on /cases/: what funding pays for, and whether a case has a numeric target.

A case pays for X when at least one of its funding rows has purpose X (funding for the whole,
purpose "", pays for nothing in particular); it has a numeric target when at least one of its
indicators has a target value. Drafts never count. The facet index and the database must give
the same cases.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from cases.filters import CaseFilter
from cases.models import Case, Funding
from publishing.models import PublicationState
from tests.factories import make_case, make_funding, make_indicator, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

URL = reverse("cases:list")
PURPOSES = Funding.Purpose.values[1:]  # all but "", the whole


def build_content():
    """Cases with funding for one purpose, two, the whole only or none; with indicators
    with a target, without one, or both; a draft and an archived case with both."""
    cases = {}

    def case(name, purposes=(), targets=(), **fields):
        made = cases[name] = make_case(
            title_en=f"Money case {name}", slug=f"money-case-{name}", **fields
        )
        for purpose in purposes:
            make_funding(made, purpose=purpose)
        for target in targets:
            make_indicator(made, target_value=target)
        return made

    case("rail-se", ["rail"], country="SE")
    case("rail-twice-no", ["rail", "rail"], country="NO")
    case("roads-no", ["roads"], [None], country="NO")
    case("rail-roads-dk", ["rail", "roads"], [80], country="DK")
    case("whole-se", [""], [None, None], country="SE")
    case("housing-fi", ["housing", ""], [0], country="FI")
    case("cycling-se", ["walking_cycling", "public_transport"], [None, 40], country="SE")
    case("target-no", [], [120], country="NO")
    case("nothing-dk", country="DK")
    case("other-rail-se", ["other", "rail"], [15], country="SE")
    case("draft-se", ["rail", "roads"], [80], country="SE", state=PublicationState.DRAFT)
    case("archived-no", ["rail"], [80], country="NO", state=PublicationState.ARCHIVED)
    return cases


content = shared_content(build_content)


def listed(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response


def slugs(response):
    return {case.slug for case in response.context["paginator"].object_list}


def slugs_of(cases):
    return set(cases.values_list("slug", flat=True))


def facet(response, name):
    return next(f for f in response.context["facets"] if f.name == name)


def filterset(params):
    data = QueryDict(mutable=True)
    for name, values in params.items():
        data.setlist(name, values if isinstance(values, list) else [values])
    return CaseFilter(data)


def direct(params):
    """The published cases `params` should give, by plain ORM lookups (OR within a
    parameter, AND across)."""
    cases = Case.objects.published()
    for name, values in params.items():
        values = values if isinstance(values, list) else [values]
        if name == "pays_for":
            cases = cases.filter(funding__purpose__in=values)
        elif name == "target":
            assert values == ["yes"]
            cases = cases.filter(indicators__target_value__isnull=False)
        else:
            cases = cases.filter(**{f"{name}__in": values})
    return cases.distinct()


def test_pays_for_rail_finds_exactly_the_cases_with_a_rail_funding_row(client):
    found = slugs(listed(client, {"pays_for": "rail"}))
    assert found == {
        "money-case-rail-se",
        "money-case-rail-twice-no",
        "money-case-rail-roads-dk",
        "money-case-other-rail-se",
    }
    assert found == slugs_of(direct({"pays_for": "rail"}))


def test_target_yes_finds_exactly_the_cases_with_a_target_value(client):
    found = slugs(listed(client, {"target": "yes"}))
    # An indicator without a target value does not count; a target of 0 does.
    assert found == {
        "money-case-rail-roads-dk",
        "money-case-housing-fi",
        "money-case-cycling-se",
        "money-case-target-no",
        "money-case-other-rail-se",
    }
    assert found == slugs_of(direct({"target": "yes"}))


def test_two_purposes_give_the_cases_with_either(client):
    found = slugs(listed(client, {"pays_for": ["rail", "roads"]}))
    assert found == slugs_of(direct({"pays_for": ["rail"]})) | slugs_of(
        direct({"pays_for": ["roads"]})
    )
    assert "money-case-roads-no" in found
    assert listed(client, {"pays_for": ["rail", "roads"]}).context["paginator"].count == 5


@pytest.mark.parametrize(
    "params",
    [
        {"pays_for": "rail", "country": "SE"},
        {"pays_for": ["rail", "roads"], "country": "NO"},
        {"target": "yes", "country": ["SE", "DK"]},
        {"pays_for": "rail", "target": "yes"},
    ],
)
def test_a_money_facet_and_another_filter_give_the_intersection(client, params):
    found = slugs(listed(client, params))
    assert found == slugs_of(direct(params))
    first, *others = params.items()
    assert found == slugs_of(direct(dict([first]))) & slugs_of(direct(dict(others)))


def test_funding_for_the_whole_pays_for_nothing_in_particular(client):
    response = listed(client, {})
    whole = "money-case-whole-se"
    for purpose in PURPOSES:
        assert whole not in slugs(listed(client, {"pays_for": purpose}))
    assert "" not in {o.value for o in facet(response, "pays_for").options}


def test_drafts_and_archived_cases_never_count(client):
    for params in [{"pays_for": "rail"}, {"pays_for": "roads"}, {"target": "yes"}]:
        found = slugs(listed(client, params))
        assert not found & {"money-case-draft-se", "money-case-archived-no"}


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "SE"},
        {"pays_for": "rail"},
        {"pays_for": ["rail", "housing"], "country": ["SE", "FI"]},
        {"target": "yes"},
        {"target": "yes", "pays_for": "roads"},
    ],
)
def test_the_counts_shown_on_the_options_match_a_direct_count(client, params):
    response = listed(client, params)
    for name, values in [("pays_for", PURPOSES), ("target", ["yes"])]:
        others = {key: v for key, v in params.items() if key != name}
        shown = {o.value: o.count for o in facet(response, name).options}
        expected = {value: direct({**others, name: value}).count() for value in values}
        assert shown == expected, name


def test_the_options_keep_their_declared_order_and_labels(client):
    response = listed(client, {})
    assert [o.value for o in facet(response, "pays_for").options] == PURPOSES
    labels = dict(Funding.Purpose.choices)
    assert [o.label for o in facet(response, "pays_for").options] == [
        str(labels[value]) for value in PURPOSES
    ]
    # The page is in Finnish, the default language: the labels are its translations.
    with translation.override("fi"):
        assert [(o.value, str(o.label)) for o in facet(response, "target").options] == [
            ("yes", translation.gettext("Has a numeric target"))
        ]
        assert str(facet(response, "pays_for").label) == translation.gettext("Funding pays for")
        assert str(facet(response, "target").label) == translation.gettext("Numeric target")


def test_the_money_facets_come_after_the_level_and_before_the_status(client):
    names = [f.name for f in listed(client, {}).context["facets"]]
    assert names[names.index("level") :][:4] == ["level", "pays_for", "target", "status"]


@pytest.mark.parametrize(
    "params",
    [
        {"pays_for": "rail"},
        {"pays_for": ["rail", "roads"]},
        {"pays_for": ["rail", "roads"], "country": "NO"},
        {"pays_for": "walking_cycling"},
        {"pays_for": "other", "target": "yes"},
        {"target": "yes"},
        {"target": "yes", "country": ["SE", "FI"]},
        {"target": "yes", "pays_for": "roads", "country": "DK"},
    ],
)
def test_the_sql_selection_is_the_index_selection(params):
    selection = filterset(params)
    in_index = {case.pk for case in selection.qs}
    in_sql = list(selection.selected().values_list("pk", flat=True))
    assert len(in_sql) == len(set(in_sql)), "each case once"
    assert set(in_sql) == in_index
    assert in_index == set(direct(params).values_list("pk", flat=True))


def test_chips_and_the_description_name_the_money_facets(client):
    with translation.override("en"):
        response = client.get(
            reverse("cases:list"), {"pays_for": ["rail", "roads"], "target": "yes"}
        )
    assert response.status_code == 200
    chips = response.context["chips"]
    assert [label for label, _url in chips] == [
        "Funding pays for: Rail",
        "Funding pays for: Roads",
        "Numeric target: Has a numeric target",
    ]
    remaining = [sorted(parse_qsl(urlsplit(url).query)) for _label, url in chips]
    assert remaining == [
        [("pays_for", "roads"), ("target", "yes")],
        [("pays_for", "rail"), ("target", "yes")],
        [("pays_for", "rail"), ("pays_for", "roads")],
    ]
    selection = filterset({"pays_for": ["rail", "roads"], "target": "yes"})
    with translation.override("en"):
        assert selection.described() == [text for text, _url in chips]
    assert selection.query_string("target") == "?pays_for=rail&pays_for=roads"


def test_an_empty_result_suggests_dropping_a_money_facet(client):
    params = {"pays_for": "housing", "country": "SE"}
    assert not direct(params).exists()
    widen = {url: count for _label, count, url in listed(client, params).context["widen"]}
    assert widen == {
        "?country=SE": direct({"country": "SE"}).count(),
        "?pays_for=housing": direct({"pays_for": "housing"}).count(),
    }


@pytest.mark.parametrize(
    ("params", "kept"),
    [
        ({"pays_for": "spaceships"}, {}),
        ({"pays_for": ["spaceships", "rail"]}, {"pays_for": "rail"}),
        ({"target": "maybe"}, {}),
        ({"target": ["no", "yes"]}, {"target": "yes"}),
    ],
)
def test_an_unknown_value_is_reported_and_the_known_ones_apply(client, params, kept):
    with translation.override("en"):
        response = client.get(reverse("cases:list"), params)
    assert response.status_code == 200
    assert slugs(response) == slugs_of(direct(kept))
    name, values = next(iter(params.items()))
    unknown = next(v for v in (values if isinstance(values, list) else [values]))
    label = {"pays_for": "Funding pays for", "target": "Numeric target"}[name]
    assert (
        f"{label}: “{unknown}” is not a known value and was left out."
        in (response.context["problems"])
    )


def test_a_new_draft_with_rail_funding_and_a_target_changes_no_count(client):
    def counts():
        response = listed(client, {})
        return [
            (o.value, o.count)
            for name in ("pays_for", "target")
            for o in facet(response, name).options
        ]

    before = counts()
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    make_funding(draft, purpose="rail")
    make_indicator(draft)
    assert counts() == before


def test_a_new_rail_funding_row_adds_its_case(client):
    case = Case.objects.get(slug="money-case-nothing-dk")
    assert case.slug not in slugs(listed(client, {"pays_for": "rail"}))
    make_funding(case, purpose="rail")
    assert case.slug in slugs(listed(client, {"pays_for": "rail"}))
    make_indicator(case, target_value=None)
    assert case.slug not in slugs(listed(client, {"target": "yes"}))
    make_indicator(case, target_value=5)
    assert case.slug in slugs(listed(client, {"target": "yes"}))
