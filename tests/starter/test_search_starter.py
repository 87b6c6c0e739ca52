"""Full-text search on the real starter content: the same answers on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from cases.models import Case

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

URL = reverse("cases:list")
LIGHT_RAIL = {"dk-aarhus-letbane", "dk-odense-letbane", "dk-hovedstadens-letbane-ring3"}


def search(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def found(response):
    """The slugs of every result, in the order shown."""
    return [case.slug for case in response.context["paginator"].object_list]


def test_letbane_finds_exactly_the_three_light_rail_cases(client):
    assert set(found(search(client, "letbane"))) == LIGHT_RAIL


def test_fingerplan_finds_the_finger_plan_first(client):
    assert found(search(client, "fingerplan"))[0] == "dk-fingerplanen"


def test_zero_growth_finds_the_zero_growth_goal_among_only_norwegian_cases(client):
    top = search(client, "zero growth").context["paginator"].object_list[:5]
    assert {case.country for case in top} == {"NO"}
    assert "no-nullvekstmalet" in {case.slug for case in top}


def test_byvekstavtale_finds_the_norwegian_urban_growth_agreements_first(client):
    """Other Norwegian cases that name the agreements in a language version follow them."""
    agreements = Case.objects.published().filter(
        country="NO", title_en__icontains="urban growth agreement"
    )
    slugs = set(agreements.values_list("slug", flat=True))
    results = found(search(client, "byvekstavtale"))
    assert set(results[: len(slugs)]) == slugs
    assert {slug[:3] for slug in results} == {"no-"}


@pytest.mark.parametrize(
    "query", ["stadsmiljöavtal", "stadsmiljoavtal", "STADSMILJÖAVTAL", "Stadsmiljoavtal"]
)
def test_the_urban_environment_agreements_are_found_with_or_without_accents(client, query):
    assert found(search(client, query)) == ["se-stadsmiljoavtal"]
