"""export_fixture and loaddata: what is exported loads back into the same bytes.

On a little of every kind of row; the shipped starter content is tested in tests/starter/.
"""

import io
import json

import pytest
from django.core.management import call_command

from cases.models import Case, ClimateGoal, KeyFigure, Milestone, Source, TaggedCase, Theme
from networks.models import CityRegion, Network, NetworkSource, Organisation, PublicationState
from tests.factories import (
    bulk_cases,
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_network,
    make_organisation,
    make_region,
    make_source,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

CONTENT = [Case, Network, CityRegion, Organisation, ClimateGoal, Theme]


def build_content():
    """Cases in every state with links and inline rows (funding, commitments and indicators
    among them), a network with sources, a draft network, and a region, party and goal that
    no case uses."""
    network = make_network(name="Housing network")
    NetworkSource.objects.create(network=network, title="About it", url="https://a.example/")
    make_network(state=PublicationState.DRAFT)
    cases = bulk_cases(8)
    state, goal = make_organisation(level="state", kind="state"), make_goal()
    case = make_case(
        country="DK",
        themes=["housing", "land-use"],
        networks=[network],
        regions=[make_region(name="Aalborg")],
        parties=[state],
        goals=[goal],
    )
    # Money, duties and targets that name their source, party and goal.
    source = make_source(case)
    make_funding(case, payer=state, source=source, from_case_sources=False, share="33.50")
    make_commitment(case, party=state, goal=goal, source=source, from_case_sources=False)
    indicator = make_indicator(case, goal=goal, target_value="-12.5", measurements=[(2021, 97)])
    indicator.measurements.update(source=source)
    make_case(country="NO", state=PublicationState.DRAFT, published_at=None)
    make_case(country="SE", state=PublicationState.ARCHIVED)
    for make in (make_region, make_organisation, make_goal):
        make()
    return cases


# Built once for the module; what a test changes (emptying the database) is undone after it.
content = shared_content(build_content)


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


def test_export_flush_load_export_gives_identical_bytes(content, tmp_path):
    first = export()
    empty_database()
    load(first, tmp_path)
    assert export() == first


def test_the_export_contains_nothing_private(content, superuser):
    models = {row["model"] for row in json.loads(export())}
    assert not {m for m in models if m.startswith(("auth.", "admin.", "sessions."))}
    assert not {m for m in models if ".historical" in m}


def test_loading_over_existing_content_updates_and_duplicates_nothing(content, tmp_path):
    case = content[0]
    text = export()
    before = counts()
    Case.objects.filter(pk=case.pk).update(title_en="Changed locally")
    load(text, tmp_path)
    assert counts() == before
    assert Case.objects.get(pk=case.pk).title_en == case.title_en


def test_a_selection_exports_only_its_cases_and_what_they_need(content, tmp_path):
    selection = export("--country", "DK", "--theme", "housing")
    expected = set(
        Case.objects.filter(country="DK", themes__slug="housing").values_list("slug", flat=True)
    )
    empty_database()
    load(selection, tmp_path)
    assert set(Case.objects.values_list("slug", flat=True)) == expected
    assert not Case.objects.exclude(themes__slug="housing").exists()
    assert Network.objects.filter(cases__isnull=True).count() == 0


def test_export_order_is_stable(content):
    assert export("--country", "NO") == export("--country", "NO")


def test_an_unknown_case_slug_is_an_error():
    with pytest.raises(Exception, match="No such case: nope"):
        export("--case", "nope")
