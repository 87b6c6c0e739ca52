"""The Atom feed of a selection, the sitemap and robots.txt."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from networks.models import PublicationState
from tests.factories import bulk_cases, make_case, shared_content
from tests.sitemaps import sitemap_locations, sitemap_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cases")]

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
FEED = reverse("cases:feed")


# 12 published cases of every country and theme, built once for the module; what a test
# adds is undone after it.
cases = shared_content(lambda: bulk_cases(12))


@pytest.fixture
def hidden():
    """A draft and an archived case that no feed or sitemap may list."""
    return [
        make_case(title="Draft feed case", state=PublicationState.DRAFT, published_at=None),
        make_case(title="Archived feed case", state=PublicationState.ARCHIVED),
    ]


def feed(client, query=""):
    response = client.get(f"{FEED}?{query}")
    assert response.status_code == 200
    return ET.fromstring(response.content)


def entry_paths(root):
    """The path of each entry's page, in feed order."""
    links = root.findall("atom:entry/atom:link[@rel='alternate']", ATOM)
    return [urlsplit(link.get("href")).path for link in links]


def paths_of(cases):
    return {case.get_absolute_url() for case in cases}


def sitemap_paths(client):
    return {urlsplit(location).path for location in sitemap_locations(client)}


def test_the_feed_is_atom(client):
    response = client.get(FEED)
    assert response["Content-Type"].startswith("application/atom+xml")
    assert ET.fromstring(response.content).tag == "{http://www.w3.org/2005/Atom}feed"


def test_every_entry_has_a_title_an_id_and_a_link(client):
    entries = feed(client).findall("atom:entry", ATOM)
    assert entries
    assert all(
        entry.findtext("atom:title", namespaces=ATOM)
        and entry.findtext("atom:id", namespaces=ATOM)
        and entry.find("atom:link", ATOM) is not None
        for entry in entries
    )


def test_the_feed_lists_every_published_case_and_nothing_else(client, hidden):
    paths = entry_paths(feed(client))
    assert sorted(paths) == sorted(paths_of(Case.objects.published()))


def test_the_feed_leaves_out_drafts_and_archived_cases(client, hidden):
    assert not set(entry_paths(feed(client))) & paths_of(hidden)


def test_the_feed_of_a_country_lists_only_that_country(client):
    paths = entry_paths(feed(client, "country=DK"))
    expected = paths_of(Case.objects.published().filter(country="DK"))
    assert sorted(paths) == sorted(expected) and 0 < len(expected) < Case.objects.count()


def test_the_feed_combines_filters_like_the_list(client):
    query = "country=SE&country=NO&theme=business&theme=land-use"
    listed = client.get(f"{reverse('cases:list')}?{query}").context["paginator"].object_list
    assert sorted(entry_paths(feed(client, query))) == sorted(paths_of(listed)) != []


def test_the_feed_honours_a_search(client):
    light_rail = [make_case(title="Aarhus Letbane"), make_case(summary="A new letbane.")]
    assert sorted(entry_paths(feed(client, "q=letbane"))) == sorted(paths_of(light_rail))


def test_the_feed_of_a_country_leaves_out_a_draft_of_that_country(client):
    draft = make_case(country="DK", state=PublicationState.DRAFT, published_at=None)
    assert draft.get_absolute_url() not in entry_paths(feed(client, "country=DK"))


def test_the_feed_ignores_page_and_sort(client):
    # The newest first, which is not the title order.
    make_case(country="NO", title="Zealand plan", published_at=timezone.now())
    make_case(country="NO", title="Alta plan", published_at=timezone.now() - timedelta(days=1))
    assert entry_paths(feed(client, "country=NO&page=2&sort=title")) == entry_paths(
        feed(client, "country=NO")
    )


@pytest.mark.parametrize(
    "query",
    ["country=XX", "year_from=abc", "q=" + "x" * 5000, "page=-1", "q=a%00b", "region=%00"],
)
def test_bad_parameters_still_give_a_feed(client, query):
    assert feed(client, query).tag == "{http://www.w3.org/2005/Atom}feed"


def test_the_feed_links_to_the_same_selection_on_the_site(client):
    root = feed(client, "country=DK&theme=transport")
    alternate = root.find("atom:link[@rel='alternate']", ATOM).get("href")
    assert parse_qs(urlsplit(alternate).query) == {"country": ["DK"], "theme": ["transport"]}


def test_the_feeds_self_link_keeps_the_selection(client):
    root = feed(client, "country=DK")
    self_link = root.find("atom:link[@rel='self']", ATOM).get("href")
    assert parse_qs(urlsplit(self_link).query) == {"country": ["DK"]}


def test_the_sitemap_is_an_index_of_pages_in_the_sitemap_namespace(client):
    pages = sitemap_pages(client)
    assert pages
    for page in pages:
        assert ET.fromstring(client.get(page).content).tag == (
            "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
        )


def test_the_sitemap_is_split_into_pages_of_at_most_its_limit(client, monkeypatch):
    from malnordic.sitemaps import Sitemap

    bulk_cases(7)
    monkeypatch.setattr(Sitemap, "limit", 3)
    case_pages = [page for page in sitemap_pages(client) if "cases" in page]
    published = Case.objects.published().count()
    assert len(case_pages) == -(-published // 3)
    locations = sitemap_locations(client)
    assert paths_of(Case.objects.published()) <= {urlsplit(loc).path for loc in locations}
    assert len(locations) == len(set(locations))


def test_the_sitemap_lists_every_published_case(client):
    assert paths_of(Case.objects.published()) <= sitemap_paths(client)


def test_the_sitemap_lists_no_draft_or_archived_case(client, hidden):
    assert not paths_of(hidden) & sitemap_paths(client)


def test_the_sitemap_lists_each_case_once(client):
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))


def test_robots_txt_names_the_sitemap(client):
    response = client.get(reverse("robots"))
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()
