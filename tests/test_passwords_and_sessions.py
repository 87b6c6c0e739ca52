"""Passwords of at least 12 characters, and a session that ends after a working day idle."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone


def test_an_eleven_character_password_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_password("kvt-Ruo4pel")
    assert [error.code for error in refused.value.error_list] == ["password_too_short"]


def test_a_twelve_character_password_is_accepted():
    assert validate_password("kvt-Ruo4pelx") is None


def test_a_session_ends_after_eight_hours_without_a_request():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


@pytest.mark.django_db
def test_each_request_of_a_signed_in_user_starts_the_eight_hours_again(curator_client):
    key = curator_client.cookies[settings.SESSION_COOKIE_NAME].value
    # An hour before it would end, the curator opens a page.
    Session.objects.filter(pk=key).update(expire_date=timezone.now() + timedelta(hours=1))
    response = curator_client.get("/admin/")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 60 * 60
    left = Session.objects.get(pk=key).expire_date - timezone.now()
    assert left > timedelta(hours=7, minutes=59)
