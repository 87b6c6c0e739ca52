"""The facet index against brute force: random content, random filter combinations."""

import random
from datetime import timedelta

import pytest
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import QueryDict
from django.utils import timezone

from cases.facetindex import FacetIndex, current_index
from cases.filters import CaseFilter
from cases.models import Case, Funding, Indicator
from cases.related import WEIGHTS, related_cases
from publishing.models import PublicationState
from tests.factories import (
    insert_cases,
    make_case,
    make_network,
    make_organisation,
    make_vocabulary,
    shared_content,
)

pytestmark = pytest.mark.django_db

FACETS = [
    "country",
    "theme",
    "instrument",
    "goal",
    "network",
    "region",
    "level",
    "pays_for",
    "target",
    "status",
]


SEED = 20261201


def build_content():
    """45 cases of random countries, instruments, statuses, years and links, funding rows
    for random purposes (the whole, "", too) and indicators with or without a target; a
    tenth drafts."""
    rng = random.Random(SEED)
    vocabulary = make_vocabulary(7)
    regions, goals = vocabulary["regions"][:6], vocabulary["goals"]
    networks = vocabulary["networks"][:4] + [make_network(state=PublicationState.DRAFT)]
    parties = [
        make_organisation(level=level)
        for level in ["municipal", "municipal", "regional", "state", ""]
    ]
    themes = ["land-use", "housing", "transport", "services", "business"]
    insert_cases(
        {
            "country": rng.choice(["SE", "NO", "DK", "FI"]),
            "instrument": rng.choice(Case.Instrument.values),
            "status": rng.choice(Case.Status.values),
            "start_year": rng.choice([None, 1995, 2005, 2010, 2015, 2020]),
            "state": PublicationState.DRAFT if rng.random() < 0.1 else PublicationState.PUBLISHED,
            # Apart, so that the newest-first order is decided by the time alone.
            "published_at": timezone.now() - timedelta(hours=rng.randrange(1000)),
            "themes": rng.sample(themes, rng.randint(1, 3)),
            "goals": rng.sample(goals, rng.randint(0, 3)),
            "regions": rng.sample(regions, rng.randint(0, 2)),
            "networks": rng.sample(networks, rng.randint(0, 2)),
            "parties": rng.sample(parties, rng.randint(0, 3)),
            "funding": [
                {"purpose": rng.choice(Funding.Purpose.values)} for _ in range(rng.randint(0, 3))
            ],
            "indicators": [
                {"target_value": rng.choice([None, None, 0, 80])} for _ in range(rng.randint(0, 2))
            ],
        }
        for _ in range(45)
    )


# Built once for the module: every test here only reads it (or undoes what it adds).
content = shared_content(build_content)


@pytest.fixture
def rng(content):
    """A generator of random filters, the same in every test whatever order they run in."""
    return random.Random(SEED + 1)


def attributes():
    """{pk: {facet: set of values}, plus 'year'} of every published case, read plainly."""
    found = {}
    for case in Case.objects.published().prefetch_related(
        "themes", "goals", "regions", "networks", "parties", "funding", "indicators"
    ):
        found[case.pk] = {
            "country": {case.country},
            "instrument": {case.instrument},
            "status": {case.status},
            "theme": {t.slug for t in case.themes.all()},
            "goal": {g.slug for g in case.goals.all()},
            "region": {r.slug for r in case.regions.all()},
            "network": {n.slug for n in case.networks.all() if n.state == "published"},
            "level": {p.level for p in case.parties.all() if p.level},
            "pays_for": {f.purpose for f in case.funding.all() if f.purpose},
            "target": {"yes"} if any(i.has_target for i in case.indicators.all()) else set(),
            "year": case.start_year,
        }
    return found


def admits(case, name, values):
    if name == "year_from":
        return case["year"] is not None and case["year"] >= values
    if name == "year_to":
        return case["year"] is not None and case["year"] <= values
    return bool(case[name] & set(values))


def random_query(rng, index):
    query = {}
    for name in rng.sample(FACETS, rng.randint(0, 4)):
        known = sorted(index.values[name])
        query[name] = rng.sample(known, min(len(known), rng.randint(1, 2)))
    if rng.random() < 0.3:
        query["year_from"] = rng.choice([2000, 2010])
    if rng.random() < 0.3:
        query["year_to"] = rng.choice([2012, 2020])
    return query


def querydict(query):
    data = QueryDict(mutable=True)
    for name, values in query.items():
        data.setlist(name, values if isinstance(values, list) else [str(values)])
    return data


def test_facet_counts_agree_with_a_brute_force_count(rng):
    cases = attributes()
    used = set()
    for _ in range(40):
        query = random_query(rng, current_index())
        used.update(query)
        filterset = CaseFilter(querydict(query))
        for facet in FACETS:
            others = {name: v for name, v in query.items() if name != facet}
            within = [c for c in cases.values() if all(admits(c, n, v) for n, v in others.items())]
            expected = {}
            for case in within:
                for value in case[facet]:
                    expected[value] = expected.get(value, 0) + 1
            assert filterset.facet_counts(facet) == expected, (query, facet)
    # Every facet was filtered by in some query, not only counted.
    assert used >= set(FACETS)


def test_the_selection_agrees_with_the_database_and_with_brute_force(rng):
    cases = attributes()
    for _ in range(40):
        query = random_query(rng, current_index())
        filterset = CaseFilter(querydict(query))
        expected = {
            pk for pk, c in cases.items() if all(admits(c, n, v) for n, v in query.items())
        }
        listed = {case.pk for case in filterset.qs}
        assert listed == expected, query
        assert set(filterset.selected().values_list("pk", flat=True)) == expected, query
        assert filterset.qs.count() == len(expected)


@pytest.mark.parametrize("sort", ["newest", "title", "start"])
def test_the_browse_order_is_the_databases_order(content, sort):
    # Newest and start break ties by the English title; the title order is by the title in
    # the active language (Finnish in tests), or the English one where it has none.
    in_finnish = Coalesce(NullIf(F("title_fi"), Value("")), F("title_en"))
    orders = {
        "newest": ["-published_at", "title_en", "slug"],
        "title": [in_finnish, "slug"],
        "start": ["-start_year", "title_en", "slug"],
    }
    filterset = CaseFilter(querydict({"sort": [sort]}))
    listed = [case.pk for case in filterset.qs]
    published = Case.objects.published()
    order = [
        F(o[1:]).desc(nulls_last=True) if isinstance(o, str) and o.startswith("-") else o
        for o in orders[sort]
    ]
    assert listed == list(published.order_by(*order).values_list("pk", flat=True))


def brute_force_score(cases, case, other):
    if other == case.pk:
        return 0
    mine, theirs = cases[case.pk], cases[other]
    total = WEIGHTS["instrument"] * (case.instrument in theirs["instrument"])
    for kind in ("goal", "region", "network", "theme"):
        total += WEIGHTS[kind] * len(mine[kind] & theirs[kind])
    return total


def test_related_cases_agree_with_scoring_every_case(content):
    cases = attributes()
    for case in Case.objects.published().for_detail()[:25]:
        scores = {pk: brute_force_score(cases, case, pk) for pk in cases}
        ranked = sorted((pk for pk in cases if scores[pk] > 0), key=lambda pk: (-scores[pk], pk))
        assert [c.pk for c in related_cases(case)] == ranked[:4]


def test_the_content_has_every_value_of_the_money_facets(content):
    """The premise of the brute-force tests: each purpose and "has a target" occur, and so
    do funding for the whole and indicators without a target, which must not count."""
    cases = attributes()
    assert set().union(*(c["pays_for"] for c in cases.values())) == set(Funding.Purpose.values[1:])
    assert any(c["target"] for c in cases.values())
    assert any(not c["target"] for c in cases.values())
    assert Funding.objects.filter(case__state="published", purpose="").exists()
    assert Indicator.objects.filter(case__state="published", target_value__isnull=True).exists()


def test_the_index_is_rebuilt_after_a_change(content):
    before = current_index()
    make_case()
    assert current_index() is not before
    assert current_index() is current_index()


def test_most_related_breaks_ties_by_the_lower_key():
    index = FacetIndex(
        "t",
        [
            (pk, "SE", "agreement", "ongoing", 2000, None, f"x-{pk}", "", "", "x")
            for pk in [3, 5, 9]
        ],
        {},
    )
    everyone = index.all
    assert index.most_related([(1, everyone)], exclude_pk=5, limit=1) == [3]
    assert index.most_related([(1, everyone), (2, 1 << 2)], exclude_pk=5, limit=2) == [9, 3]
