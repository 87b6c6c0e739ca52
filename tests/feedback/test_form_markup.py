"""The form as assistive technology meets it: labels, error summary, described errors."""

import re

import pytest

from feedback.models import MESSAGE_MAX_LENGTH
from tests.feedback.builders import feedback_data, set_contact

pytestmark = pytest.mark.django_db

FIELDS = ["message", "name", "email", "page", "website"]


def ids(page):
    return set(re.findall(r'\sid="([^"]+)"', page))


def test_every_field_has_a_label(client):
    page = client.get("/feedback/").content.decode()
    for name in FIELDS:
        assert f'<label for="id_{name}">' in page


def test_an_error_is_described_next_to_its_field(client):
    response = client.post("/feedback/", feedback_data(message="", email="not-an-address"))
    page = response.content.decode()
    for name in ("message", "email"):
        described = re.search(rf'<[^>]*id="id_{name}"[^>]*>', page).group(0)
        referenced = re.search(r'aria-describedby="([^"]+)"', described).group(1).split()
        assert f"id_{name}_error" in referenced
        assert set(referenced) <= ids(page)
        assert 'aria-invalid="true"' in described


def test_the_error_summary_links_to_each_field_with_an_error(client):
    page = client.post("/en/feedback/", feedback_data(message="", email="x")).content.decode()
    summary = page[page.index('id="error-summary"') : page.index("<form")]
    assert 'href="#id_message"' in summary
    assert 'href="#id_email"' in summary


def test_the_title_says_there_is_an_error(client):
    page = client.post("/en/feedback/", feedback_data(message="")).content.decode()
    assert "<title>Error: Feedback" in page


def test_an_over_long_message_is_kept_in_its_field(client):
    text = "ä" * (MESSAGE_MAX_LENGTH + 10)
    page = client.post("/feedback/", feedback_data(message=text)).content.decode()
    assert re.search(rf'<textarea[^>]*id="id_message"[^>]*>\s*{text}</textarea>', page)


def test_the_form_page_gives_the_coordinators_address(client):
    set_contact(coordinator_email="mal@example.fi")
    assert 'href="mailto:mal@example.fi"' in client.get("/feedback/").content.decode()


@pytest.mark.parametrize("path", ["/", "/sv/cases/", "/en/about/", "/feedback/", "/no-such/"])
def test_the_footer_links_to_the_statement_and_the_feedback_form(client, path):
    page = client.get(path).content.decode()
    footer = page[page.index("<footer") :]
    prefix = path[:3] if path[:4] in ("/sv/", "/en/") else ""
    assert f'href="{prefix}/accessibility/"' in footer
    assert f'href="{prefix}/feedback/"' in footer
