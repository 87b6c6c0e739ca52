"""The case list's query parameters in the OpenAPI schema, read off the browse FilterSet:
a filter added to cases/filters.py appears in the schema by itself.

Descriptions stay lazy, built from the filters' labels when the schema is generated (in
English, api/docs.py), not when this module is imported.
"""

from django.utils.encoding import force_str
from django.utils.functional import lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from cases.filters import (
    SORTS,
    YEAR_MAX,
    YEAR_MIN,
    CaseFilter,
    FacetFilter,
    PickedFilter,
    YearFilter,
)

REPEAT = "Repeat the parameter for more values: a case matches any of them."
LEFT_OUT = "An unknown value is left out and explained in `notes`."
# Where the values of the facets without fixed choices are listed.
LISTS = {"goal": "/api/v1/goals/", "network": "/api/v1/networks/", "region": "/api/v1/regions/"}


def _facet_text(name, found):
    choices = found.extra.get("choices") or []
    if choices:
        values = "Values: " + "; ".join(f"{value}: {force_str(text)}" for value, text in choices)
    elif name in LISTS:
        values = f"Values: the slugs listed at {LISTS[name]}"
    else:
        values = "Values: slugs of the site's records"
    return f"{force_str(found.label)}. {values}. {REPEAT} {LEFT_OUT}"


def _year_text(found):
    return (
        f"{force_str(found.label)}: a year from {YEAR_MIN} to {YEAR_MAX}. "
        "Another value is left out and explained in `notes`."
    )


def _text(name, found):
    if name == "q":
        return f"{force_str(found.label)}: words to search the cases for, as on the browse page."
    if name == "case":
        return (
            f"{force_str(found.label)}: exactly these cases, by slug (repeatable); with other "
            "filters, the cases among these that match them."
        )
    return f"{force_str(found.label)}."


def _sort_text():
    sorts = "; ".join(f"{key}: {force_str(label)}" for key, label in SORTS.items())
    return f"The order ({sorts}). By default relevance with a search, otherwise newest first."


_lazy = lazy(lambda build, *args: build(*args), str)


def filter_parameter(name, found):
    """One FilterSet filter as an OpenAPI query parameter."""
    if isinstance(found, FacetFilter):
        choices = [str(value) for value, _label in found.extra.get("choices") or []]
        items = {"type": "string", **({"enum": choices} if choices else {})}
        return OpenApiParameter(
            name,
            {"type": "array", "items": items},
            OpenApiParameter.QUERY,
            description=_lazy(_facet_text, name, found),
            style="form",
            explode=True,
        )
    if isinstance(found, PickedFilter):
        return OpenApiParameter(
            name,
            {"type": "array", "items": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}},
            OpenApiParameter.QUERY,
            description=_lazy(_text, name, found),
            style="form",
            explode=True,
        )
    if isinstance(found, YearFilter):
        return OpenApiParameter(
            name,
            {"type": "integer"},
            OpenApiParameter.QUERY,
            description=_lazy(_year_text, found),
        )
    return OpenApiParameter(
        name, OpenApiTypes.STR, OpenApiParameter.QUERY, description=_lazy(_text, name, found)
    )


def case_list_parameters():
    """Every filter of CaseFilter, then the sort order and the page, as the browse page
    takes them."""
    found = [filter_parameter(name, f) for name, f in CaseFilter.base_filters.items()]
    found.append(
        OpenApiParameter(
            "sort",
            {"type": "string", "enum": list(SORTS)},
            OpenApiParameter.QUERY,
            description=_lazy(_sort_text),
        )
    )
    found.append(
        OpenApiParameter(
            "page",
            {"type": "integer", "minimum": 1},
            OpenApiParameter.QUERY,
            description="The page, from 1; a page that does not exist is a 404.",
        )
    )
    return found
