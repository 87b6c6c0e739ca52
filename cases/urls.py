from django.urls import path

from cases import exports, views
from cases.feeds import CaseFeed

app_name = "cases"
urlpatterns = [
    path("cases/", views.CaseListView.as_view(), name="list"),
    path("cases/compare/", views.CompareView.as_view(), name="compare"),
    path("cases/feed/", CaseFeed(), name="feed"),
    path("cases/export.csv", exports.export_csv, name="export-csv"),
    path("cases/export.xlsx", exports.export_xlsx, name="export-xlsx"),
    path("cases/export.json", exports.export_json, name="export-json"),
    path("cases/report/", exports.ReportView.as_view(), name="report"),
    path("cases/brief/", exports.BriefView.as_view(), name="brief"),
    path("cases/<slug:slug>/", views.CaseDetailView.as_view(), name="detail"),
    path("goals/", views.GoalListView.as_view(), name="goal-list"),
    path("goals/<slug:slug>/", views.GoalDetailView.as_view(), name="goal-detail"),
]
