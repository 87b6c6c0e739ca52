"""Exports and pages list rows in one total order, whatever the database.

PostgreSQL sorts empty values last, SQLite first, and rows that tie on the sort keys come
in whatever order the database finds them; a fixture does not carry primary keys either.
So the order must be decided by the content alone, with empty values first.
"""

import difflib
import io
import json

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from cases.fixture import write_fixture
from cases.models import Case, KeyFigure, Milestone, Source, Theme
from networks.models import NetworkSource, PublicationState
from tests.factories import (
    bulk_cases,
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
)

pytestmark = pytest.mark.django_db

# The second database of malnordic/test_settings.py.
OTHER = "sqlite"


def empty_first(value):
    return (value is not None, value)


# Translated texts are ordered by their English column, the language of record.
def milestone_order(row):
    return (row["year"], empty_first(row["month"]), empty_first(row["day"]), row["event_en"])


def key_figure_order(row):
    return (
        row["label_en"],
        empty_first(row["year"]),
        row["value_en"],
        row["unit_en"],
        row["note_en"],
    )


def build_content():
    """Two cases with the same title, with milestones and key figures that have empty
    months, days and years and tie on them, all created out of order."""
    later, earlier = (
        make_case(title="Twin", slug="order-b"),
        make_case(title="Twin", slug="order-a"),
    )
    for year, month, day, event in [
        (2019, None, None, "Zoning announced"),
        (2019, 3, 5, "Signed by the state"),
        (2019, 3, None, "Agreed in March"),
        (2019, 3, 5, "Signed by the city"),
        (2019, None, None, "Agreement announced"),
        (2018, 12, 31, "Negotiations end"),
    ]:
        Milestone.objects.create(case=later, year=year, month=month, day=day, event=event)
    for label, year, value in [
        ("Budget", 2020, "2"),
        ("Budget", None, "9"),
        ("Area", None, "3"),
        ("Area", 2010, "4"),
    ]:
        KeyFigure.objects.create(case=later, label=label, year=year, value=value)
    for url in ["https://z.example/", "https://a.example/", "https://m.example/"]:
        Source.objects.create(case=later, url=url, title=f"Report at {url}")
        Source.objects.create(case=earlier, url=url, title=f"Report at {url}")
    # Two themes that tie on position.
    Theme.objects.filter(slug__in=["transport", "housing"]).update(position=9)
    later.themes.set(Theme.objects.all())
    return [later, earlier]


def fixture_rows(cases, model):
    stream = io.StringIO()
    write_fixture(Case.objects.filter(pk__in=[case.pk for case in cases]), stream)
    return [row["fields"] for row in json.loads(stream.getvalue()) if row["model"] == model]


def test_the_fixture_lists_milestones_in_total_order_with_empty_months_and_days_first():
    rows = fixture_rows(build_content(), "cases.milestone")
    assert rows == sorted(rows, key=lambda row: (row["case"], *milestone_order(row)))


def test_the_fixture_lists_key_figures_in_total_order_with_empty_years_first():
    cases = build_content()
    # Made in the wrong order: a later year first, the empty year last.
    KeyFigure.objects.create(case=cases[0], label="Toll revenue", year=2030, value="1")
    KeyFigure.objects.create(case=cases[0], label="Toll revenue", year=None, value="0")
    rows = fixture_rows(cases, "cases.keyfigure")
    assert rows == sorted(rows, key=lambda row: (row["case"], *key_figure_order(row)))


def test_a_second_key_figure_of_a_label_without_a_year_is_refused():
    from django.core.exceptions import ValidationError

    case = build_content()[0]
    KeyFigure.objects.create(case=case, label="Toll revenue", year=None, value="1")
    with pytest.raises(ValidationError):
        KeyFigure(case=case, label="Toll revenue", year=None, value="2").full_clean()


def test_the_case_page_shows_milestones_in_the_same_total_order(client):
    case = build_content()[0]
    page = client.get(case.get_absolute_url()).getvalue().decode()
    rows = list(Milestone.objects.filter(case=case).values("year", "month", "day", "event_en"))
    events = [row["event_en"] for row in sorted(rows, key=milestone_order)]
    assert sorted(events, key=page.index) == events


class Everything:
    """A database router that sends every query to one database."""

    def __init__(self, alias):
        self.alias = alias

    def db_for_read(self, model, **hints):
        return self.alias

    def db_for_write(self, model, **hints):
        return self.alias


def exports(client):
    """The whole content as a fixture, and the public CSV and JSON exports."""
    stream = io.StringIO()
    write_fixture(Case.objects.all(), stream, everything=True)
    return {
        "fixture": stream.getvalue(),
        "csv": client.get(reverse("cases:export-csv")).getvalue().decode(),
        "json": client.get(reverse("cases:export-json")).getvalue().decode(),
    }


def diff(first, second, name):
    """The start of a diff between two exports, long lines (CSV rows) cut short."""
    lines = difflib.unified_diff(first.splitlines(), second.splitlines(), name, name, lineterm="")
    return "\n".join(line[:160] for line in list(lines)[:40])


def build_more_content():
    """Cases with every kind of link and inline row, a network with sources, a draft
    network, a draft and an archived case, and a region, party and goal no case uses."""
    network = make_network(name="Øresund network")
    for url in ["https://z.example/", "https://a.example/"]:
        NetworkSource.objects.create(network=network, title=f"About {url}", url=url)
    make_network(state=PublicationState.DRAFT)
    bulk_cases(20, networks=[network, make_network()])
    make_case(state=PublicationState.DRAFT, published_at=None)
    make_case(state=PublicationState.ARCHIVED)
    make_region(name="Åbo")
    make_organisation(name="Ærø Kommune")
    make_goal()


@pytest.mark.django_db(databases=["default", OTHER])
def test_exports_of_the_same_content_from_two_databases_are_identical(client, tmp_path):
    """The default database (PostgreSQL in CI's second run) holds the test content; the
    other (SQLite) gets it through the fixture, in its order."""
    build_content()
    build_more_content()
    here = exports(client)
    path = tmp_path / "content.json"
    path.write_text(here["fixture"], encoding="utf-8")
    with override_settings(DATABASE_ROUTERS=[Everything(OTHER)]):
        call_command("loaddata", path, database=OTHER, verbosity=0)
        there = exports(client)
    assert Case.objects.using(OTHER).count() == Case.objects.count() == 2 + 20 + 2
    differing = [name for name in here if there[name] != here[name]]
    assert not differing, "\n".join(diff(here[name], there[name], name) for name in differing)
