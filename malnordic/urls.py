from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from feedback.views import StatementView
from malnordic.catalog import catalog
from malnordic.health import healthz, security_txt
from malnordic.sitemaps import SITEMAPS
from malnordic.sitemaps import section as sitemap_section
from malnordic.views import HomeView, robots_txt

# Django's own 404 view renders templates/404.html with the request's context, in the
# address's language. The 500 page has its own view: it must not need what may be broken.
handler500 = "malnordic.views.server_error"

admin.site.site_header = _("MAL Nordic curation")
admin.site.site_title = _("MAL Nordic curation")
admin.site.index_title = _("Content")

urlpatterns = [
    # An index of sections, each in pages of at most Sitemap.limit addresses.
    path(
        "sitemap.xml",
        sitemaps.index,
        {
            "sitemaps": SITEMAPS,
            "content_type": "application/xml; charset=utf-8",
            "sitemap_url_name": "sitemap-section",
        },
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_section,
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", healthz, name="healthz"),
    path(".well-known/security.txt", security_txt, name="security-txt"),
    path("catalog.jsonld", catalog, name="catalog"),
    # The read-only open-data API (api/), the same in every language.
    path("api/v1/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("about/", TemplateView.as_view(template_name="about.html"), name="about"),
    path("accessibility/", StatementView.as_view(), name="accessibility"),
    path("feedback/", include("feedback.urls")),
    path("", include("cases.urls")),
    path("", include("networks.urls")),
    path("", include("glossary.urls")),
    path("", include("community.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
