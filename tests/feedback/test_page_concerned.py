"""The page a message concerns is only ever a path on this site, and shown as a link only
then."""

import pytest

from feedback.models import FeedbackMessage
from feedback.pages import site_path
from tests.feedback.builders import feedback_data, make_message, set_contact

pytestmark = pytest.mark.django_db

URL = "/feedback/"
HOST = "testserver"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/cases/", "/cases/"),
        ("/cases/?country=NO&theme=transport", "/cases/?country=NO&theme=transport"),
        ("http://testserver/sv/cases/x/#part", "/sv/cases/x/"),
        ("https://evil.example/cases/", ""),
        ("//evil.example/", ""),
        ("/\\evil.example/", ""),
        ("\\\\evil.example", ""),
        ("javascript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("data:text/html,hi", ""),
        ("cases/", ""),
        ("/cases/\x00", ""),
        ("/" + "x" * 600, ""),
    ],
)
def test_only_addresses_on_this_site_become_paths(value, expected):
    assert site_path(value, HOST) == expected


def test_without_a_host_a_full_address_is_refused():
    assert site_path("http://testserver/cases/") == ""


def test_the_page_is_prefilled_from_the_query_string(client):
    response = client.get(URL, {"page": "/cases/?country=NO"})
    assert response.context["form"]["page"].value() == "/cases/?country=NO"


def test_the_page_is_prefilled_from_the_referer(client):
    response = client.get(URL, HTTP_REFERER="http://testserver/networks/")
    assert response.context["form"]["page"].value() == "/networks/"


def test_an_external_page_is_not_prefilled(client):
    response = client.get(URL, {"page": "https://evil.example/"})
    assert response.context["form"]["page"].value() == ""
    assert 'href="https://evil.example' not in response.content.decode()


def test_an_external_referer_is_not_prefilled(client):
    response = client.get(URL, HTTP_REFERER="https://evil.example/cases/")
    assert response.context["form"]["page"].value() == ""


def test_the_statement_as_referer_is_not_taken_for_the_subject(client):
    response = client.get(URL, HTTP_REFERER="http://testserver/accessibility/")
    assert response.context["form"]["page"].value() == ""


@pytest.mark.parametrize(
    "page", ["https://evil.example/", "javascript:alert(1)", "//evil.example/x"]
)
def test_posting_an_external_page_is_refused_and_never_linked(client, page):
    set_contact()
    response = client.post(URL, feedback_data(page=page))
    assert response.status_code == 400
    assert FeedbackMessage.objects.count() == 0
    body = response.content.decode()
    for allowed in (
        'href="https://www.saavutettavuusvaatimukset',
        'href="https://creativecommons',
    ):
        body = body.replace(allowed, "")
    assert 'href="https' not in body
    assert 'href="javascript' not in body
    assert 'href="//' not in body


def test_a_page_on_this_site_is_stored_as_its_path(client):
    set_contact()
    client.post(URL, feedback_data(page="http://testserver/cases/?q=tram"))
    assert FeedbackMessage.objects.get().page == "/cases/?q=tram"


def test_the_admin_links_a_path_on_this_site(curator_client):
    make_message(page="/cases/")
    page = curator_client.get("/admin/feedback/feedbackmessage/").content.decode()
    assert '<a href="/cases/">/cases/</a>' in page


@pytest.mark.parametrize("stored", ["https://evil.example/", "javascript:alert(1)"])
def test_the_admin_shows_anything_else_as_text(curator_client, stored):
    # Stored past the form's check (a bulk import, a shell): still never a link.
    make_message(page=stored)
    page = curator_client.get("/admin/feedback/feedbackmessage/").content.decode()
    assert stored in page
    assert f'href="{stored}"' not in page
