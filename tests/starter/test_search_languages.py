"""Search across languages on the starter content: Finnish, Swedish, Norwegian and Danish
words in their inflected forms, glossary names and small typos, with the same answers on
SQLite and PostgreSQL."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from cases.filters import CaseFilter
from cases.models import Case
from publishing.translation import translated_names

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

URL = reverse("cases:list")
# The second database of malnordic/test_settings.py: SQLite, beside PostgreSQL in CI.
OTHER = "sqlite"
QUERIES = [
    "kasvusopimus",
    "kasvusopimuksen",
    "ruuhkamaksu",
    "fingreplan",
    "joukkoliikenne",
    "joukkoliikenteen",
    "pikaraitiotie",
    "kaupunkiseudun",
    "maankäytön",
    "byvekstavtalen",
    "trängselskatt",
    "stationsnærhed",
    "letbane",
    "zero growth",
    "stadsmiljöavtal",
    "Kööpenhamina",
]


def found(client, q, prefix=""):
    """The slugs of every result, in the order shown, and the first page's response."""
    response = client.get(prefix + URL, {"q": q})
    assert response.status_code == 200
    every = [case.slug for case in response.context["filter"].qs]
    return every, response


def growth_agreements():
    agreements = Case.objects.published().filter(
        country="NO", title_en__icontains="urban growth agreement"
    )
    return set(agreements.values_list("slug", flat=True))


def test_kasvusopimus_finds_the_norwegian_urban_growth_agreements(client):
    agreements = growth_agreements()
    assert len(agreements) >= 4
    results, _response = found(client, "kasvusopimus")
    assert agreements <= set(results)


def test_ruuhkamaksu_finds_the_congestion_charge_cases(client):
    results, _response = found(client, "ruuhkamaksu")
    assert {"se-stockholmsforhandlingen-2013", "se-vastsvenska-paketet"} <= set(results)
    for slug in results:
        case = Case.objects.get(slug=slug)
        text = " ".join(getattr(case, f"{name}_en") for name in translated_names(Case)).lower()
        assert "congestion" in text or "toll" in text, slug


def test_a_small_typo_finds_the_case_and_the_page_says_what_it_searched_for(client):
    results, response = found(client, "fingreplan")
    assert results[0] == "dk-fingerplanen"
    page = response.content.decode()
    assert "fingreplan" in page and "fingerplan" in page
    assert any("fingerplan" in note for note in response.context["problems"])
    english, response = found(client, "fingreplan", prefix="/en")
    assert english == results
    assert "so the search was for “fingerplan” instead" in response.content.decode()


@pytest.mark.parametrize(
    "inflected, base",
    [
        ("joukkoliikenteen", "joukkoliikenne"),
        ("joukkoliikenteessä", "joukkoliikenne"),
        ("kasvusopimuksen", "kasvusopimus"),
        ("pikaraitiotien", "pikaraitiotie"),
        ("kaupunkiseudun", "kaupunkiseutu"),
        ("maankäytön", "maankäyttö"),
        ("ruuhkamaksun", "ruuhkamaksu"),
    ],
)
def test_a_finnish_inflected_form_finds_the_same_cases_as_its_base_form(client, inflected, base):
    first, _response = found(client, inflected)
    second, _response = found(client, base)
    assert first and set(first) == set(second)


def test_a_search_in_swedish_norwegian_or_danish_finds_cases_written_in_english(client):
    assert "se-vastsvenska-paketet" in found(client, "trängselskatterna")[0]
    assert "no-byvekstavtale-oslo" in found(client, "byvekstavtalen")[0]
    assert "dk-fingerplanen" in found(client, "stationsnærhed")[0]


@pytest.mark.django_db(databases=["default", OTHER])
def test_the_same_queries_find_the_same_cases_on_both_databases():
    """The default database (PostgreSQL in CI's second run) against SQLite."""
    with override_settings(DATABASE_ROUTERS=[]):
        call_command("loaddata", settings.STARTER_FIXTURE, database=OTHER, verbosity=0)
    assert Case.objects.using(OTHER).count() == Case.objects.count()
    differing = {}
    for q in QUERIES:
        here = CaseFilter({"q": q})
        there = CaseFilter({"q": q}, queryset=Case.objects.using(OTHER).published())
        mine = {case.slug for case in here.qs}
        theirs = {case.slug for case in there.qs}
        if mine != theirs or here.search.terms != there.search.terms:
            differing[q] = (sorted(mine ^ theirs), here.search.terms, there.search.terms)
        assert mine, q
    assert differing == {}
