import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command

from cases.models import Case, ClimateGoal, KeyFigure, Milestone, Source, TaggedCase, Theme
from networks.models import CityRegion, Network, NetworkSource, Organisation

pytestmark = pytest.mark.django_db

CONTENT = [Case, Network, CityRegion, Organisation, ClimateGoal, Theme]


def export(*args):
    out = io.StringIO()
    call_command("export_fixture", *args, stdout=out)
    return out.getvalue()


def empty_database():
    for model in CONTENT:
        model.objects.all().delete()


def load(text, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    call_command("loaddata", path, verbosity=0)


def counts():
    models = [*CONTENT, Source, KeyFigure, Milestone, TaggedCase, NetworkSource]
    return {model.__name__: model.objects.count() for model in models}


def test_export_flush_load_export_gives_identical_bytes(tmp_path):
    first = export()
    empty_database()
    load(first, tmp_path)
    assert export() == first


def test_the_export_contains_nothing_private():
    models = {row["model"] for row in json.loads(export())}
    assert not {m for m in models if m.startswith(("auth.", "admin.", "sessions."))}
    assert not {m for m in models if ".historical" in m}


def test_loading_over_existing_content_updates_and_duplicates_nothing(tmp_path):
    before = counts()
    Case.objects.filter(slug="dk-fingerplanen").update(title="Changed locally")
    call_command("loaddata", settings.STARTER_FIXTURE, verbosity=0)
    assert counts() == before
    assert Case.objects.get(slug="dk-fingerplanen").title == "Copenhagen Finger Plan"


def test_a_selection_exports_only_its_cases_and_what_they_need(tmp_path):
    selection = export("--country", "DK", "--theme", "housing")
    empty_database()
    load(selection, tmp_path)
    assert set(Case.objects.values_list("country", flat=True)) == {"DK"}
    assert not Case.objects.exclude(themes__slug="housing").exists()
    assert Network.objects.filter(cases__isnull=True).count() == 0


def test_export_order_is_stable():
    assert export("--country", "NO") == export("--country", "NO")


def test_an_unknown_case_slug_is_an_error():
    with pytest.raises(Exception, match="No such case: nope"):
        export("--case", "nope")
