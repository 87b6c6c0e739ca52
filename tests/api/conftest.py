import pytest


@pytest.fixture(autouse=True)
def api_rate(settings):
    """A limit each test's own requests never reach; the throttling test lowers it."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute"},
    }
    yield
