"""What the /cases/ page shows besides the cases: facets, active-filter chips, sorting."""

from dataclasses import dataclass, field

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from cases.searchquery import terms

SORTS = {
    "relevance": (_("Relevance"), ["-rank", "title"]),
    "newest": (_("Newest first"), [F("published_at").desc(nulls_last=True), "title"]),
    "title": (_("Title"), ["title"]),
    "start": (_("Start year, latest first"), ["-start_year", "title"]),
}
VISIBLE_OPTIONS = 6


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

    @property
    def is_active(self):
        return any(option.selected for option in self.options)


def build_facets(filterset):
    """One Facet per facet parameter, each option counted with the other filters applied.

    Selected options come first, then options in their natural order (static vocabularies)
    or by count (goals, networks, regions). Unselected options with no cases are left out
    of the long facets.
    """
    data = filterset.form.cleaned_data
    facets = []
    for name, facet_filter in filterset.facets.items():
        counts = filterset.facet_counts(name)
        selected = set(data.get(name) or [])
        field = filterset.form.fields[name]
        options = [
            Option(str(value), str(label), counts.get(value, 0), value in selected)
            for value, label in field.choices
        ]
        if name in ("goal", "network", "region"):
            options = [o for o in options if o.count or o.selected]
            options.sort(key=lambda o: (-o.count, o.label))
        options.sort(key=lambda o: not o.selected)
        facets.append(Facet(name, facet_filter.label, options))
    return facets


def active_chips(filterset, facets, querydict):
    """(label, url without that value) for each active filter value, and the search."""
    chips = []

    def without(name, value=None):
        query = querydict.copy()
        query.pop("page", None)
        if value is None:
            query.pop(name, None)
        else:
            query.setlist(name, [v for v in query.getlist(name) if v != value])
        return f"?{query.urlencode()}"

    data = filterset.form.cleaned_data
    if data.get("q"):
        chips.append((f"{_('Search')}: {data['q']}", without("q")))
    for facet in facets:
        for option in facet.options:
            if option.selected:
                chips.append((f"{facet.label}: {option.label}", without(facet.name, option.value)))
    for name in ("year_from", "year_to"):
        if data.get(name) is not None:
            label = filterset.form.fields[name].label
            chips.append((f"{label}: {int(data[name])}", without(name)))
    return chips


def sort_order(requested, query):
    """(sort key, ORDER BY fields, whether the request asked for an unknown sort)."""
    default = "relevance" if terms(query) else "newest"
    if not requested:
        return default, SORTS[default][1], False
    if requested not in SORTS or (requested == "relevance" and default != "relevance"):
        return default, SORTS[default][1], requested not in SORTS
    return requested, SORTS[requested][1], False
