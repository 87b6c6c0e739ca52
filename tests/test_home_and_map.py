"""The home page: counts, the map of city regions and the charts; the map on /regions/."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from cases.models import Case, ClimateGoal, Theme
from networks.models import CityRegion, Network, Organisation, PublicationState
from tests.factories import bulk_cases, make_case, shared_content

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cases")]

HOME = reverse("home")
REGIONS = reverse("networks:region-list")


class MapParser(HTMLParser):
    """The marker links of the map and the links of its screen-reader list."""

    def __init__(self):
        super().__init__()
        self.markers = []  # (href, aria-label)
        self.listing = []  # (href, text)
        self.in_figure = self.in_list = False
        self.link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "region-map" in attrs.get("class", ""):
            self.in_figure = True
        elif self.in_figure and tag == "ul":
            self.in_list = True
        elif tag == "a" and "region-map-marker" in (attrs.get("class") or ""):
            self.markers.append((attrs["href"], attrs.get("aria-label", "")))
        elif tag == "a" and self.in_list:
            self.link = [attrs["href"], ""]

    def handle_data(self, data):
        if self.link is not None:
            self.link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self.link is not None:
            self.listing.append((self.link[0], " ".join(self.link[1].split())))
            self.link = None
        elif tag == "ul":
            self.in_list = False
        elif tag == "figure":
            self.in_figure = False


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def parsed_map(response):
    parser = MapParser()
    parser.feed(response.text)
    return parser


def region_of(href):
    assert urlsplit(href).path == reverse("cases:list")
    [slug] = parse_qs(urlsplit(href).query)["region"]
    return slug


def published_counts_by_region():
    return {
        region.slug: Case.objects.published().filter(regions=region).count()
        for region in CityRegion.objects.all()
    }


def home_figures(response):
    """Everything on the home page that counts cases."""
    context = response.context
    return {
        "cases": context["case_count"],
        "regions": context["region_count"],
        "networks": context["network_count"],
        "countries": context["countries"],
        "themes": context["themes"],
        "goals": [(goal.slug, goal.case_count) for goal in context["goals"]],
        "markers": [(m.slug, m.count, m.r) for m in context["map"]["markers"]],
    }


# 20 published cases in four countries, every theme and four city regions, built once
# for the module; what a test adds is undone after it.
cases = shared_content(lambda: bulk_cases(20))


def make_linked_draft():
    """A draft linked to regions, a goal, a network and a party that published cases have."""
    return make_case(
        state=PublicationState.DRAFT,
        published_at=None,
        country="DK",
        themes=["transport", "services"],
        regions=CityRegion.objects.order_by("pk")[:2],
        goals=[ClimateGoal.objects.order_by("pk").first()],
        networks=[Network.objects.order_by("pk").first()],
        parties=[Organisation.objects.first()],
    )


def test_the_home_map_has_one_marker_per_city_region(client):
    markers = parsed_map(page(client, HOME)).markers
    assert sorted(region_of(href) for href, _label in markers) == sorted(
        CityRegion.objects.values_list("slug", flat=True)
    )


def test_each_marker_is_labelled_with_its_region(client):
    # The name in the page's language, or the English one where it has none.
    names = {region.slug: region.name for region in CityRegion.objects.all()}
    markers = parsed_map(page(client, HOME)).markers
    labelled = [region_of(href) for href, label in markers if names[region_of(href)] in label]
    assert sorted(labelled) == sorted(names)


def test_each_marker_label_gives_its_number_of_published_cases(client):
    counts = published_counts_by_region()
    markers = parsed_map(page(client, HOME)).markers
    counted = [
        region_of(href)
        for href, label in markers
        if re.search(rf"\b{counts[region_of(href)]}\b", label)
    ]
    assert sorted(counted) == sorted(counts)


def test_the_marker_counts_match_direct_counts(client):
    markers = page(client, HOME).context["map"]["markers"]
    assert {m.slug: m.count for m in markers} == published_counts_by_region()


def test_the_screen_reader_list_has_the_same_links_as_the_map(client):
    parsed = parsed_map(page(client, HOME))
    assert sorted(href for href, _text in parsed.listing) == sorted(
        href for href, _label in parsed.markers
    )


def test_the_screen_reader_list_names_each_region(client):
    # The name in the page's language, or the English one where it has none.
    names = {region.slug: region.name for region in CityRegion.objects.all()}
    listing = parsed_map(page(client, HOME)).listing
    named = [region_of(href) for href, text in listing if names[region_of(href)] in text]
    assert sorted(named) == sorted(names)


def test_a_marker_opens_as_many_cases_as_it_counts(client):
    marker = page(client, HOME).context["map"]["markers"][0]
    response = page(client, marker.url)
    assert response.context["paginator"].count == marker.count


def test_the_country_chart_counts_match_direct_counts(client):
    chart = {
        parse_qs(urlsplit(url).query)["country"][0]: count
        for _label, url, count, _percent in page(client, HOME).context["countries"]
    }
    published = Case.objects.published()
    assert chart == {code: published.filter(country=code).count() for code in chart}
    assert sum(chart.values()) == published.count()


def test_the_country_chart_shows_its_counts(client):
    text = page(client, HOME).text
    section = re.search(r'id="countries-heading".*?</table>', text, re.S).group(0)
    rows = re.findall(r'\?country=(\w+)">.*?class="bar-value">(\d+)<', section, re.S)
    published = Case.objects.published()
    countries = set(published.values_list("country", flat=True))
    assert {code: int(n) for code, n in rows} == {
        code: published.filter(country=code).count() for code in countries
    }


def test_the_theme_chart_counts_match_direct_counts(client):
    chart = {
        parse_qs(urlsplit(url).query)["theme"][0]: count
        for _label, url, count, _percent in page(client, HOME).context["themes"]
    }
    published = Case.objects.published()
    assert chart == {slug: published.filter(themes__slug=slug).count() for slug in Theme.Slug}


def test_the_home_case_count_is_the_number_of_published_cases(client):
    assert page(client, HOME).context["case_count"] == Case.objects.published().count()


def test_a_draft_changes_no_figure_on_the_home_page(client):
    before = home_figures(page(client, HOME))
    make_linked_draft()
    assert home_figures(page(client, HOME)) == before


def test_a_draft_is_not_among_the_newest_cases(client):
    draft = make_linked_draft()
    assert draft not in page(client, HOME).context["recent_cases"]


def test_a_draft_changes_no_marker_on_the_regions_page(client):
    before = parsed_map(page(client, REGIONS)).markers
    make_linked_draft()
    assert parsed_map(page(client, REGIONS)).markers == before


def test_the_regions_page_shows_the_map_too(client):
    markers = parsed_map(page(client, REGIONS)).markers
    assert sorted(region_of(href) for href, _label in markers) == sorted(
        CityRegion.objects.values_list("slug", flat=True)
    )


def test_the_english_map_links_to_the_english_list(client):
    markers = parsed_map(page(client, "/en" + HOME)).markers
    assert markers
    assert all(href.startswith("/en/cases/?region=") for href, _label in markers)
