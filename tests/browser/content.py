"""The content the browser tests look at, built with the test factories."""

from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from tests.factories import (
    bulk_cases,
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_key_figure,
    make_milestone,
    make_network,
    make_organisation,
    make_region,
    make_source,
    make_term,
)


def build_site():
    """Enough published content for every page type: 25 cases (two browse pages), one case
    with every section filled and key figures in a table, two regions (one with a single
    case: the smallest marker), a network, a goal."""
    region = make_region(name="Northport", slug="northport", latitude=59.33, longitude=18.07)
    fjordvik = make_region(
        name="Fjordvik", slug="fjordvik", country="NO", latitude=59.91, longitude=10.75
    )
    network = make_network(name="Test Cities Network", slug="test-cities-network")
    goal = make_goal(name="Fewer car trips", slug="fewer-car-trips")
    party = make_organisation(name="Northport Region", slug="northport-region")
    full = make_case(
        title="Northport housing and rail deal",
        slug="full-case",
        original_name="Bostads- och tågavtalet i Northport",
        country="SE",
        themes=("land-use", "housing", "transport"),
        goals=[goal],
        regions=[region, fjordvik],
        networks=[network],
        parties=[party],
        challenge="Growth without sprawl.",
        how_it_works="The state co-funds rail; municipalities commit to build homes.",
        results="Tens of thousands of homes near new stations.",
        lessons_for_finland="Tie the money to the duties.",
    )
    for label, value in [
        ("Homes committed to be built near the new stations", "100000"),
        ("State co-funding of metro and light rail", "12500"),
    ]:
        make_key_figure(full, label=label, value=value, unit="MSEK", year=2018)
    make_source(full, title="Slutrapport om avtalet", publisher="Northport Region", year=2017)
    make_milestone(full, year=2014, event="Negotiation set up")
    # Money, duties and targets: tables, a list and a chart.
    make_funding(full, payer=party, amount=12_500_000_000, currency="SEK", period_start=2014)
    make_funding(full, amount=None, currency="", share=50, note="Half of the rail line")
    make_commitment(full, party=party, goal=goal, text="Build 100,000 homes near stations.")
    make_indicator(full, goal=goal, name="Car trips", unit="%", measurements=[(2020, 95)])
    make_term(
        [full],
        name_en="harbour partnership pact",
        name_fi="satamaseudun kumppanuussopimus",
        name_no="havnepakt",
        slug="test-term",
        definition_en="An agreement between the state and a city region.",
        definition_fi="Valtion ja kaupunkiseudun sopimus.",
        finnish_counterpart_en="The nearest in Finland is the MAL agreement.",
    )
    others = bulk_cases(24, regions=[region], goals=[goal], networks=[network], parties=[party])
    return {"full": full, "others": others, "region": region, "network": network, "goal": goal}


def admin_session_cookie(live_server, user):
    """The session cookie of `user`, logged in, for the browser.

    Secure, as production sends it (its __Host- name requires that): Chromium keeps and
    sends secure cookies for http://localhost, the live server's address. Given by host
    and path, as Playwright drops Secure from a cookie given by an http:// address."""
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {
        "name": name,
        "value": client.cookies[name].value,
        "domain": urlsplit(live_server.url).hostname,
        "path": "/",
        "secure": True,
    }
