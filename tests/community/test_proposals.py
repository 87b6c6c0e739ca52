import pytest
from django.contrib.auth.models import Permission
from django.test import Client, override_settings
from django.urls import reverse

from cases.models import Case
from community.models import Proposal
from publishing.models import PublicationState
from tests.community.builders import proposal_data
from tests.factories import make_case
from tests.feedback.builders import COORDINATOR_EMAIL, set_contact

pytestmark = pytest.mark.django_db

PROPOSE = "/en/propose/"


def test_the_form_has_labels_and_a_hidden_trap(client):
    body = client.get(PROPOSE).content.decode()
    for name in ("title", "country", "description", "source_url", "email", "may_contact"):
        assert f'for="id_{name}"' in body
    assert 'name="website"' in body
    assert "csrfmiddlewaretoken" in body


def test_a_proposal_is_stored_and_the_coordinator_is_emailed(client, mailoutbox):
    set_contact()
    response = client.post(PROPOSE, proposal_data(email="member@example.org", may_contact="on"))
    assert response.status_code == 302
    assert response["Location"] == reverse("community:propose-thanks")
    proposal = Proposal.objects.get()
    assert proposal.title == "Zebrafield corridor pact"
    assert proposal.status == Proposal.Status.NEW
    assert proposal.language == "en"
    (mail,) = mailoutbox
    assert mail.to == [COORDINATOR_EMAIL]
    assert mail.reply_to == ["member@example.org"]
    assert "Zebrafield corridor pact" in mail.body
    assert f"/admin/community/proposal/{proposal.pk}/change/" in mail.body
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200


def test_a_wish_needs_no_country_or_source(client):
    data = proposal_data(kind="wish", title="Parking norms", country="", source_url="")
    assert client.post(PROPOSE, data).status_code == 302
    assert Proposal.objects.get().kind == Proposal.Kind.WISH


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"source_url": ""}, "source_url"),
        ({"country": ""}, "country"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 5_001}, "description"),
        ({"email": "member@example.org"}, "may_contact"),  # no consent to be contacted
        ({"email": "not an address", "may_contact": "on"}, "email"),
    ],
)
def test_bad_input_is_refused_readably_and_nothing_is_stored(client, fields, field):
    response = client.post(PROPOSE, proposal_data(**fields))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body
    assert f'href="#id_{field}"' in body
    assert not Proposal.objects.exists()


def test_a_filled_honeypot_is_answered_as_success_and_dropped(client, mailoutbox):
    set_contact()
    response = client.post(PROPOSE, proposal_data(website="https://spam.example"))
    assert response.status_code == 302
    assert not Proposal.objects.exists()
    assert not mailoutbox


@override_settings(FORM_RATE="3/hour")
def test_one_address_may_send_form_rate_then_gets_a_readable_429(client):
    for _ in range(3):
        assert client.post(PROPOSE, proposal_data()).status_code == 302
    response = client.post(PROPOSE, proposal_data(title="One too many"))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    body = response.content.decode()
    assert "as many forms from this address" in body
    assert "One too many" in body  # the text is kept in the form
    assert Proposal.objects.count() == 3
    # Another address is not held back.
    other = client.post(PROPOSE, proposal_data(), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_a_proposal_never_appears_on_public_pages(client):
    client.post(PROPOSE, proposal_data(title="Quuxberg secret pact"))
    make_case(title="Some published case")
    pages = [reverse("cases:list") + "?q=Quuxberg", reverse("cases:list"), reverse("home")]
    for url in [*pages, reverse("cases:feed"), reverse("cases:export-csv") + "?q=Quuxberg"]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response) if response.streaming else response.content
        assert "Quuxberg secret pact" not in body.decode("utf-8-sig"), url
    assert not Case.objects.filter(title_en__contains="Quuxberg").exists()


def change_list_action(client, proposal):
    return client.post(
        reverse("admin:community_proposal_changelist"),
        {"action": "make_draft_cases", "_selected_action": [proposal.pk]},
        follow=True,
    )


def stored_proposal(client):
    client.post(PROPOSE, proposal_data())
    return Proposal.objects.get()


def test_a_curator_makes_a_draft_case_of_a_proposal_in_one_action(curator_client, client):
    proposal = stored_proposal(client)
    response = change_list_action(curator_client, proposal)
    assert response.status_code == 200
    case = Case.objects.get(title_en="Zebrafield corridor pact")
    assert case.state == PublicationState.DRAFT
    assert case.summary_en == proposal.description
    assert case.country == "SE"
    assert list(case.sources.values_list("url", flat=True)) == ["https://example.org/zebrafield"]
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DONE
    assert proposal.case == case
    assert reverse("admin:cases_case_change", args=[case.pk]) in response.content.decode()
    # Done once: a second run makes no second case.
    change_list_action(curator_client, proposal)
    assert Case.objects.filter(title_en="Zebrafield corridor pact").count() == 1
    # The draft is not public.
    assert Client().get(case.get_absolute_url()).status_code == 404


def test_without_add_case_permission_the_action_is_not_offered(client, django_user_model):
    proposal = stored_proposal(client)
    user = django_user_model.objects.create_user("reader", password="pw", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="community", codename__in=["view_proposal", "change_proposal"]
        )
    )
    client.force_login(user)
    page = client.get(reverse("admin:community_proposal_changelist"))
    assert page.status_code == 200
    assert "make_draft_cases" not in page.content.decode()
    change_list_action(client, proposal)
    assert not Case.objects.exists()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.NEW
