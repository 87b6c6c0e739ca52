from django.conf import settings
from django.contrib import sitemaps
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse

from cases.models import Case, ClimateGoal
from networks.models import CityRegion, Network


class LanguagePaginator(Paginator):
    """Pages of items, each page's items then paired with their languages.

    Django's own i18n sitemap pages (item, language) pairs from a list of every pair, built
    from every item on every request; this one slices the items (a QuerySet: in the
    database) and pairs only the page's.
    """

    def __init__(self, items, per_page, languages_for):
        super().__init__(items, per_page)
        self.languages_for = languages_for

    def _get_page(self, object_list, number, paginator):
        pairs = [(item, code) for item in object_list for code in self.languages_for(item)]
        return super()._get_page(pairs, number, paginator)


class Sitemap(sitemaps.Sitemap):
    """Every address in each interface language, with its hreflang alternates.

    `limit` counts items, each listed once per language: 1,000 items make a page of 3,000
    addresses in three languages, small and quick whatever the content.
    """

    limit = 1000
    i18n = True
    alternates = True
    x_default = True

    @property
    def paginator(self):
        return LanguagePaginator(self.items(), self.limit, self.get_languages_for_item)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Django makes x-default by cutting the first "/fi/" out of the Finnish address,
        # which would also cut a slug "fi"; the Finnish address has no prefix to cut.
        for url in urls:
            by_code = {alternate["lang_code"]: alternate for alternate in url["alternates"]}
            if "x-default" in by_code:
                by_code["x-default"]["location"] = by_code[settings.LANGUAGE_CODE]["location"]
        return urls


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
            "glossary:list",
        ]

    def location(self, name):
        return reverse(name)


class UpdatedSitemap(Sitemap):
    """For records with `updated_at`: the index's date of the section is one query, not a
    loop over every item (Django's default)."""

    def lastmod(self, record):
        return record.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class CaseSitemap(UpdatedSitemap):
    def items(self):
        return Case.objects.published().only("slug", "updated_at").order_by("slug")


class NetworkSitemap(UpdatedSitemap):
    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("slug")


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
