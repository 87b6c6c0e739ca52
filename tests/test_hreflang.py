"""hreflang alternates: each page names its versions in the other languages."""

from urllib.parse import urlsplit

import pytest

from tests.factories import make_case
from tests.html import alternates

pytestmark = pytest.mark.django_db


def test_a_page_names_itself_in_every_language_and_finnish_as_the_default(client):
    assert alternates(client.get("/sv/about/")) == {
        "fi": "http://testserver/about/",
        "sv": "http://testserver/sv/about/",
        "en": "http://testserver/en/about/",
        "x-default": "http://testserver/about/",
    }


def test_a_case_page_names_the_same_case_in_every_language(client):
    case = make_case(slug="hreflang-case")
    found = alternates(client.get(case.get_absolute_url()))
    assert found["sv"] == "http://testserver/sv/cases/hreflang-case/"
    assert found["x-default"] == "http://testserver/cases/hreflang-case/"


def test_the_browse_pages_alternates_keep_the_selection(client):
    found = alternates(client.get("/en/cases/?country=NO&theme=transport"))
    assert found["fi"] == "http://testserver/cases/?country=NO&theme=transport"
    assert found["sv"] == "http://testserver/sv/cases/?country=NO&theme=transport"


def test_the_comparisons_alternates_keep_the_cases_compared(client):
    a, b = make_case(slug="compare-a"), make_case(slug="compare-b")
    found = alternates(client.get(f"/cases/compare/?case={a.slug}&case={b.slug}"))
    assert found["en"] == "http://testserver/en/cases/compare/?case=compare-a&case=compare-b"


def test_a_query_string_that_selects_nothing_is_left_out_of_the_alternates(client):
    found = alternates(client.get("/about/?utm_source=newsletter"))
    assert found["sv"] == "http://testserver/sv/about/"


def test_the_alternates_are_absolute_and_secure_behind_https(client):
    found = alternates(client.get("/", secure=True))
    assert {urlsplit(href).scheme for href in found.values()} == {"https"}
