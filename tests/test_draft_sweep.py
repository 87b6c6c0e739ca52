"""A draft case, an archived case and a member's proposal reach no public endpoint.

Each carries a marker word in every text, in every language, links to the same goal,
region, network, themes and party as a published case (so that related cases, compare and
the facet counts would pick it up), and to a region and a goal of its own. The page cache stays on,
as in production: a cached page must not leak them either.

An archived case is, as PRODUCT.md and the case page say, "kept for reference and no
longer shown in the browse list": its own address still answers, with a notice, and it may
be opened beside others in compare by its slug. So it is asserted absent from every list,
search, facet count, feed, sitemap, export, API response and related-cases list, and
present, with its notice, on its own page only.
"""

import io
import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from cases.models import Case, Theme
from community.models import Proposal
from networks.models import PublicationState
from publishing.translation import translated_names
from tests.community.builders import make_subscription
from tests.factories import (
    make_case,
    make_goal,
    make_network,
    make_organisation,
    make_region,
    make_term,
    shared_content,
)
from tests.sitemaps import sitemap_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

DRAFT, ARCHIVED, PROPOSED = "zorblaxdraft", "quenthivarchive", "plimmetproposal"
MARKERS = [DRAFT, ARCHIVED, PROPOSED]
# Every translated text of a case: title, summary, how it works, results, lessons, ….
TEXT_FIELDS = translated_names(Case)
# Their texts, names and slugs as they would show; a page may echo the words and slugs of
# its own address (a search box, a note on an unknown slug), which is no leak.
SHOWN = re.compile(
    rf"({'|'.join(MARKERS)}) "
    rf"({'|'.join(TEXT_FIELDS)}|original|goal|region|party|title|description)"
)
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
SLUGS = [f"{marker}-{kind}" for marker in [DRAFT, ARCHIVED] for kind in ["case", "region", "goal"]]


@pytest.fixture(autouse=True)
def as_served(settings):
    """Pages as the public is served them, through the page cache; many exports from one
    test client (the limit has tests of its own)."""
    settings.PAGE_CACHE = True
    settings.EXPORT_RATE = "1000000/minute"


def marked(marker):
    """Every text of a case, in every language, with the marker in it."""
    return {
        f"{name}_{code}": f"{marker} {name} {code}"
        for name in TEXT_FIELDS
        for code in ["fi", "sv", "en"]
    } | {"original_name": f"{marker} original"}


def build():
    shared = {
        "goals": [make_goal()],
        "regions": [make_region()],
        "networks": [make_network()],
        "parties": [make_organisation()],
        "themes": Theme.Slug.values,
    }
    published = make_case(
        title="Published neighbour", slug="published-neighbour", country="SE", **shared
    )
    hidden = {}
    for marker, state, country, instrument in [
        (DRAFT, PublicationState.DRAFT, "DK", Case.Instrument.CLIMATE_CONTRACT),
        (ARCHIVED, PublicationState.ARCHIVED, "NO", Case.Instrument.DEVELOPMENT_COMPANY),
    ]:
        own = {
            "goals": [*shared["goals"], make_goal(name=f"{marker} goal", slug=f"{marker}-goal")],
            "regions": [
                *shared["regions"],
                make_region(name=f"{marker} region", slug=f"{marker}-region"),
            ],
            "parties": [*shared["parties"], make_organisation(name=f"{marker} party")],
        }
        hidden[marker] = make_case(
            **marked(marker),
            slug=f"{marker}-case",
            country=country,
            instrument=instrument,
            start_year=1931,
            state=state,
            published_at=None if state == PublicationState.DRAFT else timezone.now(),
            **{**shared, **own},
        )
    make_term(cases=[published, *hidden.values()])
    Proposal.objects.create(
        title=f"{PROPOSED} title",
        description=f"{PROPOSED} description",
        source_url=f"https://example.org/{PROPOSED}",
        case=hidden[DRAFT],
    )
    return {"published": published, **hidden, **shared}


content = shared_content(build)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def text_of(response):
    """What a reader of the response sees, as text: a workbook's cells too."""
    data = body(response)
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        return " ".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return data.decode("utf-8-sig")


def leaks(client, addresses):
    """{address: [what it shows of them]} for those that show any; each must answer 200."""
    found = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, (address, response.status_code)
        text = text_of(response).casefold()
        echoed = unquote(address).casefold()
        shown = sorted({match.group(0) for match in SHOWN.finditer(text)})
        shown += [slug for slug in SLUGS if slug in text and slug not in echoed]
        if shown:
            found[address] = shown
    return found


def exports():
    return [
        reverse("cases:export-csv"),
        reverse("cases:export-xlsx"),
        reverse("cases:export-json"),
        reverse("cases:report"),
        reverse("cases:brief"),
        reverse("cases:feed"),
    ]


def test_no_list_search_or_page_shows_them(client, content):
    published, goal, region = content["published"], content["goals"][0], content["regions"][0]
    network = content["networks"][0]
    browse = reverse("cases:list")
    addresses = [
        reverse("home"),
        "/en/",
        "/sv/",
        browse,
        f"{browse}?country=DK&country=NO",
        f"{browse}?goal={DRAFT}-goal&region={ARCHIVED}-region",
        f"{browse}?network={network.slug}&sort=newest",
        f"{browse}?year_from=1900&year_to=1940",
        *(f"{browse}?q={marker}" for marker in MARKERS),
        *(f"/{language}{published.get_absolute_url()}" for language in ["en", "sv"]),
        published.get_absolute_url(),
        reverse("cases:compare") + f"?case={published.slug}&case={DRAFT}-case",
        *(
            reverse("cases:compare") + f"?case={published.slug}&find={marker}"
            for marker in MARKERS
        ),
        reverse("cases:goal-list"),
        goal.get_absolute_url(),
        reverse("networks:list"),
        network.get_absolute_url(),
        reverse("networks:region-list"),
        region.get_absolute_url(),
        reverse("glossary:list"),
    ]
    assert leaks(client, addresses) == {}


def test_the_related_cases_of_the_published_case_leave_them_out(client, content):
    response = client.get(content["published"].get_absolute_url())
    text = response.content.decode().casefold()
    assert "published neighbour" in text
    assert f"{DRAFT}-case" not in text and f"{ARCHIVED}-case" not in text


def test_no_export_or_feed_holds_them_even_when_asked_by_slug(client, content):
    addresses = []
    for address in exports():
        addresses += [
            address,
            f"{address}?q={DRAFT}",
            f"{address}?case={DRAFT}-case",
            f"{address}?case={ARCHIVED}-case&case={content['published'].slug}",
            f"/en{address}",
        ]
    assert leaks(client, addresses) == {}


def test_the_api_holds_them_nowhere(client, content):
    addresses = [
        reverse("api:root"),
        reverse("api:case-list"),
        reverse("api:case-list") + "?country=DK&country=NO",
        *(reverse("api:case-list") + f"?q={marker}" for marker in MARKERS),
        reverse("api:case-list") + f"?case={DRAFT}-case&case={ARCHIVED}-case",
        reverse("api:case-detail", args=[content["published"].slug]),
        reverse("api:region-list"),
        reverse("api:goal-list"),
        reverse("api:network-list"),
        reverse("api:network-detail", args=[content["networks"][0].slug]),
        reverse("api:term-list"),
        reverse("catalog"),
    ]
    assert leaks(client, addresses) == {}
    hidden = [
        reverse("api:case-detail", args=[f"{DRAFT}-case"]),
        reverse("api:case-detail", args=[f"{ARCHIVED}-case"]),
        reverse("api:region-detail", args=[f"{DRAFT}-region"]),
        reverse("api:goal-detail", args=[f"{ARCHIVED}-goal"]),
    ]
    assert [client.get(address).status_code for address in hidden] == [404] * 4


def test_the_sitemap_lists_them_nowhere(client, content):
    pages = [reverse("sitemap"), *sitemap_pages(client)]
    assert len(pages) > 2
    assert leaks(client, pages) == {}


def test_the_draft_has_no_page_and_the_archived_case_keeps_its_own(client, content):
    hidden = [
        f"/{language}/cases/{DRAFT}-case/".replace("//", "/") for language in ["", "en", "sv"]
    ]
    hidden += [f"/regions/{DRAFT}-region/", f"/goals/{ARCHIVED}-goal/"]
    assert [client.get(address).status_code for address in hidden] == [404] * len(hidden)
    archived = client.get(f"/en{content[ARCHIVED].get_absolute_url()}")
    assert archived.status_code == 200
    assert "This case is archived" in archived.content.decode()


def test_compare_shows_the_archived_case_only_when_asked_by_slug_and_never_the_draft(
    client, content
):
    address = reverse("cases:compare") + f"?case={content['published'].slug}"
    text = client.get(f"{address}&case={DRAFT}-case&case={ARCHIVED}-case").content.decode()
    assert f"{DRAFT} title" not in text
    assert f"{ARCHIVED} title" in text


def facet_counts(client, query=""):
    """{(facet, value): count} as the browse page shows them."""
    text = client.get(reverse("cases:list") + query).content.decode()
    options = re.findall(
        r'<label for="f-([a-z_]+)-([^"]+)">.*?<span class="count">\((\d+)\)</span>',
        text,
        flags=re.DOTALL,
    )
    assert options, "no facet options on the browse page"
    return {(facet, value): int(count) for facet, value, count in options}


def map_labels(client):
    """The home page map's markers, as their labels read: region and number of cases."""
    text = client.get(reverse("home")).content.decode()
    return re.findall(r'<a href="[^"]*" class="region-map-marker[^"]*" aria-label="([^"]+)"', text)


@pytest.mark.parametrize("query", ["", "?theme=transport", "?country=SE&country=DK"])
def test_facet_counts_and_the_map_are_those_without_them(client, content, query):
    shown, markers = facet_counts(client, query), map_labels(client)
    assert markers
    only_theirs = [
        ("country", "DK"),
        ("country", "NO"),
        ("instrument", "climate-contract"),
        ("instrument", "development-company"),
        *(
            (facet, f"{marker}-{facet}")
            for marker in [DRAFT, ARCHIVED]
            for facet in ["goal", "region"]
        ),
    ]
    assert [key for key in only_theirs if shown.get(key, 0)] == []
    # Deleting them renews the content version: the pages are drawn again, without them.
    Case.objects.filter(pk__in=[content[DRAFT].pk, content[ARCHIVED].pk]).delete()
    assert facet_counts(client, query) == shown
    assert map_labels(client) == markers


def test_alerts_never_mail_a_draft_or_an_archived_case(content):
    """A selection that only the hidden cases match gets no mail; one the published case
    matches does, so that the run itself is proven to send."""
    confirmed = timezone.now() - timedelta(days=1)
    for query in [f"q={DRAFT}", f"q={ARCHIVED}", "country=DK", "country=NO", "year_to=1940"]:
        make_subscription(query=query, confirmed_at=confirmed)
    control = make_subscription(query="country=SE", confirmed_at=confirmed)
    call_command("send_alerts", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [[control.email]]
    sent = mail.outbox[0].body.casefold()
    assert "published neighbour" in sent
    assert not [marker for marker in MARKERS if marker in sent]


def test_public_responses_are_the_same_with_and_without_them(client, content):
    """Whatever a draft or an archived case could change (a count, a date, an order) it
    changes nowhere: the responses are the same once they are gone."""
    published = content["published"]
    addresses = [
        reverse("home"),
        reverse("cases:list"),
        reverse("cases:list") + "?sort=newest",
        published.get_absolute_url(),
        reverse("cases:goal-list"),
        content["goals"][0].get_absolute_url(),
        reverse("networks:list"),
        content["networks"][0].get_absolute_url(),
        reverse("networks:region-list"),
        content["regions"][0].get_absolute_url(),
        reverse("glossary:list"),
        reverse("sitemap"),
        *sitemap_pages(client),
        *exports(),
        reverse("api:case-list"),
        reverse("api:region-list"),
        reverse("api:goal-list"),
        reverse("api:network-list"),
        reverse("api:term-list"),
        reverse("catalog"),
    ]

    def responses():
        # A form's CSRF token is masked anew on every response.
        return {address: CSRF_TOKEN.sub("", text_of(client.get(address))) for address in addresses}

    before = responses()
    Case.objects.filter(pk__in=[content[DRAFT].pk, content[ARCHIVED].pk]).delete()
    after = responses()
    assert [address for address in addresses if before[address] != after[address]] == []
