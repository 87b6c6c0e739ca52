from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from networks.models import CityRegion, Network, NetworkSource, Organisation


@admin.register(CityRegion)
class CityRegionAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "latitude", "longitude", "updated_at"]
    list_filter = ["country"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "kind", "level", "country"]
    list_filter = ["kind", "level", "country"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class NetworkSourceInline(admin.TabularInline):
    model = NetworkSource
    extra = 0


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "founded_year", "state", "evidence_level", "updated_at"]
    list_filter = ["state", "kind", "evidence_level"]
    search_fields = ["name", "original_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NetworkSourceInline]
    fieldsets = [
        (None, {"fields": ["name", "original_name", "slug", "state"]}),
        (_("What it is"), {"fields": ["kind", "kind_detail", "countries", "founded_year"]}),
        (_("Description"), {"fields": ["summary", "members", "mal_relevance", "website"]}),
        (_("Evidence"), {"fields": ["evidence_level", "evidence_note"]}),
    ]
