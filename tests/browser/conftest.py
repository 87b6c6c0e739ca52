"""Browser tests: Chromium, driven by Playwright, against pytest-django's live server.

One browser for the whole session and one page for each test. The live server serves
the static files through the finders, which the plain StaticFilesStorage of the test
settings matches, so the pages are styled as in production. Every test requests the
live server, so it runs with transactional database access: its content is committed
where the server's thread sees it, and flushed after it; what the migrations made (the
themes, the Curator group) is put back before the next test.

Two things make that cheaper, each checked against the rows themselves, so that every
test still starts from the database it would find after a full flush:

- The flush leaves alone the tables the migrations fill and the tests only read (content
  types, permissions, groups, themes) as long as they hold exactly the rows they held after
  the last full flush; otherwise it is the full flush, and the rows are put back.
- A test that only reads the content of tests/browser/content.py asks for the `site`
  fixture instead of building it: it is built once and kept for the next such test, as
  long as the whole database still holds exactly the rows it held just after it was built.

Without /usr/bin/chromium the tests skip; in CI a skip counts as a failure
(tests/conftest.py), and `.ci/run` installs Chromium first.
"""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import IntegrityError, connections, transaction
from django.db.models.signals import post_migrate
from django.test import TransactionTestCase

from cases.models import Theme
from tests.browser.content import build_site

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

# The tables the migrations fill that a flush need not empty while no test has changed them.
MIGRATED_TABLES = [
    model._meta.db_table
    for model in (ContentType, Permission, Group, Group.permissions.through, Theme)
]


def rows(connection, tables):
    """Every row of `tables`, in an order of their own, to compare with."""
    found = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            found[table] = sorted(map(repr, cursor.fetchall()))
    return found


def table_names(connection):
    """The tables a flush empties."""
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def every_row(connection):
    return rows(connection, table_names(connection))


def with_rows(connection, tables):
    """Those of `tables` that hold a row, in one query."""
    if not tables:
        return []
    quote = connection.ops.quote_name
    query = " UNION ALL ".join(
        f"SELECT {index} WHERE EXISTS (SELECT 1 FROM {quote(table)})"
        for index, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(query)
        return [tables[index] for (index,) in cursor.fetchall()]


class Database:
    """What the test database holds between the browser tests: the migrated rows (as they
    were after the last full flush), and the shared site while it is kept."""

    def __init__(self):
        self.migrated = None
        self.site = None  # what build_site() returned, while the database holds it
        self.site_rows = None  # every row just after it was built
        self.reading_site = False  # the current test asked for the site

    def after_test(self, test_case):
        """In place of TransactionTestCase's flush after each test."""
        reading_site, self.reading_site = self.reading_site, False
        aliases = test_case._databases_names(include_mirrors=False)
        if reading_site and aliases == ["default"]:
            if every_row(self.connection) == self.site_rows:
                return  # the site is as built: kept for the next test that reads it
        if aliases == ["default"]:
            self.flush()
        else:
            FULL_FLUSH(test_case)
            self.migrated = None

    def flush(self):
        """Empty the database but for the migrated rows, if they are as they were;
        otherwise empty every table, and post_migrate puts them back."""
        self.site = self.site_rows = None
        connection = self.connection
        if self.migrated is not None and rows(connection, MIGRATED_TABLES) == self.migrated:
            # DELETE, as the flush does on SQLite: on PostgreSQL it is many times quicker
            # than the flush's TRUNCATE for the few rows a test makes. In one transaction:
            # the foreign keys are checked at its end, when the rows referring are gone too.
            tables = [table for table in table_names(connection) if table not in MIGRATED_TABLES]
            try:
                with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                    for table in with_rows(connection, tables):
                        cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
                return  # the migrated rows, untouched by these deletes, stay as they were
            except IntegrityError:
                pass  # a migrated row referred to one: flush it all
        call_command("flush", verbosity=0, interactive=False, reset_sequences=False)
        self.migrated = rows(connection, MIGRATED_TABLES)

    def drop_site(self):
        """Empty the tables the site filled, before a test that does not read it."""
        if self.site is not None:
            self.flush()

    @property
    def connection(self):
        return connections["default"]


FULL_FLUSH = TransactionTestCase._fixture_teardown
database = Database()


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
    with django_db_blocker.unblock():
        database.migrated = rows(database.connection, MIGRATED_TABLES)
        # The first test too starts from what a flush leaves, as every other does.
        database.flush()
    TransactionTestCase._fixture_teardown = lambda test_case: database.after_test(test_case)
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        with django_db_blocker.unblock():
            database.drop_site()
        TransactionTestCase._fixture_teardown = FULL_FLUSH
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
def page(request, transactional_db, live_server, browser, browser_context):
    """A fresh page in the shared context, its cookies cleared, at desktop width."""
    if "site" not in request.fixturenames:
        database.drop_site()
    browser_context.clear_cookies()
    page = browser_context.new_page()
    yield page
    page.close()
    browser_context.clear_cookies()


@pytest.fixture
def site(page):
    """The content of build_site(), for a test that only reads it: built for the first such
    test and kept for the next while every row of the database is as it was just after it
    was built (checked after each test; otherwise the test's flush empties it as usual)."""
    if database.site is None:
        database.site = build_site()
        database.site_rows = every_row(database.connection)
    database.reading_site = True
    return database.site
