from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from glossary.models import Term
from publishing.curation import ConcurrentEditForm, WorkflowAdmin, side_by_side
from publishing.translation import columns


@admin.register(Term)
class TermAdmin(WorkflowAdmin):
    form = ConcurrentEditForm
    list_display = ["name", "language", "country", "state", "updated_at"]
    list_filter = ["state", "language", "country"]
    search_fields = [*columns("name"), "name_no", "name_da", "other_names", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["cases"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    *side_by_side("name"),
                    ("name_no", "name_da"),
                    "other_names",
                    "slug",
                    ("language", "country"),
                    "loaded_version",
                ]
            },
        ),
        (_("Meaning"), {"fields": side_by_side("definition", "finnish_counterpart")}),
        (_("Cases"), {"fields": ["cases"]}),
        (_("Publication"), {"fields": ["state", "created_at", "updated_at"]}),
    ]
