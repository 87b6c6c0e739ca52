import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from cases.models import Theme
from tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_every_database_has_the_five_themes_in_order_from_a_migration():
    """Tests build everything else they need, but find these (and the Curator group)."""
    assert list(Theme.objects.values_list("slug", flat=True)) == Theme.Slug.values


def test_the_database_rejects_an_end_year_before_the_start_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(start_year=2020, end_year=2019)


def test_validation_explains_an_end_year_before_the_start_year():
    case = make_case(start_year=2020, end_year=2025)
    case.end_year = 2019
    with translation.override("en"), pytest.raises(ValidationError, match="end year cannot be"):
        case.full_clean()


def test_the_database_rejects_a_duplicate_slug():
    make_case(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(slug="same")


def test_the_database_rejects_a_country_outside_the_nordic_mal_countries():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_case(country="DE")


def test_choice_labels_follow_the_language_and_an_unknown_value_shows_as_it_is():
    case = make_case(country="NO", instrument="agreement")
    with translation.override("fi"):
        finnish = (case.get_country_display(), case.get_instrument_display())
    with translation.override("en"):
        english = (case.get_country_display(), case.get_instrument_display())
    assert english[0] == "Norway" and finnish[0] == "Norja"
    assert finnish[1] != english[1]
    case.country = "XX"
    assert case.get_country_display() == "XX"
