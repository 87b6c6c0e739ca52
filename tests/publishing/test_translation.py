"""Translated content: the active language's text, English where it has none, marked."""

import pytest
from django.template import Context, Template
from django.utils import translation

from cases.models import Case, Source
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_a_translated_field_reads_the_active_language_and_falls_back_to_english():
    case = Case(title_en="Growth agreement", title_fi="Kasvusopimus", title_sv="")
    with translation.override("fi"):
        assert case.title == "Kasvusopimus"
    with translation.override("sv"):
        assert case.title == "Growth agreement"
    with translation.override("en"):
        assert case.title == "Growth agreement"


def test_writing_the_plain_name_writes_the_english_text():
    case = Case(title="Growth agreement")
    assert (case.title_en, case.title_fi) == ("Growth agreement", "")
    with translation.override("fi"):
        case.title = "Changed"
    assert (case.title_en, case.title_fi) == ("Changed", "")


def test_the_lang_tag_marks_only_a_fallback():
    case = Case(title_en="Growth agreement", title_fi="Kasvusopimus")
    template = Template('{% load content %}<h1{% lang case "title" %}>{{ case.title }}</h1>')
    with translation.override("fi"):
        assert template.render(Context({"case": case})) == "<h1>Kasvusopimus</h1>"
    with translation.override("sv"):
        assert template.render(Context({"case": case})) == '<h1 lang="en">Growth agreement</h1>'
    with translation.override("en"):
        assert template.render(Context({"case": case})) == "<h1>Growth agreement</h1>"


def test_a_case_page_marks_english_fallbacks_and_not_translated_text(client):
    case = make_case(
        title_en="Growth agreement",
        title_fi="Kasvusopimus",
        summary_en="An English summary.",
        challenge_en="An English challenge.",
        challenge_fi="Suomenkielinen haaste.",
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<h1>Kasvusopimus</h1>" in page
    assert '<p class="lead" lang="en">An English summary.</p>' in page
    assert "<div><p>Suomenkielinen haaste.</p></div>" in page
    english = client.get("/en" + case.get_absolute_url()).content.decode()
    assert "<h1>Growth agreement</h1>" in english
    assert '<p class="lead">An English summary.</p>' in english


def test_a_source_title_is_marked_with_its_own_language(client):
    case = make_case()
    Source.objects.create(
        case=case, title="Stadsmiljöavtal", url="https://example.org/a", language="sv"
    )
    Source.objects.create(case=case, title="Finnish title", url="https://example.org/b")
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'rel="noopener" lang="sv">Stadsmiljöavtal</a>' in page
    assert 'rel="noopener" lang="en">Finnish title</a>' in page
    swedish = client.get("/sv" + case.get_absolute_url()).content.decode()
    assert 'rel="noopener">Stadsmiljöavtal</a>' in swedish


def test_lists_are_ordered_by_the_title_in_the_page_language(client):
    make_case(title_en="Alpha", title_fi="Öljy")
    make_case(title_en="Beta", title_fi="Aalto")
    with translation.override("fi"):
        assert [c.title for c in Case.objects.for_list().order_by("title_fi")] == ["Aalto", "Öljy"]
    finnish = client.get("/cases/?sort=title").content.decode()
    assert finnish.index("Aalto") < finnish.index("Öljy")
    english = client.get("/en/cases/?sort=title").content.decode()
    assert english.index("Alpha") < english.index("Beta")
