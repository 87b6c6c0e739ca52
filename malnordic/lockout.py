"""What the admin's sign-in lockout adds to django-axes (configured in settings).

axes counts failed sign-ins per username and address and locks at AXES_FAILURE_LIMIT.
Here: a second, higher limit for one address across all usernames; the client's address
behind our reverse proxies; and the lockout page in the admin's look.
"""

import ipaddress
from math import ceil

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils.translation import gettext as _


def client_ip(request):
    """The client's address: as the outermost of our PROXY_COUNT proxies saw it.

    Each proxy appends the address it saw to X-Forwarded-For, so the client's is the
    PROXY_COUNT-th from the right; entries further left came from the client itself and
    can be forged. Without proxies, or with a header shorter or stranger than ours would
    make, the connection's own address.
    """
    count = settings.PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [entry.strip() for entry in forwarded if entry.strip()]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR")


class LoginLockoutHandler(AxesDatabaseHandler):
    """axes' database handler, also locking an address after LOGIN_ADDRESS_FAILURE_LIMIT
    failures across all usernames.

    The per-username limit alone would let someone try a few passwords on each of endless
    usernames, every try costing a password hash; a low limit per address alone would lock
    out colleagues behind one office address after a few typos between them.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        if failures < limit and self.address_failures(request) >= (
            settings.LOGIN_ADDRESS_FAILURE_LIMIT
        ):
            # Over the address's limit counts as over the limit for every username there.
            return limit
        return failures

    def address_failures(self, request):
        """Failures from the request's address within the cool-off, whatever the username."""
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_response(request, original_response=None, credentials=None):
    """The answer to a locked-out sign-in: a page in the admin's look, 429, no form.

    It is rendered without the admin's login view, so nothing checks a password.
    """
    seconds = int(get_cool_off(request).total_seconds())
    context = {
        **admin.site.each_context(request),
        "title": _("Sign-in temporarily blocked"),
        "cool_off_minutes": ceil(seconds / 60),
    }
    response = render(request, "admin/locked_out.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response
