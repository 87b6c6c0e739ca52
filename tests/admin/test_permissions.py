"""Who may do what in the admin: every change/add/delete URL and action, per persona."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from cases.models import Case, ClimateGoal
from networks.models import CityRegion, Network, Organisation, PublicationState
from tests.factories import (
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

CONTENT = [Case, Network, CityRegion, Organisation, ClimateGoal]
VIEWS = ["changelist", "add", "change", "delete", "history"]


def build_content():
    """One of each kind of record the admin edits."""
    for make in (make_case, make_network, make_region, make_organisation, make_goal):
        make()


# Built once for the module; what a test changes is undone after it.
content = shared_content(build_content)

# What each persona gets: "ok" (200), "denied" (403) or "login" (302 to the login page).
CURATOR_MAY = {"changelist", "add", "change", "history"}


def admin_url(model, view):
    meta = model._meta
    name = f"admin:{meta.app_label}_{meta.model_name}_{view}"
    if view in ("change", "delete", "history"):
        return reverse(name, args=[model.objects.order_by("pk").first().pk])
    return reverse(name)


def expected(persona, view):
    if persona == "anonymous":
        return "login"
    if persona == "superuser":
        return "ok"
    if persona == "curator":
        return "ok" if view in CURATOR_MAY else "denied"
    return "denied"


def outcome(response):
    if response.status_code == 302 and "/login/" in response["Location"]:
        return "login"
    return {200: "ok", 403: "denied"}.get(response.status_code, response.status_code)


@pytest.fixture
def login(client, request):
    def as_persona(persona):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return as_persona


@pytest.mark.parametrize("persona", ["anonymous", "staff_without_group", "curator", "superuser"])
@pytest.mark.parametrize("model", CONTENT, ids=lambda m: m._meta.model_name)
@pytest.mark.parametrize("view", VIEWS)
def test_admin_pages_answer_each_persona_as_allowed(login, persona, model, view):
    response = login(persona).get(admin_url(model, view))
    assert outcome(response) == expected(persona, view)


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("staff_without_group", False), ("curator", False), ("superuser", True)],
)
def test_only_superusers_manage_users(login, persona, allowed):
    response = login(persona).get(reverse("admin:auth_user_changelist"))
    assert (response.status_code == 200) is allowed


def run_action(client, action, cases):
    return client.post(
        reverse("admin:cases_case_changelist"),
        {"action": action, "_selected_action": [case.pk for case in cases]},
    )


@pytest.mark.parametrize("action", ["publish", "unpublish", "archive"])
@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("anonymous", False), ("staff_without_group", False), ("curator", True), ("superuser", True)],
)
def test_workflow_actions_need_change_permission(login, action, persona, allowed):
    start = PublicationState.PUBLISHED if action != "publish" else PublicationState.DRAFT
    case = make_case(state=start)
    run_action(login(persona), action, [case])
    case.refresh_from_db()
    assert (case.state != start) is allowed


@pytest.mark.parametrize("action", ["export_fixture", "export_csv"])
@pytest.mark.parametrize(
    ("persona", "allowed"),
    [("anonymous", False), ("staff_without_group", False), ("curator", True), ("superuser", True)],
)
def test_export_actions_need_view_permission(login, action, persona, allowed):
    response = run_action(login(persona), action, [make_case()])
    assert (response.get("Content-Disposition", "").startswith("attachment")) is allowed


def test_a_curator_cannot_delete_cases_even_through_the_bulk_action(login):
    case = make_case()
    run_action(login("curator"), "delete_selected", [case])
    assert Case.objects.filter(pk=case.pk).exists()


def test_the_curator_group_is_created_by_a_migration():
    curator_perms = set(
        get_user_model()
        ._meta.get_field("groups")
        .related_model.objects.get(name="Curator")
        .permissions.values_list("codename", flat=True)
    )
    assert {"change_case", "add_network", "view_cityregion"} <= curator_perms
    assert not {"delete_case", "add_user", "change_user"} & curator_perms


@pytest.mark.parametrize(
    "path",
    [
        "/admin/cases/case/1/change/history/",
        "/admin/cases/case/abc/history/",
        "/admin/cases/case/1/history/xyz/",
        "/admin/networks/network/1/change/history/",
    ],
)
def test_a_malformed_history_address_is_not_found(login, path):
    assert login("superuser").get(path).status_code == 404
