"""What the accessibility statement says about the service itself, kept in code beside the
tests that check it.

The contact details and dates are curated in the admin (feedback.models.ServiceContact);
what is known not to be accessible, and how that was found out, is listed here, so that a
fix or a new finding changes the statement in the same commit. A non-conformity is one
`Shortcoming(...)` line in KNOWN_SHORTCOMINGS; its texts are translated in the catalogues.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class Reason:
    """Why content is not accessible: the three grounds the law allows."""

    NON_COMPLIANCE = _("It does not yet meet the requirements.")
    DISPROPORTIONATE_BURDEN = _("Making it accessible would be a disproportionate burden.")
    OUT_OF_SCOPE = _("It is outside the scope of the law.")


@dataclass(frozen=True)
class Shortcoming:
    """One piece of content that is not accessible."""

    what: str  # what is not accessible, and where
    reason: str  # one of Reason's texts
    alternative: str = ""  # the accessible way to the same content, if there is one
    criteria: tuple = ()  # the WCAG 2.1 success criteria it fails, e.g. ("1.4.3",)


KNOWN_SHORTCOMINGS = [
    Shortcoming(
        what=_(
            "The texts of the cases are in English only, also on the Finnish and Swedish "
            "pages; they have not yet been translated into Finnish and Swedish."
        ),
        reason=Reason.NON_COMPLIANCE,
        alternative=_(
            "The English passages are marked as English, so that screen readers read them "
            "in English. The names of the cases are also given in their original language. "
            "Ask through the feedback form if you need a case's content in Finnish or "
            "Swedish."
        ),
    ),
]

# How the service was assessed, in the order it was done.
ASSESSMENT_METHODS = [
    _("automated tests of every kind of page with axe-core in a browser;"),
    _("a pass through the pages with the keyboard only;"),
    _("a review of the pages' accessibility tree, as screen readers receive it."),
]
