"""Pages of a list: count, next, previous and results (absolute URLs), and the licence.

The case list pages through the browse page's selection (cases.filters.Selection) with the
browse page's page size, and adds the FilterSet's notes on what it left out of the query.
A page that is not a number, or does not exist, is a 404 with a readable message: an API
client is told, not silently given another page as the browse page's reader is.
"""

from django.core.paginator import InvalidPage
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from api.base import LICENCE
from cases.views import CaseListView

NO_PAGE = _("There is no page “%(page)s”: pages are numbered from 1 to %(pages)s.")


class ListPagination(PageNumberPagination):
    page_size = 100
    page_query_param = "page"
    page_size_query_param = None
    last_page_strings = ()

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = self.django_paginator_class(queryset, self.page_size)
        asked = request.query_params.get(self.page_query_param) or "1"
        try:
            self.page = paginator.page(asked)
        except InvalidPage:
            raise NotFound(NO_PAGE % {"page": asked[:20], "pages": paginator.num_pages}) from None
        return list(self.page)

    def extra(self):
        """Keys a subclass adds to the payload after the results."""
        return {}

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
                **self.extra(),
                "licence": LICENCE,
            }
        )

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["properties"].update(self.extra_schema())
        described["properties"]["licence"] = LICENCE_SCHEMA
        described["required"] = [*described.get("required", []), "licence"]
        return described

    def extra_schema(self):
        return {}


LICENCE_SCHEMA = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}},
    "required": ["name", "url"],
}


class CasePagination(ListPagination):
    """The browse page's pages, with the notes on ignored input (`notes`)."""

    page_size = CaseListView.paginate_by

    def __init__(self):
        self.notes = []

    def extra(self):
        return {"notes": [str(note) for note in self.notes]}

    def extra_schema(self):
        return {
            "notes": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Readable notes on every part of the query that was left "
                "out, e.g. an unknown filter value.",
            }
        }
