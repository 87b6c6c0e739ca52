import json

import pytest
from django.conf import settings
from django.core.management import call_command

from cases.models import Case, ClimateGoal, Source, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_database():
    for model in (Case, Network, CityRegion, Organisation, ClimateGoal, Theme):
        model.objects.all().delete()


def test_the_starter_fixture_loads_into_an_empty_database(empty_database):
    call_command("loaddata", settings.STARTER_FIXTURE, verbosity=0)
    counts = {
        "cases": Case.objects.published().count(),
        "networks": Network.objects.published().count(),
        "regions": CityRegion.objects.count(),
        "goals": ClimateGoal.objects.count(),
        "themes": Theme.objects.count(),
    }
    assert counts == {"cases": 40, "networks": 20, "regions": 21, "goals": 17, "themes": 5}


def test_every_starter_source_url_is_kept():
    """The fixture's own source rows all made it into the database."""
    with open(settings.STARTER_FIXTURE, encoding="utf-8") as f:
        rows = json.load(f)
    urls = {row["fields"]["url"] for row in rows if row["model"] == "cases.source"}
    assert len(urls) > 100
    assert urls == set(Source.objects.values_list("url", flat=True))


def test_every_starter_case_has_sources_themes_and_an_evidence_level():
    cases = Case.objects.prefetch_related("sources", "themes")
    incomplete = [c.slug for c in cases if not (c.sources.all() and c.themes.all())]
    assert incomplete == []


def test_load_starter_content_leaves_a_database_with_cases_alone():
    Case.objects.filter(slug="dk-fingerplanen").update(title="Edited by a curator")
    call_command("load_starter_content", verbosity=0)
    assert Case.objects.get(slug="dk-fingerplanen").title == "Edited by a curator"


def test_load_starter_content_fills_an_empty_database(empty_database):
    call_command("load_starter_content", verbosity=0)
    assert Case.objects.filter(state=PublicationState.PUBLISHED).count() == 40
