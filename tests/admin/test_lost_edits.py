"""No curator's edit is lost: bulk actions, stale forms and every curated model's admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from cases.models import Case, ClimateGoal
from publishing.models import PublicationState
from tests.admin.helpers import change_form_data
from tests.factories import make_case, make_goal

pytestmark = pytest.mark.django_db


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def test_a_bulk_publish_keeps_an_edit_saved_while_it_runs():
    drafts = [make_case(state=PublicationState.DRAFT, published_at=None) for _ in range(3)]
    selected = Case.objects.filter(pk__in=[c.pk for c in drafts])
    list(selected)  # the action's copies, loaded before the other curator saves
    Case.objects.filter(pk=drafts[1].pk).update(summary_en="Saved meanwhile by another curator.")

    admin.site.get_model_admin(Case).move(selected, PublicationState.PUBLISHED, "Published")

    edited = Case.objects.get(pk=drafts[1].pk)
    assert edited.summary_en == "Saved meanwhile by another curator."
    assert edited.state == PublicationState.PUBLISHED


def test_a_form_opened_before_a_bulk_action_is_refused(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None, summary="Before.")
    form = curator_client.get(change_url(draft))
    curator_client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    response = curator_client.post(
        change_url(draft), change_form_data(form, summary_en="From the stale form.")
    )
    draft.refresh_from_db()
    assert response.status_code == 200
    assert (draft.state, draft.summary_en) == (PublicationState.PUBLISHED, "Before.")


def test_publishing_through_the_change_form_sets_the_publication_time(curator_client):
    draft = make_case(state=PublicationState.DRAFT, published_at=None)
    form = curator_client.get(change_url(draft))
    response = curator_client.post(
        change_url(draft), change_form_data(form, state=PublicationState.PUBLISHED)
    )
    draft.refresh_from_db()
    assert response.status_code == 302
    assert draft.state == PublicationState.PUBLISHED and draft.published_at is not None


def test_publishing_again_keeps_the_first_publication_time(curator_client):
    case = make_case()
    first = case.published_at
    case.state = PublicationState.DRAFT
    case.save()
    case.state = PublicationState.PUBLISHED
    case.save()
    assert Case.objects.get(pk=case.pk).published_at == first


def test_a_stale_goal_form_is_refused_and_both_edits_survive(two_curators):
    anna, ben = two_curators
    goal = make_goal(description="Old description.")
    anna_form, ben_form = anna.get(change_url(goal)), ben.get(change_url(goal))

    anna.post(change_url(goal), change_form_data(anna_form, description_en="Anna's description."))
    response = ben.post(change_url(goal), change_form_data(ben_form, name_en="Ben's name"))

    goal.refresh_from_db()
    assert response.status_code == 200 and "Ben&#x27;s name" in response.text
    assert goal.description_en == "Anna's description." and goal.name_en != "Ben's name"


@pytest.mark.parametrize(
    "model",
    [
        "cases.case",
        "cases.climategoal",
        "cases.indicator",
        "networks.network",
        "networks.cityregion",
        "networks.organisation",
    ],
)
def test_every_curated_models_admin_guards_against_edit_conflicts(model):
    from django.apps import apps

    from publishing.curation import ConcurrentEditForm

    model_admin = admin.site.get_model_admin(apps.get_model(model))
    assert issubclass(model_admin.form, ConcurrentEditForm)


def test_a_goal_saved_after_reloading_goes_through(two_curators):
    anna, ben = two_curators
    goal = make_goal()
    anna.post(change_url(goal), change_form_data(anna.get(change_url(goal)), description_en="A."))
    response = ben.post(change_url(goal), change_form_data(ben.get(change_url(goal)), name_en="B"))
    assert response.status_code == 302
    assert ClimateGoal.objects.get(pk=goal.pk).name_en == "B"
