"""Curating money, commitments and targets in the admin: no number without a source."""

import pytest
from django.utils import translation
from django.utils.html import escape

from cases.models import Funding, Indicator, Measurement
from tests.admin.helpers import change_form_data
from tests.factories import make_case, make_funding, make_indicator, make_source

pytestmark = pytest.mark.django_db


def with_new_funding_row(form, **fields):
    """The case form's data with one new funding row of `fields` added."""
    data = change_form_data(form)
    data["funding-TOTAL_FORMS"] = str(int(data["funding-TOTAL_FORMS"]) + 1)
    row = int(data["funding-TOTAL_FORMS"]) - 1
    defaults = {"payer_kind": "state", "amount": "1500000000", "currency": "NOK", "position": "1"}
    data.update({f"funding-{row}-{name}": value for name, value in (defaults | fields).items()})
    return data


def change_url(case):
    return f"/admin/cases/case/{case.pk}/change/"


def test_a_funding_row_without_a_source_or_the_marker_is_refused(curator_client):
    case = make_case()
    form = curator_client.get(change_url(case))
    response = curator_client.post(change_url(case), with_new_funding_row(form))
    assert response.status_code == 200
    with translation.override("fi"):
        refusal = translation.gettext(
            "Name the source of this row, or tick “source: the case's own sources”: "
            "no number without a source."
        )
    assert escape(refusal) in response.content.decode()
    assert not Funding.objects.exists()
    # The curator's input stays in the form.
    assert 'value="1500000000"' in response.content.decode()


def test_a_funding_row_from_the_case_s_own_sources_is_saved_with_its_history(curator_client):
    case = make_case()
    form = curator_client.get(change_url(case))
    data = with_new_funding_row(form, from_case_sources="on")
    response = curator_client.post(change_url(case), data)
    assert response.status_code == 302
    (row,) = case.funding.all()
    assert (row.amount, row.currency, row.from_case_sources) == (1_500_000_000, "NOK", True)
    assert row.history.count() == 1


def test_a_funding_row_naming_one_of_the_case_s_sources_is_saved(curator_client):
    case = make_case()
    source = make_source(case)
    form = curator_client.get(change_url(case))
    response = curator_client.post(
        change_url(case), with_new_funding_row(form, source=str(source.pk))
    )
    assert response.status_code == 302
    assert case.funding.get().source == source


def test_a_source_of_another_case_cannot_be_chosen(curator_client):
    case, other = make_case(), make_case()
    foreign = make_source(other)
    form = curator_client.get(change_url(case))
    response = curator_client.post(
        change_url(case), with_new_funding_row(form, source=str(foreign.pk))
    )
    assert response.status_code == 200
    assert not Funding.objects.exists()


def test_an_amount_without_its_currency_is_refused_readably(curator_client):
    case = make_case()
    form = curator_client.get(change_url(case))
    data = with_new_funding_row(form, currency="", from_case_sources="on")
    response = curator_client.post(change_url(case), data)
    assert response.status_code == 200
    with translation.override("fi"):
        assert translation.gettext("An amount needs its currency.") in response.content.decode()
    assert not Funding.objects.exists()


def test_a_curator_adds_a_measured_value_on_the_indicator_s_page(curator_client):
    indicator = make_indicator(make_case())
    url = f"/admin/cases/indicator/{indicator.pk}/change/"
    data = change_form_data(curator_client.get(url))
    data.update(
        {
            "measurements-TOTAL_FORMS": "1",
            "measurements-0-year": "2022",
            "measurements-0-value": "91.5",
        }
    )
    response = curator_client.post(url, data)
    assert response.status_code == 302
    assert Measurement.objects.get(indicator=indicator).value == 91.5


def test_an_indicator_is_added_on_its_case_not_on_its_own(curator_client):
    assert curator_client.get("/admin/cases/indicator/add/").status_code == 403
    assert not Indicator.objects.exists()


def test_a_funding_row_changed_since_the_form_was_opened_is_not_overwritten(curator_client):
    case = make_case()
    row = make_funding(case, note="First reading")
    form = curator_client.get(change_url(case))
    Funding.objects.filter(pk=row.pk).update(note_en="Saved meanwhile by another curator")
    response = curator_client.post(
        change_url(case), change_form_data(form, **{"funding-0-note_en": "From a stale form"})
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.note_en == "Saved meanwhile by another curator"
