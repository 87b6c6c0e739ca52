from django.db.models import Count
from django.views.generic import TemplateView

from cases.models import Case, Theme
from networks.models import CityRegion, Country, Network


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published()
        by_country = dict(cases.values_list("country").annotate(n=Count("pk")).order_by())
        return super().get_context_data(
            case_count=sum(by_country.values()),
            network_count=Network.objects.published().count(),
            region_count=CityRegion.objects.count(),
            countries=[(c, by_country.get(c.value, 0)) for c in Country if c in by_country],
            themes=Theme.objects.all(),
            recent_cases=cases.for_list().order_by("-published_at", "title")[:6],
            **kwargs,
        )
