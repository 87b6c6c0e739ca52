"""Only the tests in tests/starter/ may rely on the starter content; the rest build their own
data (tests/factories.py), so that a curator's edit of the starter content breaks none of
them."""

import ast
import json
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.starter

TESTS = Path(__file__).resolve().parent.parent


def starter_names():
    """The slugs, names and titles of the starter content's records; not the themes', which
    a migration makes in every database."""
    rows = json.loads(settings.STARTER_FIXTURE.read_text(encoding="utf-8"))
    return {
        value
        for row in rows
        if row["model"] != "cases.theme"
        for key in ("slug", "name", "name_en", "title", "original_name")
        if (value := row["fields"].get(key))
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
