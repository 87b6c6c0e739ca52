"""Browser tests: Chromium, driven by Playwright, against pytest-django's live server.

One browser for the whole session and one page for each test. The live server serves
the static files through the finders, which the plain StaticFilesStorage of the test
settings matches, so the pages are styled as in production. Every test requests the
live server, so it runs with transactional database access: its content is committed
where the server's thread sees it, and flushed after it; what the migrations made (the
themes, the Curator group) is put back before the next test.

Without /usr/bin/chromium the tests skip; in CI a skip counts as a failure
(tests/conftest.py), and `.ci/run` installs Chromium first.
"""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import serializers
from django.db.models.signals import post_migrate

from cases.models import Theme

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's wait for anything: long enough for a slow CI machine, short enough that a
# missing element fails the test soon.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package")
def browser(django_db_setup, django_db_blocker, live_server):
    """Chromium, started once for these tests, after the test database and the live server.

    Playwright's sync API keeps an event loop running in this thread while it is started,
    so Django's guard against sync database calls from async code would stop the tests'
    own (sync) factory calls and the flush after each test. Allowed for exactly as long as
    the loop runs.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with django_db_blocker.unblock():
        migrated = serializers.serialize(
            "json",
            [*Theme.objects.all(), *Group.objects.all()],
            use_natural_foreign_keys=True,
        )

    # The flush after each test clears the rows the data migrations make, the themes and
    # the Curator group; it then sends post_migrate, which brings content types and
    # permissions back (under new ids: hence natural keys), and this puts the rest back,
    # once the last app's permissions exist, so that any test after it finds them.
    # Django's serialized rollback would do this, but Playwright's greenlet gives the test
    # another connection object than the one Django kept the serialized rows on.
    # post_migrate is sent for each app with models, in order.
    last_app = [app for app in apps.get_app_configs() if app.models_module][-1]

    def restore(sender, **kwargs):
        if sender is last_app and not Theme.objects.exists():
            for row in serializers.deserialize("json", migrated):
                row.save()

    post_migrate.connect(restore, weak=False, dispatch_uid="browser-tests-restore")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        post_migrate.disconnect(dispatch_uid="browser-tests-restore")
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser_context(browser, live_server):
    """One context for all the tests: pages open addresses relative to the live server."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        reduced_motion="reduce",
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(transactional_db, live_server, browser, browser_context):
    """A fresh page in the shared context, its cookies cleared, at desktop width."""
    browser_context.clear_cookies()
    page = browser_context.new_page()
    yield page
    page.close()
    browser_context.clear_cookies()
