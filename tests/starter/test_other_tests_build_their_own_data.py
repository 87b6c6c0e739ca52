"""Only the tests in tests/starter/ may rely on the starter content; the rest build their own
data (tests/factories.py), so that a curator's edit of the starter content breaks none of
them."""

import ast
import json
import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.starter

TESTS = Path(__file__).resolve().parent.parent


# The keys of slugs, names and titles: a translated name or title is in one column per
# language (title_fi, title_sv, title_en; a glossary term's name_no, name_da too), as is
# an organisation's English name (name_en).
NAME_KEY = re.compile(r"slug|original_name|(name|title)(_[a-z]{2})?")


def starter_names():
    """The slugs, names and titles of the starter content's records; not the themes', which
    a migration makes in every database."""
    rows = json.loads(settings.STARTER_FIXTURE.read_text(encoding="utf-8"))
    return {
        value
        for row in rows
        if row["model"] != "cases.theme"
        for key, value in row["fields"].items()
        if NAME_KEY.fullmatch(key) and value and isinstance(value, str)
    }


def strings_in(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_no_test_outside_the_starter_tests_names_a_starter_record():
    names = starter_names()
    others = [path for path in TESTS.rglob("*.py") if "starter" not in path.parts]
    named = {str(path.relative_to(TESTS)): sorted(strings_in(path) & names) for path in others}
    assert len(others) > 20
    assert {path: found for path, found in named.items() if found} == {}
