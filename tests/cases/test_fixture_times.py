"""Times survive a fixture round trip byte for byte, whatever their microseconds."""

import datetime
import io
import json

import pytest
from django.core.management import call_command

from cases.fixture import write_fixture
from cases.models import Case
from tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("microsecond", [0, 120, 999, 1000, 123456])
def test_a_time_is_written_to_the_millisecond_and_reads_back_the_same(tmp_path, microsecond):
    case = make_case()
    moment = datetime.datetime(2026, 3, 5, 12, 0, 25, microsecond, tzinfo=datetime.UTC)
    Case.objects.filter(pk=case.pk).update(updated_at=moment, published_at=moment)
    first = io.StringIO()
    write_fixture(Case.objects.filter(pk=case.pk), first)
    (row,) = [r for r in json.loads(first.getvalue()) if r["model"] == "cases.case"]
    assert row["fields"]["updated_at"] == f"2026-03-05T12:00:25.{microsecond // 1000:03d}Z"

    path = tmp_path / "case.json"
    path.write_text(first.getvalue(), encoding="utf-8")
    Case.objects.filter(pk=case.pk).delete()
    call_command("loaddata", path, verbosity=0)
    second = io.StringIO()
    write_fixture(Case.objects.filter(slug=case.slug), second)
    assert second.getvalue() == first.getvalue()
