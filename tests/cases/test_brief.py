"""/cases/brief/: a short brief of the selection, one A4 page a case."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from cases.facetindex import current_index
from cases.models import Party
from networks.models import Organisation
from tests.factories import (
    bulk_cases,
    make_case,
    make_commitment,
    make_funding,
    make_key_figure,
    make_organisation,
    make_source,
    shared_content,
)

pytestmark = pytest.mark.django_db


def brief(client, query, language="en"):
    with translation.override(language):
        response = client.get(f"{reverse('cases:brief')}?{query}")
    assert response.status_code == 200
    return response


@pytest.fixture
def case():
    state = make_organisation(name="Made-up State Agency", level=Organisation.Level.STATE)
    town = make_organisation(name="Made-up Town", level=Organisation.Level.MUNICIPAL)
    case = make_case(
        slug="brief-case",
        title="Brief tram agreement",
        country="NO",
        start_year=2017,
        end_year=2029,
        parties=[state, town],
        summary="A short summary.",
        lessons_for_finland="Tie the money to the homes.",
    )
    make_key_figure(case, label="Homes", value="12 000", year=2029)
    make_funding(case, payer_kind=Party.STATE, amount=3_000_000_000, currency="NOK")
    make_funding(case, payer_kind=Party.STATE, purpose="rail", amount=500_000_000, currency="NOK")
    make_commitment(case, text="Build homes near the stations.")
    make_source(case, title="Evaluation of the deal", publisher="Made-up Institute", year=2021)
    return case


def test_the_brief_shows_the_facts_money_lessons_and_short_sources(client, case):
    text = brief(client, "case=brief-case").text
    for shown in [
        "Brief tram agreement",
        "Norway",
        "2017–2029",
        "State",
        "Made-up State Agency",
        "Made-up Town",
        "A short summary.",
        "Homes: 12 000",
        "NOK 3 bn",
        "Rail: NOK 500 m",
        "Build homes near the stations.",
        "Tie the money to the homes.",
        "Made-up Institute 2021: ",
        "Evaluation of the deal",
    ]:
        assert escape(shown) in text, shown


def test_a_short_case_has_no_continues_link(client, case):
    assert "Continues on the case page" not in brief(client, "case=brief-case").text


def test_a_long_text_is_cut_with_a_link_to_the_case_page(client):
    make_case(slug="brief-long", summary="Word " * 400)
    response = brief(client, "case=brief-long")
    (shown,) = response.context["cases"]
    assert len(shown.brief["summary"]) <= 900 and shown.brief["summary"].endswith("…")
    assert "Continues on the case page" in response.text
    assert 'href="http://testserver/en/cases/brief-long/"' in response.text


def test_long_lists_are_cut_to_a_few_lines(client):
    case = make_case(slug="brief-lists")
    for n in range(7):
        make_source(case, url=f"https://s.example/{n}", title=f"Source {n}")
        make_commitment(case, text=f"Promise {n}")
    shown = brief(client, "case=brief-lists").context["cases"][0].brief
    assert len(shown["sources"]) == 5
    assert [len(lines) for _label, lines in shown["money"]] == [4]
    assert shown["cut"]


def test_the_brief_is_in_the_page_language_and_marks_english_fallbacks(client, case):
    text = brief(client, "case=brief-case", "fi").text
    assert '<html lang="fi">' in text
    assert '<p lang="en">A short summary.</p>' in text


def test_each_case_is_an_article_with_its_own_heading(client, case):
    make_case(slug="brief-second")
    text = brief(client, "case=brief-case&case=brief-second").text
    assert text.count('<article class="brief-case"') == 2
    assert text.count("<h1>") == 1


def test_the_brief_links_the_other_forms_of_the_same_selection(client, case):
    text = brief(client, "case=brief-case&country=NO").text
    for name in ["cases:report", "cases:export-xlsx", "cases:export-csv"]:
        with translation.override("en"):
            assert escape(f"{reverse(name)}?case=brief-case&country=NO") in text


def test_user_text_is_escaped(client):
    make_case(slug="brief-script", title="<script>alert(1)</script>")
    text = brief(client, "case=brief-script").text
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)" in text


# Queries: the same for 10 cases as for 200.

content = shared_content(bulk_cases, params=[10, 200])


def test_the_brief_takes_a_fixed_number_of_queries(client, django_assert_num_queries, content):
    current_index()
    # 1 the content version (the filter form's choices come from the facet index)
    # 2 the cases (at most REPORT_LIMIT, 200); 3-7 their parties, sources, key figures,
    # funding with its payers and commitments with their parties
    with django_assert_num_queries(7):
        response = client.get(reverse("cases:brief"))
    assert response.status_code == 200
    assert response.content.decode().count('<article class="brief-case"') == len(content)
