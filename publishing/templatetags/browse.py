from django import template

from publishing.links import browse_url as build

register = template.Library()


@register.simple_tag
def browse_url(**facets):
    """{% browse_url country=case.country %}: /cases/ narrowed to those facet values."""
    return build(**facets)
