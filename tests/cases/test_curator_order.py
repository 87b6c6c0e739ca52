"""Key figures, milestones, funding rows and indicators keep the order a curator gives
them, through every export."""

import io

import pytest
from django.core.management import call_command

from cases.fixture import write_fixture
from cases.models import Case
from tests.admin.helpers import change_form_data
from tests.factories import (
    make_case,
    make_funding,
    make_indicator,
    make_key_figure,
    make_milestone,
)

pytestmark = pytest.mark.django_db


def build():
    case = make_case(slug="ordered-case")
    # Against the alphabet and the calendar, as a curator may want them.
    make_key_figure(case, label="Zebra crossings", value="3", position=1)
    make_key_figure(case, label="Apple orchards", value="2", position=2)
    make_key_figure(case, label="Mango trees", value="1", position=3)
    make_milestone(case, year=2020, event="Second step", position=2)
    make_milestone(case, year=2024, event="First step", position=1)
    make_funding(case, amount=3_000_000, note="Third payment", position=3)
    make_funding(case, amount=1_000_000, note="First payment", position=1)
    make_funding(case, amount=2_000_000, note="Second payment", position=2)
    make_indicator(case, name="Zinc in soil", position=1)
    make_indicator(case, name="Acorns counted", position=2)
    return case


def notes(case):
    return [row.note for row in case.funding.all()]


def names(case):
    return [row.name for row in case.indicators.all()]


def labels(case):
    return [figure.label for figure in case.key_figures.all()]


def test_the_case_page_shows_rows_in_the_curators_order(client):
    case = build()
    page = client.get(case.get_absolute_url()).content.decode()
    assert page.index("Zebra crossings") < page.index("Apple orchards") < page.index("Mango")
    assert page.index("First step") < page.index("Second step")
    assert page.index("First payment") < page.index("Second payment") < page.index("Third")
    assert page.index("Zinc in soil") < page.index("Acorns counted")


def test_the_order_survives_the_fixture_round_trip(tmp_path):
    case = build()
    first = io.StringIO()
    write_fixture(Case.objects.all(), first, everything=True)
    path = tmp_path / "content.json"
    path.write_text(first.getvalue(), encoding="utf-8")
    # The case and its rows go; the rest is updated by natural key.
    Case.objects.all().delete()
    call_command("loaddata", path, verbosity=0)
    again = Case.objects.get(slug=case.slug)
    assert labels(again) == ["Zebra crossings", "Apple orchards", "Mango trees"]
    assert [m.event for m in again.milestones.all()] == ["First step", "Second step"]
    assert notes(again) == ["First payment", "Second payment", "Third payment"]
    assert names(again) == ["Zinc in soil", "Acorns counted"]
    second = io.StringIO()
    write_fixture(Case.objects.all(), second, everything=True)
    assert second.getvalue() == first.getvalue()


def test_a_curator_reorders_rows_in_the_admin(admin_client):
    case = build()
    url = f"/admin/cases/case/{case.pk}/change/"
    form = admin_client.get(url)
    # The inline lists the figures in their order: move the last one to the top.
    changes = {"key_figures-2-position": "0", "funding-2-position": "0"}
    response = admin_client.post(url, change_form_data(form, **changes))
    assert response.status_code == 302
    assert labels(Case.objects.get(pk=case.pk)) == [
        "Mango trees",
        "Zebra crossings",
        "Apple orchards",
    ]
    assert notes(Case.objects.get(pk=case.pk)) == [
        "Third payment",
        "First payment",
        "Second payment",
    ]
