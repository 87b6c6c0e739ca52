"""Headers every response carries, and a Vary header that names only what a response
varies by."""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.utils.http import split_header_value

# Every browser feature the site does not use, denied to the page and to anything it
# might embed. Left out: what the site uses (the API documentation copies to the
# clipboard; printing needs no permission), names that Chromium on Linux does not know
# (bluetooth, web-share, attribution-reporting: browsers ignore them, but each puts an
# error in the console), and retired ones (interest-cohort gave way to browsing-topics).
DENIED_FEATURES = [
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "clipboard-read",
    "compute-pressure",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "storage-access",
    "usb",
    "window-management",
    "xr-spatial-tracking",
]
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in DENIED_FEATURES)


def language_is_in_the_path(request):
    """Whether LocaleMiddleware took the language from the address alone.

    With i18n_patterns and an unprefixed default language it does, for every address: the
    prefix names the language, and no prefix means the default one. It still adds
    `Vary: Accept-Language` to every response without a prefix, which would make a shared
    cache keep one copy of each page for every browser language. No view here reads
    Accept-Language; one that did would have to be given an address outside this rule.
    """
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    patterns_used, default_prefixed = is_language_prefix_patterns_used(urlconf)
    return patterns_used and not default_prefixed


def drop_vary(response, header):
    """Remove `header` from the response's Vary, and Vary itself if nothing is left."""
    if not response.has_header("Vary"):
        return
    kept = [
        field for field in split_header_value(response["Vary"]) if field.lower() != header.lower()
    ]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class ResponseHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if language_is_in_the_path(request):
            drop_vary(response, "Accept-Language")
        return response
