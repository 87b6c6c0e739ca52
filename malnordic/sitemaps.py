from django.contrib import sitemaps
from django.urls import reverse

from cases.models import Case, ClimateGoal
from networks.models import CityRegion, Network


class Sitemap(sitemaps.Sitemap):
    # Pages of a few thousand addresses: each stays small and quick, whatever the content.
    limit = 2000


class PageSitemap(Sitemap):
    def items(self):
        return [
            "home",
            "about",
            "accessibility",
            "cases:list",
            "cases:goal-list",
            "networks:list",
            "networks:region-list",
        ]

    def location(self, name):
        return reverse(name)


class CaseSitemap(Sitemap):
    def items(self):
        return Case.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, case):
        return case.updated_at


class NetworkSitemap(Sitemap):
    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("slug")

    def lastmod(self, network):
        return network.updated_at


class RegionSitemap(Sitemap):
    def items(self):
        return CityRegion.objects.with_published_cases().order_by("slug")


class GoalSitemap(Sitemap):
    def items(self):
        return ClimateGoal.objects.with_published_cases().order_by("slug")


SITEMAPS = {
    "pages": PageSitemap,
    "cases": CaseSitemap,
    "networks": NetworkSitemap,
    "regions": RegionSitemap,
    "goals": GoalSitemap,
}
