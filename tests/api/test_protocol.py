"""How the API answers: JSON errors, read-only methods, CORS, the licence, the rate limit."""

import pytest
from django.utils import translation

from api import views
from tests.factories import make_case

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/cases/",
    "/api/v1/networks/",
    "/api/v1/regions/",
    "/api/v1/goals/",
    "/api/v1/themes/",
    "/api/v1/glossary/",
]


@pytest.fixture
def case():
    return make_case(title="Ferncastle loop", country="NO")


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=0",
        "?page=-1",
        "?page=99999999999999999999",
        "?page=%00",
        "?country=XX",
        "?q=%00",
        "?q=%00ferncastle%ff",
        "?year_from=99999",
        "?year_from=abc&year_to=-5",
        "?country=NO&country=NO&country=%00",
        "?theme=transport&theme=x&theme=",
        "?sort=%00&sort=title",
        "?goal=%ff&network=%00&region=" + "x" * 5000,
        "?q=" + "word%20" * 500,
        "?page=1&page=2",
    ],
)
def test_no_query_string_gives_a_server_error(client, case, query):
    response = client.get(f"/api/v1/cases/{query}")
    assert response.status_code in (200, 404), response.content
    assert response["Content-Type"] == "application/json"
    payload = response.json()
    assert payload["detail"] if response.status_code == 404 else "results" in payload


def test_a_malformed_page_is_a_readable_404(client, case):
    response = client.get("/api/v1/cases/?page=abc")
    assert response.status_code == 404
    assert "abc" in response.json()["detail"]
    assert client.get("/api/v1/cases/?page=2").status_code == 404
    assert client.get("/api/v1/cases/?page=1").status_code == 200


def test_an_unknown_slug_is_a_json_404_with_a_message(client):
    for url, view in [
        ("/api/v1/cases/no-such/", views.CaseViewSet),
        ("/api/v1/networks/no-such/", views.NetworkViewSet),
        ("/api/v1/glossary/x/", views.TermViewSet),
    ]:
        response = client.get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        # In Finnish, the language of an address without a prefix.
        with translation.override("fi"):
            assert response.json()["detail"] == str(view.not_found)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused_with_a_json_405(client, case, method):
    for url in ["/api/v1/cases/", f"/api/v1/cases/{case.slug}/"]:
        response = getattr(client, method)(url, data={}, content_type="application/json")
        assert response.status_code == 405
        assert response["Content-Type"] == "application/json"
        assert response.json()["detail"]


@pytest.mark.parametrize("url", [*ENDPOINTS, "/api/v1/schema/", "/api/v1/docs/"])
def test_every_response_states_the_licence_and_is_open_to_other_origins(client, url):
    response = client.get(url, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.head(url)["Access-Control-Allow-Origin"] == "*"


def test_errors_state_the_licence_too(client):
    response = client.get("/api/v1/cases/no-such/")
    assert response["Link"].endswith('rel="license"')
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_list_payloads_carry_the_licence(client, case, url):
    licence = client.get(url).json()["licence"]
    assert licence == {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def test_a_preflight_request_is_answered(client):
    response = client.options(
        "/api/v1/cases/",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "accept-language",
        },
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    assert "accept-language" in response["Access-Control-Allow-Headers"].lower()


def test_a_write_gets_no_cors_permission(client):
    response = client.post("/api/v1/cases/", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 405
    assert "Access-Control-Allow-Origin" not in response


def test_too_many_requests_get_a_readable_429(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    for _ in range(3):
        assert client.get("/api/v1/themes/").status_code == 200
    response = client.get("/api/v1/cases/")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    assert response["Access-Control-Allow-Origin"] == "*"
    # Another client is counted on its own.
    assert client.get("/api/v1/themes/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_root_lists_every_endpoint_and_the_licence(client):
    payload = client.get("/api/v1/").json()
    for name in ["cases", "networks", "regions", "goals", "themes", "glossary", "schema", "docs"]:
        assert payload[name].startswith("http://testserver/api/v1/")
    assert payload["licence"]["name"] == "CC BY 4.0"


@pytest.mark.parametrize("path", ["/api/v1/nothing/", "/api/v1/cases/x/y/z", "/api/v1/%00"])
def test_an_unknown_api_address_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert response["Access-Control-Allow-Origin"] == "*"
