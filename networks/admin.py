from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from networks.models import CityRegion, Country, Network, NetworkSource, Organisation
from publishing.curation import (
    ConcurrentEditForm,
    HistoryAdmin,
    LanguagesAdmin,
    WorkflowAdmin,
    side_by_side,
)
from publishing.translation import columns


@admin.register(CityRegion)
class CityRegionAdmin(HistoryAdmin):
    form = ConcurrentEditForm
    list_display = ["name", "country", "latitude", "longitude", "updated_at"]
    list_filter = ["country"]
    search_fields = [*columns("name"), "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    fields = [
        *side_by_side("name"),
        "slug",
        "country",
        "latitude",
        "longitude",
        *side_by_side("description"),
        "loaded_version",
    ]


@admin.register(Organisation)
class OrganisationAdmin(HistoryAdmin):
    form = ConcurrentEditForm
    list_display = ["name", "name_en", "kind", "level", "country", "updated_at"]
    list_filter = ["kind", "level", "country"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "name_en", "slug", "kind", "level", "country", "loaded_version"]


class NetworkForm(ConcurrentEditForm):
    countries = forms.MultipleChoiceField(
        label=_("countries"),
        choices=Country.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Countries of its members; none for EU-wide or global networks."),
    )


# Inlines are stacked, not tabular: a tabular inline labels its inputs only by column
# headers, which leaves every input without a label of its own.
class NetworkSourceInline(LanguagesAdmin, admin.StackedInline):
    model = NetworkSource
    extra = 0


@admin.register(Network)
class NetworkAdmin(WorkflowAdmin):
    form = NetworkForm
    list_display = ["name", "kind", "founded_year", "state", "evidence_level", "updated_at"]
    list_filter = ["state", "kind", "evidence_level"]
    search_fields = [*columns("name"), "original_name", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [NetworkSourceInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *side_by_side("name"),
                    "original_name",
                    "slug",
                    "state",
                    "loaded_version",
                ]
            },
        ),
        (
            _("What it is"),
            {"fields": ["kind", *side_by_side("kind_detail"), "countries", "founded_year"]},
        ),
        (
            _("Description"),
            {"fields": [*side_by_side("summary", "members", "mal_relevance"), "website"]},
        ),
        (_("Evidence"), {"fields": ["evidence_level", *side_by_side("evidence_note")]}),
    ]
