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
            "On the Swedish pages, most of the text of a case is in English: only its title, "
            "summary, lessons for Finland and evidence note have been written in Swedish. "
            "Content added later may also be in English only until it is translated."
        ),
        reason=Reason.NON_COMPLIANCE,
        alternative=_(
            "Every passage in another language than the page is marked with its language, so "
            "that screen readers read it in that language. Every case is in Finnish in full. "
            "Ask through the feedback form if you need a case's content in Swedish."
        ),
        criteria=("3.1.2",),
    ),
    Shortcoming(
        what=_(
            "On the map of city regions, the markers of regions that lie close together "
            "(such as Copenhagen and Malmö) overlap, so part of one marker is covered by "
            "the other."
        ),
        reason=Reason.NON_COMPLIANCE,
        alternative=_(
            "The same links are in the list of city regions under the map and in the table "
            "on the city regions page."
        ),
        criteria=("2.5.8",),
    ),
    Shortcoming(
        what=_(
            "Of the curation admin, only the sign-in page, the list of cases and the case "
            "form have been checked; its other pages (histories, deletion confirmations, the "
            "forms of other content types, date pickers) have not yet been assessed."
        ),
        reason=Reason.NON_COMPLIANCE,
        alternative=_("Curators can ask the coordinator for help with any admin task."),
    ),
]

# How the service was assessed, in the order it was done.
ASSESSMENT_METHODS = [
    _("automated tests of every kind of page with axe-core in a browser;"),
    _("a pass through the pages with the keyboard only;"),
    _("a review of the pages' accessibility tree, as screen readers receive it."),
]
