from django.urls import path

from networks import views

app_name = "networks"
urlpatterns = [
    path("networks/", views.NetworkListView.as_view(), name="list"),
    path("networks/<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
    path("regions/", views.RegionListView.as_view(), name="region-list"),
    path("regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region-detail"),
]
