"""The accessibility statement: the five parts the law asks for, in every language, and
the contact details from the one row curators edit."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape

from feedback.models import Assessment, ServiceContact
from feedback.statement import KNOWN_SHORTCOMINGS
from tests.feedback.builders import COORDINATOR_EMAIL, set_contact

pytestmark = pytest.mark.django_db

# The headings of the five parts, in each language.
PARTS = {
    "": [
        "Saavutettavuuden tila",
        "Ei-saavutettava sisältö",
        "Miten tämä seloste on laadittu",
        "Palaute",
        "Valvontaviranomainen",
    ],
    "/sv": [
        "Överensstämmelse med kraven",
        "Innehåll som inte är tillgängligt",
        "Hur utlåtandet har utarbetats",
        "Respons",
        "Tillsynsmyndighet",
    ],
    "/en": [
        "Conformance status",
        "Content that is not accessible",
        "How this statement was prepared",
        "Feedback",
        "Supervisory authority",
    ],
}


def statement(client, prefix=""):
    response = client.get(f"{prefix}/accessibility/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("prefix", PARTS)
def test_the_statement_has_the_five_parts(client, prefix):
    page = statement(client, prefix)
    assert [part for part in PARTS[prefix] if f">{part}</h2>" not in page] == []


@pytest.mark.parametrize(
    ("prefix", "status"),
    [("", "täyttää WCAG 2.1"), ("/sv", "uppfyller delvis"), ("/en", "partially meets")],
)
def test_the_statement_says_the_service_is_partially_conformant(client, prefix, status):
    assert status in statement(client, prefix)


@pytest.mark.parametrize("prefix", PARTS)
def test_the_statement_names_the_supervisory_authority_and_its_web_address(client, prefix):
    page = statement(client, prefix)
    assert "Lupa- ja valvontavirasto" in page or "Finnish Supervisory Agency" in page
    assert 'href="https://www.saavutettavuusvaatimukset.fi/"' in page


def test_the_authority_is_named_in_english_on_the_english_page(client):
    assert "Finnish Supervisory Agency" in statement(client, "/en")


def test_a_name_in_finnish_on_the_swedish_page_is_marked_as_finnish(client):
    assert '<dd lang="fi">Lupa- ja valvontavirasto</dd>' in statement(client, "/sv")


def test_the_authoritys_contact_details_come_from_the_row(client):
    set_contact(authority_email="valvonta@example.fi", authority_phone="0295 000 000")
    page = statement(client)
    assert 'href="mailto:valvonta@example.fi"' in page
    assert "0295 000 000" in page


@pytest.mark.parametrize("prefix", PARTS)
def test_the_statement_gives_the_coordinators_e_mail_address(client, prefix):
    set_contact()
    assert f'href="mailto:{COORDINATOR_EMAIL}"' in statement(client, prefix)


def test_a_changed_row_changes_the_statement(client):
    set_contact(coordinator_email="first@example.fi")
    assert "first@example.fi" in statement(client)
    set_contact(coordinator_email="second@example.fi")
    page = statement(client)
    assert "second@example.fi" in page
    assert "first@example.fi" not in page


def test_the_statement_gives_the_dates_from_the_row(client):
    set_contact(prepared_on=date(2026, 11, 27), updated_on=date(2027, 3, 5))
    page = statement(client, "/en")
    assert "prepared on 27 November 2026 and last updated on 5 March 2027" in page


def test_the_statement_says_who_assessed_the_service(client):
    set_contact(assessment=Assessment.THIRD_PARTY)
    assert "assessed by a third party" in statement(client, "/en")


@pytest.mark.parametrize("prefix", PARTS)
def test_the_statement_links_to_the_feedback_form(client, prefix):
    assert f'href="{prefix}/feedback/"' in statement(client, prefix)


def test_the_statement_lists_every_known_shortcoming_with_its_alternative(client):
    page = statement(client, "/en")
    translation.activate("en")
    for item in KNOWN_SHORTCOMINGS:
        assert escape(str(item.what)) in page
        assert escape(str(item.reason)) in page
        assert escape(str(item.alternative)) in page


def test_the_case_texts_in_english_on_swedish_pages_are_a_known_shortcoming():
    translation.activate("en")
    assert any("On the Swedish pages" in str(item.what) for item in KNOWN_SHORTCOMINGS)


def test_source_titles_are_no_longer_listed_as_unmarked():
    """Fixed: a source keeps the language of its title and the page marks it."""
    translation.activate("en")
    assert not any("titles of cited sources" in str(item.what) for item in KNOWN_SHORTCOMINGS)


def test_the_statement_names_how_it_was_assessed(client):
    page = statement(client, "/en")
    assert "axe-core" in page
    assert "keyboard" in page
    assert "accessibility tree" in page


def test_the_statement_answers_without_its_row(client):
    ServiceContact.objects.all().delete()
    response = client.get("/en/accessibility/")
    assert response.status_code == 200


def test_the_statement_costs_one_query(client, django_assert_num_queries):
    # The contact row; nothing else on the page touches the database.
    with django_assert_num_queries(1):
        client.get("/accessibility/")
