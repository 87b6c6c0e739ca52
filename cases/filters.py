import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import CASE_COUNTRIES, Case, Theme
from networks.models import Country


class CaseFilter(django_filters.FilterSet):
    """The /cases/ query parameters: OR within a parameter, AND across parameters."""

    country = django_filters.MultipleChoiceFilter(
        label=_("Country"),
        choices=[(c.value, c.label) for c in Country if c in CASE_COUNTRIES],
        widget=forms.CheckboxSelectMultiple,
    )
    theme = django_filters.MultipleChoiceFilter(
        label=_("MALPE theme"),
        field_name="themes__slug",
        choices=Theme.Slug.choices,
        distinct=True,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Case
        fields = []
