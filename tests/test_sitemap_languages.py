"""The sitemap in every interface language, each address with its hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from malnordic.sitemaps import Sitemap
from tests.factories import make_case
from tests.sitemaps import SITEMAP, sitemap_pages

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}link"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def sitemap_entries(client):
    """{address: {hreflang: href}} for every <url> on every sitemap page."""
    found = {}
    for page in sitemap_pages(client):
        root = ET.fromstring(client.get(page).content)
        for url in root.findall("sm:url", SITEMAP):
            links = {link.get("hreflang"): link.get("href") for link in url.iter(XHTML)}
            found[url.findtext("sm:loc", namespaces=SITEMAP)] = links
    return found


def test_the_sitemap_lists_each_case_in_every_language(client):
    make_case(slug="sitemap-case")
    entries = sitemap_entries(client)
    assert {
        "http://testserver/cases/sitemap-case/",
        "http://testserver/sv/cases/sitemap-case/",
        "http://testserver/en/cases/sitemap-case/",
    } <= set(entries)


def test_each_sitemap_address_names_all_its_languages_and_the_finnish_default(client):
    make_case(slug="sitemap-case")
    entries = sitemap_entries(client)
    assert entries["http://testserver/sv/cases/sitemap-case/"] == {
        "fi": "http://testserver/cases/sitemap-case/",
        "sv": "http://testserver/sv/cases/sitemap-case/",
        "en": "http://testserver/en/cases/sitemap-case/",
        "x-default": "http://testserver/cases/sitemap-case/",
    }


def test_every_sitemap_address_has_the_alternates_of_every_language(client):
    entries = sitemap_entries(client)
    assert entries
    assert all(set(links) == {*LANGUAGES, "x-default"} for links in entries.values())


def test_the_default_of_a_case_whose_slug_is_a_language_code_is_its_finnish_page(client):
    make_case(slug="fi")
    links = sitemap_entries(client)["http://testserver/en/cases/fi/"]
    assert links["x-default"] == links["fi"] == "http://testserver/cases/fi/"


def test_a_sitemap_page_holds_its_limit_of_items_in_every_language(client, monkeypatch):
    for n in range(5):
        make_case(slug=f"paged-case-{n}")
    monkeypatch.setattr(Sitemap, "limit", 2)
    pages = [page for page in sitemap_pages(client) if "cases" in page]
    sizes = [
        len(ET.fromstring(client.get(page).content).findall("sm:url", SITEMAP)) for page in pages
    ]
    assert max(sizes) == 2 * len(LANGUAGES)


def test_a_sitemap_page_stays_within_a_few_thousand_addresses():
    assert Sitemap.limit * len(LANGUAGES) <= 3000


def test_robots_txt_keeps_crawlers_out_of_the_admin_in_every_language(client):
    lines = client.get("/robots.txt").text.splitlines()
    assert {"Disallow: /admin/", "Disallow: /sv/admin/", "Disallow: /en/admin/"} <= set(lines)
