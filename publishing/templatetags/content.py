from django import template
from django.utils.html import format_html

from publishing.translation import fallback_language

register = template.Library()


@register.simple_tag
def lang(obj, name):
    """` lang="en"` when `obj.<name>` is shown in English on a page in another language
    (its text there is missing); nothing when it is in the page's language."""
    code = fallback_language(obj, name)
    return format_html(' lang="{}"', code) if code else ""
