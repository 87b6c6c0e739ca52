from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from malnordic.views import HomeView

urlpatterns = i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("about/", TemplateView.as_view(template_name="about.html"), name="about"),
    path(
        "accessibility/",
        TemplateView.as_view(template_name="accessibility.html"),
        name="accessibility",
    ),
    path("", include("cases.urls")),
    path("", include("networks.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
