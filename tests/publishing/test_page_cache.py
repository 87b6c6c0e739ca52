"""The page cache is always right: every change to public content is seen at once on every
page and API response that shows it, with Redis (shared by app servers) and with memory;
personal requests are never served a stored page; conditional requests get 304 until the
content changes."""

import gzip
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils.http import http_date

from cases.models import Case
from publishing.models import PublicationState
from tests.factories import (
    make_case,
    make_goal,
    make_network,
    make_region,
    make_term,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_world")]


@pytest.fixture(params=["memory", "redis"])
def page_cache(request, settings):
    """The page cache on, in a cache of its own: process memory, or the local Redis under a
    key prefix no other test uses (tests/conftest.py)."""
    settings.PAGE_CACHE = True
    if request.param == "memory":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION": f"test-{uuid.uuid4().hex}",
            }
        }
    else:
        request.getfixturevalue("redis_cache")
    return request.param


def body(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    return response.content.decode() if response.status_code == 200 else ""


def read_all(client, urls):
    """Each address twice: the second answer is the stored one."""
    for url in urls:
        body(client, url)
    return {url: body(client, url) for url in urls}


def build_world():
    goal = make_goal(name="Cleaner air")
    region = make_region(name="Lakeside")
    network = make_network(name="Harbour towns")
    case = make_case(title="Tramway pact", goals=[goal], regions=[region], networks=[network])
    term = make_term(cases=[case], name="Bypakke")
    return {"case": case, "goal": goal, "region": region, "network": network, "term": term}


# Made once for the module; each test's changes are rolled back after it.
shared_world = shared_content(build_world)


@pytest.fixture
def world(shared_world):
    """The records as the database holds them, read afresh for each test: what a test
    before it changed on its copies was rolled back in the database only."""
    return {kind: type(row).objects.get(pk=row.pk) for kind, row in shared_world.items()}


def pages_of_case(case, world):
    return [
        reverse("home"),
        reverse("cases:list"),
        reverse("cases:list") + "?q=tramway",
        reverse("cases:list") + "?country=SE",
        f"/en{case.get_absolute_url()}",
        case.get_absolute_url(),
        reverse("cases:feed"),
        world["goal"].get_absolute_url(),
        world["region"].get_absolute_url(),
        world["network"].get_absolute_url(),
        reverse("glossary:list"),
        "/api/v1/cases/",
        f"/api/v1/cases/{case.slug}/",
        "/api/v1/cases/?q=tramway",
    ]


# What each kind of record is called on the pages, and the pages that show it.
def pages_of(kind, world):
    case = world["case"]
    shown_on = {
        "goal": [reverse("cases:goal-list"), "/api/v1/goals/"],
        "region": [reverse("networks:region-list"), "/api/v1/regions/"],
        "network": [reverse("networks:list"), "/api/v1/networks/"],
        "term": [reverse("glossary:list"), "/api/v1/glossary/"],
    }[kind]
    return [
        *shown_on,
        world[kind].get_absolute_url() if kind != "term" else reverse("glossary:list"),
        case.get_absolute_url(),
        f"/en{case.get_absolute_url()}",
        f"/api/v1/cases/{case.slug}/",
    ]


def assert_shown(pages, text):
    missing = [url for url, html in pages.items() if text not in html]
    assert not missing, f"{text!r} is missing from {missing}"


def assert_not_shown(pages, text, except_on=()):
    shown = [url for url, html in pages.items() if text in html and url not in except_on]
    assert not shown, f"{text!r} is still shown on {shown}"


def test_editing_a_case_is_seen_at_once_everywhere(client, page_cache, world):
    case = world["case"]
    urls = pages_of_case(case, world)
    assert_shown(read_all(client, urls), "Tramway pact")
    case.title = "Tramway and bus pact"
    case.save()
    pages = read_all(client, urls)
    assert_shown(pages, "Tramway and bus pact")
    assert_not_shown(pages, "Tramway pact")


SITEMAP = "/sitemap-cases.xml"


def test_archiving_and_deleting_a_case_takes_it_off_every_list_at_once(client, page_cache, world):
    case = world["case"]
    urls = pages_of_case(case, world)
    assert_shown(read_all(client, urls), "Tramway pact")
    assert case.slug in body(client, SITEMAP)
    case.state = PublicationState.ARCHIVED
    case.save()
    pages = read_all(client, urls)
    # Its own page stays, with a notice: it is kept for reference.
    own_pages = [case.get_absolute_url(), f"/en{case.get_absolute_url()}"]
    assert_not_shown(pages, "Tramway pact", except_on=own_pages)
    assert "archived" in pages[f"/en{case.get_absolute_url()}"]
    case.delete()
    assert_not_shown(read_all(client, urls), "Tramway pact")
    assert case.slug not in body(client, SITEMAP)
    assert client.get(case.get_absolute_url()).status_code == 404


def test_publishing_a_draft_shows_it_at_once_everywhere(client, page_cache, world):
    draft = make_case(
        title="Ferry compact",
        state=PublicationState.DRAFT,
        published_at=None,
        goals=[world["goal"]],
        regions=[world["region"]],
        networks=[world["network"]],
    )
    urls = [url.replace("tramway", "ferry") for url in pages_of_case(draft, world)]
    urls.remove(reverse("glossary:list"))  # the draft has no glossary term
    assert_not_shown(read_all(client, urls), "Ferry compact")
    assert draft.slug not in body(client, SITEMAP)
    draft.state = PublicationState.PUBLISHED
    draft.save()
    assert_shown(read_all(client, urls), "Ferry compact")
    assert draft.slug in body(client, SITEMAP)


@pytest.mark.parametrize(
    "kind, old, new",
    [
        ("goal", "Cleaner air", "Quieter streets"),
        ("region", "Lakeside", "Hillside"),
        ("network", "Harbour towns", "River towns"),
        ("term", "Bypakke", "Bompakke"),
    ],
)
def test_renaming_a_goal_region_network_or_term_is_seen_at_once_everywhere(
    client, page_cache, world, kind, old, new
):
    urls = pages_of(kind, world)
    assert_shown(read_all(client, urls), old)
    record = world[kind]
    record.name = new
    record.save()
    pages = read_all(client, urls)
    assert_shown(pages, new)
    assert_not_shown(pages, old)


@pytest.mark.parametrize("kind, old", [("network", "Harbour towns"), ("term", "Bypakke")])
def test_unpublishing_a_network_or_term_takes_it_off_at_once(client, page_cache, world, kind, old):
    urls = [url for url in pages_of(kind, world) if url != world[kind].get_absolute_url()]
    assert_shown(read_all(client, urls), old)
    record = world[kind]
    record.state = PublicationState.DRAFT
    record.save()
    assert_not_shown(read_all(client, urls), old)


@pytest.mark.parametrize(
    "kind, old", [("goal", "Cleaner air"), ("region", "Lakeside"), ("network", "Harbour towns")]
)
def test_deleting_a_goal_region_or_network_takes_it_off_at_once(
    client, page_cache, world, kind, old
):
    urls = [url for url in pages_of(kind, world) if url != world[kind].get_absolute_url()]
    assert_shown(read_all(client, urls), old)
    world[kind].delete()
    assert_not_shown(read_all(client, urls), old)


def test_a_stored_page_is_served_until_the_version_changes(
    client, page_cache, world, django_assert_num_queries
):
    """A change made behind the signals' back (no new version) shows that pages are stored."""
    case = world["case"]
    url = case.get_absolute_url()
    first = client.get(url)
    Case.objects.filter(pk=case.pk).update(title_en="Changed quietly")
    with django_assert_num_queries(1):  # the content version only
        again = client.get(url)
    assert again.content == first.content


def test_a_curator_is_never_served_a_stored_page_nor_stores_one(
    client, curator, page_cache, world
):
    case = world["case"]
    url = case.get_absolute_url()
    client.get(url)
    Case.objects.filter(pk=case.pk).update(title_en="Changed quietly")
    assert "Changed quietly" not in client.get(url).content.decode()  # stored for the public
    client.force_login(curator)
    response = client.get(url)
    assert "Changed quietly" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "ETag" not in response
    # What a curator sees of a draft is never stored for anyone else.
    draft = make_case(title="Secret draft", state=PublicationState.DRAFT, published_at=None)
    Case.objects.filter(pk=draft.pk).update(title_en="Secret draft")
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_anonymous_pages_are_public_and_vary_only_by_what_they_vary_by(client, page_cache, world):
    for url in pages_of_case(world["case"], world):
        response = client.get(url)
        assert "public" in response["Cache-Control"], url
        assert "must-revalidate" in response["Cache-Control"], url
        assert response.has_header("ETag") and response.has_header("Last-Modified"), url
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url


def test_a_conditional_request_gets_304_until_the_page_changes(
    client, page_cache, world, django_assert_num_queries
):
    case = world["case"]
    url = case.get_absolute_url()
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_num_queries(1):
        not_modified = client.get(url, headers={"if-none-match": etag})
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == etag
    assert client.get(url, headers={"if-modified-since": modified}).status_code == 304
    assert client.head(url, headers={"if-none-match": etag}).status_code == 304
    # Another address has another tag.
    other = client.get(reverse("cases:list"), headers={"if-none-match": etag})
    assert other.status_code == 200
    case.title = "Tramway and bus pact"
    case.save()
    changed = client.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Tramway and bus pact" in changed.content.decode()


def test_if_modified_since_older_than_the_content_gets_the_page(client, page_cache, world):
    url = world["case"].get_absolute_url()
    response = client.get(url)
    last_modified = response["Last-Modified"]
    from django.utils.http import parse_http_date

    earlier = http_date(parse_http_date(last_modified) - timedelta(days=1).total_seconds())
    assert client.get(url, headers={"if-modified-since": earlier}).status_code == 200


def test_the_feed_answers_if_modified_since_with_304(client, page_cache, world):
    url = reverse("cases:feed")
    response = client.get(url)
    later = client.get(url, headers={"if-modified-since": response["Last-Modified"]})
    assert later.status_code == 304


@pytest.mark.parametrize(
    "url", ["/cases/", "/en/cases/export.csv", "/api/v1/cases/", "/cases/feed/"]
)
def test_pages_and_downloads_are_compressed_for_clients_that_ask(client, page_cache, world, url):
    plain = client.get(url)
    plain_body = plain.getvalue()
    packed = client.get(url, headers={"accept-encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.getvalue()) == plain_body
    # Compressing makes the tag weak; it still validates the page.
    assert packed["ETag"] == f"W/{plain['ETag']}"
    again = client.get(url, headers={"accept-encoding": "gzip", "if-none-match": packed["ETag"]})
    assert again.status_code == 304


def test_a_page_cache_that_is_down_costs_speed_not_the_page(client, settings, world):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    response = client.get(world["case"].get_absolute_url())
    assert response.status_code == 200
    assert "Tramway pact" in response.content.decode()
