import os
import uuid

import pytest
import redis
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.utils import translation


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI a skipped test fails: a missing database or browser must not pass unnoticed."""
    report = yield
    if os.environ.get("CI") == "true" and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which counts as a failure: {report.longrepr}"
    return report


# Every test database holds only what the migrations make (the five themes, the Curator
# group); each test builds the rest with tests/factories.py. Only the tests whose subject
# is the shipped starter content load it (tests/starter/).


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits, the API's throttle and the page cache keep their counts and copies in
    the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache(settings):
    """The site's cache in the local Redis, as app servers share it, under a key prefix no
    other test uses (its keys are removed afterwards); yields a second connection to it,
    as another app server would have."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis is not answering at {REDIS_URL}")
    prefix = f"test-{uuid.uuid4().hex}"
    params = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "KEY_PREFIX": prefix}
    settings.CACHES = {"default": {**params, "LOCATION": REDIS_URL}}
    yield RedisCache(REDIS_URL, params)
    keys = list(server.scan_iter(match=f"{prefix}:*"))
    if keys:
        server.delete(*keys)
    assert keys, "nothing was written to Redis: the test did not test it"


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever a request before it activated."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


# Personas, defined once.


@pytest.fixture
def staff_without_group(django_user_model):
    return django_user_model.objects.create_user("staff", password="pw", is_staff=True)


@pytest.fixture
def curator(django_user_model):
    user = django_user_model.objects.create_user("curator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", password="pw")


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client
