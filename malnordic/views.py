from django.db.models import Count, F
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from cases.models import Case, ClimateGoal, Theme
from networks.models import CityRegion, Country, Network
from networks.views import region_map
from publishing.links import browse_url


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        newest = F("published_at").desc(nulls_last=True)
        cases = Case.objects.published()
        by_country = dict(cases.values_list("country").annotate(n=Count("pk")).order_by())
        themes = Theme.objects.with_case_counts()
        regions = CityRegion.objects.with_published_cases()
        goals = ClimateGoal.objects.with_published_cases()
        return super().get_context_data(
            case_count=sum(by_country.values()),
            network_count=Network.objects.published().count(),
            region_count=len(regions),
            countries=bars(
                (c.label, browse_url(country=c.value), by_country[c.value])
                for c in Country
                if c.value in by_country
            ),
            themes=bars((t.name, t.get_absolute_url(), t.case_count) for t in themes),
            goals=goals.order_by("-case_count", "name")[:8],
            map=region_map(regions),
            recent_cases=cases.for_list().order_by(newest, "title")[:6],
            **kwargs,
        )


def bars(rows):
    """(label, url, count, percent of the largest count) for a bar chart."""
    rows = list(rows)
    largest = max((count for _label, _url, count in rows), default=0) or 1
    return [(label, url, count, round(100 * count / largest)) for label, url, count in rows]


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /en/admin/", f"Sitemap: {sitemap}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
