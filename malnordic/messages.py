"""The admin's one-time messages ("The case was changed"), kept in a cookie as Django does,
under a `__Host-` name in production like the session and CSRF cookies: Secure, for the
whole host and no other (settings.MESSAGES_COOKIE_NAME)."""

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.messages.storage.session import SessionStorage


class HostCookieStorage(CookieStorage):
    cookie_name = settings.MESSAGES_COOKIE_NAME


class MessageStorage(FallbackStorage):
    """Django's own order: the cookie, then the session for what does not fit."""

    storage_classes = (HostCookieStorage, SessionStorage)
