"""The exports of a /cases/ selection: CSV, JSON fixture and printable report.

URLs are reversed inside the tests (`cases:export-csv`, `cases:export-json`, `cases:report`).
The CSV's columns are read from the English file, /en/cases/export.csv, the stable one for
scripts; the other languages' files are tested in test_selection_exports.py.
"""

import codecs
import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from cases import exports
from cases.facetindex import current_index
from cases.fixture import write_fixture
from cases.models import Case, ClimateGoal, Source, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState
from tests.factories import (
    bulk_cases,
    insert_cases,
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cases")]

EXPORTS = ["cases:export-csv", "cases:export-json", "cases:report"]
FORMULA = '=HYPERLINK("http://x")'


def get(client, name, query=""):
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 200
    return response


def csv_rows(client, query=""):
    with translation.override("en"):
        content = get(client, "cases:export-csv", query).getvalue()
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def published(**lookups):
    """The slugs of the published cases matching ORM lookups: the expected selection."""
    cases = Case.objects.published().filter(**lookups).distinct()
    return set(cases.values_list("slug", flat=True))


# 20 published cases of every country and theme, with links, sources and figures, built
# once for the module; a test adds what else it needs, and it is undone after it.
cases = shared_content(lambda: bulk_cases(20))


# CSV


def test_the_csv_is_a_utf8_attachment_named_for_the_site(client):
    response = get(client, "cases:export-csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mal-nordic-cases.csv"'


def test_the_csv_starts_with_a_byte_order_mark_for_excel(client):
    assert get(client, "cases:export-csv").getvalue().startswith(codecs.BOM_UTF8)


def test_nordic_letters_are_intact_in_the_csv(client):
    make_case(
        title="Ørestad development company",
        regions=[make_region(name="Göteborg")],
        parties=[make_organisation(name="Værøy kommune")],
    )
    text = get(client, "cases:export-csv").getvalue().decode("utf-8-sig")
    assert all(name in text for name in ("Værøy", "Göteborg", "Ørestad"))


def test_a_formula_in_a_title_is_neutralised_in_the_csv(client):
    case = make_case(title=FORMULA)
    row = next(row for row in csv_rows(client) if row["slug"] == case.slug)
    assert row["title"] == "'" + FORMULA


def test_the_csv_has_one_row_per_selected_case(client, cases):
    rows = csv_rows(client, "country=NO&theme=transport")
    expected = published(country="NO", themes__slug="transport")
    assert len(rows) == Case.objects.filter(slug__in=expected).count() > 0
    assert {row["slug"] for row in rows} == expected


def test_the_csv_headers_are_the_documented_english_labels(client, cases):
    with translation.override("en"):
        content = get(client, "cases:export-csv").getvalue().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(content)))
    assert header == [header for header, _label, _value in exports.COLUMNS]
    assert header[:3] == ["slug", "title", "original name"]
    assert header[-3:] == ["funding", "commitments", "indicators and targets"]


def test_multi_valued_fields_are_joined_by_semicolons(client):
    goals = [make_goal(name="Less car traffic"), make_goal(name="Fewer emissions")]
    regions = [make_region(name="Piteå"), make_region(name="Luleå")]
    case = make_case(themes=("transport", "land-use"), goals=goals, regions=regions)
    row = next(row for row in csv_rows(client) if row["slug"] == case.slug)
    assert row["themes"] == "Land use; Transport"
    assert row["climate goals"] == "Fewer emissions; Less car traffic"
    assert row["city regions"] == "Luleå; Piteå"


def test_the_sources_column_lists_the_urls(client):
    case = make_case()
    for url in ("https://a.example/1", "https://b.example/2"):
        Source.objects.create(case=case, title="A source", url=url)
    row = next(row for row in csv_rows(client) if row["slug"] == case.slug)
    assert row["sources"] == "https://a.example/1; https://b.example/2"


def test_each_row_links_to_the_absolute_case_page(client):
    case = make_case()
    row = next(row for row in csv_rows(client) if row["slug"] == case.slug)
    with translation.override("en"):
        assert row["url"] == f"http://testserver{case.get_absolute_url()}"


def test_a_draft_network_is_not_named_in_the_csv(client):
    network = make_network(name="Hidden draft network", state=PublicationState.DRAFT)
    make_case(networks=[network])
    assert b"Hidden draft network" not in get(client, "cases:export-csv").getvalue()


@pytest.mark.parametrize(
    "query", ["", "instrument=partnership&instrument=statutory-plan"], ids=["20", "4"]
)
def test_the_csv_takes_a_fixed_number_of_queries(client, django_assert_num_queries, cases, query):
    url = f"{reverse('cases:export-csv')}?{query}"
    current_index()
    # 1 the content version (the filter form's choices come from the facet index)
    # 2 the cases, in chunks of 500 (one here)
    # 3-8 their themes, goals, regions, parties, published networks and sources
    # 9-12 their funding, commitments, indicators and measured values
    with django_assert_num_queries(12):
        assert client.get(url).getvalue()


# JSON fixture


def test_the_json_export_is_an_attachment_named_for_the_site(client):
    response = get(client, "cases:export-json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="mal-nordic-cases.json"'


def test_the_json_export_of_a_selection_loads_into_an_empty_database(client, cases, tmp_path):
    expected = published(country="DK", themes__slug="housing")
    assert expected
    path = tmp_path / "selection.json"
    path.write_bytes(get(client, "cases:export-json", "country=DK&theme=housing").getvalue())
    for model in (Case, Network, CityRegion, Organisation, ClimateGoal, Theme):
        model.objects.all().delete()
    call_command("loaddata", path, verbosity=0)
    assert set(Case.objects.values_list("slug", flat=True)) == expected


# Report


def test_the_report_lists_the_selected_cases_and_their_source_urls(client, cases):
    text = get(client, "cases:report", "country=DK").text
    cases = Case.objects.published().filter(country="DK")
    urls = Source.objects.filter(case__in=cases).values_list("url", flat=True)
    assert cases and urls
    assert all(escape(case.title) in text for case in cases)
    assert all(escape(url) in text for url in urls)


def test_the_report_leaves_out_cases_outside_the_selection(client):
    case = make_case(title="A Swedish tram study", country="SE")
    assert case.title not in get(client, "cases:report", "country=DK").text


def test_the_report_names_the_active_filters(client):
    with translation.override("en"):
        text = get(client, "cases:report", "country=DK&theme=housing").text
    assert "Country: Denmark; MALPE theme: Housing" in text


def test_the_report_marks_lessons_for_finland_as_editorial_judgement(client):
    make_case(title="Lessons case", lessons_for_finland="Copy the model.")
    with translation.override("en"):
        text = get(client, "cases:report", "q=Lessons").text
    assert "An editorial judgement, not a finding of the sources." in text


def test_the_report_stops_at_its_limit_and_says_so(client, cases, monkeypatch):
    monkeypatch.setattr(exports, "REPORT_LIMIT", 3)
    response = get(client, "cases:report")
    assert len(response.context["cases"]) == 3
    assert response.context["truncated"] and response.context["total"] == len(cases)


def test_the_print_button_waits_for_javascript(client, cases):
    text = get(client, "cases:report").text
    assert '<button type="button" id="print-button" hidden>' in text
    assert "js/print.js" in text


@pytest.mark.parametrize(
    "query", ["", "instrument=partnership&instrument=statutory-plan"], ids=["20", "4"]
)
def test_the_report_takes_a_fixed_number_of_queries(
    client, django_assert_num_queries, cases, query
):
    url = f"{reverse('cases:report')}?{query}"
    current_index()
    # 1 the content version (the filter form's choices come from the facet index)
    # 2 the cases; 3-14 their themes, goals, regions, parties, published networks,
    # sources, funding, commitments, indicators, measured values, key figures and
    # milestones
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200


# All three


@pytest.fixture(params=[PublicationState.DRAFT, PublicationState.ARCHIVED])
def unpublished(request):
    return make_case(title="Unpublished tram depot study", state=request.param)


@pytest.mark.parametrize("name", EXPORTS)
def test_an_unpublished_case_is_in_no_export(client, unpublished, name):
    content = get(client, name).getvalue().decode("utf-8-sig")
    assert unpublished.title not in content and unpublished.slug not in content


@pytest.mark.parametrize("name", ["cases:export-csv", "cases:export-json"])
def test_an_unknown_value_is_ignored_and_the_rest_applies(client, cases, name):
    response = get(client, name, "country=XX&country=DK")
    assert response.getvalue() == get(client, name, "country=DK").getvalue()


def test_an_unknown_value_is_ignored_by_the_report(client, cases):
    response = get(client, "cases:report", "country=XX&country=DK")
    assert {case.slug for case in response.context["cases"]} == published(country="DK") != set()


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize(
    "query",
    ["theme=nonsense", "year_from=abc", "year_to=99999", "q=" + "x" * 5000, "country=%00"],
)
def test_malformed_parameters_never_cause_a_server_error(client, cases, name, query):
    assert client.get(f"{reverse(name)}?{query}").status_code == 200


@pytest.mark.parametrize("name", EXPORTS)
def test_exports_refuse_to_be_posted_to(client, name):
    assert client.post(reverse(name)).status_code == 405


def test_a_csv_of_a_thousand_rows_streams_before_the_last_row_is_read(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    insert_cases([{}] * 1000)  # the number of rows is what counts here
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("cases:export-csv"))
        assert response.streaming
        chunks = iter(response.streaming_content)
        first = next(chunks)
        read_at_first_chunk = len(queries)
        rest = b"".join(chunks)
    assert first.startswith(codecs.BOM_UTF8)
    assert read_at_first_chunk < len(queries)  # later chunks of rows were read afterwards
    assert (first + rest).decode("utf-8-sig").count("\r\n") > 1000


def test_a_json_export_streams_and_keeps_its_bytes(client):
    # Over 1,300 rows of every kind, written in batches of 500 (cases.fixture.BATCH).
    bulk_cases(200)
    response = client.get(reverse("cases:export-json"))
    assert response.streaming
    stream = io.StringIO()
    write_fixture(Case.objects.published(), stream, public=True)
    assert response.getvalue().decode() == stream.getvalue()
