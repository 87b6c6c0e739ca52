import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext

from cases.models import Case
from networks.models import PublicationState
from tests.admin.helpers import change_form_data
from tests.factories import (
    make_case,
    make_goal,
    make_key_figure,
    make_milestone,
    make_organisation,
    make_region,
    make_source,
)

pytestmark = pytest.mark.django_db


def change_url(case):
    return reverse("admin:cases_case_change", args=[case.pk])


@pytest.fixture
def case():
    """A published case as curators find it: links, goals and a row in every inline."""
    case = make_case(
        title="Urban Growth Agreement for Testby",
        regions=[make_region()],
        parties=[make_organisation(), make_organisation(level="state", kind="state")],
        goals=[make_goal()],
    )
    make_source(case), make_key_figure(case), make_milestone(case)
    return case


def test_a_curator_saves_a_case_through_the_admin(curator_client, case):
    form = curator_client.get(change_url(case))
    response = curator_client.post(change_url(case), change_form_data(form, summary_en="Edited."))
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).summary_en == "Edited."


def test_a_stale_save_is_refused_and_both_edits_survive(two_curators, case):
    anna, ben = two_curators
    anna_form, ben_form = anna.get(change_url(case)), ben.get(change_url(case))

    anna.post(change_url(case), change_form_data(anna_form, summary_en="Anna's summary."))
    response = ben.post(change_url(case), change_form_data(ben_form, title_en="Ben's title"))

    case.refresh_from_db()
    assert (case.summary_en, case.title_en) == (
        "Anna's summary.",
        "Urban Growth Agreement for Testby",
    )
    assert response.status_code == 200 and "Ben&#x27;s title" in response.text
    assert reverse("admin:cases_case_history", args=[case.pk]) in response.text


def test_a_save_after_reloading_goes_through(two_curators, case):
    anna, ben = two_curators
    anna.post(change_url(case), change_form_data(anna.get(change_url(case)), summary_en="A."))
    response = ben.post(
        change_url(case), change_form_data(ben.get(change_url(case)), title_en="B")
    )
    assert response.status_code == 302


def test_validation_explains_an_end_year_before_the_start_year(curator_client, case):
    form = curator_client.get(change_url(case))
    data = change_form_data(form, start_year="2020", end_year="2010")
    response = curator_client.post(change_url(case), data)
    assert response.status_code == 200
    assert escape(gettext("The end year cannot be before the start year.")) in response.text


def test_a_source_url_must_be_a_web_address(curator_client, case):
    form = curator_client.get(change_url(case))
    response = curator_client.post(
        change_url(case), change_form_data(form, **{"sources-0-url": "ftp://example.org/x"})
    )
    assert response.status_code == 200
    assert "http://" in response.text
    assert not case.sources.filter(url__startswith="ftp").exists()


def test_a_bulk_publish_writes_one_history_entry_per_case(curator_client):
    drafts = [make_case(state=PublicationState.DRAFT, published_at=None) for _ in range(3)]
    before = [case.history.count() for case in drafts]
    curator_client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "publish", "_selected_action": [c.pk for c in drafts]},
    )
    assert [case.history.count() for case in drafts] == [n + 1 for n in before]
    assert {case.history.first().history_change_reason for case in drafts} == {"Published"}


def test_publishing_sets_the_publication_time(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    curator_client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.state == PublicationState.PUBLISHED and draft.published_at is not None


def test_the_history_records_who_changed_what(curator_client, curator, case):
    curator_client.post(
        change_url(case), change_form_data(curator_client.get(change_url(case)), summary_en="New.")
    )
    latest = case.history.first()
    assert latest.history_user == curator
    changes = latest.diff_against(latest.prev_record).changes
    assert [change.field for change in changes] == ["summary_en"]


def test_the_history_page_shows_what_changed(curator_client, case):
    curator_client.post(
        change_url(case), change_form_data(curator_client.get(change_url(case)), summary_en="New.")
    )
    response = curator_client.get(reverse("admin:cases_case_history", args=[case.pk]))
    assert "New." in response.text


def test_restoring_an_earlier_version_restores_its_values(curator_client, case):
    original = case.summary_en
    curator_client.post(
        change_url(case),
        change_form_data(curator_client.get(change_url(case)), summary_en="Wrong."),
    )
    earlier = case.history.filter(summary_en=original).first()
    url = reverse("admin:cases_case_simple_history", args=[case.pk, earlier.history_id])
    curator_client.post(url, change_form_data(curator_client.get(url)))
    case.refresh_from_db()
    assert case.summary_en == original


def test_inline_and_tag_changes_are_recorded(curator_client, case):
    source = case.sources.first()
    form = curator_client.get(change_url(case))
    curator_client.post(change_url(case), change_form_data(form, **{"sources-0-title": "Renamed"}))
    case.goals.add(make_goal(name_en="Fewer car trips"))
    assert source.history.first().title == "Renamed"
    assert case.tagged_goals.model.history.filter(content_object_id=case.pk).exists()


def test_a_curator_previews_a_draft_marked_as_such(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    response = curator_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Luonnoksen esikatselu" in response.text or "draft-notice" in response.text
    assert response["X-Robots-Tag"] == "noindex"


def test_the_public_gets_404_for_a_draft_a_curator_can_preview(client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_duplicate_slug_gets_a_readable_message(curator_client, case):
    other = make_case()
    form = curator_client.get(change_url(case))
    response = curator_client.post(change_url(case), change_form_data(form, slug=other.slug))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"]
    assert Case.objects.filter(slug=case.slug).exists()
