"""Whole anonymous pages kept under the content version, and conditional requests answered
before any view runs.

Every page the public sees is a function of the published content, the address (scheme,
host, path and query), the language (always from the address) and, for the citation line
of a case page, the day. The content version (publishing.models.ContentVersion) changes in
the same transaction as every change to public content, so a page stored under the
version it was rendered under can be served until the version changes, and never after:
a visitor sees a change at once, through whichever app server they reach, because the
version is read from the database on every request. The pages themselves live in Django's
cache: Redis shared by all app servers when REDIS_URL is set, memory in each process
otherwise (each process then fills its own, but none serves a stale page).

What is stored: a 200 answer to an anonymous GET or HEAD that sets no cookie, does not vary
by cookie and has no Cache-Control of its own (the views that must not be cached say
never_cache). Streamed downloads are not stored, but carry the same validators. A request
that carries a session or a message cookie is never served a stored page: curators and
anyone with a session see the site as it is rendered for them, marked private.

The ETag names the version, the day and the address, so it can be compared before
rendering: an If-None-Match that matches, or an If-Modified-Since not older than the
content's last change (at the one-second resolution of HTTP dates), is answered 304 at
the cost of one query.
"""

import hashlib
import logging
from datetime import datetime, time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, has_vary_header, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from publishing.models import ContentVersion

logger = logging.getLogger(__name__)

# How long a stored page is kept at most; a new content version makes it unreachable sooner.
KEEP_SECONDS = 60 * 60 * 24
# Larger answers are served as rendered, not stored.
LARGEST_STORED = 2 * 1024 * 1024
# Cookies that make a request someone's own: a session (curators, form flows) or messages.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, settings.MESSAGES_COOKIE_NAME)


def is_personal(request):
    return any(name in request.COOKIES for name in PERSONAL_COOKIES)


def may_preview(request, permission):
    """Whether the request is a curator's with `permission`: asked only of requests with a
    session, so an anonymous page never touches the session (which would make it vary by
    cookie, and so never be shared)."""
    return is_personal(request) and request.user.has_perm(permission)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if is_personal(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            if getattr(request, "user", None) is not None and request.user.is_authenticated:
                # A curator's pages show drafts and edit links: kept by nobody.
                patch_cache_control(response, private=True, no_store=True, no_cache=True)
            return response
        if not settings.PAGE_CACHE:
            return self.get_response(request)

        page = Page(request)
        not_modified = get_conditional_response(
            request, etag=page.etag, last_modified=page.last_modified
        )
        if not_modified is not None:
            return page.mark(not_modified)
        stored = page.fetch()
        if stored is not None:
            return page.mark(stored)
        response = self.get_response(request)
        if page.is_shareable(request, response):
            page.mark(response)
            page.store(response)
        elif "Cache-Control" not in response and response.status_code == 200:
            patch_cache_control(response, private=True)
        return response


class Page:
    """One address as the anonymous public sees it under the current content version."""

    def __init__(self, request):
        token, changed_at = ContentVersion.current_with_time()
        today = timezone.localdate()
        midnight = timezone.make_aware(datetime.combine(today, time()))
        address = request.build_absolute_uri()
        name = f"{token}|{today.isoformat()}|{get_language()}|{address}"
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
        self.key = f"page:{digest}"
        self.etag = f'"{digest[:32]}"'
        # Whole seconds, as HTTP dates have them.
        self.last_modified = int(max(changed_at, midnight).timestamp())

    def mark(self, response):
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.last_modified)
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        if settings.PAGE_MAX_AGE == 0:
            patch_cache_control(response, must_revalidate=True)
        return response

    def is_shareable(self, request, response):
        session = getattr(request, "session", None)
        return (
            response.status_code == 200
            and not (session is not None and session.accessed)
            and not response.cookies
            and "Cache-Control" not in response
            and not has_vary_header(response, "Cookie")
        )

    def fetch(self):
        try:
            stored = cache.get(self.key)
        except Exception:  # a cache that is down costs speed, never the page
            logger.exception("The page cache could not be read.")
            return None
        if stored is None:
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    def store(self, response):
        if response.streaming or len(response.content) > LARGEST_STORED:
            return
        headers = [(name, value) for name, value in response.items()]
        try:
            cache.set(self.key, (response.status_code, headers, response.content), KEEP_SECONDS)
        except Exception:  # as in fetch
            logger.exception("The page cache could not be written.")
