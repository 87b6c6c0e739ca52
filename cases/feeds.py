from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from cases.filters import CaseFilter
from publishing import licence
from publishing.text import clean_text

FEED_SIZE = 50


class CaseFeed(Feed):
    """The newest published cases of any /cases/ selection (also an exact one, `case=`),
    as Atom, with the content licence in a `Link` header as every export has."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Link"] = f'<{licence.URL}>; rel="license"'
        return response

    def get_object(self, request):
        return CaseFilter(request.GET)

    def title(self, filterset):
        return _("MAL Nordic: cases")

    def subtitle(self, filterset):
        return _("Nordic practice in planning land use, housing and transport together.")

    def link(self, filterset):
        return reverse("cases:list") + filterset.query_string(sort=None)

    def feed_url(self, filterset):
        return reverse("cases:feed") + filterset.query_string(sort=None)

    def items(self, filterset):
        return filterset.newest(FEED_SIZE)

    # XML 1.0 cannot carry control characters: text saved before the admin removed them
    # on the way in is cleaned on the way out too.
    def item_title(self, case):
        return clean_text(case.title)

    def item_description(self, case):
        # Atom's summary is type="html", which a reader renders: the plain text is escaped.
        return escape(clean_text(case.summary))

    def item_pubdate(self, case):
        return case.published_at

    def item_updateddate(self, case):
        return case.updated_at

    def item_categories(self, case):
        return [case.get_country_display(), case.get_instrument_display()]
