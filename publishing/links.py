"""Links to the browse page narrowed to facet values: the one way they are built."""

from urllib.parse import urlencode

from django.urls import reverse


def browse_url(**facets):
    """/cases/ with the given facet values, e.g. browse_url(region="oslo")."""
    return f"{reverse('cases:list')}?{urlencode(facets, doseq=True)}"
