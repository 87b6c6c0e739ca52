"""Exports of a /cases/ selection: CSV, a Django fixture and a printable report.

Each takes the same query parameters as /cases/ and only ever holds published cases;
parameters the browse page would ignore are ignored here too. Exports are ordered by title,
whatever `sort` asks for: a file or a printed report reads best alphabetically.
"""

from operator import attrgetter

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from cases.csvsafe import encode_rows
from cases.filters import CaseFilter
from cases.fixture import fixture_chunks
from cases.models import Case
from networks.models import Network
from publishing.translation import localised

CSV_FILENAME = "mal-nordic-cases.csv"
JSON_FILENAME = "mal-nordic-cases.json"
REPORT_LIMIT = 200
CHUNK_SIZE = 500


def selection(request):
    """(filterset, the published cases the request's /cases/ parameters select, by title)."""
    filterset = CaseFilter(request.GET)
    return filterset, filterset.selected().order_by(localised("title"), "slug")


def with_facts(cases):
    """The cases with the related rows a CSV row or report page shows: one query each.

    Networks are the published ones only, so a draft network's name never reaches the
    public through a case.
    """
    public = Network.objects.published().order_by(localised("name"), "slug")
    return cases.prefetch_related(
        "themes",
        "goals",
        "regions",
        "parties",
        Prefetch("networks", queryset=public),
        "sources",
    ).with_money_and_targets()


def add_page_urls(request, cases):
    """The cases as a list, each with `page_url`: its page's absolute address in the current
    language."""
    cases = list(cases)
    for case in cases:
        case.page_url = request.build_absolute_uri(case.get_absolute_url())
    return cases


def attachment(content_type, filename, chunks):
    """A download streamed from `chunks`, so that its size does not weigh on memory."""
    return StreamingHttpResponse(
        chunks,
        content_type=content_type,
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def buffered(chunks, size=64 * 1024):
    """`chunks` (bytes) joined into pieces of about `size` bytes, for fewer writes."""
    piece, length = [], 0
    for chunk in chunks:
        piece.append(chunk)
        length += len(chunk)
        if length >= size:
            yield b"".join(piece)
            piece, length = [], 0
    if piece:
        yield b"".join(piece)


def joined(items):
    return "; ".join(str(item) for item in items)


# (header, value) per CSV column. The headers are a contract with people's scripts: keep
# them, and add new columns at the end. Labels are written in English (see csv_response).
COLUMNS = [
    ("slug", attrgetter("slug")),
    ("title", attrgetter("title")),
    ("original name", attrgetter("original_name")),
    ("country", Case.get_country_display),
    ("scale", Case.get_scale_display),
    ("instrument", Case.get_instrument_display),
    ("instrument detail", attrgetter("instrument_detail")),
    ("themes", lambda case: joined(case.themes.all())),
    ("climate goals", lambda case: joined(case.sorted_goals())),
    ("city regions", lambda case: joined(case.regions.all())),
    ("parties", lambda case: joined(case.parties.all())),
    ("networks", lambda case: joined(case.networks.all())),
    ("start year", attrgetter("start_year")),
    ("end year", attrgetter("end_year")),
    ("ongoing", lambda case: "yes" if case.is_ongoing else "no"),
    ("status", Case.get_status_display),
    ("status detail", attrgetter("status_note")),
    ("summary", attrgetter("summary")),
    ("challenge", attrgetter("challenge")),
    ("how it works", attrgetter("how_it_works")),
    ("climate goals in detail", attrgetter("climate_goals")),
    ("results", attrgetter("results")),
    ("lessons for Finland", attrgetter("lessons_for_finland")),
    ("evidence level", Case.get_evidence_level_display),
    ("evidence note", attrgetter("evidence_note")),
    ("last verified", lambda case: case.last_verified.isoformat() if case.last_verified else ""),
    ("sources", lambda case: joined(source.url for source in case.sources.all())),
    ("url", attrgetter("page_url")),
    (
        "funding",
        lambda case: joined(
            f"{row.payer_text}: {row.figure_text}"
            + (f" ({row.get_purpose_display()})" if row.purpose else "")
            for row in case.funding.all()
        ),
    ),
    (
        "commitments",
        lambda case: joined(
            f"{row.party.name if row.party_id else row.get_party_kind_display()}: {row.text}"
            for row in case.commitments.all()
        ),
    ),
    (
        "indicators and targets",
        lambda case: joined(
            f"{row.name}: {row.baseline_text} -> {row.target_text}"
            for row in case.indicators.all()
        ),
    ),
]


def csv_response(request, cases):
    """`cases` as a CSV attachment for Excel, by title: one row each, every cell formula-safe.

    Vocabulary labels (country, themes, status, …) are in English, like the headers and
    the case texts, so the columns read the same from every interface language; only the
    case page URLs follow the language of the request. Also used by the admin's export
    action, for cases in any publication state.
    """
    cases = with_facts(cases.order_by("title_en", "slug"))
    language = translation.get_language()

    def rows():
        yield [header for header, _value in COLUMNS]
        # Read in chunks with their links, row by row, while the file is being sent.
        for case in cases.iterator(chunk_size=CHUNK_SIZE):
            with translation.override(language):
                case.page_url = request.build_absolute_uri(case.get_absolute_url())
            with translation.override("en"):
                yield [value(case) for _header, value in COLUMNS]

    return attachment("text/csv; charset=utf-8", CSV_FILENAME, buffered(encode_rows(rows())))


@require_safe
def export_csv(request):
    """The selection as CSV (see csv_response)."""
    _filterset, cases = selection(request)
    return csv_response(request, cases)


@require_safe
def export_json(request):
    """The selection as a Django fixture with natural keys (see cases/fixture.py)."""
    _filterset, cases = selection(request)
    chunks = (text.encode() for text in fixture_chunks(cases, public=True))
    return attachment("application/json; charset=utf-8", JSON_FILENAME, buffered(chunks))


class ReportView(TemplateView):
    """The selection as a printable page: A4, one case a page, sources in full.

    At most REPORT_LIMIT cases, so that printing stays possible; the page says when the
    selection holds more.
    """

    template_name = "cases/report.html"

    def get_context_data(self, **kwargs):
        filterset, selected = selection(self.request)
        cases = with_facts(selected).prefetch_related("key_figures", "milestones")
        cases = list(cases[: REPORT_LIMIT + 1])
        # Counting only when the report is full spares a query in the usual case.
        total = len(cases) if len(cases) <= REPORT_LIMIT else selected.count()
        cases = add_page_urls(self.request, cases[:REPORT_LIMIT])
        query = filterset.query_string()
        return super().get_context_data(
            cases=cases,
            total=total,
            truncated=total > len(cases),
            selection=filterset.described(),
            today=timezone.localdate(),
            browse_url=self.request.build_absolute_uri(reverse("cases:list") + query),
            csv_url=reverse("cases:export-csv") + query,
            json_url=reverse("cases:export-json") + query,
            **kwargs,
        )
