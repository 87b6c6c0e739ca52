"""Dates in each language's own way of writing them."""

import datetime

import pytest

from cases.models import Case, Milestone
from tests.factories import make_case

pytestmark = pytest.mark.django_db

PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}


@pytest.fixture
def case():
    case = make_case(slug="dated-case", last_verified=datetime.date(2020, 3, 5))
    noon = datetime.datetime(2021, 11, 9, 12, tzinfo=datetime.UTC)
    Case.objects.filter(pk=case.pk).update(updated_at=noon)
    return case


def page(client, case, language):
    response = client.get(PREFIXES[language] + case.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "language, wanted",
    [
        ("fi", "Päivitetty 9.11.2021."),
        ("sv", "Uppdaterad 9.11.2021."),
        ("en", "Updated 9 Nov 2021."),
    ],
)
def test_the_citation_dates_the_case_in_the_pages_language(client, case, language, wanted):
    assert wanted in page(client, case, language)


@pytest.mark.parametrize(
    "language, wanted", [("fi", "5.3.2020"), ("sv", "5.3.2020"), ("en", "5 Mar 2020")]
)
def test_the_last_verification_is_dated_in_the_pages_language(client, case, language, wanted):
    assert f"<dd>{wanted}</dd>" in page(client, case, language)


@pytest.mark.parametrize(
    "language, wanted", [("fi", "maaliskuu 2020"), ("sv", "mars 2020"), ("en", "March 2020")]
)
def test_a_milestone_of_a_month_names_the_month_in_the_pages_language(
    client, case, language, wanted
):
    Milestone.objects.create(case=case, year=2020, month=3, event="Agreement signed")
    assert f'<time datetime="2020-03">{wanted}</time>' in page(client, case, language)


def test_a_milestone_of_a_day_gives_the_day(client, case):
    Milestone.objects.create(case=case, year=2020, month=3, day=5, event="Agreement signed")
    assert '<time datetime="2020-03-05">5 Mar 2020</time>' in page(client, case, "en")


def test_a_milestone_of_a_day_its_month_does_not_have_is_shown_as_entered(client, case):
    Milestone.objects.create(case=case, year=2020, month=4, day=31, event="Agreement signed")
    assert '<span class="when">31.4.2020</span>' in page(client, case, "sv")


def test_a_milestone_of_a_year_gives_the_year(client, case):
    Milestone.objects.create(case=case, year=2019, event="Negotiations began")
    assert '<span class="when">2019</span>' in page(client, case, "en")
