"""The /cases/ query parameters and the facet counts they produce.

OR within a parameter, AND across parameters. A value the site does not know is dropped
and reported; the rest of the parameter still applies.
"""

import django_filters
from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cases import search
from cases.models import CASE_COUNTRIES, Case, ClimateGoal, Theme
from networks.models import CityRegion, Network, Organisation

YEAR_MIN, YEAR_MAX = 1900, 2100


class FacetField(forms.MultipleChoiceField):
    """Keeps the known values of a repeated parameter and remembers the unknown ones."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        values = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        self.unknown = [v for v in values if v not in known]
        return [v for v in dict.fromkeys(values) if v in known]


class FacetFilter(django_filters.MultipleChoiceFilter):
    field_class = FacetField

    def __init__(self, *args, facet_field, **kwargs):
        """`facet_field` is what facet counts group by: a field or a lookup across a join."""
        self.facet_field = facet_field
        kwargs.setdefault("field_name", facet_field)
        kwargs.setdefault("distinct", "__" in facet_field)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def year_filter(label, lookup):
    return YearFilter(
        label=label,
        field_name="start_year",
        lookup_expr=lookup,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        widget=forms.NumberInput(attrs={"min": YEAR_MIN, "max": YEAR_MAX, "step": 1}),
    )


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    country = FacetFilter(
        label=_("Country"),
        choices=[(c.value, c.label) for c in CASE_COUNTRIES],
        facet_field="country",
    )
    theme = FacetFilter(
        label=_("MALPE theme"), choices=Theme.Slug.choices, facet_field="themes__slug"
    )
    instrument = FacetFilter(
        label=_("Instrument"), choices=Case.Instrument.choices, facet_field="instrument"
    )
    goal = FacetFilter(label=_("Climate goal"), choices=[], facet_field="goals__slug")
    network = FacetFilter(label=_("Network"), choices=[], facet_field="networks__slug")
    region = FacetFilter(label=_("City region"), choices=[], facet_field="regions__slug")
    level = FacetFilter(
        label=_("Government level of the parties"),
        choices=Organisation.Level.choices,
        facet_field="parties__level",
    )
    status = FacetFilter(label=_("Status"), choices=Case.Status.choices, facet_field="status")
    year_from = year_filter(_("Started in or after"), "gte")
    year_to = year_filter(_("Started in or before"), "lte")

    class Meta:
        model = Case
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.form.fields
        fields["q"].widget.attrs.update({"type": "search", "maxlength": 200})
        fields["goal"].choices = ClimateGoal.objects.with_published_cases().values_list(
            "slug", "name"
        )
        fields["network"].choices = Network.objects.published().values_list("slug", "name")
        fields["region"].choices = CityRegion.objects.with_published_cases().values_list(
            "slug", "name"
        )

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, value)

    @property
    def facets(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, FacetFilter)}

    def without(self, excluded):
        """The queryset with every valid parameter applied except `excluded`."""
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_counts(self, name):
        """{value: number of cases} for one facet, with all the other filters applied."""
        facet_field = self.facets[name].facet_field
        ids = self.without(name).values("pk")
        rows = (
            Case.objects.filter(pk__in=ids)
            .values_list(facet_field)
            .annotate(n=Count("pk", distinct=True))
            .order_by()
        )
        return {value: n for value, n in rows if value not in (None, "")}

    def ignored_values(self):
        """(parameter label, value) for each value left out as unknown."""
        self.is_valid()
        return [
            (self.form.fields[name].label, value)
            for name in self.facets
            for value in getattr(self.form.fields[name], "unknown", [])
        ]
