import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def api_rate(settings):
    """Each test starts with no request counted, and a limit its own requests never reach;
    the throttling test lowers it."""
    cache.clear()
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
    }
    yield
    cache.clear()
