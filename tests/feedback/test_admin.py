"""Curators read feedback and keep the contact details; nobody adds a message by hand."""

import pytest
from django.contrib.auth.models import Group

from feedback.models import FeedbackMessage, ServiceContact
from tests.feedback.builders import feedback_data, make_message, set_contact

pytestmark = pytest.mark.django_db

MESSAGES = "/admin/feedback/feedbackmessage/"
CONTACT = "/admin/feedback/servicecontact/"


def test_posted_feedback_is_listed_for_a_curator(client, curator_client):
    set_contact()
    client.post("/feedback/", feedback_data(message="The map has no text alternative."))
    page = curator_client.get(MESSAGES).content.decode()
    assert "The map has no text alternative." in page


def test_the_list_can_be_searched(curator_client):
    make_message(message="About the tram case.")
    make_message(message="About the housing case.")
    page = curator_client.get(MESSAGES, {"q": "tram"}).content.decode()
    assert "About the tram case." in page
    assert "About the housing case." not in page


def test_the_list_can_be_filtered_by_status(curator_client):
    make_message(message="Still open.")
    make_message(message="Done with.", status=FeedbackMessage.Status.ANSWERED)
    page = curator_client.get(MESSAGES, {"status__exact": "new"}).content.decode()
    assert "Still open." in page
    assert "Done with." not in page


def test_a_curator_can_mark_messages_answered(curator_client):
    message = make_message()
    curator_client.post(MESSAGES, {"action": "mark_answered", "_selected_action": [message.pk]})
    message.refresh_from_db()
    assert message.status == FeedbackMessage.Status.ANSWERED


def test_a_curator_can_open_a_message(curator_client):
    message = make_message(message="Read me.")
    assert curator_client.get(f"{MESSAGES}{message.pk}/change/").status_code == 200


@pytest.mark.parametrize("persona", ["curator", "superuser"])
def test_nobody_adds_a_message_in_the_admin(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"{MESSAGES}add/").status_code == 403


def test_a_curator_cannot_delete_a_message(curator_client):
    message = make_message()
    assert curator_client.get(f"{MESSAGES}{message.pk}/delete/").status_code == 403


def test_staff_outside_the_curator_group_cannot_read_messages(client, staff_without_group):
    make_message()
    client.force_login(staff_without_group)
    assert client.get(MESSAGES).status_code == 403


def test_the_public_cannot_read_messages(client):
    make_message()
    response = client.get(MESSAGES)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_curator_group_may_change_and_view_the_new_models():
    codenames = set(
        Group.objects.get(name="Curator")
        .permissions.filter(content_type__app_label="feedback")
        .values_list("codename", flat=True)
    )
    assert codenames == {
        "change_servicecontact",
        "view_servicecontact",
        "change_feedbackmessage",
        "view_feedbackmessage",
    }


def test_a_migration_makes_the_contact_row_with_the_supervisory_authority():
    contact = ServiceContact.objects.get()
    assert contact.authority_name_fi == "Lupa- ja valvontavirasto"
    assert contact.authority_url == "https://www.saavutettavuusvaatimukset.fi/"


def test_the_contact_list_opens_the_one_row(curator_client):
    response = curator_client.get(CONTACT)
    assert response.status_code == 302
    assert response["Location"] == f"{CONTACT}{ServiceContact.ROW}/change/"


def test_a_curator_edits_the_contact_details_and_the_history_records_it(curator_client, curator):
    response = curator_client.get(f"{CONTACT}1/change/")
    form = response.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    data.update(coordinator_name="Coordinator", coordinator_email="mal@example.fi")
    response = curator_client.post(f"{CONTACT}1/change/", data)
    assert response.status_code == 302
    latest = ServiceContact.history.latest()
    assert (latest.coordinator_email, latest.history_user) == ("mal@example.fi", curator)


def test_the_coordinators_e_mail_is_required_in_the_admin(curator_client):
    response = curator_client.get(f"{CONTACT}1/change/")
    form = response.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(coordinator_name="Coordinator", coordinator_email="")
    response = curator_client.post(f"{CONTACT}1/change/", data)
    assert response.status_code == 200
    assert ServiceContact.objects.get().coordinator_email == ""


@pytest.mark.parametrize("persona", ["curator", "superuser"])
def test_nobody_adds_or_deletes_the_contact_row(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(f"{CONTACT}add/").status_code == 403
    assert client.get(f"{CONTACT}1/delete/").status_code == 403
