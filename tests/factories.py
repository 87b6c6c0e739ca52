"""Small builders for test data; each fills what a valid row needs and takes overrides."""

import itertools

from django.utils import timezone

from cases.models import Case, ClimateGoal, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState
from publishing.models import ContentVersion

_numbers = itertools.count(1)


def make_case(themes=("transport",), goals=(), regions=(), networks=(), parties=(), **fields):
    n = next(_numbers)
    fields = {
        "title": f"Test case {n}",
        "slug": f"test-case-{n}",
        "country": "SE",
        "scale": Case.Scale.REGIONAL,
        "instrument": Case.Instrument.AGREEMENT,
        "summary": f"Summary of test case {n}.",
        "start_year": 2020,
        "state": PublicationState.PUBLISHED,
        "published_at": timezone.now(),
        **fields,
    }
    case = Case.objects.create(**fields)
    case.themes.set(Theme.objects.filter(slug__in=themes))
    case.goals.set(goals)
    case.regions.set(regions)
    case.networks.set(networks)
    case.parties.set(parties)
    return case


def make_region(**fields):
    n = next(_numbers)
    fields = {"name": f"Region {n}", "slug": f"region-{n}", "country": "SE", **fields}
    return CityRegion.objects.create(latitude=59.0, longitude=18.0, **fields)


def make_network(**fields):
    n = next(_numbers)
    fields = {
        "name": f"Network {n}",
        "slug": f"network-{n}",
        "kind": Network.Kind.NORDIC,
        "summary": "A network.",
        "state": PublicationState.PUBLISHED,
        **fields,
    }
    return Network.objects.create(**fields)


def make_goal(**fields):
    n = next(_numbers)
    return ClimateGoal.objects.create(**{"name": f"Goal {n}", "slug": f"goal-{n}", **fields})


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


def bulk_cases(n, **fields):
    """`n` published cases made in a few queries, with a theme, region and goal each."""
    from cases import search
    from cases.models import TaggedCase

    start = Case.objects.count()
    themes = list(Theme.objects.all())
    regions = list(CityRegion.objects.all()) or [make_region()]
    goals = list(ClimateGoal.objects.all()) or [make_goal()]
    cases = Case.objects.bulk_create(
        Case(
            **{
                "title": f"Bulk case {start + i}",
                "slug": f"bulk-case-{start + i}",
                "country": ["SE", "NO", "DK", "FI"][i % 4],
                "scale": Case.Scale.REGIONAL,
                "instrument": Case.Instrument.AGREEMENT,
                "summary": "A bulk-made agreement.",
                "start_year": 1990 + i % 35,
                "state": PublicationState.PUBLISHED,
                "published_at": timezone.now(),
                **fields,
            }
        )
        for i in range(n)
    )
    Case.themes.through.objects.bulk_create(
        Case.themes.through(case=case, theme=themes[i % len(themes)])
        for i, case in enumerate(cases)
    )
    Case.regions.through.objects.bulk_create(
        Case.regions.through(case=case, cityregion=regions[i % len(regions)])
        for i, case in enumerate(cases)
    )
    TaggedCase.objects.bulk_create(
        TaggedCase(content_object=case, tag=goals[i % len(goals)]) for i, case in enumerate(cases)
    )
    search.refresh(case.pk for case in cases)
    ContentVersion.bump()  # bulk writes send no signals
    return cases
