"""Exact selections (`case=<slug>`, repeatable) in every export, the CSV in each page
language, and the licence named on every export response."""

import codecs
import csv
import io
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cases import exports
from cases.models import CASE_COUNTRIES, Case
from networks.models import PublicationState
from publishing import licence
from tests.factories import insert_cases, make_case, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cases")]

PICKED = ["pick-alpha", "pick-beta", "pick-gamma", "pick-delta"]
ATOM = "{http://www.w3.org/2005/Atom}"


def build():
    """Four published cases, two Swedish and two Danish, and a draft."""
    rows = [{"slug": slug, "country": "SE" if i < 2 else "DK"} for i, slug in enumerate(PICKED)]
    rows.append({"slug": "pick-draft", "state": PublicationState.DRAFT, "country": "SE"})
    return insert_cases(rows)


cases = shared_content(build)


def url(name, query, language="fi"):
    with translation.override(language):
        return f"{reverse(name)}?{query}"


def get(client, name, query, language="fi"):
    response = client.get(url(name, query, language))
    assert response.status_code == 200
    return response


def query(*slugs, **more):
    return "&".join([*(f"case={slug}" for slug in slugs), *(f"{k}={v}" for k, v in more.items())])


# What each export selects, as slugs.


def csv_slugs(client, q):
    text = get(client, "cases:export-csv", q, "en").getvalue().decode("utf-8-sig")
    return [row["slug"] for row in csv.DictReader(io.StringIO(text, newline=""))]


def xlsx_slugs(client, q):
    book = load_workbook(io.BytesIO(get(client, "cases:export-xlsx", q).getvalue()))
    sheet = book.worksheets[0]
    return [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def json_slugs(client, q):
    import json

    rows = json.loads(get(client, "cases:export-json", q).getvalue())
    return [row["fields"]["slug"] for row in rows if row["model"] == "cases.case"]


def report_slugs(client, q):
    return [case.slug for case in get(client, "cases:report", q).context["cases"]]


def brief_slugs(client, q):
    return [case.slug for case in get(client, "cases:brief", q).context["cases"]]


def feed_slugs(client, q):
    root = ElementTree.fromstring(get(client, "cases:feed", q).content)
    links = [entry.find(f"{ATOM}link").get("href") for entry in root.iter(f"{ATOM}entry")]
    return [link.rstrip("/").rsplit("/", 1)[-1] for link in links]


SELECTED_BY = [csv_slugs, xlsx_slugs, json_slugs, report_slugs, brief_slugs, feed_slugs]
IDS = ["csv", "xlsx", "json", "report", "brief", "feed"]


@pytest.mark.parametrize("slugs_of", SELECTED_BY, ids=IDS)
def test_case_alone_gives_exactly_those_cases(client, slugs_of):
    assert sorted(slugs_of(client, query("pick-beta", "pick-delta"))) == [
        "pick-beta",
        "pick-delta",
    ]


@pytest.mark.parametrize("slugs_of", SELECTED_BY, ids=IDS)
def test_case_with_a_filter_gives_the_intersection(client, slugs_of):
    picked = query("pick-alpha", "pick-beta", "pick-gamma", country="DK")
    assert slugs_of(client, picked) == ["pick-gamma"]


@pytest.mark.parametrize("slugs_of", SELECTED_BY, ids=IDS)
def test_a_draft_or_unknown_slug_is_never_exported(client, slugs_of):
    assert slugs_of(client, query("pick-draft", "no-such-case", "pick-alpha")) == ["pick-alpha"]


@pytest.mark.parametrize("slugs_of", SELECTED_BY, ids=IDS)
def test_only_unknown_or_malformed_slugs_select_nothing_not_everything(client, slugs_of):
    assert slugs_of(client, query("pick-draft", "%00", "a%20b")) == []


@pytest.mark.parametrize("slugs_of", SELECTED_BY, ids=IDS)
def test_an_empty_case_parameter_is_no_selection(client, slugs_of):
    assert sorted(slugs_of(client, "case=")) == sorted(PICKED)


@pytest.mark.parametrize("name", ["cases:report", "cases:brief"])
def test_the_printed_pages_say_which_slugs_were_left_out(client, name):
    with translation.override("en"):
        text = get(client, name, query("pick-alpha", "pick-draft", "%3Cb%3E"), "en").text
    assert "There is no published case “pick-draft”; it was left out." in text
    assert "There is no published case “&lt;b&gt;”; it was left out." in text
    assert "<b>" not in text


def test_the_report_names_the_picked_cases(client, cases):
    with translation.override("en"):
        text = get(client, "cases:report", query("pick-alpha"), "en").text
    title = Case.objects.get(slug="pick-alpha").title
    assert f"Case: {title}" in text


def test_the_browse_page_shows_the_picked_cases_and_counts_within_them(client):
    response = get(client, "cases:list", query("pick-alpha", "pick-beta", "pick-gamma"))
    assert {case.slug for case in response.context["page_obj"]} == set(PICKED[:3])
    counts = {facet.name: facet for facet in response.context["facets"]}["country"]
    assert {o.value: o.count for o in counts.options if o.count} == {"SE": 2, "DK": 1}


def test_the_browse_page_offers_to_remove_a_picked_case(client):
    response = get(client, "cases:list", query("pick-alpha", "pick-beta"))
    urls = [chip_url for _label, chip_url in response.context["chips"]]
    assert "?case=pick-beta" in urls and "?case=pick-alpha" in urls


def test_a_malformed_slug_on_the_browse_page_is_reported_not_a_server_error(client):
    response = get(client, "cases:list", query("%00", "x" * 300))
    assert len(response.context["problems"]) == 2
    assert not response.context["page_obj"].object_list


def test_the_facet_counts_without_case_are_unchanged(client):
    counts = get(client, "cases:list", "").context["facets"][0]
    assert {o.value: o.count for o in counts.options if o.count} == {"SE": 2, "DK": 2}


# The CSV in each language.


def csv_text(client, language, q=""):
    body = get(client, "cases:export-csv", q, language).getvalue()
    assert body.startswith(codecs.BOM_UTF8)
    return body.decode("utf-8-sig")


def test_the_finnish_csv_uses_semicolons_and_finnish_headers(client):
    text = csv_text(client, "fi", query("pick-alpha"))
    header, row = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    # Headers the Finnish catalogue already translates, and the vocabulary in Finnish.
    assert header[1] == "Otsikko" and header[3] == "Maa" and header[5] == "Ohjauskeino"
    with translation.override("fi"):
        assert header == [str(label) for _h, label, _v in exports.COLUMNS]
        assert row[3] == str(CASE_COUNTRIES[0].label) != "Sweden"
    assert row[0] == "pick-alpha"


def test_the_swedish_csv_uses_semicolons(client):
    text = csv_text(client, "sv", query("pick-alpha"))
    header, row = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    with translation.override("sv"):
        assert header == [str(label) for _h, label, _v in exports.COLUMNS]
    assert row[0] == "pick-alpha" and row[27] == "http://testserver/sv/cases/pick-alpha/"


def test_the_english_csv_keeps_its_commas_and_headers(client):
    text = csv_text(client, "en", query("pick-alpha"))
    header = next(csv.reader(io.StringIO(text, newline="")))
    assert header[:4] == ["slug", "title", "original name", "country"]
    assert header == [h for h, _label, _value in exports.COLUMNS]
    assert text.splitlines()[0].count(",") == len(header) - 1


def test_the_finnish_csv_quotes_a_semicolon_in_a_cell(client):
    make_case(slug="pick-semicolon", title="Trams; buses")
    text = csv_text(client, "fi", query("pick-semicolon"))
    (_header, row) = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert row[1] == "Trams; buses"


def test_the_csv_texts_follow_the_page_language_with_the_english_fallback(client):
    make_case(slug="pick-finnish", title="English title", title_fi="Suomenkielinen otsikko")
    make_case(slug="pick-english", title="Only English")
    fi = csv_text(client, "fi", query("pick-finnish", "pick-english"))
    en = csv_text(client, "en", query("pick-finnish"))
    assert "Suomenkielinen otsikko" in fi and "Only English" in fi
    assert "English title" in en and "Suomenkielinen" not in en


# The licence.

EVERY_EXPORT = [
    "cases:export-csv",
    "cases:export-xlsx",
    "cases:export-json",
    "cases:report",
    "cases:brief",
    "cases:feed",
]


@pytest.mark.parametrize("name", EVERY_EXPORT)
def test_every_export_names_the_licence_in_a_link_header(client, name):
    response = get(client, name, query("pick-alpha"))
    assert response["Link"] == f'<{licence.URL}>; rel="license"'


@pytest.mark.parametrize("name", ["cases:export-xlsx", "cases:brief"])
def test_the_new_exports_refuse_to_be_posted_to(client, name):
    assert client.post(reverse(name)).status_code == 405


@pytest.mark.parametrize("name", ["cases:export-xlsx", "cases:brief"])
@pytest.mark.parametrize(
    "q", ["theme=nonsense", "year_from=abc", "case=%00", "case=" + "x" * 5000, "q=" + "x" * 5000]
)
def test_malformed_parameters_never_cause_a_server_error(client, name, q):
    assert client.get(f"{reverse(name)}?{q}").status_code == 200


def test_the_admin_csv_export_still_holds_drafts(admin_client, cases):
    draft = Case.objects.get(slug="pick-draft")
    response = admin_client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "export_csv", "_selected_action": [draft.pk]},
    )
    assert b"pick-draft" in response.getvalue()
