"""The OpenAPI schema and its interactive documentation, served from our own static files
(drf-spectacular-sidecar): they work offline and load nothing from elsewhere.

The documentation page is Swagger UI in drf-spectacular's split form: the page has no
inline script (the start-up script is fetched from the page's own URL with `?script`),
and our own template (api/templates/api/docs.html) also leaves out the inline style that
drf-spectacular's template has, and gives the page its language.
"""

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api.base import OpenDataMixin


class SchemaView(OpenDataMixin, SpectacularAPIView):
    """The schema, YAML by default and JSON with ?format=json; in English whatever the
    request's language, as the API's keys are."""

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            response = super().dispatch(request, *args, **kwargs)
            return response.render()


class DocsView(OpenDataMixin, SpectacularSwaggerSplitView):
    url_name = "api:schema"
    template_name = "api/docs.html"
    title = "MAL Nordic open-data API"
