"""The 404 and 500 pages: in the address's language, inside the site's own frame.

The test settings run with DEBUG off, as production does. For the 500 page this module is
also a URLconf: the site's addresses plus one whose view fails.
"""

import pytest
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from malnordic import urls as site_urls
from networks.models import PublicationState
from tests.factories import make_case
from tests.html import alternates, html_lang, nav_links

PREFIXES = [("", "fi"), ("/sv", "sv"), ("/en", "en")]
SECRET_DETAIL = "the-failing-view-says-this"


def fail(request):
    raise RuntimeError(SECRET_DETAIL)


urlpatterns = site_urls.urlpatterns + i18n_patterns(
    path("fail/", fail), prefix_default_language=False
)
handler500 = site_urls.handler500


@pytest.fixture
def failing_client(client, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    return client


def main_nav_hrefs(response):
    return [attrs["href"] for _text, attrs in nav_links(response) if "hreflang" not in attrs]


def reveals_nothing(response):
    text = response.content.decode()
    return not any(
        secret in text for secret in ("Traceback", SECRET_DETAIL, settings.SECRET_KEY, "DEBUG")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("prefix, language", PREFIXES)
def test_a_missing_page_answers_404_in_the_addresss_language(client, prefix, language):
    response = client.get(f"{prefix}/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == language


@pytest.mark.django_db
@pytest.mark.parametrize("prefix, language", PREFIXES)
def test_the_404_page_has_the_sites_navigation_in_its_language(client, prefix, language):
    hrefs = main_nav_hrefs(client.get(f"{prefix}/no-such-page/"))
    assert f"{prefix}/cases/" in hrefs
    assert f"{prefix}/about/" in hrefs


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix, heading",
    [("", "Sivua ei löytynyt"), ("/sv", "Sidan hittades inte"), ("/en", "Page not found")],
)
def test_the_404_page_says_so_in_its_language(client, prefix, heading):
    assert f"<h1>{heading}</h1>" in client.get(f"{prefix}/no-such-page/").content.decode()


@pytest.mark.django_db
def test_the_404_page_offers_the_same_address_in_the_other_languages(client):
    response = client.get("/sv/no-such-page/")
    hrefs = [attrs["href"] for _text, attrs in nav_links(response, "languages")]
    assert hrefs == ["/no-such-page/", "/sv/no-such-page/", "/en/no-such-page/"]


@pytest.mark.django_db
def test_the_404_page_names_no_alternates_for_search_engines(client):
    assert alternates(client.get("/sv/no-such-page/")) == {}


@pytest.mark.django_db
def test_a_draft_case_answers_404_with_the_sites_page(client):
    draft = make_case(slug="draft-404", state=PublicationState.DRAFT, published_at=None)
    response = client.get(f"/sv{draft.get_absolute_url()}")
    assert response.status_code == 404
    assert html_lang(response) == "sv"
    assert reveals_nothing(response)


@pytest.mark.django_db
def test_the_404_page_reveals_nothing(client):
    assert reveals_nothing(client.get("/en/cases/no-such-case/"))


# No database marker: a query from the 500 page, or anything it runs, fails the test.


@pytest.mark.parametrize("prefix, language", PREFIXES)
def test_a_failing_page_answers_500_in_the_addresss_language(failing_client, prefix, language):
    response = failing_client.get(f"{prefix}/fail/")
    assert response.status_code == 500
    assert html_lang(response) == language


@pytest.mark.parametrize("prefix, language", PREFIXES)
def test_the_500_page_has_the_sites_navigation_and_footer(failing_client, prefix, language):
    response = failing_client.get(f"{prefix}/fail/")
    assert f"{prefix}/cases/" in main_nav_hrefs(response)
    assert f'href="{prefix}/accessibility/"' in response.content.decode()


def test_the_500_page_offers_the_same_address_in_the_other_languages(failing_client):
    response = failing_client.get("/sv/fail/?q=x")
    hrefs = [attrs["href"] for _text, attrs in nav_links(response, "languages")]
    assert hrefs == ["/fail/?q=x", "/sv/fail/?q=x", "/en/fail/?q=x"]


@pytest.mark.parametrize(
    "prefix, heading", [("", "Palvelinvirhe"), ("/sv", "Serverfel"), ("/en", "Server error")]
)
def test_the_500_page_says_so_in_its_language(failing_client, prefix, heading):
    assert f"<h1>{heading}</h1>" in failing_client.get(f"{prefix}/fail/").content.decode()


def test_the_500_page_reveals_nothing(failing_client):
    assert reveals_nothing(failing_client.get("/en/fail/"))


def test_when_the_500_page_itself_fails_a_plain_one_says_the_same(failing_client, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry for 'css/site.css'")

    monkeypatch.setattr("malnordic.views.loader.render_to_string", broken)
    response = failing_client.get("/sv/fail/")
    assert response.status_code == 500
    assert html_lang(response) == "sv"
    assert "<h1>Serverfel</h1>" in response.content.decode()
    assert "manifest" not in response.content.decode()
