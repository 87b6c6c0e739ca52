"""The sitemap: an index (Django's view) of sections, each a page of at most `limit` items
listed once per interface language with their hreflang alternates.

A section page is written here rather than by Django's sitemap view, which reverses every
address once per language for every language (twelve reversals an item) and renders each
through the template language: 350 ms for a page of 1,000 cases. Here each section
reverses its address pattern once per language and writes the XML as text.
"""

from functools import cached_property

from django.conf import settings
from django.contrib import sitemaps
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.http import require_safe

from cases.facetindex import current_index
from cases.models import Case, ClimateGoal
from networks.models import CityRegion, Network

LANGUAGES = [code for code, _name in settings.LANGUAGES]
HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


class Sitemap(sitemaps.Sitemap):
    """Every address in each interface language, with its hreflang alternates and the
    Finnish address as the default.

    `limit` counts items, each listed once per language: 1,000 items make a page of 3,000
    addresses in three languages. Sections of records with a slug name `url_name`, the
    pattern their address is reversed from.
    """

    limit = 1000
    url_name = None
    SLUG = "slug-placeholder"

    @property
    def paginator(self):
        # Items, not (item, language) pairs: Django's i18n paginator lists every pair of
        # every item to count the pages.
        paginator = Paginator(self.items(), self.limit)
        known = self.count()
        if known is not None:
            paginator.count = known  # instead of a COUNT query
        return paginator

    def count(self):
        """The number of items, when known without asking the database."""
        return None

    @cached_property
    def patterns(self):
        """{language: the address with a placeholder for the slug}."""
        found = {}
        for code in LANGUAGES:
            with translation.override(code):
                found[code] = reverse(self.url_name, kwargs={"slug": self.SLUG})
        return found

    def paths(self, item):
        """{language: the item's address in it}."""
        if self.url_name:
            return {code: p.replace(self.SLUG, item.slug) for code, p in self.patterns.items()}
        paths = {}
        for code in LANGUAGES:
            with translation.override(code):
                paths[code] = self.location(item)
        return paths


@require_safe
def section(request, section):
    """One page (?p=) of one section of the sitemap, as XML."""
    if section not in SITEMAPS:
        raise Http404(f"No sitemap section {section[:50]!r}")
    sitemap = SITEMAPS[section]()
    try:
        page = sitemap.paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger):
        raise Http404("No such page of the sitemap") from None
    base = escape(f"{request.scheme}://{get_current_site(request).domain}")
    parts, latest = [HEADER], None
    for item in page.object_list:
        paths = {code: base + escape(path) for code, path in sitemap.paths(item).items()}
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{code}" href="{href}"/>'
            for code, href in [*paths.items(), ("x-default", paths[settings.LANGUAGE_CODE])]
        )
        lastmod = sitemap.lastmod(item) if hasattr(sitemap, "lastmod") else None
        when = f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>" if lastmod else ""
        if lastmod and (latest is None or lastmod > latest):
            latest = lastmod
        parts.extend(f"<url><loc>{href}</loc>{when}{links}</url>\n" for href in paths.values())
    parts.append("</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml; charset=utf-8")
    if latest:
        response["Last-Modified"] = http_date(latest.timestamp())
    return response


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
    url_name = "cases:detail"

    def items(self):
        return Case.objects.published().only("slug", "updated_at").order_by("slug")

    def count(self):
        return len(current_index())


class NetworkSitemap(UpdatedSitemap):
    url_name = "networks:detail"

    def items(self):
        return Network.objects.published().only("slug", "updated_at").order_by("slug")


class RegionSitemap(Sitemap):
    url_name = "networks:region-detail"

    def items(self):
        return CityRegion.objects.with_published_cases().order_by("slug")

    def count(self):
        return len(current_index().totals("region"))


class GoalSitemap(Sitemap):
    url_name = "cases:goal-detail"

    def items(self):
        return ClimateGoal.objects.with_published_cases().order_by("slug")

    def count(self):
        return len(current_index().totals("goal"))


SITEMAPS = {
    "pages": PageSitemap,
    "cases": CaseSitemap,
    "networks": NetworkSitemap,
    "regions": RegionSitemap,
    "goals": GoalSitemap,
}
