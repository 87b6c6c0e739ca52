"""The starter content in Finnish, Swedish and English."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from cases.models import Case, ClimateGoal, KeyFigure, Milestone
from glossary.models import Term
from networks.models import CityRegion, Network
from publishing.translation import translated_names

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

# What a reader must never be told about how an entry was compiled.
COMPILATION_NOTES = re.compile(
    r"from memory|recalled|source data|this entry|muistinvara|muistista|ur minnet", re.I
)


def untranslated(model, language):
    """[(row, field)] of every translated text that has English but no `language` text."""
    return [
        (str(row), name)
        for row in model.objects.all()
        for name in translated_names(model)
        if getattr(row, f"{name}_en") and not getattr(row, f"{name}_{language}")
    ]


@pytest.mark.parametrize("model", [Case, KeyFigure, Milestone, ClimateGoal, CityRegion, Network])
def test_every_starter_text_has_its_finnish_version(model):
    assert untranslated(model, "fi") == []


def test_every_starter_case_has_a_swedish_title_summary_and_lessons():
    for case in Case.objects.all():
        for name in ("title", "summary", "lessons_for_finland"):
            assert getattr(case, f"{name}_sv"), (case.slug, name)


@pytest.mark.parametrize("model", [ClimateGoal, CityRegion, Network, Term])
def test_every_starter_name_is_in_swedish_too(model):
    assert [str(row) for row in model.objects.all() if not row.name_sv] == []


def test_no_starter_text_says_how_the_entry_was_compiled():
    found = []
    for model in (Case, Network):
        for row in model.objects.all():
            for name in translated_names(model):
                for code in ("fi", "sv", "en"):
                    text = getattr(row, f"{name}_{code}")
                    if COMPILATION_NOTES.search(text):
                        found.append((str(row), f"{name}_{code}"))
    assert found == []


def english_parts(html):
    """The text of every element marked lang="en", but for English names of organisations
    (shown beside their own names), of glossary terms (in the table of their names) and
    source titles (which keep their language)."""
    html = re.sub(r'<ol class="sources">.*?</ol>', "", html, flags=re.S)
    html = re.sub(r'<nav class="languages".*?</nav>', "", html, flags=re.S)
    html = re.sub(r'<table class="names">.*?</table>', "", html, flags=re.S)
    html = re.sub(r'<p class="original-name">.*?</p>', "", html, flags=re.S)
    html = re.sub(r'<span class="detail-inline" lang="en">\(.*?\)</span>', "", html)
    return re.findall(r'<(\w+)[^>]*\slang="en"[^>]*>(.{0,60})', html)


def test_a_finnish_case_page_shows_no_english_fallback(client):
    for case in Case.objects.published():
        page = client.get(case.get_absolute_url()).content.decode()
        assert english_parts(page) == [], case.slug
        assert f"<h1>{escape(case.title_fi)}</h1>" in page


@pytest.mark.parametrize(
    "url", ["/", "/cases/", "/networks/", "/regions/", "/goals/", "/glossary/", "/cases/report/"]
)
def test_the_finnish_lists_show_no_english_fallback(client, url):
    assert english_parts(client.get(url).content.decode()) == []


def test_every_glossary_term_has_names_definitions_and_published_cases(client):
    page = client.get(reverse("glossary:list")).content.decode()
    for term in Term.objects.published():
        assert term.name_fi and term.name_sv and term.name_en, term.slug
        assert term.definition_fi and term.definition_sv and term.definition_en, term.slug
        assert f'id="{term.slug}"' in page
    # The instruments the cases are built on.
    for slug in (
        "byvekstavtale",
        "bymiljoavtale",
        "belonningsordning",
        "nullvekstmal",
        "bompenger",
        "bypakke",
        "stadsmiljoavtal",
        "klimatkontrakt",
        "sverigeforhandlingen",
        "trangselskatt",
        "rufs",
        "strukturbild",
        "fingerplan",
        "landsplandirektiv",
        "stationsnaerhedsprincip",
        "letbane",
        "udviklingsselskab",
        "mal-sopimus",
        "kasvusopimus",
        "maakuntakaava",
    ):
        assert Term.objects.published().filter(slug=slug).exists(), slug


def test_the_norwegian_growth_agreements_link_their_glossary_term(client):
    case = Case.objects.get(slug="no-byvekstavtale-oslo")
    page = client.get(case.get_absolute_url()).content.decode()
    assert reverse("glossary:list") + "#byvekstavtale" in page
    glossary = client.get(reverse("glossary:list")).content.decode()
    assert case.get_absolute_url() in glossary


def test_the_history_of_a_case_records_its_finnish_text(admin_client):
    case = Case.objects.get(slug="dk-fingerplanen")
    with translation.override("fi"):
        case.summary_fi = case.summary_fi + " Muokattu."
        case.save()
    latest = case.history.first()
    assert latest.summary_fi.endswith(" Muokattu.")
    assert latest.title_sv == case.title_sv
    previous = latest.prev_record
    assert "summary_fi" in latest.diff_against(previous).changed_fields
