"""The language switcher: every interface language in its own name, on the same page."""

import pytest

from malnordic.context_processors import path_in_language
from tests.factories import make_case
from tests.html import language_switcher

pytestmark = pytest.mark.django_db


def hrefs(client, url):
    return {
        code: href for code, (_text, href, _attrs) in language_switcher(client.get(url)).items()
    }


def test_the_switcher_offers_finnish_swedish_and_english_in_their_own_names(client):
    links = language_switcher(client.get("/"))
    assert [(code, text) for code, (text, _href, _attrs) in links.items()] == [
        ("fi", "Suomi"),
        ("sv", "Svenska"),
        ("en", "English"),
    ]


def test_each_language_name_is_marked_as_that_language(client):
    links = language_switcher(client.get("/en/"))
    assert {code: attrs["lang"] for code, (_text, _href, attrs) in links.items()} == {
        "fi": "fi",
        "sv": "sv",
        "en": "en",
    }


@pytest.mark.parametrize("prefix, current", [("", "fi"), ("/sv", "sv"), ("/en", "en")])
def test_the_current_language_is_marked(client, prefix, current):
    links = language_switcher(client.get(f"{prefix}/about/"))
    assert [code for code, (_t, _h, attrs) in links.items() if "aria-current" in attrs] == [
        current
    ]


def test_the_switcher_keeps_the_page_and_the_query_string(client):
    assert hrefs(client, "/cases/?country=NO&theme=transport") == {
        "fi": "/cases/?country=NO&theme=transport",
        "sv": "/sv/cases/?country=NO&theme=transport",
        "en": "/en/cases/?country=NO&theme=transport",
    }


def test_from_swedish_the_switcher_leads_back_to_the_unprefixed_finnish_page(client):
    assert hrefs(client, "/sv/cases/?country=NO&theme=transport&theme=housing")["fi"] == (
        "/cases/?country=NO&theme=transport&theme=housing"
    )


def test_the_switcher_keeps_a_case_page(client):
    case = make_case(slug="switcher-case")
    assert hrefs(client, f"/en{case.get_absolute_url()}") == {
        "fi": "/cases/switcher-case/",
        "sv": "/sv/cases/switcher-case/",
        "en": "/en/cases/switcher-case/",
    }


def test_the_switcher_keeps_a_query_string_that_needs_escaping(client):
    assert hrefs(client, "/sv/cases/?q=k%C3%B6ping+%26+tr%C3%A4d")["en"] == (
        "/en/cases/?q=k%C3%B6ping+%26+tr%C3%A4d"
    )


@pytest.mark.parametrize(
    "path, code, wanted",
    [
        ("/", "sv", "/sv/"),
        ("/sv/", "fi", "/"),
        ("/sv", "en", "/en/"),
        ("/en/cases/", "sv", "/sv/cases/"),
        ("/svenska/", "fi", "/svenska/"),
        ("/sv-fi/cases/", "en", "/en/sv-fi/cases/"),
        ("//evil.example/x", "fi", "/evil.example/x"),
        ("//evil.example/x", "sv", "/sv/evil.example/x"),
    ],
)
def test_a_path_changes_only_its_language_prefix(path, code, wanted):
    assert path_in_language(path, code) == wanted
