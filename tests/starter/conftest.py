"""The tests whose subject is the shipped starter content (fixtures/starter.json).

They are marked `starter` and load the content once for the whole package, as `make
setup` does, in a transaction rolled back after the last of them; every other test builds
its own data (tests/factories.py). A curator's edit of the starter content can break only
these tests: run `pytest -m starter` after editing it.
"""

from django.core.management import call_command

from tests.factories import shared_content


def load_starter_content():
    call_command("load_starter_content", verbosity=0)


starter_content = shared_content(load_starter_content, scope="package")
