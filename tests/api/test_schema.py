"""The OpenAPI schema: valid, complete for the case list's filters, and its docs page."""

import json
import re

import pytest
import yaml
from django.utils import translation
from drf_spectacular.validation import validate_schema

from cases.filters import CaseFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_valid_openapi_3(schema):
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")


def test_the_schema_is_also_served_as_yaml(client, schema):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    assert yaml.safe_load(response.content)["paths"].keys() == schema["paths"].keys()


def test_the_case_list_documents_every_filter_of_the_browse_page(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/cases/"]["get"]["parameters"]}
    assert set(CaseFilter.base_filters) | {"sort", "page"} <= set(parameters)
    with translation.override("en"):
        for name, found in CaseFilter.base_filters.items():
            assert str(found.label) in parameters[name]["description"]
    assert parameters["country"]["schema"]["items"]["enum"] == ["SE", "NO", "DK", "FI"]


def test_every_endpoint_is_in_the_schema_read_only(schema):
    for path in ["cases", "networks", "regions", "goals", "glossary"]:
        assert f"/api/v1/{path}/{{slug}}/" in schema["paths"]
    assert "/api/v1/themes/" in schema["paths"]
    methods = {method for operations in schema["paths"].values() for method in operations}
    assert methods <= {"get", "parameters"}


def test_the_docs_page_uses_our_own_files_and_no_inline_script(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    sources = re.findall(r'<script src="([^"]+)"></script>', html)
    assert len(sources) == 3 and len(re.findall(r"<script", html)) == 3
    assert "<style" not in html
    assert all(src.startswith("/") and "//" not in src for src in sources)
    assert re.search(r'href="/static/drf_spectacular_sidecar/swagger-ui-dist/', html)
    script = client.get(sources[-1])
    assert script.status_code == 200
    assert "/api/v1/schema/" in script.content.decode()
