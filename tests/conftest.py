import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the shipped starter content, inside a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("loaddata", settings.STARTER_FIXTURE, verbosity=0)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever a request before it activated."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
