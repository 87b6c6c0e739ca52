"""load_starter_content: it fills an empty database from the starter fixture, and only then.

The shipped starter content itself is tested in tests/starter/.
"""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings

from cases.models import Case
from tests.factories import bulk_cases, make_case

pytestmark = pytest.mark.django_db


def test_load_starter_content_leaves_a_database_with_cases_alone():
    make_case(title="Edited by a curator")
    out = io.StringIO()
    call_command("load_starter_content", stdout=out)
    assert list(Case.objects.values_list("title_en", flat=True)) == ["Edited by a curator"]
    assert "not loaded" in out.getvalue()


def test_load_starter_content_fills_an_empty_database_from_the_starter_fixture(tmp_path):
    slugs = {case.slug for case in bulk_cases(3)}
    path = tmp_path / "starter.json"
    path.write_text(export(), encoding="utf-8")
    Case.objects.all().delete()
    with override_settings(STARTER_FIXTURE=path):
        call_command("load_starter_content", verbosity=0)
    assert set(Case.objects.published().values_list("slug", flat=True)) == slugs


def export():
    out = io.StringIO()
    call_command("export_fixture", stdout=out)
    return out.getvalue()
