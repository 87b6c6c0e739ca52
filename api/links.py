"""Absolute addresses of the site's pages and the API's own, for the payloads."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from publishing.text import link_target
from publishing.translation import LANGUAGES


def page_urls(request, obj):
    """{language: absolute URL} of `obj`'s public page in each language."""
    found = {}
    for code in LANGUAGES:
        with translation.override(code):
            found[code] = request.build_absolute_uri(obj.get_absolute_url())
    return found


def page_url(request, obj):
    """The absolute URL of `obj`'s page in the default language (Finnish)."""
    with translation.override(settings.LANGUAGE_CODE):
        return request.build_absolute_uri(obj.get_absolute_url())


def api_url(request, name, slug):
    """The absolute URL of a record in the API, e.g. api_url(request, "case-detail", slug)."""
    return request.build_absolute_uri(reverse(f"api:{name}", args=[slug]))


def safe_link(url):
    """`url` when it is an http(s) address, otherwise None: nothing else goes out as a link."""
    return link_target(url) or None


def cases_api_url(request, **facets):
    """The API's case list narrowed to facet values, e.g. cases_api_url(request, goal=…)."""
    return request.build_absolute_uri(f"{reverse('api:case-list')}?{urlencode(facets)}")
