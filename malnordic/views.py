from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from cases.facetindex import current_index
from cases.filters import CaseFilter
from cases.models import ClimateGoal, Theme
from networks.models import CityRegion, Country, Network
from networks.views import region_map
from publishing.links import browse_url


class HomeView(TemplateView):
    """What the knowledge base holds: counts by country, theme, goal and region from the
    facet index, so the page costs the same whatever the number of cases."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        index = current_index()
        by_country = index.totals("country")
        by_theme = index.totals("theme")
        by_region = index.totals("region")
        by_goal = index.totals("goal")
        regions = list(CityRegion.objects.filter(slug__in=by_region))
        for region in regions:
            region.case_count = by_region[region.slug]
        goals = list(ClimateGoal.objects.filter(slug__in=by_goal))
        for goal in goals:
            goal.case_count = by_goal[goal.slug]
        goals.sort(key=lambda goal: (-goal.case_count, goal.name))
        return super().get_context_data(
            case_count=len(index),
            network_count=Network.objects.published().count(),
            region_count=len(regions),
            countries=bars(
                (c.label, browse_url(country=c.value), by_country[c.value])
                for c in Country
                if c.value in by_country
            ),
            themes=bars(
                (t.name, t.get_absolute_url(), by_theme.get(t.slug, 0))
                for t in Theme.objects.all()
            ),
            goals=goals[:8],
            map=region_map(regions),
            recent_cases=CaseFilter().newest(6),
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
