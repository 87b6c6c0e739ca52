import io
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from cases.models import Case
from community.models import Contact
from networks.models import Organisation
from publishing.models import PublicationState
from tests.community.builders import make_contact
from tests.factories import make_case, make_organisation

pytestmark = pytest.mark.django_db


def test_contacts_are_shown_on_a_published_case_page(client):
    case = make_case()
    organisation = make_organisation(name="Brightwater planning board")
    make_contact(
        case,
        organisation=organisation,
        organisation_name="",
        role_en="Transport strategy",
        email="strategy@example.org",
        url="https://example.org/contact",
        person_name="Alva Testperson",
        consent_given_at=date(2026, 1, 5),
    )
    body = client.get(case.get_absolute_url()).content.decode()
    assert 'id="contacts-heading"' in body
    assert "Brightwater planning board" in body
    assert "Transport strategy" in body
    assert 'lang="en">Transport strategy' in body  # an English fallback on a Finnish page
    assert 'href="mailto:strategy@example.org"' in body
    assert 'href="https://example.org/contact"' in body
    assert "Alva Testperson" in body


def test_contacts_are_not_shown_on_a_draft_preview_or_an_archived_case(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    archived = make_case(state=PublicationState.ARCHIVED)
    for case in (draft, archived):
        make_contact(case, role_en="Hidden role desk")
        response = curator_client.get(case.get_absolute_url())
        assert response.status_code == 200
        assert "Hidden role desk" not in response.content.decode()


def test_a_persons_name_is_refused_without_consent():
    case = make_case()
    with pytest.raises(ValidationError) as refused:
        make_contact(case, person_name="Alva Testperson")
    assert "consent" in str(refused.value)
    # And the database refuses it too, however it is saved.
    with pytest.raises(IntegrityError), transaction.atomic():
        Contact.objects.create(
            case=case, organisation_name="X", role_en="Y", email="a@example.org", person_name="Z"
        )


def test_a_contact_needs_an_organisation_and_an_address():
    case = make_case()
    with pytest.raises(ValidationError):
        make_contact(case, organisation_name="")
    with pytest.raises(ValidationError):
        make_contact(case, email="", url="")
    with pytest.raises(ValidationError):
        make_contact(case, email="", url="javascript:alert(1)")


def test_an_unsafe_web_page_is_never_a_link(client):
    case = make_case()
    contact = make_contact(case)
    Contact.objects.filter(pk=contact.pk).update(url="javascript:alert(1)")
    body = client.get(case.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in body


def test_curators_edit_contacts_in_the_case_form(curator_client, curator):
    case = make_case()
    make_contact(case, role_en="Inline role desk")
    response = curator_client.get(f"/admin/cases/case/{case.pk}/change/")
    assert response.status_code == 200
    assert "Inline role desk" in response.content.decode()
    for action in ("add", "change", "delete", "view"):
        assert curator.has_perm(f"community.{action}_contact")
    assert not curator.has_perm("community.view_subscription")


def export():
    out = io.StringIO()
    call_command("export_fixture", stdout=out)
    return out.getvalue()


def test_contacts_round_trip_in_the_fixture(tmp_path):
    organisation = make_organisation(name="Fjordwick council")
    case = make_case(parties=[organisation])
    make_contact(case, organisation=organisation, organisation_name="", position=2)
    make_contact(case, person_name="Alva Testperson", consent_given_at=date(2026, 1, 5))
    first = export()
    rows = [row for row in json.loads(first) if row["model"] == "community.contact"]
    assert len(rows) == 2
    assert rows[0]["fields"]["person_name"] == "Alva Testperson"  # position 0 first
    for model in (Case, Organisation):
        model.objects.all().delete()
    assert not Contact.objects.exists()
    path = tmp_path / "export.json"
    path.write_text(first, encoding="utf-8")
    call_command("loaddata", path, verbosity=0)
    assert Contact.objects.count() == 2
    assert export() == first
