import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from community import links
from community.models import SentAlert, Subscription
from publishing.models import PublicationState
from tests.community.builders import make_subscription
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def follow(client, query="country=DK", email="reader@example.org"):
    return client.post("/en/follow/", {"email": email, "query": query, "website": ""})


def confirm_link_in(mail):
    (line,) = [line for line in mail.body.splitlines() if "/follow/confirm/" in line]
    return line.strip().removeprefix("http://testserver")


def run_alerts():
    out = io.StringIO()
    call_command("send_alerts", stdout=out)
    return out.getvalue()


def confirmed(**fields):
    subscription = make_subscription(**fields)
    past = timezone.now() - timedelta(days=1)
    subscription.confirmed_at = subscription.last_sent_at = past
    subscription.save()
    return subscription


def test_the_browse_page_links_to_following_its_selection(client):
    response = client.get(reverse("cases:list") + "?country=DK&page=1&sort=title")
    body = response.content.decode()
    assert f'href="{reverse("community:follow")}?country=DK"' in body
    # No form token on the browse page: it is the same for everyone, and cached.
    assert "csrfmiddlewaretoken" not in body
    assert not response.cookies
    form = client.get(reverse("community:follow") + "?country=DK").content.decode()
    assert 'name="query" value="country=DK"' in form


def test_following_sends_only_a_confirmation_and_is_not_confirmed_without_its_link(
    client, mailoutbox
):
    make_case(country="DK")
    response = follow(client, query="?country=DK&page=3&sort=title")
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.query == "country=DK"  # the selection, without page and order
    assert subscription.confirmed_at is None
    (mail,) = mailoutbox
    assert mail.to == ["reader@example.org"]
    assert "/en/follow/confirm/" in mail.body
    # Nothing is sent to an unconfirmed subscription, however new the case.
    make_case(country="DK", title="Brand new case")
    assert "Sent 0 digests" in run_alerts()
    assert len(mailoutbox) == 1


def test_the_confirmation_link_asks_then_confirms(client, mailoutbox):
    follow(client)
    url = confirm_link_in(mailoutbox[0])
    page = client.get(url)
    assert page.status_code == 200
    assert Subscription.objects.get().confirmed_at is None  # a GET changes nothing
    assert "<form" in page.content.decode()
    assert client.post(url).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_confirmation_link_gives_a_readable_400(client, mailoutbox, method):
    follow(client)
    url = confirm_link_in(mailoutbox[0])
    response = getattr(client, method)(url.replace("/confirm/", "/confirm/x"))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_gives_a_readable_400(client, mailoutbox):
    follow(client)
    url = confirm_link_in(mailoutbox[0])
    later = timezone.now().timestamp() + links.CONFIRM_MAX_AGE + 60
    with mock.patch("time.time", return_value=later):
        response = client.post(url)
    assert response.status_code == 400
    assert Subscription.objects.get().confirmed_at is None


def test_a_leave_link_is_not_a_confirmation_link(client):
    subscription = make_subscription()
    with translation.override("en"):
        url = reverse("community:confirm", args=[links.leave_code(subscription)])
    assert client.post(url).status_code == 400
    with pytest.raises(signing.BadSignature):
        links.token_of_confirm_code(links.leave_code(subscription))


def test_following_is_rate_limited(client):
    for n in range(5):
        assert follow(client, email=f"r{n}@example.org").status_code == 302
    response = follow(client)
    assert response.status_code == 429
    assert "as many forms from this address" in response.content.decode()


def test_a_bad_address_is_refused_readably(client, mailoutbox):
    response = follow(client, email="nope")
    assert response.status_code == 400
    assert 'href="#id_email"' in response.content.decode()
    assert not Subscription.objects.exists() and not mailoutbox


def test_a_new_matching_case_is_sent_exactly_once_with_a_leave_link(client, mailoutbox):
    follow(client)
    client.post(confirm_link_in(mailoutbox[0]))
    mailoutbox.clear()
    make_case(country="DK", title="Glimmerholm harbour deal")
    make_case(country="NO", title="Not in the selection")
    first = run_alerts()
    second = run_alerts()
    (mail,) = mailoutbox
    assert "Glimmerholm harbour deal" in mail.body
    assert "Not in the selection" not in mail.body
    leave = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/en/follow/stop/" in leave
    assert leave in mail.body
    assert "Sent 1 digest with 1 case to 1 subscriber; 0 had nothing new." in first
    assert "Sent 0 digests with 0 cases to 0 subscribers; 1 had nothing new." in second
    assert SentAlert.objects.count() == 1


def test_an_updated_case_already_sent_is_not_sent_again(mailoutbox):
    subscription = confirmed(query="country=DK")
    case = make_case(country="DK")
    run_alerts()
    case.title_en = "Renamed"
    case.save()
    run_alerts()
    assert len(mailoutbox) == 1
    assert list(subscription.sent.values_list("case", flat=True)) == [case.pk]


def test_a_draft_never_appears_in_a_digest(mailoutbox):
    confirmed()
    make_case(title="Secret draft of Vintertorp", state=PublicationState.DRAFT, published_at=None)
    make_case(title="Archived Vintertorp", state=PublicationState.ARCHIVED)
    assert "Sent 0 digests" in run_alerts()
    assert not mailoutbox


def test_leaving_stops_the_next_digest(client, mailoutbox):
    subscription = confirmed()
    make_case(title="First news")
    run_alerts()
    leave = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = leave.removeprefix("http://testserver")
    page = client.get(path)
    assert page.status_code == 200
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # a GET only asks
    assert client.post(path).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    make_case(title="Second news")
    run_alerts()
    assert len(mailoutbox) == 1
    # The link keeps answering, readably.
    assert client.get(path).status_code == 200
    assert client.get(path[:-1] + "x/").status_code == 400


def test_one_click_unsubscribe_needs_no_csrf_token(mailoutbox):
    subscription = confirmed()
    make_case()
    run_alerts()
    leave = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        leave.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_failed_send_records_nothing_and_is_tried_again(mailoutbox):
    subscription = confirmed()
    make_case()
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("down")):
        with pytest.raises(OSError):
            run_alerts()
    assert not SentAlert.objects.exists()
    subscription.refresh_from_db()
    assert subscription.last_sent_at < timezone.now() - timedelta(hours=1)
    run_alerts()
    assert len(mailoutbox) == 1


def test_the_follow_page_keeps_the_selection_without_page_and_order(client):
    response = client.get("/en/follow/?country=DK&page=2&sort=title")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="country=DK"' in body
    assert 'href="/en/cases/?country=DK"' in body
    assert 'for="id_email"' in body
