"""Money, commitments and targets of the real starter content, against the figures the
reference states for the Norwegian urban growth agreements."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from cases.models import Case, Commitment, Funding, Indicator, Party

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.starter,
    pytest.mark.usefixtures("starter_content"),
]

# The state's contribution to each agreement as a whole, as the reference's key figures
# state it: (amount in whole units, currency, how the case page writes it).
STATE_FUNDING = {
    "no-byvekstavtale-oslo": (8_500_000_000, "NOK", "NOK 8.5 bn"),
    "no-byvekstavtale-bergen": (6_000_000_000, "NOK", "NOK 6 bn"),
    "no-miljopakken-trondheim": (370_000_000, "NOK", "NOK 370 m"),
    "no-byvekstavtale-nord-jaeren": (7_170_000_000, "NOK", "NOK 7.17 bn"),
}


def money_section(page):
    match = re.search(r'<section class="money".*?</section>', page, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())


@pytest.mark.parametrize("slug", STATE_FUNDING)
def test_the_state_funding_on_the_page_is_the_reference_s_figure(client, slug):
    amount, currency, written = STATE_FUNDING[slug]
    case = Case.objects.get(slug=slug)
    assert case.funding.filter(
        payer_kind=Party.STATE, purpose=Funding.Purpose.WHOLE, amount=amount, currency=currency
    ).exists()
    with translation.override("en"):
        page = client.get(case.get_absolute_url()).content.decode()
    assert written in money_section(page)


def test_the_compare_page_has_one_row_of_state_funding_for_oslo_bergen_and_trondheim(client):
    slugs = ["no-byvekstavtale-oslo", "no-byvekstavtale-bergen", "no-miljopakken-trondheim"]
    with translation.override("en"):
        url = reverse("cases:compare") + "?" + "&".join(f"case={slug}" for slug in slugs)
        response = client.get(url)
        rows = [c for label, _kind, c in response.context["rows"] if label == "State funding"]
    assert len(rows) == 1
    (cells,) = rows
    for slug, lines in zip(slugs, cells, strict=True):
        assert any(line.text.startswith(STATE_FUNDING[slug][2]) for line in lines), slug


def test_every_row_names_its_source_or_the_case_s_own_sources():
    for model in (Funding, Commitment, Indicator):
        assert not model.objects.filter(source__isnull=True, from_case_sources=False).exists()


def test_oslo_s_climate_target_is_minus_95_percent_by_2030_against_2009():
    target = Indicator.objects.get(
        case__slug="no-oslo-klimastrategi", target_year=2030, goal__slug="ghg-reduction-percent"
    )
    assert (target.baseline_year, target.target_value) == (2009, -95)


def test_every_case_has_money_duties_or_targets_or_is_one_whose_reference_states_none():
    # The reference gives no amount, commitment or numeric target for these cases.
    stated_none = {
        "no-framtidens-byer",
        "no-spr-batp-2014",
        "se-rufs-2050",
        "se-strukturplan-malmolundregionen",
        "dk-business-region-aarhus",
        "fi-malpe-oulu",
    }
    empty = set(
        Case.objects.filter(funding=None, commitments=None, indicators=None).values_list(
            "slug", flat=True
        )
    )
    assert empty == stated_none
