"""A renamed record's old address answers 301 to its new one (publishing/redirects.py)."""

import pytest
from django.conf import settings as django_settings
from django.core import serializers
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.models import PublicationState
from publishing.models import OldSlug
from publishing.redirects import OldSlugRedirectMiddleware
from tests.admin.helpers import change_form_data
from tests.factories import make_case, make_goal, make_network, make_region

pytestmark = pytest.mark.django_db

LANGUAGES = ["fi", "sv", "en"]
QUERY = "tab=funding&year=2020"
MIDDLEWARE = f"{OldSlugRedirectMiddleware.__module__}.{OldSlugRedirectMiddleware.__name__}"


def address(url_name, slug, language):
    with translation.override(language):
        return reverse(url_name, args=[slug])


def rename(record, slug):
    record.slug = slug
    record.save()
    return record


def assert_redirects(client, url_name, old, new, language, query=QUERY):
    response = client.get(f"{address(url_name, old, language)}?{query}")
    assert response.status_code == 301
    assert response["Location"] == f"{address(url_name, new, language)}?{query}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_case_redirects_in_every_language_with_its_query(client, language):
    case = rename(make_case(slug="quiet-harbour-deal"), "quiet-harbour-agreement")
    assert_redirects(client, "cases:detail", "quiet-harbour-deal", case.slug, language)
    assert client.get(address("cases:detail", case.slug, language)).status_code == 200


def test_the_prefix_of_the_language_is_kept():
    assert address("cases:detail", "x", "fi") == "/cases/x/"
    assert address("cases:detail", "x", "sv").startswith("/sv/")
    assert address("cases:detail", "x", "en").startswith("/en/")


def test_an_old_address_without_a_query_redirects_without_one(client):
    rename(make_case(slug="first-name"), "second-name")
    response = client.get("/en/cases/first-name/")
    assert response.status_code == 301
    assert response["Location"] == "/en/cases/second-name/"


def test_a_case_renamed_in_the_admin_redirects(curator_client, client):
    case = make_case(slug="testvik-compact")
    url = reverse("admin:cases_case_change", args=[case.pk])
    form = curator_client.get(url)
    response = curator_client.post(url, change_form_data(form, slug="testvik-compact-city"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.slug == "testvik-compact-city"
    for language in LANGUAGES:
        assert_redirects(client, "cases:detail", "testvik-compact", case.slug, language)


def test_a_chain_of_renames_leads_straight_to_the_current_address(client):
    case = make_case(slug="name-a")
    rename(rename(case, "name-b"), "name-c")
    for old in ["name-a", "name-b"]:
        for language in LANGUAGES:
            assert_redirects(client, "cases:detail", old, "name-c", language)


def test_renaming_back_serves_the_page_and_redirects_the_other_name(client):
    case = make_case(slug="name-a")
    rename(rename(case, "name-b"), "name-a")
    assert client.get("/cases/name-a/").status_code == 200
    assert_redirects(client, "cases:detail", "name-b", "name-a", "fi")
    assert list(OldSlug.objects.values_list("old_slug", flat=True)) == ["name-b"]


def test_an_archived_case_is_still_redirected_to(client):
    case = rename(make_case(slug="old-archived"), "new-archived")
    case.state = PublicationState.ARCHIVED
    case.save()
    assert_redirects(client, "cases:detail", "old-archived", "new-archived", "sv")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_network_redirects(client, language):
    rename(make_network(slug="old-network"), "new-network")
    assert_redirects(client, "networks:detail", "old-network", "new-network", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_region_with_a_published_case_redirects(client, language):
    region = make_region(slug="old-region")
    make_case(regions=[region])
    rename(region, "new-region")
    assert_redirects(client, "networks:region-detail", "old-region", "new-region", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_renamed_goal_with_a_published_case_redirects(client, language):
    goal = make_goal(slug="old-goal")
    make_case(goals=[goal])
    rename(goal, "new-goal")
    assert_redirects(client, "cases:goal-detail", "old-goal", "new-goal", language)


def unknown_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Location" not in response
    return response


def test_a_drafts_old_slug_is_an_unknown_address(client):
    rename(make_case(slug="secret-old", state=PublicationState.DRAFT), "secret-new")
    response = unknown_404(client, f"/en/cases/secret-old/?{QUERY}")
    assert "secret-new" not in response.text
    unknown = unknown_404(client, f"/en/cases/never-existed/?{QUERY}")
    assert response.text.replace("secret-old", "never-existed") == unknown.text


def test_a_case_returned_to_draft_no_longer_redirects(client):
    case = rename(make_case(slug="was-public"), "now-draft")
    case.state = PublicationState.DRAFT
    case.save()
    assert "now-draft" not in unknown_404(client, "/cases/was-public/").text


def test_a_curator_is_not_redirected_to_a_draft_either(curator_client):
    rename(make_case(slug="draft-old", state=PublicationState.DRAFT), "draft-new")
    unknown_404(curator_client, "/cases/draft-old/")


def test_a_draft_networks_old_slug_is_an_unknown_address(client):
    rename(make_network(slug="draft-net", state=PublicationState.DRAFT), "draft-net-2")
    unknown_404(client, "/networks/draft-net/")


def test_a_region_without_a_published_case_is_not_redirected_to(client):
    region = make_region(slug="lonely-old")
    make_case(regions=[region], state=PublicationState.DRAFT)
    rename(region, "lonely-new")
    unknown_404(client, "/regions/lonely-old/")


def test_a_goal_without_a_published_case_is_not_redirected_to(client):
    rename(make_goal(slug="unused-old"), "unused-new")
    unknown_404(client, "/en/goals/unused-old/")


def test_an_old_slug_of_another_kind_is_not_followed(client):
    rename(make_network(slug="shared-old"), "shared-new")
    unknown_404(client, "/cases/shared-old/")


def test_a_new_record_taking_an_old_slug_wins(client):
    first = rename(make_case(slug="taken-slug"), "moved-on")
    second = make_case(slug="taken-slug", title="The newcomer")
    response = client.get("/en/cases/taken-slug/")
    assert response.status_code == 200
    assert response.context["case"] == second
    assert not OldSlug.objects.filter(old_slug="taken-slug").exists()
    assert first.slug == "moved-on"


def test_a_draft_taking_an_old_slug_still_wins(client):
    rename(make_case(slug="taken-by-draft"), "elsewhere")
    make_case(slug="taken-by-draft", state=PublicationState.DRAFT)
    assert "elsewhere" not in unknown_404(client, "/cases/taken-by-draft/").text


def test_a_record_renamed_onto_an_old_slug_wins(client):
    rename(make_case(slug="contested"), "first-moved")
    other = rename(make_case(slug="second-case"), "contested")
    assert client.get("/cases/contested/").context["case"] == other
    assert_redirects(client, "cases:detail", "second-case", "contested", "fi")


def test_an_old_slug_taken_then_left_again_leads_to_its_last_holder(client):
    first = rename(make_case(slug="passed-on"), "first-home")
    second = rename(make_case(slug="second-home"), "passed-on")
    rename(second, "second-new-home")
    assert_redirects(client, "cases:detail", "passed-on", "second-new-home", "en")
    assert first.slug == "first-home"


def test_a_deleted_records_old_slugs_are_forgotten(client):
    network = rename(make_network(slug="gone-old"), "gone-new")
    network.delete()
    assert not OldSlug.objects.exists()
    unknown_404(client, "/networks/gone-old/")


def test_a_fixture_load_records_nothing():
    region = make_region(slug="fixture-old")
    region.slug = "fixture-new"
    for loaded in serializers.deserialize("json", serializers.serialize("json", [region])):
        loaded.save()
    region.refresh_from_db()
    assert region.slug == "fixture-new"
    assert not OldSlug.objects.exists()


def test_a_save_that_does_not_write_the_slug_records_nothing():
    case = make_case(slug="kept-slug")
    case.slug = "not-written"
    case.state = PublicationState.ARCHIVED
    case.save(update_fields=case.state_fields())
    assert not OldSlug.objects.exists()


def test_an_unchanged_slug_records_nothing():
    case = make_case(slug="steady")
    case.summary_en = "Edited."
    case.save()
    assert not OldSlug.objects.exists()


def test_only_reads_are_redirected(client):
    rename(make_network(slug="post-old"), "post-new")
    assert client.post("/networks/post-old/").status_code != 301


def queries_of(url):
    """The status and queries of a visitor's request; a new client, so that it runs the
    middleware of the settings of the moment."""
    client = Client()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, [query["sql"] for query in queries]


def without_redirects(settings_fixture):
    settings_fixture.MIDDLEWARE = [
        name for name in django_settings.MIDDLEWARE if name != MIDDLEWARE
    ]


def test_the_middleware_is_installed():
    assert MIDDLEWARE in django_settings.MIDDLEWARE


@pytest.mark.parametrize("url_name", ["cases:detail", "networks:detail"])
def test_a_page_that_is_found_costs_no_query_more(client, settings, url_name):
    record = make_case() if url_name == "cases:detail" else make_network()
    url = address(url_name, record.slug, "en")
    client.get(url)  # warm what is cached between requests
    status, with_middleware = queries_of(url)
    without_redirects(settings)
    assert (status, with_middleware) == queries_of(url)
    assert status == 200
    assert not any("oldslug" in sql for sql in with_middleware)


def test_a_not_found_detail_address_costs_one_query_more(client, settings):
    rename(make_case(slug="cost-old"), "cost-new")
    url = "/cases/no-such-case/"
    client.get(url)
    status, with_middleware = queries_of(url)
    without_redirects(settings)
    plain_status, plain = queries_of(url)
    assert status == plain_status == 404
    assert len(with_middleware) == len(plain) + 1


def test_a_not_found_address_of_no_detail_page_costs_no_query(client, settings):
    url = "/en/nothing-here/"
    status, with_middleware = queries_of(url)
    without_redirects(settings)
    assert queries_of(url) == (status, with_middleware)
    assert status == 404


def test_an_unprefixed_old_address_stays_finnish_whatever_the_browser_asks(client):
    rename(make_case(slug="browser-old"), "browser-new")
    response = client.get("/cases/browser-old/", headers={"accept-language": "sv"})
    assert response.status_code == 301
    assert response["Location"] == "/cases/browser-new/"
