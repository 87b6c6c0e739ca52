"""The read-only open-data API, version 1, at /api/v1/ (in no language prefix)."""

from django.urls import include, path, re_path
from rest_framework.routers import SimpleRouter

from api import docs, views

app_name = "api"

router = SimpleRouter()
router.register("cases", views.CaseViewSet, basename="case")
router.register("networks", views.NetworkViewSet, basename="network")
router.register("regions", views.RegionViewSet, basename="region")
router.register("goals", views.GoalViewSet, basename="goal")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("glossary", views.TermViewSet, basename="term")

urlpatterns = [
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
    path("", views.RootView.as_view(), name="root"),
    path("", include(router.urls)),
    re_path(r"^(?P<rest>.*)$", views.NotFoundView.as_view(), name="not-found"),
]
