"""Small builders for test data; each fills what a valid row needs and takes overrides."""

import itertools

from django.utils import timezone

from cases.models import Case, ClimateGoal, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState

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
