"""The number of queries of every public page, the same for 10 cases as for 200.

Each page is measured with the facet index current ("warm": what every request but the
first after a change finds) and, for the pages that read the index, on the first request
after a change ("cold": it rebuilds the index, a fixed number of queries more). Next to
each count, what each query is for; a change of count is a change to review, not a number
to update.
"""

from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse

from cases.facetindex import current_index
from publishing.models import ContentVersion
from tests.factories import bulk_cases, make_term, make_vocabulary, shared_content

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def rendered(settings):
    """The counts are of pages as rendered: the page cache is measured on its own below."""
    settings.PAGE_CACHE = False


SIZES = [10, 200]

# What the first request after a change adds, to rebuild the facet index
# (cases/facetindex.py): the published cases, then their themes, goals, published
# networks, city regions, the levels of their parties, what their funding pays for and
# their indicators with targets.
REBUILD = 8


@dataclass
class Content:
    size: int
    cases: list
    vocabulary: dict[str, list[Any]]

    def first(self, kind):
        """The region, goal or network every case links to: its page is full."""
        return self.vocabulary[kind][0]


def build(size):
    """`size` published cases with every kind of link and inline row; the vocabulary grows
    with them (one region, goal, network and party for every five cases)."""
    vocabulary = make_vocabulary(max(2, size // 5))
    cases = bulk_cases(size, **vocabulary)
    # A glossary term for every five cases, each used by five of them.
    vocabulary["terms"] = [make_term(cases[n : n + 5]) for n in range(0, size, 5)]
    return Content(size, cases, vocabulary)


content = shared_content(build, params=SIZES)


@dataclass(frozen=True)
class Page:
    name: str
    queries: int
    url: Any  # Content -> the page's address
    shows: Any  # Content -> a text the page must hold: the measure is of a full page


def browse(query=""):
    return lambda c: reverse("cases:list") + query


def title_of_newest(c):
    return c.cases[0].title


def some_case(c):
    return "Bulk case "


PAGES = [
    # 1 the content version, for the facet index, which gives the counts by country,
    # theme, goal and region and the order of the newest cases; 2 the city regions with
    # cases, for the map; 3 the goals with cases; 4 the number of published networks;
    # 5 the themes, for their chart; 6 the six newest cases; 7 their themes.
    Page("home", 7, lambda c: reverse("home"), title_of_newest),
    # 1 the content version, for the facet index: counts, choices and order; 2 the page
    # of cases; 3 their themes.
    Page("browse", 3, browse(), title_of_newest),
    Page(
        "browse with facets",
        3,
        browse("?country=SE&country=NO&theme=land-use&theme=transport&level=municipal"),
        title_of_newest,
    ),
    # As browse, and the search's matches with their ranks.
    Page("browse with a search", 4, browse("?q=agreement&country=SE"), some_case),
    # 1 the case; 2-10 its themes, regions, published networks, parties, sources, key
    # figures, milestones, goals and published glossary terms; 11-14 its funding,
    # commitments, indicators and their measured values; 15 whom to ask; 16 the content
    # version, for the facet index that scores related cases; 17 the related cases.
    Page(
        "case",
        17,
        lambda c: c.cases[0].get_absolute_url(),
        title_of_newest,
    ),
    # 1 the three cases; 2-10 their themes, regions, published networks, parties, sources,
    # key figures, milestones, goals and published glossary terms; 11-14 their funding,
    # commitments, indicators and measured values; 15 the cases matching the search for
    # one to add.
    Page(
        "compare",
        15,
        lambda c: (
            reverse("cases:compare")
            + "?"
            + "&".join(f"case={case.slug}" for case in c.cases[:3])
            + "&find=bulk"
        ),
        lambda c: c.cases[2].title,
    ),
    # 1 the published networks with their counts of cases.
    Page("networks", 1, lambda c: reverse("networks:list"), lambda c: c.first("networks").name),
    # 1 the network with its count of cases; 2 its sources; 3 its first cases; 4 their
    # themes.
    Page(
        "network",
        4,
        lambda c: c.first("networks").get_absolute_url(),
        some_case,
    ),
    # 1 the city regions with their counts of published cases (list and map).
    Page(
        "regions",
        1,
        lambda c: reverse("networks:region-list"),
        lambda c: c.first("regions").name,
    ),
    # 1 the region with its count of cases; 2 its first cases; 3 their themes.
    Page("region", 3, lambda c: c.first("regions").get_absolute_url(), some_case),
    # 1 the content version, for the facet index, which counts the cases of each goal;
    # 2 the goals with cases.
    Page(
        "goals",
        2,
        lambda c: reverse("cases:goal-list"),
        lambda c: c.first("goals").name,
    ),
    # 1 the goal with its count of cases; 2 its first cases; 3 their themes; 4 the
    # numeric targets of its cases, with their cases.
    Page("goal", 4, lambda c: c.first("goals").get_absolute_url(), some_case),
    # 1 the content version, for the facet index, which gives the newest cases of the
    # selection; 2 those cases; 3 their themes.
    Page("feed", 3, lambda c: reverse("cases:feed"), title_of_newest),
    # 1 the cases' latest change; 2 the content version, for the facet index that counts
    # them; 3-4 the networks' latest change and number; 5-6 the content version, for the
    # index's counts of the regions and the goals with cases.
    Page("sitemap", 6, lambda c: reverse("sitemap"), lambda c: "sitemap-cases.xml"),
    # 1 the content version, for the facet index that counts the pages; 2 the page's cases.
    Page(
        "sitemap section",
        2,
        lambda c: reverse("sitemap-section", args=["cases"]),
        lambda c: c.cases[0].slug,
    ),
    # 1 the content version (the filter form's choices come from the facet index); 2 the
    # cases, in chunks of 500 (one here); 3-8 their themes, goals, regions, parties,
    # published networks and sources; 9-12 their funding, commitments, indicators and
    # measured values.
    Page(
        "export.csv",
        12,
        lambda c: reverse("cases:export-csv"),
        title_of_newest,
    ),
    # 1 the published terms, by name; 2 their published cases.
    Page(
        "glossary",
        2,
        lambda c: reverse("glossary:list"),
        lambda c: c.vocabulary["terms"][-1].name,
    ),
    # 1 the content version; 2 the themes; 3-6 the goals, regions, parties and published
    # networks of the cases; 7 the networks' sources; 8 the cases, in chunks of 500;
    # 9-12 their regions, parties, themes and published networks; 13 their goal links;
    # 14-16 their sources, key figures and milestones; 17-20 their funding, commitments,
    # indicators and measured values; 21 whom to ask; 22 the published glossary terms of
    # the cases, 23 the exported cases of those terms.
    Page(
        "export.json",
        23,
        lambda c: reverse("cases:export-json"),
        lambda c: c.cases[0].slug,
    ),
    # 1 the content version; 2 the cases (at most REPORT_LIMIT, 200); 3-14 their themes,
    # goals, regions, parties, published networks, sources, funding, commitments,
    # indicators, measured values, key figures and milestones.
    Page("report", 14, lambda c: reverse("cases:report"), title_of_newest),
]
# The rebuild costs the same whichever page asks for it (home, browse, case, goals, feed,
# exports, report); measured on the three ways pages reach the index: through a FilterSet
# (browse), to score related cases (case) and both (home).
REBUILT_BY = [page for page in PAGES if page.name in ("home", "browse", "case")]


def measured(client, django_assert_num_queries, content, page, queries):
    """Request `page`, read the whole response (streamed ones too) within the count."""
    with django_assert_num_queries(queries):
        response = client.get(page.url(content))
        body = response.getvalue().decode()
    assert response.status_code == 200
    return body


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_every_public_page_takes_the_same_number_of_queries_for_10_or_200_cases(
    client, django_assert_num_queries, content, page
):
    current_index()
    body = measured(client, django_assert_num_queries, content, page, page.queries)
    assert page.shows(content) in body


@pytest.mark.parametrize("page", REBUILT_BY, ids=[page.name for page in REBUILT_BY])
def test_the_first_request_after_a_change_rebuilds_the_index_in_a_fixed_number_of_queries(
    client, django_assert_num_queries, content, page
):
    ContentVersion.bump()  # as every change to the content does
    queries = page.queries + REBUILD
    body = measured(client, django_assert_num_queries, content, page, queries)
    assert page.shows(content) in body


STREAMED = ("export.csv", "export.json")
STORED = [page for page in PAGES if page.name not in STREAMED]


@pytest.mark.parametrize("page", STORED, ids=[page.name for page in STORED])
def test_a_page_served_from_the_page_cache_reads_only_the_content_version(
    client, django_assert_num_queries, settings, content, page
):
    settings.PAGE_CACHE = True
    first = client.get(page.url(content))
    assert not first.streaming
    with django_assert_num_queries(1):
        again = client.get(page.url(content))
    assert again.status_code == 200
    assert again.content == first.content


@pytest.mark.parametrize("name", STREAMED)
def test_streamed_downloads_are_rendered_each_time_with_the_same_validators(
    client, settings, content, name
):
    """They can be many megabytes: not stored, but a conditional request still gets 304."""
    settings.PAGE_CACHE = True
    page = next(page for page in PAGES if page.name == name)
    first = client.get(page.url(content))
    assert first.streaming
    body = first.getvalue()
    again = client.get(page.url(content))
    assert again.getvalue() == body
    assert again["ETag"] == first["ETag"]
    assert (
        client.get(page.url(content), headers={"if-none-match": first["ETag"]}).status_code == 304
    )
