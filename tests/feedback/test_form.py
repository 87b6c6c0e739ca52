"""The feedback form: what it keeps, whom it tells, and what it refuses."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from feedback.models import MESSAGE_MAX_LENGTH, FeedbackMessage
from tests.feedback.builders import COORDINATOR_EMAIL, feedback_data, make_message, set_contact

pytestmark = pytest.mark.django_db

URL = "/feedback/"


@pytest.fixture(autouse=True)
def contact():
    return set_contact()


def post(client, address="192.0.2.10", prefix="", **fields):
    return client.post(prefix + URL, feedback_data(**fields), REMOTE_ADDR=address)


def test_the_form_answers_in_each_language(client):
    for prefix in ("", "/sv", "/en"):
        assert client.get(f"{prefix}{URL}").status_code == 200


def test_a_message_is_stored(client):
    post(client, message="The map cannot be used with a keyboard.")
    assert list(FeedbackMessage.objects.values_list("message", flat=True)) == [
        "The map cannot be used with a keyboard."
    ]


def test_a_stored_message_is_new_and_keeps_no_address(client):
    post(client, address="198.51.100.7")
    message = FeedbackMessage.objects.get()
    assert message.status == FeedbackMessage.Status.NEW
    assert "198.51.100.7" not in message.sender_hash
    assert len(message.sender_hash) == 64


def test_a_message_is_e_mailed_to_the_coordinator(client):
    post(client, message="The filters lose focus.", email="sender@example.fi")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [COORDINATOR_EMAIL]
    assert "The filters lose focus." in sent.body
    assert sent.reply_to == ["sender@example.fi"]


def test_the_e_mail_goes_to_the_address_a_curator_set(client):
    set_contact(coordinator_email="new.coordinator@example.fi")
    post(client)
    assert mail.outbox[0].to == ["new.coordinator@example.fi"]


def test_without_a_coordinator_address_the_message_is_still_stored(client):
    set_contact(coordinator_email="")
    post(client)
    assert FeedbackMessage.objects.count() == 1
    assert mail.outbox == []


def test_the_sender_is_thanked_and_told_when_to_expect_an_answer(client):
    response = post(client, prefix="/en", email="sender@example.fi")
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "answer by e-mail within 14 days" in page


def test_without_an_e_mail_address_no_answer_is_promised(client):
    response = post(client, prefix="/en")
    page = client.get(response["Location"]).content.decode()
    assert "You gave no e-mail address" in page


def test_the_thanks_are_in_the_senders_language(client):
    response = client.post("/sv" + URL, feedback_data(email="a@example.fi"))
    assert response["Location"].startswith("/sv/feedback/thanks/")
    assert "14 dagar" in client.get(response["Location"]).content.decode()


def test_a_second_message_within_a_minute_is_refused_with_429(client):
    post(client, address="203.0.113.5", message="First.")
    response = post(client, address="203.0.113.5", prefix="/en", message="Second.")
    assert response.status_code == 429
    assert "less than a minute ago" in response.content.decode()
    assert FeedbackMessage.objects.count() == 1


def test_a_refused_message_keeps_its_text_and_sends_nothing(client):
    post(client, address="203.0.113.5")
    mail.outbox.clear()
    response = post(client, address="203.0.113.5", message="Keep this text.")
    assert "Keep this text." in response.content.decode()
    assert mail.outbox == []


def test_the_limit_is_counted_per_address(client):
    post(client, address="203.0.113.5")
    assert post(client, address="203.0.113.6").status_code == 302


def test_the_limit_counts_what_other_servers_stored(client):
    # Another server's messages are rows like any other: the count is in the database.
    make_message(address="203.0.113.9")
    assert post(client, address="203.0.113.9").status_code == 429


def test_five_messages_a_day_from_one_address_are_the_most(client):
    for hours in range(1, 6):
        make_message(address="203.0.113.8", created_at=timezone.now() - timedelta(hours=hours))
    response = post(client, address="203.0.113.8", prefix="/en")
    assert response.status_code == 429
    assert "Please send this one tomorrow" in response.content.decode()


def test_messages_older_than_a_day_do_not_count(client):
    for _n in range(5):
        make_message(address="203.0.113.8", created_at=timezone.now() - timedelta(days=2))
    assert post(client, address="203.0.113.8").status_code == 302


def test_a_filled_honeypot_stores_nothing_and_sends_nothing(client):
    response = post(client, website="http://spam.example/")
    assert FeedbackMessage.objects.count() == 0
    assert mail.outbox == []
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:thanks")


def test_the_honeypot_is_hidden_out_of_the_tab_order_and_labelled(client):
    page = client.get(URL).content.decode()
    assert '<div class="visually-hidden">' in page
    assert 'tabindex="-1"' in page
    assert 'autocomplete="off"' in page
    assert "Jätä tämä kenttä tyhjäksi" in page


def test_an_over_long_message_is_refused_and_kept(client):
    text = "x" * (MESSAGE_MAX_LENGTH + 1)
    response = post(client, message=text)
    assert response.status_code == 400
    assert text in response.content.decode()
    assert FeedbackMessage.objects.count() == 0


def test_an_over_long_message_gets_a_readable_error(client):
    response = client.post("/en" + URL, feedback_data(message="x" * (MESSAGE_MAX_LENGTH + 1)))
    assert "shorten it to at most 5000 characters" in response.content.decode()


def test_a_missing_message_is_refused_with_400(client):
    assert post(client, message="").status_code == 400


def test_the_form_is_csrf_protected():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, feedback_data()).status_code == 403
    assert FeedbackMessage.objects.count() == 0
