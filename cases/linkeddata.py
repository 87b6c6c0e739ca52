"""A case page's description in schema.org JSON-LD, for search engines and harvesters.

The type is `CreativeWork`, not `Article`: a case page is a curated reference entry that is
revised as the case goes on (it has a "last verified" date, not a dateline), and it has no
author, image or headline of the kind Article consumers (news and blog rich results)
expect. CreativeWork says what it is without promising more.

Everything here is read from what `Case.objects.for_detail()` has already prefetched for
the page (regions, parties, published networks and glossary terms, sources, themes and
goals), so the description costs no query; a draft case's preview carries its own texts,
but the relations it reads are already narrowed to published networks and terms.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from networks.models import Country
from publishing import licence
from publishing.translation import LANGUAGES, active_language

SCHEMA = "https://schema.org"
PUBLISHER_NAME = "MAL Nordic"

# What must not appear literally inside a <script> element: "</script>" or "<!--" would
# end or confuse it, and "&" matters to XHTML readers. Escaped as JSON \u sequences, the
# parsed value is the same (the escapes Django's json_script filter uses). Replaced one by
# one: str.translate with a mapping costs a dictionary lookup per character (1.7 ms for a
# case page's 5.5 kB, against 0.01 ms).
_SCRIPT_ESCAPES = [
    ("<", "\\u003C"),
    (">", "\\u003E"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
]


def language_tagged(obj, name):
    """A translated field as JSON-LD language-tagged values: only the languages it has."""
    values = []
    for code in LANGUAGES:
        text = getattr(obj, f"{name}_{code}", "")
        if text:
            values.append({"@value": text, "@language": code})
    return values


def in_every_language(label):
    """An interface label (a lazy translation) as language-tagged values."""
    values = []
    for code in LANGUAGES:
        with translation.override(code):
            values.append({"@value": str(label), "@language": code})
    return values


def temporal_coverage(start, end):
    """ISO 8601 interval of years, open ends written "..": "2019/2029", "2019/..", or
    None when neither year is known."""
    if start is None and end is None:
        return None
    return f"{start or '..'}/{end or '..'}"


def publisher(absolute):
    return {
        "@type": "Organization",
        "name": PUBLISHER_NAME,
        "url": absolute(reverse("home")),
    }


def _place(region, absolute):
    return {
        "@type": "Place",
        "name": language_tagged(region, "name"),
        "url": absolute(region.get_absolute_url()),
        "geo": {
            "@type": "GeoCoordinates",
            "latitude": region.latitude,
            "longitude": region.longitude,
        },
    }


def _country(code):
    return {
        "@type": "Country",
        "name": in_every_language(Country(code).label),
        "identifier": code,
    }


def _goal(goal, absolute):
    return {
        "@type": "DefinedTerm",
        "name": language_tagged(goal, "name"),
        "termCode": goal.slug,
        "url": absolute(goal.get_absolute_url()),
        "inDefinedTermSet": absolute(reverse("cases:goal-list")),
    }


def _theme(theme, absolute):
    return {
        "@type": "DefinedTerm",
        "name": in_every_language(theme.name),
        "termCode": theme.slug,
        "url": absolute(theme.get_absolute_url()),
        "inDefinedTermSet": "MALPE",
    }


def _organisation(party):
    described = {"@type": "Organization", "name": party.name}
    if party.name_en and party.name_en != party.name:
        described["alternateName"] = {"@value": party.name_en, "@language": "en"}
    if party.country:
        described["address"] = {"@type": "PostalAddress", "addressCountry": party.country}
    return described


def _network(network, absolute):
    return {
        "@type": "Organization",
        "name": language_tagged(network, "name"),
        "url": absolute(network.get_absolute_url()),
    }


def _term(term, absolute):
    return {
        "@type": "DefinedTerm",
        "name": language_tagged(term, "name"),
        "url": absolute(term.get_absolute_url()),
        "inDefinedTermSet": absolute(reverse("glossary:list")),
    }


def _source(source):
    cited = {"@type": "CreativeWork", "name": source.title}
    if source.language:
        cited["inLanguage"] = source.language
    if source.link:  # only http(s) addresses go out as links
        cited["url"] = source.link
    if source.publisher:
        cited["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.year:
        cited["datePublished"] = str(source.year)
    return cited


def _iso(moment):
    return moment.isoformat() if moment else None


def case_linked_data(case, request):
    """The schema.org description of `case` as a dict, for its page in the active language.

    `case` comes from `Case.objects.for_detail()`: its networks and terms are only the
    published ones, so nothing unpublished but the (previewed) case itself goes out.
    """
    absolute = request.build_absolute_uri
    url = absolute(case.get_absolute_url())
    data = {
        "@context": SCHEMA,
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "identifier": case.slug,
        # The page's language: the address says it (the texts may fall back to English,
        # and their own languages are tagged on name and description).
        "inLanguage": active_language(),
        "name": language_tagged(case, "title"),
        "description": language_tagged(case, "summary"),
        "dateCreated": _iso(case.created_at),
        "dateModified": _iso(case.updated_at),
        "datePublished": _iso(case.published_at),
        "temporalCoverage": temporal_coverage(case.start_year, case.end_year),
        "spatialCoverage": [_place(region, absolute) for region in case.regions.all()]
        + [_country(case.country)],
        "about": [_goal(goal, absolute) for goal in case.sorted_goals()]
        + [_theme(theme, absolute) for theme in case.themes.all()],
        "contributor": [_organisation(party) for party in case.parties.all()],
        "mentions": [_network(network, absolute) for network in case.networks.all()]
        + [_term(term, absolute) for term in case.terms.all()],
        "citation": [_source(source) for source in case.sources.all()],
        "license": licence.URL,
        "creditText": str(licence.ATTRIBUTION),
        "publisher": publisher(absolute),
        "isAccessibleForFree": True,
    }
    if case.original_name:
        data["alternateName"] = {"@value": case.original_name, "@language": case.language}
    return {key: value for key, value in data.items() if value not in (None, [])}


def script_json(data):
    """`data` as JSON that is safe inside a <script> element (no "</script>" can end it)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    for character, escape in _SCRIPT_ESCAPES:
        text = text.replace(character, escape)
    return mark_safe(text)


def json_ld_script(data):
    """A <script type="application/ld+json"> element holding `data`."""
    return format_html('<script type="application/ld+json">{}</script>', script_json(data))
