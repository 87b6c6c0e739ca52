import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from cases.models import Case, ClimateGoal
from networks.models import CityRegion, Network, PublicationState
from tests.factories import bulk_cases, make_case, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

LIST_PAGES = [
    "home",
    "about",
    "accessibility",
    "cases:list",
    "cases:goal-list",
    "networks:list",
    "networks:region-list",
]
DETAIL_PAGES = [
    ("cases:detail", Case),
    ("cases:goal-detail", ClimateGoal),
    ("networks:detail", Network),
    ("networks:region-detail", CityRegion),
]


def build_content():
    """Published cases with every kind of link, and an archived case."""
    bulk_cases(6)
    make_case(state=PublicationState.ARCHIVED)


content = shared_content(build_content)


@pytest.mark.parametrize("name", LIST_PAGES)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_list_page_answers(client, content, name, prefix):
    response = client.get(prefix + reverse(name).removeprefix("/en"))
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "model"), DETAIL_PAGES)
def test_every_detail_page_answers(client, content, name, model):
    slugs = model.objects.values_list("slug", flat=True)
    assert len(slugs) > 1
    statuses = {slug: client.get(reverse(name, args=[slug])).status_code for slug in slugs}
    assert set(statuses.values()) == {200}, statuses


@pytest.mark.parametrize(("name", "model"), DETAIL_PAGES)
def test_an_unknown_slug_is_not_found(client, name, model):
    response = client.get(reverse(name, args=["no-such-thing"]))
    assert response.status_code == 404


def test_the_interface_is_finnish_by_default(client):
    response = client.get(reverse("cases:list"))
    assert response.headers["Content-Language"] == "fi"
    assert '<html lang="fi">' in response.text
    assert "Esimerkit" in response.text


def test_english_lives_under_its_prefix(client):
    response = client.get("/en/cases/")
    assert '<html lang="en">' in response.text
    assert "Cases" in response.text


def test_no_model_change_lacks_a_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def run_in_production(args, **env):
    """`python args` as production runs it: the real settings and only the given variables."""
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "malnordic.settings", **env}
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    )


def run_settings(**env):
    return run_in_production(["-c", "import django; django.setup()"], **env)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_bad_boolean():
    result = run_settings(DEBUG="maybe", SECRET_KEY="k" * 60)
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize("value", ["one", "-1"])
def test_production_refuses_a_bad_proxy_count(value):
    result = run_settings(SECRET_KEY="k" * 60, PROXY_COUNT=value)
    assert "PROXY_COUNT must be" in result.stderr
