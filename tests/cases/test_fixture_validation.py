"""Loading a fixture checks every row as the admin would, and loads all of it or nothing."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from cases.models import Case, Source
from publishing.models import ContentVersion

pytestmark = pytest.mark.django_db

# A raw save sets no timestamps, so fixtures carry them, as exported ones do.
TIMESTAMPS = {"created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}


def case_row(slug="fixture-case", **fields):
    return {
        "model": "cases.case",
        "fields": {
            "title_en": f"Fixture case {slug}",
            "slug": slug,
            "country": "SE",
            "scale": "regional",
            "instrument": "agreement",
            "summary_en": "A case from a fixture.",
            "start_year": 2010,
            "state": "published",
            "themes": [["transport"]],
            **TIMESTAMPS,
            **fields,
        },
    }


def source_row(url, case="fixture-case"):
    return {"model": "cases.source", "fields": {"case": [case], "title": "A report", "url": url}}


def load(tmp_path, *rows):
    path = tmp_path / "content.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    call_command("loaddata", path, verbosity=0)


def refusal(tmp_path, *rows):
    """The lines of the report on the bad rows, without its heading."""
    with pytest.raises(CommandError) as failure:
        load(tmp_path, *rows)
    heading, *lines = str(failure.value).splitlines()
    assert heading == "Nothing was loaded. Fix these rows and load again:"
    return lines


def test_a_case_with_a_bad_slug_is_refused(tmp_path):
    [line] = refusal(tmp_path, case_row("bad slug!"))
    assert line.endswith(
        ', row 1: cases.case ["bad slug!"]: slug: Enter a valid “slug” consisting of '
        "letters, numbers, underscores or hyphens."
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"]
)
def test_a_source_address_that_is_not_http_is_refused(tmp_path, url):
    [line] = refusal(tmp_path, case_row(), source_row(url))
    assert f', row 2: cases.source ["fixture-case", "{url}"]: url: ' in line
    assert "Enter an http:// or https:// address." in line


def test_a_network_website_that_is_not_http_is_refused(tmp_path):
    network = {
        "model": "networks.network",
        "fields": {
            "name_en": "A network",
            "slug": "fixture-network",
            "kind": "nordic",
            "summary_en": "A network from a fixture.",
            "website": "javascript:alert(1)",
            **TIMESTAMPS,
        },
    }
    [line] = refusal(tmp_path, network)
    assert 'networks.network ["fixture-network"]: website: ' in line


def test_an_unknown_instrument_is_refused(tmp_path):
    [line] = refusal(tmp_path, case_row(instrument="rocket"))
    assert line.endswith(
        """cases.case ["fixture-case"]: instrument: Value 'rocket' is not a valid choice."""
    )


def test_an_unknown_publication_state_is_refused(tmp_path):
    [line] = refusal(tmp_path, case_row(state="secret"))
    assert line.endswith(
        """cases.case ["fixture-case"]: state: Value 'secret' is not a valid choice."""
    )


def test_an_end_year_before_the_start_year_is_refused_in_english(tmp_path):
    [line] = refusal(tmp_path, case_row(start_year=2010, end_year=2009))
    assert line.endswith(
        'cases.case ["fixture-case"]: start_year, end_year: '
        "The end year cannot be before the start year."
    )


def test_a_link_to_a_row_that_is_nowhere_is_refused(tmp_path):
    [line] = refusal(tmp_path, case_row(regions=[["atlantis"]]))
    assert line.endswith(
        'cases.case ["fixture-case"]: regions: networks.cityregion ["atlantis"] is neither '
        "in the database nor in the fixture."
    )


def test_a_clash_only_the_database_catches_is_a_line_too(tmp_path):
    goals = [
        {"model": "cases.climategoal", "fields": {"name_en": "Same name", "slug": slug}}
        for slug in ("fixture-goal-1", "fixture-goal-2")
    ]
    [line] = refusal(tmp_path, *goals)
    assert ', row 2: cases.climategoal ["fixture-goal-2"]: The database refused it: ' in line


def test_nothing_is_loaded_when_one_row_is_bad(tmp_path):
    before = (Case.objects.count(), Source.objects.count())
    good = [case_row(), source_row("https://example.org/a"), source_row("https://example.org/b")]
    refusal(tmp_path, *good, source_row("javascript:alert(1)"))
    assert (Case.objects.count(), Source.objects.count()) == before
    assert not Case.objects.filter(slug="fixture-case").exists()


def test_every_bad_row_gets_its_own_line(tmp_path):
    lines = refusal(
        tmp_path,
        case_row("bad slug!"),
        case_row("good-case"),
        case_row("rocket-case", instrument="rocket"),
        source_row("javascript:alert(1)", case="good-case"),
    )
    assert [line.split(": ", 2)[1] for line in lines] == [
        'cases.case ["bad slug!"]',
        'cases.case ["rocket-case"]',
        'cases.source ["good-case", "javascript:alert(1)"]',
    ]


def test_the_rows_of_a_case_the_database_refuses_are_still_checked(tmp_path):
    lines = refusal(
        tmp_path, case_row(start_year=2010, end_year=2009), source_row("javascript:alert(1)")
    )
    assert [line.split(": ", 2)[1] for line in lines] == [
        'cases.case ["fixture-case"]',
        'cases.source ["fixture-case", "javascript:alert(1)"]',
    ]


def test_a_good_fixture_loads(tmp_path):
    load(tmp_path, case_row(), source_row("https://example.org/a"))
    case = Case.objects.get(slug="fixture-case")
    assert [source.url for source in case.sources.all()] == ["https://example.org/a"]


def test_a_case_published_without_a_date_gets_one_as_in_the_admin(tmp_path):
    load(tmp_path, case_row(state="published", published_at=None))
    assert Case.objects.get(slug="fixture-case").published_at is not None


def test_load_starter_content_reports_the_bad_rows_and_loads_nothing(tmp_path):
    path = tmp_path / "starter.json"
    path.write_text(json.dumps([case_row("bad slug!")]), encoding="utf-8")
    before = Case.objects.count()
    with override_settings(STARTER_FIXTURE=path), pytest.raises(CommandError) as failure:
        call_command("load_starter_content", force=True, verbosity=0)
    assert str(failure.value).splitlines()[::2] == [
        f"Could not load the starter content, {path}.",
        f'{path}, row 1: cases.case ["bad slug!"]: slug: Enter a valid “slug” consisting of '
        "letters, numbers, underscores or hyphens.",
    ]
    assert Case.objects.count() == before


def version_writes(queries):
    return [q["sql"] for q in queries if q["sql"].startswith('UPDATE "publishing_contentversion"')]


def test_a_load_renews_the_content_version_once_and_a_refused_one_not_at_all(tmp_path):
    before = ContentVersion.current()
    rows = [case_row(f"case-{n}") for n in range(3)]
    rows.append(source_row("https://example.org/a", case="case-0"))
    with CaptureQueriesContext(connection) as queries:
        load(tmp_path, *rows)
    assert len(version_writes(queries.captured_queries)) == 1
    loaded = ContentVersion.current()
    assert loaded != before

    with CaptureQueriesContext(connection) as queries:
        refusal(tmp_path, case_row("bad slug!"))
    assert not version_writes(queries.captured_queries)
    assert ContentVersion.current() == loaded
    # Outside a load every change renews it at once.
    Case.objects.get(slug="case-0").save()
    assert ContentVersion.current() != loaded
