"""/cases/compare/: two to four cases side by side."""

import re
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse

from cases.models import Case
from cases.views import CompareView
from networks.models import PublicationState
from tests.factories import bulk_cases, insert_cases, make_case, make_vocabulary, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cases")]

URL = reverse("cases:compare")
ROWS = [
    "Country",
    "City regions",
    "Instrument",
    "Parties",
    "MALPE themes",
    "Climate goals",
    "Years",
    "Status",
    "Key figures",
    "Results",
    "Lessons for Finland",
]
FIVE = ["compare-a", "compare-b", "compare-c", "compare-d", "compare-e"]
FIRST, SECOND, THIRD = FIVE[:3]


def build_cases():
    """Five published cases with something in every row of the table."""
    vocabulary = make_vocabulary(4)
    return insert_cases(
        {
            "slug": slug,
            "title": f"Case {slug[-1].upper()} & co",
            "country": ["DK", "NO", "SE", "FI", "DK"][i],
            "themes": ["transport", "housing"],
            "results": "Trips by bus doubled.",
            "lessons_for_finland": "Agree on housing and transport together.",
            "regions": vocabulary["regions"][i % 2 : i % 2 + 1],
            "goals": vocabulary["goals"][:2],
            "parties": vocabulary["parties"],
            "key_figures": [{"label": "Homes", "value": "1,200", "unit": "homes"}],
        }
        for i, slug in enumerate(FIVE)
    )


# Built once for the module; what a test adds is undone after it.
cases = shared_content(build_cases)


def compare(client, *slugs, prefix=""):
    response = client.get(prefix + URL, [("case", slug) for slug in slugs])
    assert response.status_code == 200
    return response


def shown(response):
    return [case.slug for case in response.context["cases"]]


def column_headers(response):
    return re.findall(r'<th scope="col">', response.text)


def test_two_cases_are_shown_side_by_side(client):
    response = compare(client, FIRST, SECOND)
    assert shown(response) == [FIRST, SECOND]
    assert len(column_headers(response)) == 2


def test_each_case_title_is_on_the_page(client):
    response = compare(client, FIRST, SECOND)
    for slug in (FIRST, SECOND):
        assert unescape(Case.objects.get(slug=slug).title) in unescape(response.text)


def test_the_table_has_a_row_for_every_attribute(client):
    response = compare(client, FIRST, THIRD, prefix="/en")
    labels = [str(label) for label, _kind, _cells in response.context["rows"]]
    assert set(ROWS) <= set(labels)
    assert len(labels) == len(set(labels))


def test_every_row_label_is_a_row_header_once(client):
    text = compare(client, FIRST, THIRD, prefix="/en").text
    headers = re.findall(r'<th scope="row">([^<]*)</th>', text)
    assert all(headers.count(label) == 1 for label in ROWS)


def test_every_row_has_one_cell_per_case(client):
    response = compare(client, *FIVE[:3])
    assert {len(cells) for _label, _kind, cells in response.context["rows"]} == {3}


def test_the_interface_is_finnish_by_default(client):
    text = compare(client, FIRST, THIRD).text
    assert '<th scope="row">Maa</th>' in text
    assert '<th scope="row">Country</th>' not in text


def test_more_than_four_cases_give_a_message_and_four_columns(client):
    response = compare(client, *FIVE)
    assert shown(response) == FIVE[:4]
    assert len(column_headers(response)) == 4
    assert response.context["notes"]


def test_four_cases_give_no_message(client):
    assert compare(client, *FIVE[:4]).context["notes"] == []


def test_an_unknown_slug_gives_a_message_and_is_left_out(client):
    response = compare(client, FIRST, "no-such-case", THIRD)
    assert shown(response) == [FIRST, THIRD]
    assert any("no-such-case" in note for note in response.context["notes"])


def test_a_draft_gives_a_message_and_is_left_out(client):
    draft = make_case(title="Secret draft tramway", state=PublicationState.DRAFT)
    response = compare(client, FIRST, draft.slug, THIRD)
    assert shown(response) == [FIRST, THIRD]
    assert any(draft.slug in note for note in response.context["notes"])
    assert draft.title not in response.text


def test_a_draft_is_not_offered_for_adding(client):
    make_case(title="Secret draft tramway", state=PublicationState.DRAFT)
    response = client.get(URL, {"case": [FIRST], "find": "secret tramway"})
    assert response.context["candidates"] == []
    assert "Secret draft tramway" not in response.text


def test_a_search_offers_matching_cases_to_add_without_a_script(client):
    wanted = make_case(title="Harbour tramway partnership")
    response = client.get(URL, {"case": [FIRST], "find": "tramway"})
    (candidate, url), *_ = response.context["candidates"]
    assert candidate == wanted
    assert candidate.title == wanted.title
    assert wanted.title in response.text
    assert shown(client.get(URL + url)) == [FIRST, wanted.slug]


def test_the_cases_to_add_are_bounded(client):
    bulk_cases(30, summary="A light-rail agreement in bulk.")
    response = client.get(URL, {"case": [FIRST], "find": "bulk"})
    assert len(response.context["candidates"]) == CompareView.CANDIDATES


def test_no_list_of_every_case_is_offered(client):
    response = compare(client, FIRST)
    assert response.context["candidates"] == []


@pytest.mark.parametrize("slugs", [[], [FIRST], [FIRST, "nothing"]])
def test_fewer_than_two_cases_give_a_message(client, slugs):
    response = compare(client, *slugs)
    assert len(shown(response)) < 2
    assert response.context["notes"]


def test_the_same_case_twice_counts_once(client):
    response = compare(client, FIRST, FIRST)
    assert shown(response) == [FIRST]
    assert response.context["notes"]


@pytest.mark.parametrize(
    "query",
    [
        "case=",
        "case=&case=",
        "&".join([f"case={FIRST}"] * 100),
        "&".join(f"case=junk-{n}" for n in range(100)),
        f"case=%00&case={FIRST}",
        "case=" + "x" * 5000,
        "case=%ff%fe",
        f"case[]={FIRST}",
    ],
    ids=["empty", "two-empty", "100-same", "100-unknown", "nul", "long", "bad-utf8", "brackets"],
)
def test_odd_case_parameters_never_give_a_server_error(client, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code in (200, 400)


def test_a_hundred_unknown_cases_give_one_note_each_and_no_columns(client):
    response = client.get(URL, [("case", f"junk-{n}") for n in range(100)])
    assert shown(response) == []
    assert len([n for n in response.context["notes"] if "junk-" in n]) == 100


def test_the_remove_link_of_a_column_drops_only_that_case(client):
    chosen = FIVE[:3]
    response = compare(client, *chosen)
    for case, remove in response.context["columns"]:
        kept = parse_qs(urlsplit(remove).query).get("case", [])
        assert kept == [slug for slug in chosen if slug != case.slug]


def test_the_remove_links_are_on_the_page(client):
    response = compare(client, *FIVE[:2])
    expected = {"?" + urlencode([("case", FIVE[1])]), "?" + urlencode([("case", FIVE[0])])}
    links = set(re.findall(r'<a class="remove" href="([^"]*)"', response.text))
    assert {unescape(link) for link in links} == expected
