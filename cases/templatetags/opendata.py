"""Template tags for the content as open data: a case page's schema.org description
(cases/linkeddata.py) and the content licence (publishing/licence.py) for the footer."""

from django import template

from cases.linkeddata import case_linked_data, json_ld_script
from publishing import licence

register = template.Library()


@register.simple_tag(takes_context=True)
def case_json_ld(context, case):
    """The <script type="application/ld+json"> element of `case`, for the page's <head>."""
    return json_ld_script(case_linked_data(case, context["request"]))


@register.simple_tag
def content_licence():
    """{"name": …, "url": …} of the content licence: `{% content_licence as licence %}`."""
    return {"name": licence.NAME, "url": licence.URL}
