"""Money, commitments and numeric targets: shown as the sources state them, never filled
in, on the case page, the report, the compare page, the goal page and the CSV."""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import translation

from cases.models import Funding, Party
from publishing.models import PublicationState
from tests.factories import (
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_organisation,
)

pytestmark = pytest.mark.django_db


def section(page, css_class):
    """The text of the page's <section class="…"> (tags removed, spaces collapsed)."""
    match = re.search(rf'<section class="{css_class}".*?</section>', page, re.S)
    assert match, f"no {css_class} section"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split())


@pytest.mark.parametrize(
    ("amount", "qualifier", "price_year", "english", "finnish"),
    [
        (8_500_000_000, "", None, "NOK 8.5 bn", "8,5 mrd. NOK"),
        (7_170_000_000, "about", None, "about NOK 7.17 bn", "noin 7,17 mrd. NOK"),
        (370_000_000, "more_than", 2016, "more than NOK 370 m (2016 prices)", "yli 370 milj."),
        (45_000, "", None, "NOK 45,000", "45 000 NOK"),
    ],
)
def test_an_amount_is_written_as_stated_in_each_language(
    amount, qualifier, price_year, english, finnish
):
    row = make_funding(make_case(), amount=amount, qualifier=qualifier, price_year=price_year)
    with translation.override("en"):
        assert row.amount_text == english
    with translation.override("fi"):
        # Finnish groups thousands with a non-breaking space.
        assert row.amount_text.replace("\xa0", " ").startswith(finnish)


def test_a_fact_the_sources_do_not_state_is_said_to_be_missing(client):
    case = make_case()
    make_funding(case, amount=None, currency="", share=None, note="Toll revenue pooled")
    make_indicator(case, baseline_value=None, baseline_year=None, target_year=None)
    with translation.override("en"):
        page = client.get(case.get_absolute_url()).content.decode()
    money = section(page, "money")
    assert "Toll revenue pooled" in money
    assert "not stated in the sources" in money
    targets = section(page, "targets")
    # The baseline is unknown, and the target's year: neither is filled in.
    assert "not stated in the sources" in targets
    assert "80" in targets and "by 20" not in targets


def test_the_case_page_shows_who_pays_what_and_who_undertakes_what(client):
    state = make_organisation(name="Ministry of Roundabouts", level="state", kind="state")
    case = make_case(parties=[state])
    make_funding(case, payer=state, amount=2_000_000_000, period_start=2020, period_end=2029)
    make_commitment(case, text="Keep parking scarce in the centre.", kind="parking")
    with translation.override("en"):
        page = client.get(case.get_absolute_url()).content.decode()
    money = section(page, "money")
    assert "Ministry of Roundabouts" in money
    assert "NOK 2 bn" in money and "2020–2029" in money and "Public transport" in money
    assert "Keep parking scarce in the centre." in money


def test_an_indicator_with_two_known_points_gets_a_chart_with_its_facts_in_words(client):
    case = make_case()
    make_indicator(case, name="Lorry trips", measurements=[(2020, 92)])
    with translation.override("en"):
        page = client.get(case.get_absolute_url()).content.decode()
    chart = re.search(r'<svg class="indicator-chart".*?</svg>', page, re.S).group(0)
    assert 'role="img"' in chart
    title = re.search(r"<title[^>]*>(.*?)</title>", chart).group(1)
    assert title == (
        "Lorry trips: Baseline 100 index in 2015, measured 92 index in 2020, "
        "target 80 index by 2030."
    )
    # One point for the baseline, the measured value and the target.
    assert chart.count("<circle") == 3


def test_an_indicator_with_fewer_than_two_known_points_has_no_chart(client):
    case = make_case()
    make_indicator(case, baseline_value=None, target_year=None)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "indicator-chart" not in page
    assert "targets" in page


def test_text_in_money_rows_is_escaped(client):
    case = make_case()
    make_funding(case, note='<script>alert("x")</script>')
    make_commitment(case, text="<img src=x onerror=alert(1)>")
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page


def test_a_draft_case_s_money_never_reaches_a_goal_page(client):
    goal = make_goal()
    shown = make_case(title="Shown case", goals=[goal])
    hidden = make_case(title="Hidden case", goals=[goal], state=PublicationState.DRAFT)
    make_indicator(shown, goal=goal, name="Shown target")
    make_indicator(hidden, goal=goal, name="Hidden target")
    page = client.get(goal.get_absolute_url()).content.decode()
    targets = section(page, "targets")
    assert "Shown target" in targets
    assert "Hidden target" not in page


def test_the_goal_page_lists_the_targets_of_its_cases_side_by_side(client):
    goal = make_goal()
    cases = [make_case(title=f"Goal case {n}", goals=[goal]) for n in range(3)]
    for n, case in enumerate(cases):
        make_indicator(case, goal=goal, target_value=10 * n, target_year=2030 + n)
    make_indicator(cases[0], goal=goal, target_value=None, name="No target here")
    with translation.override("en"):
        page = client.get(goal.get_absolute_url()).content.decode()
    targets = section(page, "targets")
    for n in range(3):
        assert f"Goal case {n}" in targets and f"by {2030 + n}" in targets
    assert "No target here" not in targets


def test_the_goal_page_shows_a_bounded_number_of_targets_and_links_to_the_rest(client):
    from cases.views import GoalDetailView

    goal = make_goal()
    case = make_case(goals=[goal])
    for _ in range(GoalDetailView.TARGETS_SHOWN + 1):
        make_indicator(case, goal=goal)
    response = client.get(goal.get_absolute_url())
    assert len(response.context["targets"]) == GoalDetailView.TARGETS_SHOWN
    assert response.context["more_targets"]
    assert f"goal={goal.slug}" in response.context["targets_url"]
    assert "target=yes" in response.context["targets_url"]


def compare_rows(client, cases):
    with translation.override("en"):
        url = reverse("cases:compare") + "?" + "&".join(f"case={c.slug}" for c in cases)
        response = client.get(url)
        return {str(label): cells for label, _kind, cells in response.context["rows"]}


def texts(lines):
    return [f"{line.prefix}{line.text}" for line in lines]


def test_compare_lines_up_state_funding_and_what_the_state_pays_for(client):
    first, second = make_case(title="First"), make_case(title="Second")
    make_funding(first, purpose="", amount=8_000_000_000, note="Whole agreement")
    make_funding(first, purpose=Funding.Purpose.RAIL, amount=1_000_000_000)
    make_funding(second, purpose="", payer_kind=Party.ALL, amount=5_000_000_000, currency="SEK")
    rows = compare_rows(client, [first, second])
    assert texts(rows["State funding"][0]) == ["NOK 8 bn (Whole agreement)"]
    assert rows["State funding"][1] == []
    assert texts(rows["Total funding"][1]) == ["SEK 5 bn"]
    assert texts(rows["What the state pays for"][0]) == ["Rail: NOK 1 bn"]


def test_compare_has_a_row_for_each_goal_whose_targets_the_cases_share(client):
    shared, own = make_goal(name="Shared goal"), make_goal(name="Own goal")
    first, second = make_case(), make_case()
    make_indicator(first, goal=shared, name="Trips", target_value=75, unit="%")
    make_indicator(second, goal=shared, name="Trips", target_value=60, unit="%")
    make_indicator(second, goal=own, name="Only here")
    rows = compare_rows(client, [first, second])
    assert texts(rows["Targets: Shared goal"][0]) == ["Trips: 100 % in 2015 → 75 % by 2030"]
    assert texts(rows["Targets: Shared goal"][1]) == ["Trips: 100 % in 2015 → 60 % by 2030"]
    assert "Targets: Own goal" not in rows


def test_the_csv_carries_funding_commitments_and_targets(client):
    case = make_case(title="Csv case")
    make_funding(case, amount=2_500_000_000, purpose=Funding.Purpose.ROADS)
    make_commitment(case, text="Build homes near stations.")
    make_indicator(case, name="Car trips")
    with translation.override("en"):
        response = client.get(reverse("cases:export-csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["funding"] == "State: NOK 2.5 bn (Roads)"
    assert row["commitments"] == "Municipal: Build homes near stations."
    assert row["indicators and targets"] == "Car trips: 100 index in 2015 -> 80 index by 2030"


def test_the_report_shows_the_money_and_the_targets(client):
    case = make_case()
    make_funding(case, note="Report payment")
    make_indicator(case, name="Report indicator")
    page = client.get(reverse("cases:report")).content.decode()
    assert "Report payment" in section(page, "money")
    assert "Report indicator" in section(page, "targets")
