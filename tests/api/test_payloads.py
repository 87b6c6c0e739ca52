"""What the payloads carry: every language, a case's rows, absolute URLs and the licence."""

import pytest

from tests.factories import (
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

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    goal = make_goal(name_en="Fewer car trips", name_fi="Vähemmän automatkoja", name_sv="Färre")
    party = make_organisation(name="Kommune Eldervik", level="municipal")
    case = make_case(
        title_en="Eldervik package",
        title_fi="Eldervikin paketti",
        title_sv="Elderviks paket",
        summary_fi="Tiivistelmä.",
        country="NO",
        regions=[make_region(name_en="Eldervik region", name_fi="Eldervikin seutu")],
        goals=[goal],
        networks=[make_network(name_en="Eldervik forum")],
        parties=[party],
    )
    source = make_source(case, title="Eldervik report", url="https://example.org/eldervik")
    make_key_figure(case, label_fi="Pituus")
    make_milestone(case, event_sv="Avtal")
    make_funding(case, payer=party, source=source, from_case_sources=False)
    make_commitment(case, goal=goal)
    make_indicator(case, goal=goal, measurements=[(2020, 95)])
    make_term(cases=[case], name_en="Byvekstavtale term")
    return case


def test_a_case_carries_every_language_and_all_its_rows(client, case):
    payload = client.get(f"/api/v1/cases/{case.slug}/").json()
    assert payload["title"] == {
        "fi": "Eldervikin paketti",
        "sv": "Elderviks paket",
        "en": "Eldervik package",
    }
    assert payload["summary"]["fi"] == "Tiivistelmä."
    assert payload["challenge"] == {"fi": "", "sv": "", "en": ""}
    assert payload["sources"] == [
        {
            "title": "Eldervik report",
            "url": "https://example.org/eldervik",
            "publisher": "",
            "year": None,
            "language": "en",
        }
    ]
    assert payload["key_figures"][0]["label"]["fi"] == "Pituus"
    assert payload["milestones"][0]["event"]["sv"] == "Avtal"
    funding = payload["funding"][0]
    assert funding["amount"] == 1_000_000_000 and funding["currency"] == "NOK"
    assert funding["payer"]["name"] == "Kommune Eldervik"
    assert funding["source"] == "https://example.org/eldervik"
    assert payload["commitments"][0]["goal"] == payload["goals"][0]["slug"]
    indicator = payload["indicators"][0]
    assert indicator["measurements"][0]["year"] == 2020
    assert indicator["target_value"] == "80.000"
    assert payload["goals"][0]["name"]["fi"] == "Vähemmän automatkoja"
    assert payload["regions"][0]["name"]["fi"] == "Eldervikin seutu"
    assert payload["parties"] == [
        {
            "slug": case.parties.get().slug,
            "name": "Kommune Eldervik",
            "name_en": "",
            "kind": "municipality",
            "level": "municipal",
            "country": "",
        }
    ]
    assert payload["networks"][0]["name"]["en"] == "Eldervik forum"
    assert payload["terms"][0]["name"]["en"] == "Byvekstavtale term"
    assert [theme["slug"] for theme in payload["themes"]] == ["transport"]
    assert set(payload["themes"][0]["name"]) == {"fi", "sv", "en"}
    assert payload["licence"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }


def test_a_case_links_to_its_pages_in_every_language(client, case):
    payload = client.get(f"/api/v1/cases/{case.slug}/").json()
    assert payload["url"] == f"http://testserver/cases/{case.slug}/"
    assert payload["urls"] == {
        "fi": f"http://testserver/cases/{case.slug}/",
        "sv": f"http://testserver/sv/cases/{case.slug}/",
        "en": f"http://testserver/en/cases/{case.slug}/",
    }
    assert payload["api_url"] == f"http://testserver/api/v1/cases/{case.slug}/"
    listed = client.get("/api/v1/cases/").json()["results"][0]
    assert listed["url"] == payload["url"] and listed["title"] == payload["title"]


def test_a_link_that_is_not_http_is_not_given_as_one(client, case):
    source = case.sources.get()
    type(source).objects.filter(pk=source.pk).update(url="javascript:alert(1)")
    payload = client.get(f"/api/v1/cases/{case.slug}/").json()
    assert payload["sources"][0]["url"] is None
    assert payload["funding"][0]["source"] is None


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/regions/", "name"),
        ("/api/v1/goals/", "name"),
        ("/api/v1/networks/", "summary"),
        ("/api/v1/glossary/", "definition"),
        ("/api/v1/themes/", "name"),
    ],
)
def test_other_records_carry_every_language_and_their_url(client, case, url, field):
    first = client.get(url).json()["results"][0]
    assert set(first[field]) == {"fi", "sv", "en"}
    assert first["url"].startswith("http://testserver/")
    assert first["cases_api_url" if "cases_api_url" in first else "url"]
    if "api_url" in first:
        assert client.get(first["api_url"]).json()["slug"] == first["slug"]


def test_a_records_case_link_gives_its_cases(client, case):
    region = client.get("/api/v1/regions/").json()["results"][0]
    assert region["case_count"] == 1
    cases = client.get(region["cases_api_url"]).json()["results"]
    assert [c["slug"] for c in cases] == [case.slug]
