"""The licence of the knowledge base's content, stated wherever the content goes out: the
footer, the API, the exports, the case pages' linked data and the data catalogue."""

from django.utils.translation import gettext_lazy as _

# Creative Commons Attribution 4.0: anyone may reuse and adapt the content, also
# commercially, when they name MAL Nordic as its source; the licence the EU's and
# Finland's open-data portals recommend for public-sector data.
NAME = "CC BY 4.0"
URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = _("Content: MAL Nordic, licensed under CC BY 4.0.")
