"""The shipped starter content loads, round-trips byte for byte, and every page of it answers."""

import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from cases.models import Case, ClimateGoal, Source, Theme
from networks.models import CityRegion, Network, PublicationState

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

DETAIL_PAGES = [
    ("cases:detail", Case),
    ("cases:goal-detail", ClimateGoal),
    ("networks:detail", Network),
    ("networks:region-detail", CityRegion),
]


def test_the_starter_fixture_loads_into_an_empty_database():
    counts = {
        "cases": Case.objects.published().count(),
        "networks": Network.objects.published().count(),
        "regions": CityRegion.objects.count(),
        "goals": ClimateGoal.objects.count(),
        "themes": Theme.objects.count(),
    }
    assert counts == {"cases": 40, "networks": 20, "regions": 21, "goals": 17, "themes": 5}


def test_load_starter_content_fills_an_empty_database():
    assert Case.objects.filter(state=PublicationState.PUBLISHED).count() == 40


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


def test_exporting_the_loaded_starter_content_gives_the_fixtures_bytes_back(tmp_path):
    """Load, then export as `make fixture` does: the same file, byte for byte."""
    path = tmp_path / "starter.json"
    call_command("export_fixture", "--output", path)
    assert path.read_bytes() == settings.STARTER_FIXTURE.read_bytes()


@pytest.mark.parametrize(("name", "model"), DETAIL_PAGES)
def test_every_starter_detail_page_answers(client, name, model):
    slugs = model.objects.values_list("slug", flat=True)
    assert slugs
    statuses = {slug: client.get(reverse(name, args=[slug])).status_code for slug in slugs}
    assert set(statuses.values()) == {200}, statuses
