"""Text on the way in: control characters cleaned, long text refused readably and kept."""

import xml.dom.minidom

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cases.models import Case
from publishing.fields import LONG_TEXT_MAX_LENGTH
from tests.admin.helpers import change_form_data
from tests.factories import make_case, make_network

pytestmark = pytest.mark.django_db


def change_url(case):
    return reverse("admin:cases_case_change", args=[case.pk])


@pytest.mark.parametrize("character", ["\x0b", "\x01", "\x08", "\x0c", "\x1f"])
def test_control_characters_pasted_into_the_admin_are_cleaned(curator_client, character):
    case = make_case()
    form = curator_client.get(change_url(case))
    summary = f"Pasted{character}from a word processor."
    response = curator_client.post(change_url(case), change_form_data(form, summary_en=summary))
    assert response.status_code == 302
    saved = Case.objects.get(pk=case.pk).summary_en
    assert character not in saved and saved.startswith("Pasted")


@pytest.mark.parametrize("character", ["\x0b", "\x01", "\x08", "\x0c", "\x1f"])
def test_the_feed_survives_control_characters_saved_before_cleaning(client, character):
    case = make_case()
    Case.objects.filter(pk=case.pk).update(
        title_en=f"Old{character}row", summary_en=f"Saved{character}long ago."
    )
    response = client.get(reverse("cases:feed"))
    assert response.status_code == 200
    xml.dom.minidom.parseString(response.content)  # well-formed XML 1.0


def test_validation_cleans_every_text_field_of_other_models_too():
    network = make_network()
    network.summary = "A\x0bnetwork\x01."
    network.full_clean()
    assert network.summary == "A\nnetwork."


def test_a_text_over_the_limit_is_refused_readably_and_kept_in_the_form(curator_client):
    case = make_case()
    form = curator_client.get(change_url(case))
    huge = "Tulokset " * 140_000  # about 1.2 MB
    response = curator_client.post(change_url(case), change_form_data(form, results_en=huge))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "results_en" in errors and str(LONG_TEXT_MAX_LENGTH) in str(
        errors["results_en"]
    ).replace("\xa0", "").replace(" ", "")
    assert huge.strip() in response.text
    assert Case.objects.get(pk=case.pk).results_en == case.results_en


def test_a_text_area_does_not_cut_a_long_paste_short_in_the_browser(curator_client):
    response = curator_client.get(change_url(make_case()))
    assert "maxlength" not in str(response.context["adminform"].form["results_en"])


def test_a_case_with_every_long_text_at_its_limit_saves_and_is_found(curator_client):
    case = make_case()
    words = [f"w{n:06d}x" for n in range(LONG_TEXT_MAX_LENGTH // 9)]
    full = " ".join(words)[:LONG_TEXT_MAX_LENGTH]
    texts = dict.fromkeys(
        [
            "summary_en",
            "challenge_en",
            "how_it_works_en",
            "climate_goals_en",
            "results_en",
            "lessons_for_finland_en",
            "evidence_note_en",
        ],
        full,
    )
    form = curator_client.get(change_url(case))
    response = curator_client.post(change_url(case), change_form_data(form, **texts))
    assert response.status_code == 302
    found = client_search(curator_client, words[-2])
    assert case.slug in found


def client_search(client, word):
    response = client.get(reverse("cases:list"), {"q": word})
    return [c.slug for c in response.context["page_obj"]]


def test_model_validation_refuses_an_overlong_text():
    case = make_case()
    case.how_it_works_en = "x" * (LONG_TEXT_MAX_LENGTH + 1)
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "how_it_works_en" in error.value.message_dict
