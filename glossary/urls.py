from django.urls import path

from glossary.views import GlossaryView

app_name = "glossary"
urlpatterns = [
    path("glossary/", GlossaryView.as_view(), name="list"),
]
