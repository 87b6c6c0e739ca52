"""Hostile text in every curated text and address field reaches no page, feed, export or
API response in a form that runs.

Every CharField and TextField of every curated model (each language's column of a
translated field included) is found through `_meta`, so a field added later is covered
without a change here. Each gets a script, an attribute breakout and an event handler,
led by a spreadsheet formula. Text is saved through `full_clean()`, which must accept it
as it was typed; every address field must refuse javascript:, vbscript: and data:
addresses, which are then saved past validation, as an old row or a raw database write
would be. The page cache stays on, as in production.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook

from cases import search
from cases.csvsafe import is_formula
from cases.models import (
    Case,
    ClimateGoal,
    Commitment,
    Funding,
    Indicator,
    KeyFigure,
    Measurement,
    Milestone,
    Party,
    Source,
    Theme,
)
from community.models import Contact
from feedback.models import ServiceContact
from glossary.models import Term
from networks.models import CityRegion, Network, NetworkSource, Organisation, PublicationState
from tests.factories import case_fields, shared_content
from tests.sitemaps import sitemap_pages

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]


@pytest.fixture(autouse=True)
def as_served(settings):
    """Pages as the public is served them, through the page cache; many exports from one
    test client (the limit has tests of its own)."""
    settings.PAGE_CACHE = True
    settings.EXPORT_RATE = "1000000/minute"


HTML = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)"]
FORMULAS = [
    '=HYPERLINK("http://x","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
]
UNSAFE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
# Attributes a browser follows or loads as an address.
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}
# Themes are not here: their names are the interface's own, not stored text.
CURATED = [
    Case,
    Source,
    KeyFigure,
    Milestone,
    Funding,
    Commitment,
    Indicator,
    Measurement,
    ClimateGoal,
    CityRegion,
    Organisation,
    Network,
    NetworkSource,
    Term,
    Contact,
    ServiceContact,
]

# What holds text but is never shown to the public: what members send (tests/
# test_draft_sweep.py proves proposals stay hidden), words noted for search, the version.
NEVER_SHOWN = {
    "community.proposal",
    "community.subscription",
    "feedback.feedbackmessage",
    "cases.searchword",
    "publishing.contentversion",
}
APPS = ["cases", "networks", "glossary", "community", "feedback", "publishing"]

_turn = iter(range(10**6))
_refusals_checked = set()


def text_fields(model):
    """The free-text fields of `model`: what a curator types, in every language."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, (models.CharField, models.TextField))
        and field.concrete
        and field.editable
        and not field.choices
        and not isinstance(field, (models.SlugField, models.EmailField, models.URLField))
    ]


def address_fields(model):
    return [field for field in model._meta.get_fields() if isinstance(field, models.URLField)]


def hostile(field):
    """A formula, then as many of the HTML payloads as the field's length allows, numbered
    (some text fields are unique)."""
    n = next(_turn)
    prefix = FORMULAS[n % len(FORMULAS)]
    limit = field.max_length or 10_000
    bodies = ["".join(HTML), *(HTML[(n + k) % len(HTML)] for k in range(len(HTML)))]
    for text in [f"{prefix}{body} {n}" for body in bodies] + [f"{body} {n}" for body in HTML]:
        if len(text) <= limit:
            return text
    raise AssertionError(f"No payload fits {field}")


def store(obj, url=UNSAFE_URLS[0]):
    """Fill every text field of `obj` with hostile text and save it through validation;
    then give every address field `url`, which validation must refuse, and save that past
    it."""
    model = type(obj)
    for field in text_fields(model):
        setattr(obj, field.attname, hostile(field))
    for field in address_fields(model):
        setattr(obj, field.attname, "https://example.org/safe")
    obj.full_clean()
    obj.save()
    for field in address_fields(model):
        for bad in [] if model in _refusals_checked else UNSAFE_URLS:
            setattr(obj, field.attname, bad)
            with pytest.raises(ValidationError) as refused:
                obj.full_clean(validate_unique=False, validate_constraints=False)
            assert field.name in refused.value.error_dict, (model.__name__, field.name, bad)
        setattr(obj, field.attname, url)
    _refusals_checked.add(model)
    if address_fields(model):
        obj.save()
    return obj


def build():
    region = store(CityRegion(slug="hostile-region", country="SE", latitude=59, longitude=18))
    party = store(
        Organisation(
            slug="hostile-party",
            kind=Organisation.Kind.MUNICIPALITY,
            level=Organisation.Level.MUNICIPAL,
        )
    )
    goal = store(ClimateGoal(slug="hostile-goal"))
    networks = []
    for i, url in enumerate(UNSAFE_URLS):
        network = store(Network(slug=f"hostile-network-{i}", kind=Network.Kind.NORDIC), url=url)
        network.state = PublicationState.PUBLISHED
        network.save()
        store(NetworkSource(network=network), url=url)
        networks.append(network)
    cases = []
    for slug in ["hostile-a", "hostile-b"]:
        with search.refreshed_once():
            fields = case_fields(slug=slug, country="SE", start_year=2020)
            case = store(Case(**fields))
            case.themes.set(Theme.objects.all())
            case.regions.set([region])
            case.networks.set(networks)
            case.parties.set([party])
            case.goals.set([goal])
            for url in UNSAFE_URLS:
                store(Source(case=case), url=url)
                contact = Contact(case=case, consent_given_at=date(2026, 1, 1))
                store(contact, url=url)
            store(KeyFigure(case=case, year=2020))
            store(Milestone(case=case, year=2021))
            store(
                Funding(
                    case=case,
                    payer_kind=Party.STATE,
                    amount=1_000_000_000,
                    currency="NOK",
                    purpose=Funding.Purpose.PUBLIC_TRANSPORT,
                    from_case_sources=True,
                )
            )
            store(
                Commitment(
                    case=case,
                    party_kind=Party.MUNICIPAL,
                    kind=Commitment.Kind.DENSIFY_HUBS,
                    from_case_sources=True,
                )
            )
            indicator = store(
                Indicator(
                    case=case,
                    goal=goal,
                    direction=Indicator.Direction.DOWN,
                    baseline_value=100,
                    baseline_year=2015,
                    target_value=80,
                    target_year=2030,
                    from_case_sources=True,
                )
            )
            store(Measurement(indicator=indicator, year=2020, value=90))
        cases.append(case)
    term = Term(slug="hostile-term", language="no", country="NO")
    store(term)
    term.state = PublicationState.PUBLISHED
    term.save()
    term.cases.set(cases)
    contact = ServiceContact.objects.current()
    contact.prepared_on = contact.prepared_on or date(2026, 1, 1)
    contact.updated_on = contact.updated_on or date(2026, 1, 1)
    store(contact)
    return {"cases": cases, "region": region, "goal": goal, "networks": networks}


content = shared_content(build)


class Scan(HTMLParser):
    """What a browser would run or follow in a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.scripts = []  # (type, text) of each <script>
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in ADDRESS_ATTRIBUTES and unsafe_address(value):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self._script = (dict(attrs).get("type") or "", [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            kind, parts = self._script
            self.scripts.append((kind, "".join(parts)))
            self._script = None


def unsafe_address(value):
    """Whether a browser would take `value` as a javascript:, vbscript: or data: address:
    it ignores spaces and control characters before the scheme and tabs and newlines in it."""
    return re.sub(r"[\x00-\x20]", "", value or "").casefold().startswith(UNSAFE_SCHEMES)


def assert_safe_html(response, shows=True):
    """The page shows the payloads (escaped), if `shows`, and nothing of them runs."""
    assert response.status_code == 200, response.status_code
    text = response.content.decode()
    assert "alert(1)" in text or not shows, "the hostile content is not on the page"
    assert "<script>alert(1)" not in text.lower()
    scan = Scan()
    scan.feed(text)
    scan.close()
    assert scan.problems == []
    for kind, script in scan.scripts:
        assert "alert(1)" not in script or kind == "application/ld+json", script
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', text, flags=re.DOTALL
    )
    for block in blocks:
        assert "<" not in block and ">" not in block, block
        assert [text for text in walk(json.loads(block)) if unsafe_address(text)] == []
    return blocks


def html_pages(content):
    a, b = (case.slug for case in content["cases"])
    pages = [
        reverse("home"),
        reverse("cases:list"),
        reverse("cases:list") + "?q=alert",
        reverse("cases:compare") + f"?case={a}&case={b}",
        reverse("cases:compare") + f"?case={a}&find=alert",
        reverse("cases:report"),
        reverse("cases:report") + f"?case={a}",
        reverse("cases:brief"),
        reverse("cases:brief") + f"?case={b}",
        reverse("cases:goal-list"),
        content["goal"].get_absolute_url(),
        reverse("networks:list"),
        *(network.get_absolute_url() for network in content["networks"]),
        reverse("networks:region-list"),
        content["region"].get_absolute_url(),
        reverse("glossary:list"),
        reverse("accessibility"),
    ]
    for language in ["", "/sv", "/en"]:
        pages += [language + case.get_absolute_url() for case in content["cases"]]
        pages.append(language + reverse("home"))
    return pages


def test_hostile_text_is_accepted_by_validation_and_shown_escaped(client, content):
    unsafe = {}
    for page in html_pages(content):
        try:
            assert_safe_html(client.get(page))
        except AssertionError as error:
            unsafe[page] = str(error)[:300]
    assert unsafe == {}


def test_pages_that_do_not_show_the_content_are_safe_as_well(client, content):
    """Forms and pages around the content: whatever of it they show (a contact's name in
    the feedback form) does not run."""
    for page in [reverse("feedback:form"), reverse("about"), reverse("community:propose")]:
        assert_safe_html(client.get(page), shows=False)


def test_every_model_with_text_is_filled_with_hostile_text(content):
    """Guards the sweep itself: a model added later with text in it must be filled here or
    named as never shown; each language's column of a translated field is filled."""
    with_text = {
        model._meta.label_lower
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if text_fields(model) and not model.__name__.startswith("Historical")
    }
    assert with_text - NEVER_SHOWN == {model._meta.label_lower for model in CURATED}
    names = {field.name for field in text_fields(Case)}
    assert {"title_fi", "title_sv", "title_en", "summary_fi", "original_name"} <= names
    case = Case.objects.get(slug="hostile-a")
    assert all("alert(1)" in getattr(case, f.attname) for f in text_fields(Case))
    assert Source.objects.filter(case=case, url__startswith="java\tscript:").exists()


def test_the_case_page_json_ld_holds_the_text_escaped_for_a_script_element(client, content):
    case = content["cases"][0]
    blocks = assert_safe_html(client.get(case.get_absolute_url()))
    assert blocks, "no JSON-LD on the case page"
    values = [text for block in blocks for text in walk(json.loads(block))]
    assert case.title_en in values


def test_the_feed_is_well_formed_and_carries_the_text_as_text(client, content):
    for language in ["", "/en"]:
        response = client.get(language + reverse("cases:feed"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        ns = {"atom": "http://www.w3.org/2005/Atom"}
        titles = [e.text for e in root.findall("atom:entry/atom:title", ns)]
        assert any("<script>alert(1)</script>" in title for title in titles)
        for summary in root.findall("atom:entry/atom:summary", ns):
            # An html summary is parsed as HTML by the reader: the payload must be text in it.
            html = summary.text or ""
            if summary.get("type") == "html":
                assert "<script" not in html and "<img" not in html, html
            assert "alert(1)" in html
        for link in root.iter("{http://www.w3.org/2005/Atom}link"):
            assert not unsafe_address(link.get("href"))


def test_the_sitemap_is_well_formed_and_lists_no_unsafe_address(client, content):
    for page in [reverse("sitemap"), *sitemap_pages(client)]:
        root = ET.fromstring(client.get(page).content)
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            assert urlsplit(loc.text).scheme in ("http", "https")


def csv_cells(response):
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


@pytest.mark.parametrize("language", ["", "/en"])
def test_csv_cells_that_look_like_formulas_are_neutralised(client, content, language):
    cells = csv_cells(client.get(language + reverse("cases:export-csv")))
    assert [cell for cell in cells if is_formula(cell)] == []
    assert any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert any(cell.startswith("'\t=1+1") or cell.startswith("'\r=1+1") for cell in cells)


def test_xlsx_cells_are_text_never_formulas(client, content):
    response = client.get(reverse("cases:export-xlsx"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    formulas, unmarked, hostile_cells = [], [], 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas.append(cell.coordinate)
                if isinstance(cell.value, str) and is_formula(cell.value):
                    hostile_cells += 1
                    if not cell.quotePrefix:
                        unmarked.append((sheet.title, cell.coordinate, cell.value))
    assert formulas == [] and unmarked == []
    assert hostile_cells > 0


def walk(data):
    """Every string in a JSON document, keys aside."""
    if isinstance(data, dict):
        for value in data.values():
            yield from walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from walk(value)
    elif isinstance(data, str):
        yield data


def api_addresses(content):
    a = content["cases"][0].slug
    return [
        reverse("api:root"),
        reverse("api:case-list"),
        reverse("api:case-list") + "?q=alert",
        reverse("api:case-detail", args=[a]),
        reverse("api:network-list"),
        reverse("api:network-detail", args=[content["networks"][0].slug]),
        reverse("api:region-list"),
        reverse("api:region-detail", args=[content["region"].slug]),
        reverse("api:goal-list"),
        reverse("api:goal-detail", args=[content["goal"].slug]),
        reverse("api:theme-list"),
        reverse("api:term-list"),
        reverse("api:term-detail", args=["hostile-term"]),
    ]


def test_json_responses_carry_the_text_but_no_unsafe_address(client, content):
    """The API and the DCAT catalogue: JSON served as JSON, so the text is data; and an
    address a client would make a link of is never javascript: or the like."""
    addresses = [*api_addresses(content), reverse("catalog")]
    unsafe = {}
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Type"].split(";")[0] in (
            "application/json",
            "application/ld+json",
        )
        assert response.get("X-Content-Type-Options") == "nosniff"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        strings = list(walk(json.loads(body)))
        bad = [s for s in strings if s.startswith(("javascript", "vbscript", "data:"))]
        bad += [s for s in strings if unsafe_address(s) and not s.startswith(UNSAFE_SCHEMES)]
        if bad:
            unsafe[address] = bad[:3]
    assert unsafe == {}


def test_the_json_export_is_a_download_never_read_as_a_page(client, content):
    """The fixture export keeps the rows as stored (the validating loaddata refuses a bad
    address when it is loaded); it is served so that no browser renders it."""
    response = client.get(reverse("cases:export-json"))
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment")
    assert response.get("X-Content-Type-Options") == "nosniff"
    data = json.loads(b"".join(response.streaming_content))
    assert any("<script>alert(1)</script>" in text for text in walk(data))
