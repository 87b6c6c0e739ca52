"""Builders for test data; each fills what a valid row needs and takes overrides.

`make_*` build one row through the ORM, as the admin would: signals fire, history is
written. `insert_cases` and `bulk_cases` build many cases in a few queries whatever their
number; no signal fires, so they do themselves what the signals would (the search columns,
the content version). `shared_content` keeps what a builder makes for a whole module.

Translated fields are filled in English, the language of record (`title_en`, `name_en`,
…); an override may name the field (`title=…`, which writes the English text, as the
models do) or a column of any language (`title_en=…`, `title_fi=…`).
"""

import itertools
import sys
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from cases import search
from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Party,
    Source,
    TaggedCase,
    Theme,
)
from cases.synthetic.seeding import write_search_columns
from glossary.models import Term
from networks.models import CityRegion, Network, Organisation, PublicationState
from publishing.models import ContentVersion

_numbers = itertools.count(1)

LINKS = {"regions": "cityregion", "networks": "network", "parties": "organisation"}
LEVELS = [
    (Organisation.Level.MUNICIPAL, Organisation.Kind.MUNICIPALITY),
    (Organisation.Level.REGIONAL, Organisation.Kind.REGION),
    (Organisation.Level.STATE, Organisation.Kind.STATE),
    ("", Organisation.Kind.COMPANY),
]


def case_fields(**fields):
    n = next(_numbers)
    return {
        "title_en": f"Test case {n}",
        "slug": f"test-case-{n}",
        "country": "SE",
        "scale": Case.Scale.REGIONAL,
        "instrument": Case.Instrument.AGREEMENT,
        "summary_en": f"Summary of test case {n}.",
        "start_year": 2020,
        "state": PublicationState.PUBLISHED,
        "published_at": timezone.now(),
        **fields,
    }


def make_case(themes=("transport",), goals=(), regions=(), networks=(), parties=(), **fields):
    # As a fixture load does: the search columns once for the case, not once per link.
    with search.refreshed_once():
        case = Case.objects.create(**case_fields(**fields))
        # A new case has no links: setting an empty list would only cost queries.
        if themes:
            case.themes.set(Theme.objects.filter(slug__in=themes))
        for name, rows in [
            ("goals", goals),
            ("regions", regions),
            ("networks", networks),
            ("parties", parties),
        ]:
            if rows:
                getattr(case, name).set(rows)
    return case


def make_source(case, **fields):
    n = next(_numbers)
    fields = {"title": f"Report {n}", "url": f"https://example.org/reports/{n}", **fields}
    return Source.objects.create(case=case, **fields)


def make_key_figure(case, **fields):
    n = next(_numbers)
    fields = {
        "label_en": f"Figure {n}",
        "value_en": str(n),
        "unit_en": "km",
        "year": 2020,
        **fields,
    }
    return KeyFigure.objects.create(case=case, **fields)


def make_milestone(case, **fields):
    n = next(_numbers)
    return Milestone.objects.create(case=case, **{"year": 2020, "event_en": f"Step {n}", **fields})


def make_funding(case, **fields):
    """A state contribution of NOK 1 bn to public transport, from the case's sources."""
    fields = {
        "payer_kind": Party.STATE,
        "amount": 1_000_000_000,
        "currency": "NOK",
        "purpose": Funding.Purpose.PUBLIC_TRANSPORT,
        "from_case_sources": True,
        **fields,
    }
    return Funding.objects.create(case=case, **fields)


def make_commitment(case, **fields):
    n = next(_numbers)
    fields = {
        "party_kind": Party.MUNICIPAL,
        "kind": Commitment.Kind.DENSIFY_HUBS,
        "text_en": f"The municipalities build near stations ({n}).",
        "from_case_sources": True,
        **fields,
    }
    return Commitment.objects.create(case=case, **fields)


def make_indicator(case, measurements=(), **fields):
    """Car traffic, down from 100 in 2015 to 80 in 2030; `measurements` are (year, value)."""
    n = next(_numbers)
    fields = {
        "name_en": f"Car traffic {n}",
        "unit_en": "index",
        "direction": Indicator.Direction.DOWN,
        "baseline_value": 100,
        "baseline_year": 2015,
        "target_value": 80,
        "target_year": 2030,
        "from_case_sources": True,
        **fields,
    }
    indicator = Indicator.objects.create(case=case, **fields)
    for year, value in measurements:
        Measurement.objects.create(indicator=indicator, year=year, value=value)
    return indicator


def make_region(**fields):
    n = next(_numbers)
    fields = {"name_en": f"Region {n}", "slug": f"region-{n}", "country": "SE", **fields}
    return CityRegion.objects.create(**{"latitude": 59.0, "longitude": 18.0, **fields})


def make_network(**fields):
    n = next(_numbers)
    fields = {
        "name_en": f"Network {n}",
        "slug": f"network-{n}",
        "kind": Network.Kind.NORDIC,
        "summary_en": "A network.",
        "state": PublicationState.PUBLISHED,
        **fields,
    }
    return Network.objects.create(**fields)


def make_goal(**fields):
    n = next(_numbers)
    return ClimateGoal.objects.create(**{"name_en": f"Goal {n}", "slug": f"goal-{n}", **fields})


def make_term(cases=(), **fields):
    n = next(_numbers)
    fields = {
        "name_en": f"Term {n}",
        "slug": f"term-{n}",
        "language": "no",
        "country": "NO",
        "definition_en": f"What term {n} means.",
        "state": PublicationState.PUBLISHED,
        **fields,
    }
    term = Term.objects.create(**fields)
    if cases:
        term.cases.set(cases)
    return term


def make_organisation(**fields):
    n = next(_numbers)
    fields = {
        "name": f"Organisation {n}",
        "slug": f"organisation-{n}",
        "kind": Organisation.Kind.MUNICIPALITY,
        "level": Organisation.Level.MUNICIPAL,
        **fields,
    }
    return Organisation.objects.create(**fields)


def make_vocabulary(size):
    """`size` each of city regions, climate goals, published networks and parties (at every
    government level in turn, and companies), in four queries."""
    numbers = [next(_numbers) for _ in range(size)]
    regions = CityRegion.objects.bulk_create(
        CityRegion(
            name=f"Region {n}",
            slug=f"region-{n}",
            country=["SE", "NO", "DK", "FI"][i % 4],
            latitude=55.0 + i % 15,
            longitude=5.0 + i % 25,
        )
        for i, n in enumerate(numbers)
    )
    goals = ClimateGoal.objects.bulk_create(
        ClimateGoal(name=f"Goal {n}", slug=f"goal-{n}") for n in numbers
    )
    networks = Network.objects.bulk_create(
        Network(
            name=f"Network {n}",
            slug=f"network-{n}",
            kind=Network.Kind.NORDIC,
            summary="A network.",
            state=PublicationState.PUBLISHED,
        )
        for n in numbers
    )
    parties = Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
            level=LEVELS[i % 4][0],
            kind=LEVELS[i % 4][1],
        )
        for i, n in enumerate(numbers)
    )
    return {"regions": regions, "goals": goals, "networks": networks, "parties": parties}


def insert_cases(rows):
    """Cases from `rows`, in a few queries whatever their number.

    Each row is a dict of case fields (defaults as in make_case) and, optionally, "themes"
    (slugs; transport if not given), "goals", "regions", "networks" and "parties" (rows to
    link to), and "sources", "key_figures", "milestones", "funding", "commitments" and
    "indicators" (a dict of fields for each).
    """
    inlines = {
        "sources": Source,
        "key_figures": KeyFigure,
        "milestones": Milestone,
        "funding": Funding,
        "commitments": Commitment,
        "indicators": Indicator,
    }
    rows = [dict(row) for row in rows]
    extras = [
        {name: row.pop(name, ()) for name in ["goals", *LINKS, *inlines]}
        | {"themes": row.pop("themes", ("transport",))}
        for row in rows
    ]
    if not rows:
        return []
    cases = Case.objects.bulk_create(Case(**case_fields(**row)) for row in rows)
    themes = dict(Theme.objects.values_list("slug", "pk"))
    Case.themes.through.objects.bulk_create(
        Case.themes.through(case_id=case.pk, theme_id=themes[slug])
        for case, extra in zip(cases, extras, strict=True)
        for slug in extra["themes"]
    )
    for name, target in LINKS.items():
        through = getattr(Case, name).through
        through.objects.bulk_create(
            through(case_id=case.pk, **{f"{target}_id": pk_of(row)})
            for case, extra in zip(cases, extras, strict=True)
            for row in extra[name]
        )
    TaggedCase.objects.bulk_create(
        TaggedCase(content_object_id=case.pk, tag_id=pk_of(goal))
        for case, extra in zip(cases, extras, strict=True)
        for goal in extra["goals"]
    )
    defaults = {
        "sources": lambda case, k: {
            "title": f"Report {k}",
            "url": f"https://example.org/{case.slug}/{k}",
        },
        "key_figures": lambda case, k: {
            "label_en": f"Figure {k}",
            "value_en": str(k),
            "year": 2020,
        },
        "milestones": lambda case, k: {"year": 2020, "event_en": f"Step {k}"},
        "funding": lambda case, k: {
            "payer_kind": Party.STATE,
            "amount": 1_000_000_000 * k,
            "currency": "NOK",
            "purpose": Funding.Purpose.PUBLIC_TRANSPORT,
            "from_case_sources": True,
        },
        "commitments": lambda case, k: {
            "party_kind": Party.MUNICIPAL,
            "kind": Commitment.Kind.DENSIFY_HUBS,
            "text_en": f"Densify near stations ({k}).",
            "from_case_sources": True,
        },
        "indicators": lambda case, k: {
            "name_en": f"Car traffic {k}",
            "direction": Indicator.Direction.DOWN,
            "baseline_value": 100,
            "baseline_year": 2015,
            "target_value": 80,
            "target_year": 2030,
            "from_case_sources": True,
        },
    }
    for name, model in inlines.items():
        model.objects.bulk_create(
            model(case_id=case.pk, **(defaults[name](case, k) | fields))
            for case, extra in zip(cases, extras, strict=True)
            for k, fields in enumerate(extra[name], start=1)
        )
    write_search_columns([case.pk for case in cases])
    ContentVersion.bump()
    return cases


def pk_of(row):
    return getattr(row, "pk", row)


def bulk_cases(n, *, themes=None, regions=None, goals=None, networks=None, parties=None, **fields):
    """`n` published cases in a few queries whatever `n`, with something in every facet and
    in every section of their pages.

    Countries, instruments, statuses, start years and (one each) `themes` come in turn.
    Each case links to the first of `regions`, `goals`, `networks` and `parties`, as most
    cases of a city link to its big city region, and to one more of each in turn; those not
    given are made here, one of each for every five cases (at least two), so that the
    vocabulary grows with the content. Each case has a source, a key figure, a milestone, a
    funding row, a commitment and an indicator.
    `fields` apply to every case.
    """
    given = {"regions": regions, "goals": goals, "networks": networks, "parties": parties}
    made = make_vocabulary(max(2, n // 5)) if None in given.values() else {}
    given = {name: made[name] if rows is None else list(rows) for name, rows in given.items()}
    themes = list(themes or Theme.Slug.values)
    now = timezone.now()
    rows = []
    for i in range(n):
        number = next(_numbers)
        status = Case.Status.values[i % len(Case.Status.values)]
        rows.append(
            {
                "title_en": f"Bulk case {number}",
                "slug": f"bulk-case-{number}",
                "country": ["SE", "NO", "DK", "FI"][i % 4],
                "instrument": Case.Instrument.values[i % len(Case.Instrument.values)],
                "status": status,
                "is_ongoing": status in (Case.Status.PLANNED, Case.Status.ONGOING),
                "summary_en": "A bulk-made agreement.",
                "start_year": 1990 + i % 35,
                "published_at": now - timedelta(minutes=i),
                "themes": [themes[i % len(themes)]],
                **{name: in_turn(vocabulary, i) for name, vocabulary in given.items()},
                "sources": [{}],
                "key_figures": [{}],
                "milestones": [{}],
                "funding": [{}],
                "commitments": [{}],
                # Measuring the goal every case has: its page lists all their targets.
                "indicators": [{"goal_id": pk_of(given["goals"][0])} if given["goals"] else {}],
                **fields,
            }
        )
    return insert_cases(rows)


def in_turn(rows, i):
    """The first of `rows` and the `i`-th of the others, in turn."""
    if len(rows) < 2:
        return rows
    return [rows[0], rows[1 + i % (len(rows) - 1)]]


def shared_content(build, scope="module", params=None):
    """A fixture of what `build()` makes, made once for all the tests of a module (or of
    `scope`), in a transaction rolled back after the last of them. With `params`, one for
    each: `build(param)`, and the tests run for each in turn.

    Each test still runs in its own savepoint inside that transaction, so what a test
    changes is undone after it, and the next test finds the content as `build()` left it.
    Every test of the module sees the content, whether it asks for the fixture or not, so
    use it for the whole module (`pytest.mark.usefixtures`). Not for transactional tests
    (`transaction=True`, `live_server`): they cannot run inside a transaction.
    """

    @pytest.fixture(scope=scope, params=params)
    def content(request, django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                value = build() if params is None else build(request.param)
            except BaseException:
                atomic.__exit__(*sys.exc_info())
                raise
        try:
            yield value
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    return content
