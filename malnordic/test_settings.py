"""Test settings: production settings with only what tests must change."""

import os

os.environ.setdefault("SECRET_KEY", "test-" + "x" * 60)
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from malnordic.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files straight from the source folders, as in development: no collectstatic.
WHITENOISE_AUTOREFRESH = True

# A second database, always SQLite, for the test that exports the same content from two
# databases and compares the bytes (tests/cases/test_export_order.py): with PostgreSQL as
# the default, PostgreSQL against SQLite; with SQLite, against a fresh SQLite database
# that numbers the rows differently. Set up only when a collected test asks for it.
DATABASES["sqlite"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}  # noqa: F405

# Tests see pages as rendered (their context, their queries); the tests of the page cache
# turn it on (tests/publishing/test_page_cache.py, and the sweeps of hidden and hostile
# content, which look at what a stored page would leak).
PAGE_CACHE = False
