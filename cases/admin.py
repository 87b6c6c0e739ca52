from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cases.models import Case, ClimateGoal, KeyFigure, Milestone, Source, Theme


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "country",
        "instrument",
        "state",
        "evidence_level",
        "last_verified",
        "updated_at",
    ]
    list_filter = ["state", "country", "instrument", "status", "evidence_level", "themes"]
    search_fields = ["title", "original_name", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["regions", "parties", "networks"]
    filter_horizontal = ["themes"]
    date_hierarchy = "updated_at"
    inlines = [SourceInline, KeyFigureInline, MilestoneInline]
    fieldsets = [
        (None, {"fields": ["title", "original_name", "slug", "state", "summary"]}),
        (
            _("Where and who"),
            {"fields": ["country", "scale", "regions", "parties", "networks", "is_comparison"]},
        ),
        (
            _("Instrument and aims"),
            {"fields": ["instrument", "instrument_detail", "themes", "goals", "climate_goals"]},
        ),
        (_("Time"), {"fields": ["start_year", "end_year", "is_ongoing", "status", "status_note"]}),
        (
            _("Description"),
            {"fields": ["challenge", "how_it_works", "results", "lessons_for_finland"]},
        ),
        (_("Evidence"), {"fields": ["evidence_level", "evidence_note", "last_verified"]}),
    ]


@admin.register(ClimateGoal)
class ClimateGoalAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


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
