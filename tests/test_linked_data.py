"""Linked data: a case page's schema.org JSON-LD, the DCAT-AP catalogue, the footer's
licence. The JSON is read as a crawler reads it: the text of the page's script element."""

import json
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cases.linkeddata import case_linked_data, script_json, temporal_coverage
from cases.models import Case
from feedback.models import ServiceContact
from networks.models import PublicationState
from publishing import licence
from tests.factories import (
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
    make_source,
    make_term,
)

pytestmark = pytest.mark.django_db

HOSTILE = "</script><script>alert(1)</script> & <!-- x"
IANA = "http://www.iana.org/assignments/media-types/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Scripts(HTMLParser):
    """The texts of a page's <script type="application/ld+json"> elements, and every
    script element's type, as a browser splits them."""

    def __init__(self):
        super().__init__()
        self.json_ld, self.types, self._open = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            kind = dict(attrs).get("type")
            self.types.append(kind)
            self._open = [] if kind == "application/ld+json" else None

    def handle_data(self, data):
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.json_ld.append("".join(self._open))
            self._open = None


def scripts_of(response):
    assert response.status_code == 200
    parser = _Scripts()
    parser.feed(response.text)
    return parser


def json_ld_of(response):
    """The page's one JSON-LD description, parsed."""
    scripts = scripts_of(response).json_ld
    assert len(scripts) == 1
    return json.loads(scripts[0])


def values(tagged):
    """{language: text} of language-tagged values."""
    return {value["@language"]: value["@value"] for value in tagged}


@pytest.fixture
def linked_case():
    case = make_case(
        title_fi="Testikaupungin sopimus",
        title_en="Testtown agreement",
        summary_sv="Ett avtal i testtrakten.",
        original_name="Testbyavtalet",
        start_year=2019,
        end_year=2029,
        themes=["transport", "housing"],
        regions=[make_region(name_en="Testvale", latitude=60.5, longitude=17.25)],
        parties=[
            make_organisation(name="Testby kommun", name_en="Testby municipality"),
            make_organisation(name="Statens testverk", level="state", kind="state"),
        ],
        goals=[make_goal(name_en="Fewer car trips")],
        networks=[
            make_network(name_en="Open testers network"),
            make_network(name_en="Secret drafters network", state=PublicationState.DRAFT),
        ],
    )
    make_term([case], name_en="Published test term")
    make_term([case], name_en="Draft test term", state=PublicationState.DRAFT)
    make_source(
        case,
        title="Testby traffic report",
        url="https://example.org/testby-traffic",
        publisher="Testby kommun",
        year=2021,
    )
    return Case.objects.get(pk=case.pk)


def test_the_case_page_describes_the_case_in_schema_org(client, linked_case):
    data = json_ld_of(client.get(linked_case.get_absolute_url()))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["url"] == f"http://testserver/cases/{linked_case.slug}/"
    assert data["inLanguage"] == "fi"
    assert data["license"] == licence.URL
    assert data["isAccessibleForFree"] is True
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "MAL Nordic",
        "url": "http://testserver/",
    }
    assert data["temporalCoverage"] == "2019/2029"
    assert data["dateModified"] == linked_case.updated_at.isoformat()
    assert data["datePublished"] == linked_case.published_at.isoformat()
    assert data["alternateName"] == {"@value": "Testbyavtalet", "@language": "sv"}


def test_the_description_reads_only_what_the_page_prefetched(linked_case):
    """The case page's query count stays as it was (tests/test_query_counts.py)."""
    case = Case.objects.for_detail().get(pk=linked_case.pk)
    request = RequestFactory().get(case.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        data = case_linked_data(case, request)
    assert len(queries) == 0
    assert data["citation"] and data["contributor"] and data["mentions"] and data["about"]


def test_the_texts_are_tagged_with_each_language_they_exist_in(client, linked_case):
    data = json_ld_of(client.get(linked_case.get_absolute_url()))
    assert data["name"] == [
        {"@value": "Testikaupungin sopimus", "@language": "fi"},
        {"@value": "Testtown agreement", "@language": "en"},
    ]
    assert values(data["description"]) == {
        "sv": "Ett avtal i testtrakten.",
        "en": linked_case.summary_en,
    }


def test_an_english_page_gives_its_own_address_and_language(client, linked_case):
    with translation.override("en"):
        url = linked_case.get_absolute_url()
    data = json_ld_of(client.get(url))
    assert data["url"] == f"http://testserver/en/cases/{linked_case.slug}/"
    assert data["inLanguage"] == "en"


def test_the_regions_country_parties_and_sources_are_listed(client, linked_case):
    data = json_ld_of(client.get(linked_case.get_absolute_url()))
    place, country = data["spatialCoverage"]
    assert values(place["name"]) == {"en": "Testvale"}
    assert place["@type"] == "Place"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 60.5, "longitude": 17.25}
    assert country["@type"] == "Country"
    assert country["identifier"] == "SE"
    assert values(country["name"])["en"] == "Sweden"
    parties = {party["name"] for party in data["contributor"]}
    assert parties == {"Testby kommun", "Statens testverk"}
    assert all(party["@type"] == "Organization" for party in data["contributor"])
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "name": "Testby traffic report",
            "inLanguage": "en",
            "url": "https://example.org/testby-traffic",
            "publisher": {"@type": "Organization", "name": "Testby kommun"},
            "datePublished": "2021",
        }
    ]


def test_the_goals_and_themes_are_defined_terms(client, linked_case):
    data = json_ld_of(client.get(linked_case.get_absolute_url()))
    assert all(term["@type"] == "DefinedTerm" for term in data["about"])
    codes = [term["termCode"] for term in data["about"]]
    goal_slug = linked_case.goals.get().slug
    assert codes[0] == goal_slug
    assert sorted(codes[1:]) == ["housing", "transport"]
    assert values(data["about"][0]["name"]) == {"en": "Fewer car trips"}


def test_draft_networks_and_terms_stay_out(client, linked_case):
    response = client.get(linked_case.get_absolute_url())
    data = json_ld_of(response)
    mentioned = [value for item in data["mentions"] for value in values(item["name"]).values()]
    assert mentioned == ["Open testers network", "Published test term"]
    script = scripts_of(response).json_ld[0]
    assert "Secret drafters network" not in script
    assert "Draft test term" not in script


def test_a_draft_preview_is_described_without_a_publication_date(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None, start_year=2019)
    data = json_ld_of(curator_client.get(draft.get_absolute_url()))
    assert "datePublished" not in data
    assert data["temporalCoverage"] == "2019/.."
    assert values(data["name"]) == {"en": draft.title_en}


def test_a_hostile_text_cannot_leave_the_script(client):
    case = make_case(title_en=HOSTILE, summary_en=HOSTILE, original_name=HOSTILE)
    make_source(case, title=HOSTILE, publisher=HOSTILE)
    response = client.get(case.get_absolute_url())
    scripts = scripts_of(response)
    # Only the JSON-LD script: no script element was opened by the text.
    assert scripts.types.count("application/ld+json") == 1
    assert None not in scripts.types
    assert "<script>alert(1)" not in response.text
    data = json.loads(scripts.json_ld[0])
    assert values(data["name"]) == {"en": HOSTILE}
    assert data["citation"][0]["name"] == HOSTILE
    assert "<" not in scripts.json_ld[0] and "&" not in scripts.json_ld[0]


def test_script_json_escapes_every_character_that_could_break_the_script():
    data = {"text": "</script><!-- & \u2028 \u2029 ä"}
    text = script_json(data)
    assert not set(text) & set("<>&\u2028\u2029")
    assert "ä" in text  # the rest is left as it is
    assert json.loads(text) == data


@pytest.mark.parametrize(
    ("start", "end", "coverage"),
    [
        (2019, 2029, "2019/2029"),
        (2019, None, "2019/.."),
        (None, 2020, "../2020"),
        (None, None, None),
    ],
)
def test_the_temporal_coverage_is_an_interval_of_years(start, end, coverage):
    assert temporal_coverage(start, end) == coverage


def test_a_case_without_years_or_regions_leaves_them_out(client):
    case = make_case(start_year=None)
    data = json_ld_of(client.get(case.get_absolute_url()))
    assert "temporalCoverage" not in data
    assert [place["@type"] for place in data["spatialCoverage"]] == ["Country"]
    assert "citation" not in data and "contributor" not in data


# The footer.


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._open = [dict(attrs), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self.links.append((self._open[0], self._open[1].strip()))
            self._open = None


def footer_links(response):
    parser = _Links()
    parser.feed(response.text.split('<footer class="site-footer">', 1)[1])
    return parser.links


@pytest.mark.parametrize("prefix", ["", "/sv", "/en"])
def test_the_footer_names_the_licence_and_links_the_catalogue(client, prefix):
    links = footer_links(client.get(f"{prefix}/"))
    licensed = [(attrs, text) for attrs, text in links if attrs["href"] == licence.URL]
    assert len(licensed) == 1
    attrs, text = licensed[0]
    assert attrs["rel"] == "license"
    assert licence.NAME in text
    assert "/catalog.jsonld" in [attrs["href"] for attrs, _text in links]


def test_the_english_footer_says_what_the_licence_is(client):
    links = footer_links(client.get("/en/"))
    assert (
        {"href": licence.URL, "rel": "license"},
        "Content licensed under CC BY 4.0",
    ) in links


# The catalogue.


def get_catalogue(client):
    response = client.get("/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def the_dataset(catalog):
    (dataset,) = catalog["dcat:dataset"]
    return dataset


def test_the_catalogue_is_a_dcat_catalog(client):
    make_case()
    catalog = get_catalogue(client)
    assert catalog["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert catalog["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert set(catalog["@context"]) >= {"foaf", "vcard", "xsd"}
    assert catalog["@type"] == "dcat:Catalog"
    assert catalog["@id"] == "http://testserver/catalog.jsonld"
    assert {value["@language"] for value in catalog["dct:title"]} == {"fi", "sv", "en"}
    assert {value["@language"] for value in catalog["dct:description"]} == {"fi", "sv", "en"}
    assert catalog["dct:license"] == {"@id": licence.URL}
    assert catalog["foaf:homepage"] == {"@id": "http://testserver/"}
    assert catalog["dct:publisher"]["foaf:name"] == "MAL Nordic"
    dataset = the_dataset(catalog)
    assert dataset["@type"] == "dcat:Dataset"
    assert values(dataset["dct:title"])["en"] == "MAL Nordic cases"
    assert {"@id": "http://publications.europa.eu/resource/authority/data-theme/REGI"} in dataset[
        "dcat:theme"
    ]
    assert {"@id": "http://publications.europa.eu/resource/authority/data-theme/TRAN"} in dataset[
        "dcat:theme"
    ]
    assert {node["@id"].rsplit("/", 1)[1] for node in dataset["dct:spatial"]} == {
        "SWE",
        "NOR",
        "DNK",
        "FIN",
    }
    assert dataset["dcat:keyword"]
    assert dataset["dct:license"] == {"@id": licence.URL}


def test_the_dataset_lists_each_distribution_with_its_media_type_and_licence(client):
    dataset = the_dataset(get_catalogue(client))
    found = {
        item["dcat:accessURL"]["@id"]: item["dcat:mediaType"]["@id"]
        for item in dataset["dcat:distribution"]
    }
    assert found == {
        "http://testserver/en/cases/export.csv": IANA + "text/csv",
        "http://testserver/cases/export.xlsx": IANA + XLSX,
        "http://testserver/cases/export.json": IANA + "application/json",
        "http://testserver/api/v1/": IANA + "application/json",
    }
    for item in dataset["dcat:distribution"]:
        assert item["@type"] == "dcat:Distribution"
        assert item["dct:license"] == {"@id": licence.URL}
        assert item["dct:format"]["@id"].startswith(
            "http://publications.europa.eu/resource/authority/file-type/"
        )


def test_the_api_is_a_data_service(client):
    catalog = get_catalogue(client)
    (service,) = catalog["dcat:service"]
    assert service["@type"] == "dcat:DataService"
    assert service["dcat:endpointURL"] == {"@id": "http://testserver/api/v1/"}
    assert service["dcat:endpointDescription"] == {"@id": "http://testserver/api/v1/schema/"}
    api = the_dataset(catalog)["dcat:distribution"][-1]
    assert api["dcat:accessService"] == {"@id": service["@id"]}
    assert "dcat:downloadURL" not in api


def test_the_catalogue_is_modified_when_a_case_is_published_not_when_a_draft_is_saved(client):
    make_case()
    first = get_catalogue(client)["dct:modified"]
    assert first["@type"] == "xsd:dateTime"
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    draft.summary_en = "Changed while a draft."
    draft.save()
    assert get_catalogue(client)["dct:modified"] == first
    draft.state = PublicationState.PUBLISHED
    draft.save()
    draft.refresh_from_db()
    after = get_catalogue(client)
    assert after["dct:modified"] != first
    assert after["dct:modified"]["@value"] == draft.updated_at.isoformat()
    assert the_dataset(after)["dct:modified"] == after["dct:modified"]


def test_an_empty_catalogue_has_no_modified_date(client):
    make_case(state=PublicationState.DRAFT, published_at=None)
    catalog = get_catalogue(client)
    assert "dct:modified" not in catalog
    assert "dct:modified" not in the_dataset(catalog)


def test_the_catalogue_gives_the_service_contact(client):
    ServiceContact.objects.update_or_create(
        pk=ServiceContact.ROW,
        defaults={"coordinator_name": "Test coordinator", "coordinator_email": "mal@example.org"},
    )
    point = the_dataset(get_catalogue(client))["dcat:contactPoint"]
    assert point["vcard:fn"] == "Test coordinator"
    assert point["vcard:hasEmail"] == {"@id": "mailto:mal@example.org"}


def test_the_catalogue_is_the_same_whatever_language_the_browser_asks_for(client):
    swedish = client.get("/catalog.jsonld", headers={"accept-language": "sv"})
    assert json.loads(swedish.content) == get_catalogue(client)


def test_the_catalogue_only_answers_reads(client):
    assert client.post("/catalog.jsonld").status_code == 405
    assert client.head("/catalog.jsonld").status_code == 200
    assert reverse("catalog") == "/catalog.jsonld"


def test_the_error_page_footer_names_the_licence_too():
    from malnordic.views import server_error

    response = server_error(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert f'href="{licence.URL}"' in response.content.decode()
