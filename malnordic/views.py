import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden, HttpResponseServerError
from django.template import loader
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from cases.filters import CaseFilter
from cases.models import ClimateGoal, Theme
from malnordic.context_processors import language_versions, path_in_language
from networks.models import CityRegion, Country, Network
from networks.views import region_map
from publishing.links import browse_url

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    """What the knowledge base holds: counts by country, theme, goal and region from the
    facet index, so the page costs the same whatever the number of cases."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        filterset = CaseFilter()  # the whole published content
        index = filterset.index
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
            recent_cases=filterset.newest(6),
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
    lines = ["User-agent: *"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('admin:index')}")
    lines.append(f"Sitemap: {sitemap}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 500 page in the address's language, with the site's header and footer.

    Rendered without the context processors, which read the session and the user from
    the database: whatever failed must not fail the error page as well. Should the page
    fail all the same (a broken template, a static file missing from the manifest), a
    plain page says the same in the same language.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        try:
            html = loader.render_to_string(
                "500.html",
                {
                    "request": request,
                    "LANGUAGE_CODE": language,
                    "language_links": language_versions(request, alternates=False),
                },
            )
        except Exception:
            logger.exception("The 500 page failed; sent the plain one instead.")
            html = format_html(
                '<!doctype html><html lang="{}"><meta charset="utf-8"><title>{} – MAL Nordic'
                '</title><h1>{}</h1><p>{}</p><p><a href="{}">{}</a></p></html>',
                language,
                _("Server error"),
                _("Server error"),
                _("Something went wrong on our side and the page could not be shown."),
                get_script_prefix().rstrip("/") + path_in_language("/", language),
                _("Front page"),
            )
    return HttpResponseServerError(html)


def csrf_failure(request, reason=""):
    """A form refused for a missing or stale CSRF token, in the site's look and the page's
    language: what most likely happened (the form was open too long, or cookies are
    blocked) and what to do. Django's own page has an inline style, which the
    Content-Security-Policy refuses. `reason` is not shown: the CSRF middleware has
    already logged it."""
    return HttpResponseForbidden(loader.render_to_string("403_csrf.html", request=request))
