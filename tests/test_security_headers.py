"""The security baseline on every kind of address: the headers, the cookies, and public
pages that need no inline code, so that the Content-Security-Policy can refuse it all."""

from html.parser import HTMLParser

import pytest
from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.test import Client

from malnordic.headers import drop_vary
from tests.factories import (
    make_case,
    make_goal,
    make_indicator,
    make_network,
    make_region,
    make_term,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


def build_content():
    region = make_region(slug="northport")
    network = make_network(slug="cities")
    goal = make_goal(slug="fewer-trips")
    first = make_case(
        slug="rail-deal",
        title="Rail deal",
        regions=[region],
        networks=[network],
        goals=[goal],
        themes=("transport", "housing"),
    )
    # A chart on the case page (cases/templatetags/charts.py).
    make_indicator(first, goal=goal, measurements=[(2020, 95), (2022, 90)])
    make_case(slug="housing-pact", title="Housing pact", regions=[region], country="NO")
    make_term([first], slug="pact")


content = shared_content(build_content)

# Every kind of public address, with one of each detail page: the pages, then the rest.
PAGES = {
    "home": "/",
    "home in Swedish": "/sv/",
    "browse": "/cases/",
    "browse with facets": "/cases/?country=SE&theme=transport",
    "search": "/en/cases/?q=rail",
    "case": "/cases/rail-deal/",
    "compare": "/cases/compare/?case=rail-deal&case=housing-pact",
    "networks": "/networks/",
    "network": "/networks/cities/",
    "regions": "/regions/",
    "region": "/regions/northport/",
    "goals": "/goals/",
    "goal": "/goals/fewer-trips/",
    "glossary": "/glossary/",
    "report": "/cases/report/",
    "brief": "/cases/brief/",
    "api docs": "/api/v1/docs/",
    "propose": "/propose/",
    "follow": "/follow/",
    "feedback": "/feedback/",
    "not found": "/en/no-such-page/",
}
NOT_PAGES = {
    "feed": "/cases/feed/",
    "sitemap index": "/sitemap.xml",
    "sitemap section": "/sitemap-cases.xml",
    "robots.txt": "/robots.txt",
    "export csv": "/cases/export.csv",
    "export xlsx": "/cases/export.xlsx",
    "export json": "/cases/export.json",
    "catalog": "/catalog.jsonld",
    "api root": "/api/v1/",
    "api list": "/api/v1/cases/",
    "api detail": "/api/v1/cases/rail-deal/",
    "healthz": "/healthz",
    "security.txt": "/.well-known/security.txt",
}
PUBLIC = {**PAGES, **NOT_PAGES}
EVERY = {**PUBLIC, "admin sign-in": "/admin/login/"}


@pytest.fixture(params=list(EVERY.items()), ids=list(EVERY))
def answer(request, client):
    name, url = request.param
    response = client.get(url)
    assert response.status_code == (404 if name == "not found" else 200), url
    return response


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_every_response_has_a_content_security_policy_without_unsafe_sources(answer):
    policy = answer["Content-Security-Policy"]
    assert "'unsafe-" not in policy
    assert directives(answer)["default-src"] == ["'self'"]


def test_no_response_may_be_framed(answer):
    assert directives(answer)["frame-ancestors"] == ["'none'"]
    assert answer["X-Frame-Options"] == "DENY"


def test_every_response_denies_the_browser_features_the_site_does_not_use(answer):
    policy = answer["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert f"{feature}=()" in policy.split(", ")


def test_every_response_has_the_other_protective_headers(answer):
    assert answer["X-Content-Type-Options"] == "nosniff"
    assert answer["Referrer-Policy"] == "same-origin"
    assert answer["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("url", ["/", "/cases/", "/api/v1/", "/sitemap.xml", "/en/no-such-page/"])
def test_no_response_varies_by_the_browsers_language(client, url):
    """The address names the language; a shared cache keeps one copy of each page."""
    vary = client.get(url).get("Vary", "")
    assert "accept-language" not in vary.lower()


@pytest.mark.parametrize(
    "vary, left",
    [("Cookie, Accept-Language, Origin", "Cookie, Origin"), ("accept-language", None)],
)
def test_only_the_browsers_language_is_taken_out_of_vary(vary, left):
    response = HttpResponse(headers={"Vary": vary})
    drop_vary(response, "Accept-Language")
    assert response.get("Vary") == left


def test_https_responses_tell_the_browser_to_keep_to_https(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


# Script elements that hold data, not code: the policy does not apply to them.
DATA_BLOCKS = {"application/ld+json", "application/json"}


class InlineCode(HTMLParser):
    """What a strict policy would refuse in a page: style attributes, style elements,
    scripts written into the page and event handler attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.found.append(f"<{tag} style={attrs['style']!r}>")
        if tag == "style":
            self.found.append("<style>")
        if tag == "script" and not attrs.get("src") and attrs.get("type") not in DATA_BLOCKS:
            self.found.append(f"<script {attrs}> without src")
        self.found += [f"<{tag} {name}=…>" for name in attrs if name.startswith("on")]


@pytest.mark.parametrize("url", list(PAGES.values()), ids=list(PAGES))
def test_public_pages_have_no_inline_style_or_script(client, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("text/html")
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.found == []


@pytest.mark.parametrize("url", list(PUBLIC.values()), ids=list(PUBLIC))
def test_public_responses_need_no_nonce(client, url):
    """Public pages are cached whole: a nonce in a stored page would not match the header
    of the next response, so none may ask for one."""
    assert "'nonce-" not in client.get(url)["Content-Security-Policy"]


def test_the_admin_gets_a_fresh_nonce_for_its_own_inline_elements(client):
    first, second = (client.get("/admin/login/") for _ in range(2))
    nonce = [value for value in directives(first)["script-src"] if value.startswith("'nonce-")]
    assert len(nonce) == 1
    assert f'nonce="{nonce[0][7:-1]}"' in first.content.decode()
    assert nonce[0] not in second["Content-Security-Policy"]


def cookie_is_host_bound(cookie):
    return (
        cookie.key.startswith("__Host-")
        and cookie["secure"] is True
        and cookie["path"] == "/"
        and not cookie["domain"]
    )


def test_the_csrf_cookie_is_bound_to_the_host_and_to_https(client):
    response = client.get("/feedback/", secure=True)
    assert list(response.cookies) == ["__Host-csrftoken"]
    assert cookie_is_host_bound(response.cookies["__Host-csrftoken"])


def test_the_session_cookie_is_bound_to_the_host_and_to_https(client, curator):
    client.get("/admin/login/", secure=True)
    response = client.post("/admin/login/", {"username": "curator", "password": "pw"}, secure=True)
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    assert cookie_is_host_bound(cookie)
    assert cookie["httponly"] is True


def test_the_messages_cookie_is_bound_to_the_host_and_to_https(rf):
    request = rf.get("/admin/", secure=True)
    request.session = SessionStore()
    storage = default_storage(request)
    storage.add(messages.SUCCESS, "The case was changed.")
    response = HttpResponse()
    storage.update(response)
    assert list(response.cookies) == ["__Host-messages"]
    assert cookie_is_host_bound(response.cookies["__Host-messages"])


@pytest.fixture
def strict_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize(
    "prefix, language, heading",
    [
        ("", "fi", "Lomaketta ei voitu lähettää"),
        ("/sv", "sv", "Formuläret kunde inte skickas"),
        ("/en", "en", "The form could not be sent"),
    ],
)
def test_a_refused_form_gets_the_sites_own_page_in_its_language(
    strict_client, prefix, language, heading
):
    response = strict_client.post(f"{prefix}/feedback/", {"message": "Hello"})
    assert response.status_code == 403
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    assert f"<h1>{heading}</h1>" in text


def test_the_refused_form_page_links_back_to_the_form_and_has_no_inline_code(strict_client):
    response = strict_client.post("/en/propose/", {"title": "x"})
    parser = InlineCode()
    parser.feed(response.content.decode())
    assert parser.found == []
    assert 'href="/en/propose/"' in response.content.decode()


def test_the_refused_form_page_does_not_say_why_in_developers_terms(strict_client):
    text = strict_client.post("/en/feedback/", {"message": "Hello"}).content.decode()
    assert "CSRF" not in text
    assert "Traceback" not in text
