"""The signed links of the e-mail alerts: confirming a subscription, and leaving it.

Both carry the subscription's secret token, signed so that a link cannot be made up or
altered. A confirmation link expires after a week; a leave link never does, so every
digest ever sent can still stop the next one.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRM_SALT = "community.subscription.confirm"
LEAVE_SALT = "community.subscription.leave"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # seconds


def confirm_code(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(subscription.token)


def leave_code(subscription):
    return signing.Signer(salt=LEAVE_SALT).sign(subscription.token)


def token_of_confirm_code(code):
    """The token in a confirmation code; signing.BadSignature (or its SignatureExpired)
    when it was altered or is older than a week."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(code, max_age=CONFIRM_MAX_AGE)


def token_of_leave_code(code):
    return signing.Signer(salt=LEAVE_SALT).unsign(code)


def absolute(subscription, name, code):
    """The address of view `name` with `code`, on the subscription's site and in its
    language."""
    with translation.override(subscription.language):
        path = reverse(name, args=[code])
    return subscription.site.rstrip("/") + path


def confirm_url(subscription):
    return absolute(subscription, "community:confirm", confirm_code(subscription))


def leave_url(subscription):
    return absolute(subscription, "community:leave", leave_code(subscription))
