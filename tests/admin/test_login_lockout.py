"""The admin's sign-in lockout: per username and address, per address, behind proxies."""

from datetime import timedelta
from unittest import mock

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

AXES_MODELS = [AccessAttempt, AccessFailureLog, AccessLog]


def sign_in(client, username, password, **extra):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, **extra
    )


def fail(client, username="admin", times=settings.AXES_FAILURE_LIMIT, **extra):
    return [sign_in(client, username, "wrong", **extra).status_code for _ in range(times)]


def is_signed_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def turn_clock_forward(by):
    """As if `by` had passed: every recorded failure becomes that much older."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - by)


def changelist(model):
    return reverse(f"admin:axes_{model._meta.model_name}_changelist")


def test_the_fifth_wrong_password_in_a_row_locks_the_username_out(client, superuser):
    assert fail(client, times=30) == [200] * 4 + [429] * 26


def test_the_lockout_page_says_why_and_when_to_try_again(client, superuser):
    fail(client)
    with translation.override("en"):
        response = sign_in(client, "admin", "wrong")
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert "Too many sign-in attempts have failed" in response.text
    assert "Try again in 15 minutes." in response.text


def test_the_right_password_is_refused_while_locked_out(client, superuser):
    fail(client, times=30)
    assert sign_in(client, "admin", "pw").status_code == 429
    assert not is_signed_in(client)


def test_a_locked_out_sign_in_checks_no_password(client, superuser):
    fail(client)
    with mock.patch.object(ModelBackend, "authenticate") as authenticate:
        sign_in(client, "admin", "pw")
    authenticate.assert_not_called()


def test_the_lockout_holds_until_the_cool_off_ends(client, superuser):
    fail(client)
    turn_clock_forward(settings.AXES_COOLOFF_TIME - timedelta(minutes=1))
    assert sign_in(client, "admin", "pw").status_code == 429


def test_the_right_password_works_after_the_cool_off(client, superuser):
    fail(client, times=30)
    turn_clock_forward(settings.AXES_COOLOFF_TIME + timedelta(minutes=1))
    assert sign_in(client, "admin", "pw").status_code == 302
    assert is_signed_in(client)


def test_other_usernames_and_addresses_are_not_locked_out(client, superuser, curator):
    assert fail(client, username="admin", REMOTE_ADDR="192.0.2.1")[-1] == 429
    assert sign_in(client, "curator", "pw", REMOTE_ADDR="192.0.2.1").status_code == 302
    assert sign_in(Client(), "admin", "pw", REMOTE_ADDR="192.0.2.2").status_code == 302


def test_many_usernames_tried_from_one_address_lock_the_address_out(client, curator):
    for n in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        sign_in(client, f"guess-{n}", "wrong", REMOTE_ADDR="192.0.2.1")
    assert sign_in(client, "curator", "pw", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert sign_in(Client(), "curator", "pw", REMOTE_ADDR="192.0.2.2").status_code == 302


@pytest.mark.parametrize(
    ("proxy_count", "forwarded", "locked"),
    [
        (0, "198.51.100.7", True),  # no proxy: the header is the client's own invention
        (1, "198.51.100.7, 203.0.113.9", True),  # a forged entry left of our proxy's
        (1, "203.0.113.10", False),  # someone else behind the same proxy
    ],
)
def test_the_address_is_the_one_our_proxies_saw(
    client, settings, superuser, proxy_count, forwarded, locked
):
    settings.PROXY_COUNT = proxy_count
    assert fail(client, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.9")[-1] == 429
    response = sign_in(
        Client(), "admin", "pw", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded
    )
    assert response.status_code == (429 if locked else 302)


def test_public_pages_are_served_as_usual_while_sign_in_is_locked(client, superuser):
    assert fail(client)[-1] == 429
    assert client.get(reverse("home")).status_code == 200
    assert Client().get(reverse("cases:list")).status_code == 200


def test_a_superuser_sees_the_failed_sign_ins_in_the_admin(client, superuser):
    fail(client, username="mallory", times=3)
    client.force_login(superuser)
    response = client.get(changelist(AccessFailureLog))
    assert response.context["cl"].result_count == 3
    assert "mallory" in response.text


@pytest.mark.parametrize("model", AXES_MODELS, ids=lambda m: m._meta.model_name)
def test_a_superuser_can_open_every_list_of_sign_in_records(client, superuser, model):
    fail(client)
    client.force_login(superuser)
    assert client.get(changelist(model)).status_code == 200


@pytest.mark.parametrize("model", AXES_MODELS, ids=lambda m: m._meta.model_name)
def test_a_curator_cannot_see_the_sign_in_records(curator_client, model):
    assert curator_client.get(changelist(model)).status_code == 403
