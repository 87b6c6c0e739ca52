import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limits count in the cache: each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()
