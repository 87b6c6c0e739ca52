from django.views.generic import ListView

from glossary.models import Term

# Finnish and Swedish put å, ä and ö after z, in that order.
NORDIC_LETTERS = str.maketrans(
    {"å": "z\x01", "ä": "z\x02", "æ": "z\x02", "ö": "z\x03", "ø": "z\x03"}
)


def alphabetical(name):
    """A sort key for a name as a Nordic reader alphabetises it: case aside, å ä ö last."""
    return str(name).casefold().translate(NORDIC_LETTERS)


class GlossaryView(ListView):
    template_name = "glossary/term_list.html"
    context_object_name = "terms"

    def get_queryset(self):
        # By name in the page's language, as a reader alphabetises: databases order
        # capitals first or not, by their collation.
        terms = Term.objects.for_glossary()
        return sorted(terms, key=lambda term: (alphabetical(term.name), term.slug))
