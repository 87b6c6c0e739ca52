from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cases.fixture import write_fixture
from cases.models import Case, ClimateGoal, KeyFigure, Milestone, Source, Theme
from publishing.curation import (
    ConcurrentEditForm,
    HistoryAdmin,
    LanguagesAdmin,
    WorkflowAdmin,
    side_by_side,
)
from publishing.translation import columns


class CaseForm(ConcurrentEditForm):
    # Goals are a curated vocabulary: pick from the list rather than type free tags.
    goals = forms.ModelMultipleChoiceField(
        label=_("climate goals"),
        queryset=ClimateGoal.objects.all(),
        required=False,
        widget=FilteredSelectMultiple(_("climate goals"), is_stacked=False),
        help_text=_("Climate-goal tags the case serves."),
    )


# Inlines are stacked, not tabular: a tabular inline labels its inputs only by column
# headers, which leaves every input without a label of its own.
class SourceInline(LanguagesAdmin, admin.StackedInline):
    model = Source
    extra = 0


class KeyFigureInline(LanguagesAdmin, admin.StackedInline):
    model = KeyFigure
    extra = 0
    fields = ["position", *side_by_side("label", "value", "unit"), "year", *side_by_side("note")]


class MilestoneInline(LanguagesAdmin, admin.StackedInline):
    model = Milestone
    extra = 0
    fields = ["position", ("year", "month", "day"), *side_by_side("event")]


@admin.register(Case)
class CaseAdmin(WorkflowAdmin):
    form = CaseForm
    list_display = [
        "title",
        "country",
        "instrument",
        "state",
        "evidence_level",
        "last_verified",
        "updated_at",
        "page_link",
    ]
    list_filter = ["state", "country", "instrument", "status", "evidence_level", "themes"]
    search_fields = [*columns("title"), "original_name", "slug", *columns("summary")]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["regions", "parties", "networks"]
    filter_horizontal = ["themes"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    date_hierarchy = "updated_at"
    inlines = [SourceInline, KeyFigureInline, MilestoneInline]
    actions = [*WorkflowAdmin.actions, "export_fixture", "export_csv"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *side_by_side("title"),
                    "original_name",
                    "slug",
                    *side_by_side("summary"),
                    "loaded_version",
                ]
            },
        ),
        (
            _("Where and who"),
            {"fields": ["country", "scale", "regions", "parties", "networks", "is_comparison"]},
        ),
        (
            _("Instrument and aims"),
            {
                "fields": [
                    "instrument",
                    *side_by_side("instrument_detail"),
                    "themes",
                    "goals",
                    *side_by_side("climate_goals"),
                ]
            },
        ),
        (
            _("Time"),
            {
                "fields": [
                    "start_year",
                    "end_year",
                    "is_ongoing",
                    "status",
                    *side_by_side("status_note"),
                ]
            },
        ),
        (
            _("Description"),
            {
                "fields": side_by_side(
                    "challenge", "how_it_works", "results", "lessons_for_finland"
                )
            },
        ),
        (
            _("Evidence"),
            {"fields": ["evidence_level", *side_by_side("evidence_note"), "last_verified"]},
        ),
        (_("Publication"), {"fields": ["state", "published_at", "created_at", "updated_at"]}),
    ]

    @admin.display(description=_("page"))
    def page_link(self, case):
        label = _("preview") if case.is_draft else _("view")
        return format_html('<a href="{}">{}</a>', case.get_absolute_url(), label)

    @admin.action(description=_("Export the selected cases as a fixture"), permissions=["view"])
    def export_fixture(self, request, queryset):
        response = HttpResponse(content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="mal-nordic-cases.json"'
        write_fixture(Case.objects.filter(pk__in=queryset.values("pk")), response)
        return response

    @admin.action(description=_("Export the selected cases as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        from cases.exports import csv_response

        return csv_response(request, Case.objects.filter(pk__in=queryset.values("pk")))


@admin.register(ClimateGoal)
class ClimateGoalAdmin(HistoryAdmin):
    form = ConcurrentEditForm
    list_display = ["name", "slug"]
    search_fields = [*columns("name"), "slug", *columns("description")]
    prepopulated_fields = {"slug": ["name_en"]}
    fields = [*side_by_side("name"), "slug", *side_by_side("description"), "loaded_version"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The five MALPE themes are fixed: they can be viewed and reordered, not added or removed."""

    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    readonly_fields = ["slug"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
