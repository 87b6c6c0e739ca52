"""Generated query strings on every endpoint that reads the /cases/ parameters or an API
list's: whatever a client sends, never a server error.

The query string is built by hand and handed to the view as the WSGI server would
(QUERY_STRING, its bytes as latin-1), so malformed percent-encoding, raw bytes that are not
UTF-8, NUL and control characters reach Django untouched. Each example sends one query
string to each endpoint; the run is derandomized, so CI sends the same ones every time.
"""

from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.models import Party
from tests.factories import (
    make_case,
    make_commitment,
    make_funding,
    make_goal,
    make_indicator,
    make_key_figure,
    make_network,
    make_region,
    make_term,
    shared_content,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("content")]

ENDPOINTS = [
    "/cases/",
    "/en/cases/",
    "/en/cases/report/",
    "/cases/brief/",
    "/en/cases/feed/",
    "/cases/compare/",
    "/api/v1/cases/",
    "/api/v1/networks/",
    "/api/v1/regions/",
    "/api/v1/goals/",
    "/api/v1/themes/",
    "/api/v1/glossary/",
]
# The file exports cost the most (a workbook is a workbook, whatever its rows): an example
# sends to one of them in turn, and to each of the endpoints above.
FILES = ["/sv/cases/export.csv", "/en/cases/export.xlsx", "/cases/export.json"]
EXAMPLES = 160  # a query string to each of 13 endpoints an example: 2,080 requests
KNOWN_KEYS = [
    "q",
    "page",
    "sort",
    "country",
    "theme",
    "goal",
    "network",
    "region",
    "level",
    "instrument",
    "status",
    "pays_for",
    "target",
    "case",
    "year_from",
    "year_to",
    "format",
    "find",
    "reply",
    "lang",
    "language",
]
KNOWN_VALUES = [
    "SE",
    "FI",
    "NO",
    "transport",
    "housing",
    "fuzz-goal",
    "fuzz-region",
    "fuzz-network",
    "fuzz-case-1",
    "fuzz-case-2",
    "agreement",
    "state",
    "municipal",
    "public_transport",
    "ongoing",
    "relevance",
    "newest",
    "title",
    "start",
    "json",
    "api",
    "0",
    "1",
    "2",
    "-1",
    "2020",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "",
]
SEARCH_SYNTAX = ['"', "'", "(", ")", "-", "*", ":", " OR ", " AND ", "&", "%", "+", "=", "#"]
# Astral (emoji, a CJK extension), right-to-left (Arabic, Hebrew, the RLO override),
# a combining mark, zero-width characters, the byte-order mark, the replacement sign and
# a noncharacter.
ODD_CHARACTERS = ["😀", "𠜎", "𝔘", "مرحبا", "עברית", "\u202e", "\u200f", "\u0301", "\u200b"]
ODD_CHARACTERS += ["\ufeff", "\ufffd", "\uffff", "Ω", "ÅÄÖ"]
# Control characters and NUL, percent-encoded by most encodings below.
ODD_CHARACTERS += ["\x00", "\x01", "\x08", "\x1b", "\x7f", "\r\n", "\x85", "\u2028"]
MALFORMED = ["%", "%%", "%Z", "%1", "%ZZ", "%E2%82", "%C3", "%FF%FE", "%ED%A0%80", "%C0%AF"]
CONTROLS = ["%00", "%01", "%0A", "%0D", "%1B", "%7F", "%C2%85", "%09"]
# Bytes a careless client sends unencoded; the server hands them over as latin-1.
RAW_BYTES = ["\xff", "\xe4", "\xc3\xa4", "\x80", " ", '"', "<", ">", "\\", "^", "`", "{", "|"]

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
known = st.sampled_from(KNOWN_VALUES)
number = st.integers(-(10**30), 10**30).map(str)
# Known values weigh more than noise, so that many queries get past the parsing and reach
# the filters, the search, the ordering and the pagination.
pieces = st.one_of(
    known, known, number, st.sampled_from(SEARCH_SYNTAX), st.sampled_from(ODD_CHARACTERS), text
)
value = st.one_of(st.just(""), st.lists(pieces, min_size=1, max_size=6).map("".join))
# The search, the page, the order and the exact selection are read by every endpoint.
busy_key = st.sampled_from(["q", "page", "sort", "case", "country"])
known_key = st.sampled_from(KNOWN_KEYS)
key = st.one_of(busy_key, busy_key, known_key, known_key, text, st.sampled_from(SEARCH_SYNTAX))


def raw(characters):
    """A text's UTF-8 bytes as the latin-1 characters a WSGI server passes on."""
    return characters.encode("utf-8").decode("latin-1")


ENCODINGS = {
    "percent": lambda part: quote(part, safe=""),
    "plus": lambda part: quote(part, safe="").replace("%20", "+"),
    "lenient": lambda part: quote(part, safe="()*:'\"-,!$~@/?;"),
    "raw": raw,
}


@st.composite
def encoded(draw, part):
    """`part` encoded one way or another, with a malformed or control escape now and then."""
    how = draw(st.sampled_from(sorted(ENCODINGS)))
    done = ENCODINGS[how](draw(part))
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(done)))
        odd = draw(st.sampled_from(MALFORMED + CONTROLS + RAW_BYTES))
        done = done[:at] + odd + done[at:]
    return done


@st.composite
def huge(draw):
    """A pair whose value is 10-100 kB once encoded: a piece repeated, cut at that size
    (perhaps in the middle of an escape)."""
    size = draw(st.integers(10_000, 100_000))
    piece = draw(encoded(st.lists(pieces, min_size=1, max_size=3).map("".join)))
    name = draw(encoded(st.one_of(busy_key, key)))
    return name + "=" + ((piece or "x") * size)[:size]


@st.composite
def query_string(draw):
    """A query string of up to 12 pairs: known and random keys, repeated keys, pairs with no
    `=` or no key, empty pairs, and `&` or `;` between them; one in eight has a huge value,
    one in ten a key repeated hundreds of times."""
    pairs = []
    for _ in range(draw(st.integers(0, 12))):
        shape = draw(st.integers(0, 9))
        if shape == 0:
            pairs.append(draw(encoded(key)))  # no "="
        elif shape == 1:
            pairs.append("")  # "&&"
        elif shape == 2:
            pairs.append("=" + draw(encoded(value)))  # no key
        else:
            pairs.append(draw(encoded(key)) + "=" + draw(encoded(value)))
    if pairs and draw(st.booleans()):
        pairs += pairs[: draw(st.integers(1, len(pairs)))]  # the same keys again
    if draw(st.integers(0, 7)) == 0:
        pairs.insert(draw(st.integers(0, len(pairs))), draw(huge()))
    if draw(st.integers(0, 9)) == 0:  # one key many times, up to past the field limit
        name = draw(encoded(busy_key))
        start, many = draw(encoded(known)), draw(st.integers(50, 1200))
        pairs += [f"{name}={start}{n}" for n in range(many)]
    separator = draw(st.sampled_from(["&"] * 6 + [";", "&amp;"]))
    return separator.join(pairs)


def build():
    goal = make_goal(slug="fuzz-goal")
    region = make_region(slug="fuzz-region")
    network = make_network(slug="fuzz-network")
    cases = []
    for n, country in enumerate(["SE", "NO", "FI"], start=1):
        case = make_case(
            slug=f"fuzz-case-{n}",
            title=f"Fuzz case {n} tram corridor",
            country=country,
            themes=("transport", "housing"),
            goals=[goal],
            regions=[region],
            networks=[network],
        )
        make_funding(case)
        make_funding(case, payer_kind=Party.MUNICIPAL, amount=None, purpose="")
        make_commitment(case, goal=goal)
        make_indicator(case, goal=goal, measurements=[(2020, 90)])
        make_key_figure(case)
        cases.append(case)
    make_term(cases=cases)
    return cases


content = shared_content(build)


def read(response):
    """The whole body, so that a streamed export fails here if it fails at all."""
    return b"".join(response) if response.streaming else response.content


@override_settings(
    PAGE_CACHE=False,
    EXPORT_RATE="1000000/minute",
    REST_FRAMEWORK={
        **django_settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    },
)
def test_no_generated_query_string_gives_a_server_error(client):
    sent = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.sampled_from(FILES), st.tuples(*[query_string() for _ in range(len(ENDPOINTS) + 1)]))
    def examples(file, queries):
        for path, query in zip([*ENDPOINTS, file], queries, strict=True):
            response = client.get(path, QUERY_STRING=query)
            read(response)
            sent.append(path)
            # A 429 would mean the view was not reached; 4xx for bad input is fine.
            assert response.status_code < 500 and response.status_code != 429, (path, query[:500])

    examples()
    print(f"{len(sent)} query strings sent")
    assert len(sent) >= 2000
