"""Per-address rate limits for what the public may ask of the site at a cost: the forms
it may send and the heavy exports (CSV, XLSX, JSON, the printable report and briefs).

Counted in Django's cache, in fixed windows (a minute, an hour, ...), under the salted hash
of the client's address as the admin's sign-in lockout finds it behind PROXY_COUNT proxies
(AXES_CLIENT_IP_CALLABLE), so no address is kept even there. With the site's Redis cache
(REDIS_URL) every app server counts into the same keys, so a limit holds across all of
them; with the per-process memory cache of development, per process.

Rates are settings such as EXPORT_RATE = "30/minute": a number, a slash and one of second,
minute, hour or day, read at each request so that a changed setting applies at once.
"""

import logging
import re
import time
from dataclasses import dataclass
from functools import wraps
from math import ceil

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import npgettext

logger = logging.getLogger(__name__)

UNITS = {"second": 1, "minute": 60, "hour": 60 * 60, "day": 24 * 60 * 60}
RATE = re.compile(r"(?P<count>\d+)/(?P<unit>second|minute|hour|day)")


@dataclass(frozen=True)
class Rate:
    """At most `count` requests in each window of `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text, name="rate"):
        match = RATE.fullmatch(str(text).strip())
        if not match:
            raise ImproperlyConfigured(
                f"{name} must look like 30/minute (second, minute, hour or day), not {text!r}."
            )
        return cls(int(match["count"]), UNITS[match["unit"]])


def client_digest(request):
    """The salted hash of the client's address (REMOTE_ADDR, or the one PROXY_COUNT
    proxies from the right in X-Forwarded-For): the same on every server, and it does not
    give the address back."""
    address = get_client_ip_address(request) or ""
    return salted_hmac("publishing.ratelimit", address, algorithm="sha256").hexdigest()


def hit(scope, request, setting):
    """Count one more request of `scope` from the request's client against the rate in
    the setting named `setting`; the seconds until the window ends when this one is over
    the limit, otherwise None.

    add() then incr() are each atomic in Redis, so concurrent requests through different
    servers are all counted; the key expires with its window. A cache that is down lets
    the request through: it must not cost anyone their form or their file.
    """
    rate = Rate.parse(getattr(settings, setting), setting)
    now = time.time()
    window = int(now // rate.seconds)
    key = f"ratelimit:{scope}:{window}:{client_digest(request)}"
    try:
        cache.add(key, 0, timeout=rate.seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=rate.seconds + 1)
            count = 1
    except Exception:  # as the page cache: a cache that is down costs protection only
        logger.exception("The rate limit %s could not be counted.", scope)
        return None
    if count <= rate.count:
        return None
    return max(1, ceil((window + 1) * rate.seconds - now))


def wait_text(seconds):
    """How long to wait, in words for "Please try again in ...": seconds under a minute,
    minutes under two hours, else hours; rounded up, so that trying again then succeeds.
    (The context lets a language inflect the words for that sentence.)"""
    if seconds < 60:
        return npgettext("time to wait", "%(n)d second", "%(n)d seconds", seconds) % {"n": seconds}
    minutes = ceil(seconds / 60)
    if minutes < 120:
        return npgettext("time to wait", "%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    hours = ceil(seconds / 3600)
    return npgettext("time to wait", "%(n)d hour", "%(n)d hours", hours) % {"n": hours}


def form_refusal(wait):
    """The form's error when the address has sent as many as we take for now."""
    return _(
        "You have sent as many forms from this address as we take in a short time. "
        "Please send this one again in %(wait)s; your text is kept below."
    ) % {"wait": wait_text(wait)}


def export_refusal(wait):
    """What an export says when the address has asked for too many in a short time."""
    return _(
        "You have downloaded many files from this address in a short time. Please try "
        "again in %(wait)s."
    ) % {"wait": wait_text(wait)}


def link_refusal(wait):
    """What a confirm or leave button says when the address has pressed too many."""
    return _(
        "Many requests have come from this address in a short time. Please try again in %(wait)s."
    ) % {"wait": wait_text(wait)}


def too_many(request, message, wait, html=True):
    """The 429 answer with Retry-After: a page in the site's look (html), or plain text
    for a file. Never stored in a cache."""
    if html:
        response = render(request, "429.html", {"message": message}, status=429)
    else:
        response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=429)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "no-store"
    return response


def limit_export(html=False):
    """A view decorator: one address gets at most EXPORT_RATE exports a window, all kinds
    together, and a 429 after that (a page for the report and brief, text for files).
    Only requests that reach the view count: a copy the page cache serves costs nothing.
    """

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            wait = hit("export", request, "EXPORT_RATE")
            if wait:
                return too_many(request, export_refusal(wait), wait, html=html)
            return view(request, *args, **kwargs)

        return limited

    return decorator
