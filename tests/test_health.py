"""The health check and security.txt."""

import pytest
from django.core.cache import cache

from feedback.models import ServiceContact

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_ok_when_the_database_and_the_cache_work(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True, "cache": True}
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_fails_with_503_when_the_cache_loses_what_it_is_given(
    client, monkeypatch
):
    monkeypatch.setattr(cache, "get", lambda key, default=None: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] is False


def test_the_health_check_fails_with_503_when_the_database_fails(client, monkeypatch):
    from django.db import connection

    def broken():
        raise RuntimeError("the database is gone")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] is False


def test_security_txt_names_the_coordinator_and_the_feedback_form(client):
    ServiceContact.objects.filter(pk=ServiceContact.ROW).update(
        coordinator_email="someone@example.org"
    )
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Contact: mailto:someone@example.org" in lines
    assert "Contact: http://testserver/feedback/" in lines
    assert any(line.startswith("Expires: 20") and line.endswith("Z") for line in lines)
    assert "Canonical: http://testserver/.well-known/security.txt" in lines
