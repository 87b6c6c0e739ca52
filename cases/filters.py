"""The /cases/ query parameters, in one place.

The FilterSet knows every parameter: which are facets, their labels and the order of their
options; it parses the search once; and it gives everything else that describes a
selection - its facet counts, its active-filter chips, its description in words, the
suggestions for widening an empty result, and its URL without the page number.

OR within a parameter, AND across parameters. A value the site does not know is dropped
and reported; the rest of the parameter still applies. Counts and the browse page's order
come from the facet index (cases/facetindex.py); exports and feeds read `selected()`, the
same selection as a QuerySet.
"""

from dataclasses import dataclass, field
from functools import cached_property

import django_filters
from django import forms
from django.core.validators import slug_re
from django.http import QueryDict
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from cases import search
from cases.facetindex import current_index
from cases.models import CASE_COUNTRIES, Case, Funding, Theme
from cases.searchquery import parse
from networks.models import Organisation
from publishing.translation import columns

YEAR_MIN, YEAR_MAX = 1900, 2100
# The most cases an exact selection (`case=`) names; the report holds no more anyway.
MAX_PICKED = 200
VISIBLE_OPTIONS = 6
SORTS = {
    "relevance": _("Relevance"),
    "newest": _("Newest first"),
    "title": _("Title"),
    "start": _("Start year, latest first"),
}


class FacetField(forms.MultipleChoiceField):
    """Keeps the known values of a repeated parameter and remembers the unknown ones."""

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        values = self.to_python(value)
        known = {str(key) for key, _label in self.choices}
        self.unknown = [v for v in values if v not in known]
        return [v for v in dict.fromkeys(values) if v in known]


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A facet: a repeatable parameter whose options are shown with their counts.

    `facet_field` is the field or lookup its values come from. Options keep the order of
    their choices, unless `by_count`: then the most frequent come first and options no
    case has are left out (the long vocabularies: goals, networks, regions).
    """

    field_class = FacetField

    def __init__(self, *args, facet_field, by_count=False, **kwargs):
        self.facet_field = facet_field
        self.by_count = by_count
        kwargs.setdefault("field_name", facet_field)
        kwargs.setdefault("distinct", "__" in facet_field)
        super().__init__(*args, **kwargs)


class PickedField(forms.Field):
    """The slugs of a repeated `case` parameter, each once: the well-formed ones kept (at
    most MAX_PICKED), the others remembered as unknown (only slugs reach the database).

    None when the parameter is not used (empty values do not count); a list, perhaps
    empty, when it is: a selection of only unknown cases selects none, not all.
    """

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        values = [str(v) for v in value or [] if v]
        self.unknown = [v for v in values if not slug_re.fullmatch(v)]
        slugs = list(dict.fromkeys(v for v in values if slug_re.fullmatch(v)))
        self.dropped = len(slugs) > MAX_PICKED
        return slugs[:MAX_PICKED] if values else None


class PickedFilter(django_filters.Filter):
    """An exact selection: the cases named by slug (OR within, AND with the rest)."""

    field_class = PickedField

    def filter(self, queryset, value):
        return queryset if value is None else queryset.filter(slug__in=value)


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


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)

    @property
    def shown(self):
        return self.options[:VISIBLE_OPTIONS]

    @property
    def folded(self):
        return self.options[VISIBLE_OPTIONS:]

    # A checkbox per option, written here rather than by a template include per option:
    # a browse page shows some 200 options, and an include each was a third of its time
    # (format_html, escaping each of the ten places, still a fifth). Every value written
    # is escaped once.
    def _checkboxes(self, options):
        name, rows = escape(self.name), []
        for option in options:
            value = escape(option.value)
            empty = "" if option.count or option.selected else " choice-empty"
            checked = " checked" if option.selected else ""
            rows.append(
                f'<div class="choice{empty}">\n'
                f'  <input type="checkbox" name="{name}" value="{value}" id="f-{name}-{value}"'
                f"{checked}>\n"
                f'  <label for="f-{name}-{value}">{escape(option.label)} '
                f'<span class="count">({escape(localize(option.count))})</span></label>\n'
                "</div>\n"
            )
        return mark_safe("".join(rows))

    @property
    def shown_checkboxes(self):
        return self._checkboxes(self.shown)

    @property
    def folded_checkboxes(self):
        return self._checkboxes(self.folded)

    @property
    def is_active(self):
        return any(option.selected for option in self.options)


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
    goal = FacetFilter(
        label=_("Climate goal"), choices=[], facet_field="goals__slug", by_count=True
    )
    network = FacetFilter(
        label=_("Network"), choices=[], facet_field="networks__slug", by_count=True
    )
    region = FacetFilter(
        label=_("City region"), choices=[], facet_field="regions__slug", by_count=True
    )
    level = FacetFilter(
        label=_("Government level of the parties"),
        choices=Organisation.Level.choices,
        facet_field="parties__level",
    )
    pays_for = FacetFilter(
        label=_("Funding pays for"),
        choices=[(value, label) for value, label in Funding.Purpose.choices if value],
        facet_field="funding__purpose",
    )
    target = FacetFilter(
        label=_("Numeric target"),
        choices=[("yes", _("Has a numeric target"))],
        facet_field="indicators__target_value",
        method="filter_target",
    )
    status = FacetFilter(label=_("Status"), choices=Case.Status.choices, facet_field="status")
    year_from = year_filter(_("Started in or after"), "gte")
    year_to = year_filter(_("Started in or before"), "lte")
    case = PickedFilter(label=_("Case"))

    class Meta:
        model = Case
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        """Always bound (an empty query is a valid one), over the published cases unless
        `queryset` says otherwise."""
        if queryset is None:
            queryset = Case.objects.published()
        data = data if data is not None else QueryDict()
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.index = current_index(queryset.db)
        fields = self.form.fields
        fields["q"].widget.attrs.update({"type": "search", "maxlength": 200})
        for name in ("goal", "network", "region"):
            fields[name].choices = self.index.choices(name)

    # Parsing, once.

    @cached_property
    def cleaned(self):
        """The valid parameters (an invalid one is left out and reported)."""
        self.is_valid()
        return self.form.cleaned_data

    @cached_property
    def search(self):
        """The search text, parsed (searchquery.Parsed). When it finds nothing because of a
        word that is in no case, that word is replaced by the most similar one that gives
        results, and `corrected_from` keeps the words as typed."""
        parsed = parse(self.cleaned.get("q") or "")
        if not parsed.terms or self.ranks_for(parsed.terms):
            return parsed
        fixed = search.corrected(self.queryset, parsed.terms)
        if fixed is None:
            return parsed
        return parsed._replace(terms=fixed, corrected_from=" ".join(parsed.terms))

    @cached_property
    def sort(self):
        """The sort order that applies: the one asked for when known and possible."""
        default = "relevance" if self.search.terms else "newest"
        asked = self.data.get("sort")
        if asked in SORTS and not (asked == "relevance" and default != "relevance"):
            return asked
        return default

    @property
    def sort_is_unknown(self):
        asked = self.data.get("sort")
        return bool(asked) and asked not in SORTS

    @property
    def facets(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, FacetFilter)}

    def filter_search(self, queryset, name, value):
        return search.matching(queryset, self.search.terms)

    def filter_target(self, queryset, name, value):
        """The cases with at least one indicator that has a target value ("yes")."""
        return queryset.filter(indicators__target_value__isnull=False).distinct()

    # The selection.

    @property
    def ranks(self):
        """{pk: rank} of the published cases that match the search (one query)."""
        return self.ranks_for(self.search.terms)

    def ranks_for(self, terms):
        """{pk: rank} of the cases that match `terms`, read once for each list of terms."""
        key = tuple(terms)
        cache = self.__dict__.setdefault("_ranks", {})
        if key not in cache:
            # Unordered: a dictionary needs no ORDER BY over a quarter of the cases.
            matching = search.matching(self.queryset, terms).order_by()
            cache[key] = dict(search.ranked(matching, terms).values_list("pk", "rank"))
        return cache[key]

    @cached_property
    def picked(self):
        """{slug: case} of the cases `case=` names that the queryset holds (one query, only
        when the parameter is used), in the order asked."""
        slugs = self.cleaned.get("case") or []
        if not slugs:
            return {}
        found = self.queryset.filter(slug__in=slugs).only("pk", "slug", *columns("title"))
        found = {case.slug: case for case in found}
        return {slug: found[slug] for slug in slugs if slug in found}

    @cached_property
    def constraints(self):
        """{parameter: bitset of the cases it admits} for each parameter in use."""
        data, index = self.cleaned, self.index
        admitted = {name: index.any_of(name, data[name]) for name in self.facets if data.get(name)}
        if data.get("year_from") is not None:
            admitted["year_from"] = index.started_between(first=data["year_from"])
        if data.get("year_to") is not None:
            admitted["year_to"] = index.started_between(last=data["year_to"])
        if self.search.terms:
            admitted["q"] = index.of(self.ranks)
        if data.get("case") is not None:
            admitted["case"] = index.of(case.pk for case in self.picked.values())
        return admitted

    def within(self, excluded=None):
        """The bitset of the cases every parameter in use admits, but `excluded`."""
        bits = self.index.all
        for name, admitted in self.constraints.items():
            if name != excluded:
                bits &= admitted
        return bits

    @property
    def qs(self):
        """The selected cases in the page's order, for paging through (see Selection)."""
        if not hasattr(self, "_selection"):
            self._selection = Selection(self)
        return self._selection

    def newest(self, limit):
        """The `limit` most recently published cases of the selection, whatever `sort`."""
        return Selection(self, sort="newest")[:limit]

    def selected(self):
        """The selected cases as a QuerySet, each once: for exports and feeds."""
        return Case.objects.filter(pk__in=super().qs.values("pk"))

    # What the page shows about the selection.

    def facet_counts(self, name):
        """{value: number of cases} for one facet, with all the other filters applied."""
        counts = self.index.counts(name, self.within(excluded=name))
        return {value: n for value, n in counts.items() if n}

    def facet_list(self):
        """One Facet per facet parameter, in the order the FilterSet declares them.

        Selected options come first, then options in their natural order (static
        vocabularies) or by count (goals, networks, regions).
        """
        facets = []
        for name, facet_filter in self.facets.items():
            counts = self.facet_counts(name)
            selected = set(self.cleaned.get(name) or [])
            options = [
                Option(str(value), str(label), counts.get(value, 0), value in selected)
                for value, label in self.form.fields[name].choices
            ]
            if facet_filter.by_count:
                options = [o for o in options if o.count or o.selected]
                options.sort(key=lambda o: (-o.count, o.label))
            options.sort(key=lambda o: not o.selected)
            facets.append(Facet(name, facet_filter.label, options))
        return facets

    def active(self):
        """(parameter, value or None, 'Label: value') for each value in use, in the page's
        order: the search, the facets, the years."""
        data, fields = self.cleaned, self.form.fields
        found = []
        if data.get("q"):
            found.append(("q", None, f"{fields['q'].label}: {data['q']}"))
        for name in self.facets:
            names = dict(fields[name].choices)
            found.extend(
                (name, value, f"{fields[name].label}: {names[value]}")
                for value in data.get(name) or []
            )
        for name in ("year_from", "year_to"):
            if data.get(name) is not None:
                found.append((name, None, f"{fields[name].label}: {int(data[name])}"))
        found.extend(
            ("case", slug, f"{fields['case'].label}: {case.title}")
            for slug, case in self.picked.items()
        )
        return found

    def described(self):
        """The filters that apply, as 'Label: value' strings."""
        return [text for _name, _value, text in self.active()]

    def chips(self):
        """(label, URL without it) for each value in use."""
        return [
            (text, self.query_string(name, value) or "?") for name, value, text in self.active()
        ]

    def widen(self):
        """For an empty result: (label, cases, URL) for each parameter in use whose removal
        would give some cases, the most first."""
        suggestions = []
        for name in self.constraints:
            count = self.within(excluded=name).bit_count()
            if count:
                label, url = self.form.fields[name].label, self.query_string(name) or "?"
                suggestions.append((label, count, url))
        return sorted(suggestions, key=lambda suggestion: -suggestion[1])

    def problems(self):
        """Readable notes on every part of the query that was left out."""
        form, data = self.form, self.cleaned
        notes = [
            _("%(filter)s: “%(value)s” is not a known value and was left out.")
            % {"filter": form.fields[name].label, "value": value[:50]}
            for name in self.facets
            for value in getattr(form.fields[name], "unknown", [])
        ]
        picked = form.fields["case"]
        notes.extend(
            _("There is no published case “%(slug)s”; it was left out.") % {"slug": slug[:50]}
            for slug in [*getattr(picked, "unknown", []), *(data.get("case") or [])]
            if slug not in self.picked
        )
        if getattr(picked, "dropped", False):
            notes.append(
                _("At most %(max)s cases can be picked by name; the first %(max)s are used.")
                % {"max": MAX_PICKED}
            )
        for name in ("q", "year_from", "year_to"):
            for error in form.errors.get(name, []):
                notes.append(f"{form.fields[name].label}: {error}")
        if data.get("year_from") and data.get("year_to") and data["year_from"] > data["year_to"]:
            notes.append(_("The start year range begins after it ends, so no case can match."))
        if self.search.truncated:
            notes.append(_("The search was shortened to its first words."))
        if self.search.corrected_from:
            notes.append(
                _("No case matched “%(typed)s”, so the search was for “%(searched)s” instead.")
                % {"typed": self.search.corrected_from, "searched": " ".join(self.search.terms)}
            )
        if self.sort_is_unknown:
            notes.append(_("The requested sort order is not known; the default is used."))
        return notes

    def query_string(self, name=None, value=None, **changes):
        """The selection's query string ("?…", or "" when empty) without the page number,
        without parameter `name` (only its `value`, when given), with `changes` set."""
        query = self.data.copy()
        query.pop("page", None)
        if name is not None and value is None:
            query.pop(name, None)
        elif name is not None:
            query.setlist(name, [v for v in query.getlist(name) if v != value])
        for key, new in changes.items():
            if new is None:
                query.pop(key, None)
            else:
                query[key] = new
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else ""


class Selection:
    """The selected cases in the requested order, as a sequence a Paginator pages through:
    counted and ordered in the facet index, each page's rows read from the database."""

    def __init__(self, filterset, sort=None):
        self.filterset = filterset
        self.sort = sort or filterset.sort
        self.bits = filterset.within()

    def count(self):
        return self.bits.bit_count()

    def __len__(self):
        return self.count()

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        filterset = self.filterset
        ranks = filterset.ranks if self.sort == "relevance" else None
        pks = filterset.index.ordered(self.bits, self.sort, key.start or 0, key.stop, ranks)
        rows = filterset.queryset.filter(pk__in=pks).for_list()
        found = {case.pk: case for case in rows}
        for case in found.values():
            case.rank = ranks.get(case.pk) if ranks else None
        return [found[pk] for pk in pks if pk in found]
