from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cases.fixture import write_fixture
from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Source,
    Theme,
)
from networks.models import Organisation
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


class RowForm(ConcurrentEditForm):
    def conflict_record(self):
        return self.instance.case


class MeasurementForm(ConcurrentEditForm):
    def conflict_record(self):
        return self.instance.indicator


class RowInline(LanguagesAdmin, admin.StackedInline):
    """Money, duties and targets: each row guarded against edit conflicts, its source and
    its organisation chosen among the case's own (saved) sources and parties."""

    form = RowForm
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        case_id = request.resolver_match.kwargs.get("object_id")
        if db_field.related_model is Source:
            kwargs["queryset"] = Source.objects.filter(case_id=case_id).order_by("title")
        elif db_field.related_model is Organisation:
            kwargs["queryset"] = Organisation.objects.filter(cases__pk=case_id).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FundingInline(RowInline):
    model = Funding
    fields = [
        "position",
        ("payer_kind", "payer"),
        *side_by_side("payer_name"),
        ("qualifier", "amount", "currency", "price_year"),
        ("share", "period_start", "period_end", "purpose"),
        *side_by_side("note"),
        ("source", "from_case_sources"),
        "loaded_version",
    ]


class CommitmentInline(RowInline):
    model = Commitment
    fields = [
        "position",
        ("party_kind", "party", "kind", "goal"),
        *side_by_side("text"),
        ("source", "from_case_sources"),
        "loaded_version",
    ]


class IndicatorInline(RowInline):
    """Measured values are edited on the indicator's own page (the link on each row)."""

    model = Indicator
    show_change_link = True
    fields = [
        "position",
        ("goal", "direction"),
        *side_by_side("name", "unit"),
        ("baseline_value", "baseline_year", "target_value", "target_year"),
        *side_by_side("note"),
        ("source", "from_case_sources"),
        "loaded_version",
    ]


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
    inlines = [
        SourceInline,
        KeyFigureInline,
        MilestoneInline,
        FundingInline,
        CommitmentInline,
        IndicatorInline,
    ]
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


class MeasurementInline(LanguagesAdmin, admin.StackedInline):
    model = Measurement
    form = MeasurementForm
    extra = 0
    fields = [("year", "value", "source"), *side_by_side("note"), "loaded_version"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **sources_of_the_indicator(db_field, request, kwargs)
        )


def sources_of_the_indicator(db_field, request, kwargs):
    """On an indicator's page, its source is one of its case's sources."""
    if db_field.name == "source":
        indicator = request.resolver_match.kwargs.get("object_id")
        kwargs["queryset"] = Source.objects.filter(case__indicators=indicator)
    return kwargs


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    """An indicator with its measured values; it is added and ordered on its case's page."""

    form = ConcurrentEditForm
    list_display = ["name", "case", "goal", "target_value", "target_year"]
    list_select_related = ["case", "goal"]
    search_fields = [*columns("name"), *columns("case__title")]
    readonly_fields = ["case"]
    inlines = [MeasurementInline]
    fields = [
        "case",
        ("goal", "direction"),
        *side_by_side("name", "unit"),
        ("baseline_value", "baseline_year", "target_value", "target_year"),
        *side_by_side("note"),
        ("source", "from_case_sources"),
        "loaded_version",
    ]

    def has_add_permission(self, request):
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **sources_of_the_indicator(db_field, request, kwargs)
        )


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
