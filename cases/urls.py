from django.urls import path

from cases import views
from cases.feeds import CaseFeed

app_name = "cases"
urlpatterns = [
    path("cases/", views.CaseListView.as_view(), name="list"),
    path("cases/compare/", views.CompareView.as_view(), name="compare"),
    path("cases/feed/", CaseFeed(), name="feed"),
    path("cases/<slug:slug>/", views.CaseDetailView.as_view(), name="detail"),
    path("goals/", views.GoalListView.as_view(), name="goal-list"),
    path("goals/<slug:slug>/", views.GoalDetailView.as_view(), name="goal-detail"),
]
