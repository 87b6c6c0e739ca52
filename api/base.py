"""What every API response shares: the content licence, open CORS for reading, and the
anonymous rate limit.

The API is read-only open data: anyone may read it from any origin (no credentials are
ever involved, so `*` is safe), and every response says under which licence the content
may be reused, in the body of lists and details and in a `Link: rel="license"` header.
"""

from django.conf import settings
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from publishing import licence

READING = ("GET", "HEAD", "OPTIONS")
# What a browser may send with a cross-origin read, and read back from the response.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "Link, Retry-After",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": ", ".join(READING),
    "Access-Control-Allow-Headers": "Accept, Accept-Language, Content-Type",
    "Access-Control-Max-Age": "86400",
}
LICENCE = {"name": licence.NAME, "url": licence.URL}


class OpenDataMixin:
    """For every API view: the licence header on every response, CORS on every read."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = f'<{licence.URL}>; rel="license"'
        if request.method in READING:
            for name, value in CORS_HEADERS.items():
                response[name] = value
            if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
                for name, value in PREFLIGHT_HEADERS.items():
                    response[name] = value
        return response


class AnonymousThrottle(AnonRateThrottle):
    """DRF's per-address limit for anonymous clients, with the rate read at each request
    (DRF reads it once, at import), so that a changed setting applies at once.

    The client's address is REMOTE_ADDR, or with PROXY_COUNT the address that many proxies
    from the right in X-Forwarded-For (REST_FRAMEWORK["NUM_PROXIES"]), as the admin's
    lockout reads it: a client cannot choose its own address.
    """

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]


def anon_rate():
    """The configured rate, e.g. "120/minute" (API_ANON_RATE)."""
    return settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]
