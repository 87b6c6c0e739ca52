"""The knowledge base as open data: a DCAT-AP catalogue in JSON-LD at /catalog.jsonld.

One catalogue, one dataset (the published cases) and its four distributions: the CSV, the
spreadsheet, the JSON fixture and the API. Every property is written with its DCAT-AP
prefix and every address as a node (`{"@id": …}`), not as text, so that an RDF reader such
as CKAN's DCAT harvester (ckanext-dcat) takes them as the URIs DCAT-AP asks for. The
vocabularies are the EU's authority tables (data themes, countries, languages, file
types) and IANA's media types, as the Finnish and EU open-data portals expect.
"""

import json

from django.conf import settings
from django.db.models import Max
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from cases.models import Case
from cases.models.case import CASE_COUNTRIES
from feedback.models import ServiceContact
from publishing import licence
from publishing.translation import LANGUAGES

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
AUTHORITY = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
PUBLISHER_NAME = "MAL Nordic"

# The EU data themes of the cases: regions and cities, transport, and the environment
# (their climate goals).
THEMES = ["REGI", "TRAN", "ENVI"]
# ISO 3166-1 alpha-3, as the EU country authority names them.
COUNTRY_CODES = {"FI": "FIN", "SE": "SWE", "NO": "NOR", "DK": "DNK"}
LANGUAGE_CODES = {"fi": "FIN", "sv": "SWE", "en": "ENG"}

TITLE = _("MAL Nordic")
DESCRIPTION = _(
    "A knowledge base of Nordic cases of land use, housing and transport planned together "
    "in city regions, for Finnish city-region planners."
)
DATASET_TITLE = _("MAL Nordic cases")
DATASET_DESCRIPTION = _(
    "The published cases of MAL Nordic: instruments, parties, funding, commitments, "
    "climate goals, indicators and sources of Swedish, Norwegian, Danish and Finnish "
    "city-region cases."
)
KEYWORDS = [
    _("land use"),
    _("housing"),
    _("transport"),
    _("MAL"),
    _("MALPE"),
    _("city regions"),
    _("climate"),
    _("Nordic countries"),
]


def node(uri):
    return {"@id": uri}


def in_every_language(label):
    """An interface text (a lazy translation) as language-tagged values, one a language."""
    values = []
    for code in LANGUAGES:
        with translation.override(code):
            values.append({"@value": str(label), "@language": code})
    return values


def date_time(moment):
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def last_change():
    """When a published case last changed: the catalogue's and the dataset's `modified`.
    A draft's save changes nothing public, so it does not count."""
    return Case.objects.published().aggregate(latest=Max("updated_at"))["latest"]


def contact_point():
    """The service's contact (feedback/models.py), or None while it has no details."""
    contact = ServiceContact.objects.current()
    if not (contact.coordinator_name or contact.coordinator_email):
        return None
    point = {"@type": "vcard:Organization", "vcard:fn": contact.coordinator_name or TITLE}
    if contact.coordinator_email:
        point["vcard:hasEmail"] = node(f"mailto:{contact.coordinator_email}")
    return point


def distribution(absolute, uri, *, title, path, media_type, file_type, download=True):
    described = {
        "@id": uri,
        "@type": "dcat:Distribution",
        "dct:title": in_every_language(title),
        "dcat:accessURL": node(absolute(path)),
        "dcat:mediaType": node(IANA + media_type),
        "dct:format": node(f"{AUTHORITY}file-type/{file_type}"),
        "dct:license": node(licence.URL),
    }
    if download:
        described["dcat:downloadURL"] = node(absolute(path))
    return described


def catalogue(request):
    """The catalogue as a JSON-LD dict; addresses absolute, on the request's host."""
    absolute = request.build_absolute_uri
    # The catalogue is outside the language prefixes: its addresses are the Finnish
    # (unprefixed) ones whatever language the visitor's browser asks for.
    with translation.override(settings.LANGUAGE_CODE):
        home = absolute(reverse("home"))
        landing = absolute(reverse("cases:list"))
        own = absolute(reverse("catalog"))
        json_path = reverse("cases:export-json")
    with translation.override("en"):
        csv_path = reverse("cases:export-csv")
    # Being built alongside the catalogue: linked by their agreed addresses.
    xlsx_path, api_path, api_schema_path = "/cases/export.xlsx", "/api/v1/", "/api/v1/schema/"

    publisher = {"@id": f"{home}#publisher", "@type": "foaf:Organization"}
    publisher.update({"foaf:name": PUBLISHER_NAME, "foaf:homepage": node(home)})
    languages = [node(f"{AUTHORITY}language/{LANGUAGE_CODES[code]}") for code in LANGUAGES]
    service = {
        "@id": f"{own}#api",
        "@type": "dcat:DataService",
        "dct:title": in_every_language(_("MAL Nordic API")),
        "dcat:endpointURL": node(absolute(api_path)),
        "dcat:endpointDescription": node(absolute(api_schema_path)),
        "dcat:servesDataset": node(f"{own}#cases"),
        "dct:license": node(licence.URL),
        "dct:publisher": node(publisher["@id"]),
    }
    api = distribution(
        absolute,
        f"{own}#api-distribution",
        title=_("The read-only API"),
        path=api_path,
        media_type="application/json",
        file_type="JSON",
        download=False,
    )
    api["dcat:accessService"] = node(service["@id"])
    dataset = {
        "@id": f"{own}#cases",
        "@type": "dcat:Dataset",
        "dct:identifier": "mal-nordic-cases",
        "dct:title": in_every_language(DATASET_TITLE),
        "dct:description": in_every_language(DATASET_DESCRIPTION),
        "dcat:keyword": [value for word in KEYWORDS for value in in_every_language(word)],
        "dcat:theme": [node(f"{AUTHORITY}data-theme/{theme}") for theme in THEMES],
        "dct:spatial": [
            node(f"{AUTHORITY}country/{COUNTRY_CODES[country]}") for country in CASE_COUNTRIES
        ],
        "dct:language": languages,
        "dct:publisher": node(publisher["@id"]),
        "dct:license": node(licence.URL),
        "dct:accessRights": node(f"{AUTHORITY}access-right/PUBLIC"),
        "dcat:landingPage": node(landing),
        "dcat:distribution": [
            distribution(
                absolute,
                f"{own}#csv",
                title=_("Cases as CSV"),
                path=csv_path,
                media_type="text/csv",
                file_type="CSV",
            ),
            distribution(
                absolute,
                f"{own}#xlsx",
                title=_("Cases as a spreadsheet (XLSX)"),
                path=xlsx_path,
                media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                file_type="XLSX",
            ),
            distribution(
                absolute,
                f"{own}#json",
                title=_("Cases as JSON"),
                path=json_path,
                media_type="application/json",
                file_type="JSON",
            ),
            api,
        ],
    }
    catalog = {
        "@context": CONTEXT,
        "@id": own,
        "@type": "dcat:Catalog",
        "dct:title": in_every_language(TITLE),
        "dct:description": in_every_language(DESCRIPTION),
        "dct:publisher": publisher,
        "foaf:homepage": node(home),
        "dct:language": languages,
        "dct:license": node(licence.URL),
        "dcat:dataset": [dataset],
        "dcat:service": [service],
    }
    point = contact_point()
    if point:
        dataset["dcat:contactPoint"] = point
    modified = last_change()
    if modified:
        catalog["dct:modified"] = dataset["dct:modified"] = date_time(modified)
    return catalog


@require_safe
def catalog(request):
    """/catalog.jsonld: the DCAT-AP catalogue, UTF-8 JSON-LD."""
    body = json.dumps(catalogue(request), ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type="application/ld+json; charset=utf-8")
