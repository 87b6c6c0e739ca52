"""Rate limits per client address on the public's forms and the heavy exports: within
the limit an answer as usual, over it a readable 429 with Retry-After, another address
unaffected, and the limit as the settings say."""

from unittest import mock

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from community import links
from community.models import Proposal, Subscription
from feedback.models import FeedbackMessage
from publishing.ratelimit import Rate, hit, wait_text
from tests.community.builders import make_subscription, proposal_data
from tests.factories import make_case
from tests.feedback.builders import feedback_data, set_contact

pytestmark = pytest.mark.django_db

HERE = "203.0.113.20"
THERE = "198.51.100.30"


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # A copy served by the page cache never reaches the view, so it would not count.
    settings.PAGE_CACHE = False


# The forms.


def follow_data(**fields):
    return {"email": "reader@example.org", "query": "country=SE", "website": "", **fields}


# The form's address, its data, and a field whose text a refusal must keep.
FORMS = {
    "propose": ("/en/propose/", proposal_data, "title"),
    "follow": ("/en/follow/", follow_data, "email"),
}


@pytest.mark.parametrize("form", FORMS)
@override_settings(FORM_RATE="2/hour")
def test_a_form_takes_form_rate_from_one_address_then_keeps_the_text_with_429(client, form):
    url, data, kept = FORMS[form]
    for _ in range(2):
        assert client.post(url, data(), REMOTE_ADDR=HERE).status_code == 302
    response = client.post(url, data(**{kept: "kept@example.org"}), REMOTE_ADDR=HERE)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    body = response.content.decode()
    assert "as many forms from this address" in body
    assert 'value="kept@example.org"' in body


@pytest.mark.parametrize("form", FORMS)
@override_settings(FORM_RATE="1/hour")
def test_a_form_refused_to_one_address_is_taken_from_another(client, form):
    url, data, _kept = FORMS[form]
    client.post(url, data(), REMOTE_ADDR=HERE)
    assert client.post(url, data(), REMOTE_ADDR=HERE).status_code == 429
    assert client.post(url, data(), REMOTE_ADDR=THERE).status_code == 302


@override_settings(FORM_RATE="1/hour")
def test_a_refused_proposal_stores_nothing(client):
    client.post("/en/propose/", proposal_data(), REMOTE_ADDR=HERE)
    client.post("/en/propose/", proposal_data(title="Refused"), REMOTE_ADDR=HERE)
    assert list(Proposal.objects.values_list("title", flat=True)) == ["Zebrafield corridor pact"]


@override_settings(FORM_RATE="1/hour")
def test_the_refusal_is_in_the_pages_language(client):
    client.post("/sv/follow/", follow_data(), REMOTE_ADDR=HERE)
    response = client.post("/sv/follow/", follow_data(), REMOTE_ADDR=HERE)
    with translation.override("sv"):
        expected = wait_text(int(response["Retry-After"]))
    assert response.status_code == 429
    assert expected in response.content.decode()


@override_settings(FORM_RATE="1/hour")
def test_each_form_has_its_own_budget(client):
    client.post("/en/propose/", proposal_data(), REMOTE_ADDR=HERE)
    follow = client.post("/en/follow/", follow_data(), REMOTE_ADDR=HERE)
    assert follow.status_code == 302


def test_the_feedback_form_keeps_its_own_limit_counted_in_the_database(client):
    set_contact()
    assert client.post("/feedback/", feedback_data(), REMOTE_ADDR=HERE).status_code == 302
    response = client.post("/en/feedback/", feedback_data(message="Kept."), REMOTE_ADDR=HERE)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 60
    assert "Kept." in response.content.decode()
    assert client.post("/feedback/", feedback_data(), REMOTE_ADDR=THERE).status_code == 302
    assert FeedbackMessage.objects.count() == 2


def link_urls(subscription):
    with translation.override("en"):
        return {
            "confirm": reverse("community:confirm", args=[links.confirm_code(subscription)]),
            "leave": reverse("community:leave", args=[links.leave_code(subscription)]),
        }


@pytest.mark.parametrize("button", ["confirm", "leave"])
@override_settings(LINK_RATE="2/minute")
def test_the_link_buttons_take_link_rate_from_one_address(client, button):
    for _ in range(2):
        url = link_urls(make_subscription())[button]
        assert client.post(url, REMOTE_ADDR=HERE).status_code == 200
    subscription = make_subscription()
    url = link_urls(subscription)[button]
    response = client.post(url, REMOTE_ADDR=HERE)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Please try again in" in response.content.decode()
    assert Subscription.objects.get(pk=subscription.pk).confirmed_at is None
    assert client.post(url, REMOTE_ADDR=THERE).status_code == 200


@override_settings(LINK_RATE="1/minute")
def test_showing_a_link_page_is_not_counted(client):
    url = link_urls(make_subscription())["confirm"]
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR=HERE).status_code == 200
    assert client.post(url, REMOTE_ADDR=HERE).status_code == 200


def test_the_admin_sign_in_is_limited_by_axes(client, superuser, settings):
    url = reverse("admin:login")
    wrong = {"username": "admin", "password": "wrong"}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(url, wrong, REMOTE_ADDR=HERE).status_code == 200
    response = client.post(url, wrong, REMOTE_ADDR=HERE)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


# The exports.

EXPORTS = {
    "csv": ("/en/cases/export.csv", "text/csv"),
    "xlsx": ("/en/cases/export.xlsx", "application/vnd.openxmlformats"),
    "json": ("/en/cases/export.json", "application/json"),
    "report": ("/en/cases/report/", "text/html"),
    "brief": ("/en/cases/brief/", "text/html"),
}


@pytest.fixture
def case():
    return make_case(title="Limited case")


def get(client, url, address=HERE):
    response = client.get(url, REMOTE_ADDR=address)
    if response.streaming:
        b"".join(response)
    return response


@pytest.mark.parametrize("export", EXPORTS)
@override_settings(EXPORT_RATE="2/minute")
def test_an_export_answers_export_rate_times_a_minute_then_429(client, case, export):
    url, content_type = EXPORTS[export]
    for _ in range(2):
        response = get(client, url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
    response = get(client, url)
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "You have downloaded many files from this address" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("export", EXPORTS)
@override_settings(EXPORT_RATE="1/minute")
def test_an_export_refused_to_one_address_is_sent_to_another(client, case, export):
    url, _type = EXPORTS[export]
    get(client, url)
    assert get(client, url).status_code == 429
    assert get(client, url, address=THERE).status_code == 200


@override_settings(EXPORT_RATE="1/minute")
def test_the_report_refusal_is_a_page_and_a_file_refusal_plain_text(client, case):
    get(client, "/en/cases/report/")
    page = get(client, "/en/cases/report/")
    assert page["Content-Type"].startswith("text/html")
    assert "<h1>Please wait a moment</h1>" in page.content.decode()
    csv = get(client, "/en/cases/export.csv")
    assert csv["Content-Type"].startswith("text/plain")


@override_settings(EXPORT_RATE="1/minute")
def test_the_refusal_speaks_the_pages_language(client, case):
    get(client, "/cases/export.csv")  # Finnish, unprefixed
    response = get(client, "/cases/export.csv")
    with translation.override("fi"):
        expected = wait_text(int(response["Retry-After"]))
    assert response.status_code == 429
    assert expected in response.content.decode()


@override_settings(EXPORT_RATE="3/minute")
def test_all_exports_share_one_budget(client, case):
    for url in ("/en/cases/export.csv", "/en/cases/export.json", "/en/cases/report/"):
        assert get(client, url).status_code == 200
    assert get(client, "/en/cases/brief/").status_code == 429


@override_settings(EXPORT_RATE="1/minute", PROXY_COUNT=1)
def test_behind_a_proxy_the_forwarded_address_is_counted(client, case):
    get(client, "/en/cases/export.csv", address="10.0.0.1")
    forwarded = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": THERE}
    assert client.get("/en/cases/export.csv", **forwarded).status_code == 200


# The counting itself.


@override_settings(EXPORT_RATE="2/minute")
def test_with_redis_every_app_server_counts_into_the_same_budget(client, case, redis_cache):
    assert get(client, "/en/cases/export.csv").status_code == 200
    # Another app server: its own connection to the same Redis.
    with mock.patch("publishing.ratelimit.cache", redis_cache):
        assert get(client, "/en/cases/export.csv").status_code == 200
        assert get(client, "/en/cases/export.csv").status_code == 429


@override_settings(EXPORT_RATE="1/minute")
def test_a_cache_that_is_down_lets_the_request_through(client, case, caplog):
    down = mock.Mock(**{"add.side_effect": ConnectionError("cache down")})
    with mock.patch("publishing.ratelimit.cache", down):
        for _ in range(2):
            assert get(client, "/en/cases/export.csv").status_code == 200
    assert "could not be counted" in caplog.text


def test_a_rate_is_a_number_per_unit():
    assert Rate.parse("30/minute") == Rate(30, 60)
    assert Rate.parse("5/hour") == Rate(5, 3600)


def test_a_malformed_rate_is_refused_loudly(settings, rf):
    settings.EXPORT_RATE = "thirty a minute"
    with pytest.raises(Exception, match="EXPORT_RATE must look like 30/minute"):
        hit("export", rf.get("/"), "EXPORT_RATE")


@override_settings(EXPORT_RATE="2/day")
def test_the_wait_is_until_the_window_ends(rf):
    request = rf.get("/")
    hit("export", request, "EXPORT_RATE")
    hit("export", request, "EXPORT_RATE")
    wait = hit("export", request, "EXPORT_RATE")
    assert 0 < wait <= 24 * 60 * 60


def test_the_wait_reads_in_the_largest_sensible_unit():
    with translation.override("en"):
        assert [wait_text(s) for s in (1, 59, 60, 61, 7140, 7200, 86400)] == [
            "1 second",
            "59 seconds",
            "1 minute",
            "2 minutes",
            "119 minutes",
            "2 hours",
            "24 hours",
        ]
