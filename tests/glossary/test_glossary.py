"""The glossary: curated terms, shown only when published, linked both ways with cases and
searched by every name."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cases.filters import CaseFilter
from networks.models import PublicationState
from tests import factories
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def make_term(cases=(), **fields):
    """A Norwegian term with names in four languages and a Finnish definition."""
    values = {
        "name_en": "harbour partnership pact",
        "name_fi": "satamaseudun kumppanuussopimus",
        "name_sv": "hamnpartnerskapsavtal",
        "name_no": "havnepakt",
        "slug": "havnepakt",
        "definition_en": "An agreement between the state and a city region.",
        "definition_fi": "Valtion ja kaupunkiseudun sopimus.",
        **fields,
    }
    return factories.make_term(cases, **values)


def found(q):
    return {case.slug for case in CaseFilter({"q": q}).qs}


def test_the_glossary_lists_published_terms_with_their_names_and_cases(client):
    case = make_case(title_fi="Testbyn kumppanuussopimus")
    make_term(cases=[case], other_names="kumppanuussopimus")
    make_term(slug="hidden", name_en="secret draft term", state=PublicationState.DRAFT)
    page = client.get(reverse("glossary:list")).content.decode()
    assert "satamaseudun kumppanuussopimus" in page
    assert '<td lang="no">havnepakt</td>' in page
    assert '<td lang="sv">hamnpartnerskapsavtal</td>' in page
    assert case.get_absolute_url() in page
    assert "secret draft term" not in page


def test_a_glossary_term_shows_only_its_published_cases(client):
    public, draft = make_case(), make_case(state=PublicationState.DRAFT, published_at=None)
    make_term(cases=[public, draft])
    page = client.get(reverse("glossary:list")).content.decode()
    assert public.get_absolute_url() in page
    assert draft.get_absolute_url() not in page


def test_a_case_page_links_its_published_terms(client):
    case = make_case()
    make_term(cases=[case])
    make_term(
        slug="draft-term", name_fi="luonnostermi", state=PublicationState.DRAFT, cases=[case]
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert reverse("glossary:list") + "#havnepakt" in page
    assert "luonnostermi" not in page


def test_a_case_is_found_by_every_name_of_its_published_terms():
    case = make_case(title_en="Harbour tramway partnership", summary_en="Trams.")
    make_term(cases=[case], other_names="havnepaktene")
    for name in ("kumppanuussopimus", "havnepakt", "hamnpartnerskapsavtal", "havnepaktene"):
        assert found(name) == {case.slug}, name


def test_a_draft_terms_names_find_nothing():
    case = make_case(title_en="Harbour tramway partnership", summary_en="Trams.")
    make_term(cases=[case], state=PublicationState.DRAFT)
    assert found("havnepakt") == set()


def test_renaming_a_term_or_unlinking_it_changes_what_finds_the_case():
    case = make_case(title_en="Harbour tramway partnership", summary_en="Trams.")
    term = make_term(cases=[case])
    term.name_da = "havnepagt"
    term.save()
    assert found("havnepagt") == {case.slug}
    term.cases.remove(case)
    assert found("havnepagt") == set()
    term.cases.add(case)
    assert found("havnepakt") == {case.slug}
    term.delete()
    assert found("havnepakt") == set()


def test_the_history_of_a_term_records_every_language_and_its_cases():
    case = make_case()
    term = make_term(cases=[case])
    term.definition_sv = "Ett avtal mellan staten och en stadsregion."
    term.save()
    latest = term.history.first()
    assert latest.definition_sv == "Ett avtal mellan staten och en stadsregion."
    assert latest.definition_fi == "Valtion ja kaupunkiseudun sopimus."
    assert [link.case_id for link in latest.cases.all()] == [case.pk]


def test_the_term_name_follows_the_page_language_and_falls_back_to_english(client):
    term = make_term(name_sv="")
    with translation.override("fi"):
        assert term.name == "satamaseudun kumppanuussopimus"
    with translation.override("sv"):
        assert term.name == "harbour partnership pact"
    page = client.get("/sv" + reverse("glossary:list")).content.decode()
    assert '<h2 id="havnepakt-name" lang="en">harbour partnership pact</h2>' in page


def test_the_glossary_is_in_the_sitemap_in_every_language(client):
    body = client.get("/sitemap-pages.xml").content.decode()
    for prefix in ("", "/sv", "/en"):
        assert f"{prefix}/glossary/</loc>" in body


def test_the_admin_shows_the_languages_side_by_side_and_marks_them(admin_client):
    term = make_term()
    page = admin_client.get(reverse("admin:glossary_term_change", args=[term.pk])).content
    page = page.decode()
    for code in ("fi", "sv", "en"):
        for field in ("name", "definition", "finnish_counterpart"):
            tag = re.search(rf'<(input|textarea)[^>]*name="{field}_{code}"[^>]*>', page)
            assert tag and f'lang="{code}"' in tag.group(0), (field, code)
    # Side by side: the three languages of a field share one row of the form.
    row = re.search(r'<div class="form-row[^"]*field-name_fi[^"]*"', page)
    assert row and "field-name_sv" in row.group(0) and "field-name_en" in row.group(0)


def test_the_glossary_is_in_alphabetical_order_whatever_the_case_of_the_names(client):
    make_term(slug="b", name_fi="Öresund-yhteistyö")
    make_term(slug="c", name_fi="asemanseutu")
    make_term(slug="d", name_fi="Maankäyttö")
    make_term(slug="e", name_fi="åländsk term")
    page = client.get(reverse("glossary:list")).content.decode()
    order = [page.index(f'id="{slug}-name"') for slug in ("c", "d", "e", "b")]
    assert order == sorted(order)
