"""Exports of a /cases/ selection: CSV, XLSX, a Django fixture, a printable report and a
one-page-per-case brief.

Each takes the same query parameters as /cases/ (also `case=<slug>`, an exact selection)
and only ever holds published cases; parameters the browse page would ignore are ignored
here too. Exports are ordered by title, whatever `sort` asks for: a file or a printed report
reads best alphabetically. Every export response names the content licence in a `Link`
header. One address gets at most EXPORT_RATE exports of any kind a window (429 after that,
publishing/ratelimit.py).

The CSV and the XLSX follow the page's language (the URL's language prefix: unprefixed is
Finnish): headers, vocabulary labels and case texts (English where a text has no
translation). The English CSV, /en/cases/export.csv, is the stable machine-readable one:
its headers, separator and values stay as they are (see COLUMNS).
"""

import re
import tempfile
from decimal import Decimal
from operator import attrgetter

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cases import compare
from cases.csvsafe import encode_rows, is_formula
from cases.filters import CaseFilter
from cases.fixture import fixture_chunks
from cases.models import Case, Commitment, Funding, Party
from networks.models import Network
from publishing import licence
from publishing.ratelimit import limit_export
from publishing.translation import localised

CSV_FILENAME = "mal-nordic-cases.csv"
XLSX_FILENAME = "mal-nordic-cases.xlsx"
JSON_FILENAME = "mal-nordic-cases.json"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REPORT_LIMIT = 200
CHUNK_SIZE = 500
LICENCE_LINK = f'<{licence.URL}>; rel="license"'
# The separator Excel expects from a CSV file in each language's regional settings: a
# decimal comma makes the list separator a semicolon.
CSV_DELIMITERS = {"fi": ";", "sv": ";", "en": ","}


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
        headers={
            "Content-Disposition": content_disposition_header(True, filename),
            "Link": LICENCE_LINK,
        },
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


def funding_text(case):
    return joined(
        f"{row.payer_text}: {row.figure_text}"
        + (f" ({row.get_purpose_display()})" if row.purpose else "")
        for row in case.funding.all()
    )


def commitments_text(case):
    return joined(f"{row.party_text}: {row.text}" for row in case.commitments.all())


# (header, label, value) per column of the CSV and the XLSX's cases sheet. The headers
# are the English CSV's, a contract with people's scripts: keep them, and add new columns
# at the end. The labels are the headers in the other languages (and in the XLSX).
COLUMNS = [
    ("slug", _("Identifier"), attrgetter("slug")),
    ("title", _("Title"), attrgetter("title")),
    ("original name", _("Original name"), attrgetter("original_name")),
    ("country", _("Country"), Case.get_country_display),
    ("scale", _("Scale"), Case.get_scale_display),
    ("instrument", _("Instrument"), Case.get_instrument_display),
    ("instrument detail", _("Instrument in detail"), attrgetter("instrument_detail")),
    ("themes", _("MALPE themes"), lambda case: joined(case.themes.all())),
    ("climate goals", _("Climate goals"), lambda case: joined(case.sorted_goals())),
    ("city regions", _("City regions"), lambda case: joined(case.regions.all())),
    ("parties", _("Parties"), lambda case: joined(case.parties.all())),
    ("networks", _("Networks"), lambda case: joined(case.networks.all())),
    ("start year", _("Start year"), attrgetter("start_year")),
    ("end year", _("End year"), attrgetter("end_year")),
    ("ongoing", _("Ongoing"), lambda case: gettext("yes") if case.is_ongoing else gettext("no")),
    ("status", _("Status"), Case.get_status_display),
    ("status detail", _("Status in detail"), attrgetter("status_note")),
    ("summary", _("Summary"), attrgetter("summary")),
    ("challenge", _("Challenge"), attrgetter("challenge")),
    ("how it works", _("How it works"), attrgetter("how_it_works")),
    ("climate goals in detail", _("Climate goals in detail"), attrgetter("climate_goals")),
    ("results", _("Results"), attrgetter("results")),
    ("lessons for Finland", _("Lessons for Finland"), attrgetter("lessons_for_finland")),
    ("evidence level", _("Evidence level"), Case.get_evidence_level_display),
    ("evidence note", _("Evidence note"), attrgetter("evidence_note")),
    (
        "last verified",
        _("Last verified"),
        lambda case: case.last_verified.isoformat() if case.last_verified else "",
    ),
    (
        "sources",
        _("Sources"),
        lambda case: joined(source.url for source in case.sources.all()),
    ),
    ("url", _("Case page"), attrgetter("page_url")),
    ("funding", _("Funding"), funding_text),
    ("commitments", _("Commitments"), commitments_text),
    (
        "indicators and targets",
        _("Indicators and targets"),
        lambda case: joined(
            f"{row.name}: {row.baseline_text} -> {row.target_text}"
            for row in case.indicators.all()
        ),
    ),
]
# The columns of long texts, given wide columns in the XLSX.
LONG_TEXTS = {"summary", "challenge", "how it works", "climate goals in detail", "results"}
LONG_TEXTS |= {"lessons for Finland", "evidence note", "funding", "commitments"}
LONG_TEXTS |= {"indicators and targets", "sources", "parties"}


def headers(language):
    """The CSV's header row in `language`: the contract's English headers for English."""
    if language == "en":
        return [header for header, _label, _value in COLUMNS]
    with translation.override(language):
        return [str(label) for _header, label, _value in COLUMNS]


def page_language():
    """The language of the request's page, one the exports are written in."""
    language = translation.get_language()
    return language if language in CSV_DELIMITERS else "en"


def csv_response(request, cases):
    """`cases` as a CSV attachment for Excel, by title: one row each, every cell formula-safe.

    In the page's language throughout: headers, vocabulary labels (country, themes,
    status, …), yes/no and the case texts (English where a text has no translation), with
    the separator Excel expects in that language (CSV_DELIMITERS). The English file keeps
    the headers, values and commas it has always had, for scripts. Also used by the
    admin's export action, for cases in any publication state.
    """
    language = page_language()
    with translation.override(language):
        cases = with_facts(cases.order_by(localised("title"), "slug"))

    def rows():
        yield headers(language)
        # Read in chunks with their links, row by row, while the file is being sent.
        for case in cases.iterator(chunk_size=CHUNK_SIZE):
            with translation.override(language):
                case.page_url = request.build_absolute_uri(case.get_absolute_url())
                yield [value(case) for _header, _label, value in COLUMNS]

    chunks = encode_rows(rows(), delimiter=CSV_DELIMITERS[language])
    return attachment("text/csv; charset=utf-8", CSV_FILENAME, buffered(chunks))


@require_safe
@limit_export()
def export_csv(request):
    """The selection as CSV (see csv_response)."""
    _filterset, cases = selection(request)
    return csv_response(request, cases)


@require_safe
@limit_export()
def export_json(request):
    """The selection as a Django fixture with natural keys (see cases/fixture.py)."""
    _filterset, cases = selection(request)
    chunks = (text.encode() for text in fixture_chunks(cases, public=True))
    return attachment("application/json; charset=utf-8", JSON_FILENAME, buffered(chunks))


# XLSX


def source_of(case):
    """Row -> where its numbers come from: its source's URL, or the case's sources."""
    urls = {source.pk: source.url for source in case.sources.all()}

    def source(row):
        if row.source_id:
            return urls.get(row.source_id, "")
        return gettext("the case's own sources") if row.from_case_sources else ""

    return source


# (sheet name, [(label, value of a row)], the rows of a case, sourced): the case's rows,
# each sheet starting with the case's slug and title; a sourced row ends with its source.
ROW_SHEETS = [
    (
        _("Key figures"),
        [
            (_("Label"), attrgetter("label")),
            (_("Value"), attrgetter("value")),
            (_("Unit"), attrgetter("unit")),
            (_("Year"), attrgetter("year")),
            (_("Note"), attrgetter("note")),
        ],
        lambda case: case.key_figures.all(),
        False,
    ),
    (
        _("Milestones"),
        [
            (_("Year"), attrgetter("year")),
            (_("Month"), attrgetter("month")),
            (_("Day"), attrgetter("day")),
            (_("Event"), attrgetter("event")),
        ],
        lambda case: case.milestones.all(),
        False,
    ),
    (
        _("Funding"),
        [
            (_("Who pays"), lambda row: row.get_payer_kind_display()),
            (_("Payer"), attrgetter("payer_text")),
            (_("As stated"), attrgetter("figure_text")),
            (_("Amount is"), lambda row: row.get_qualifier_display() if row.qualifier else ""),
            (_("Amount"), attrgetter("amount")),
            (_("Currency"), attrgetter("currency")),
            (_("Price year"), attrgetter("price_year")),
            (_("Share, %"), attrgetter("share")),
            (_("From year"), attrgetter("period_start")),
            (_("To year"), attrgetter("period_end")),
            (_("Pays for"), lambda row: row.get_purpose_display() if row.purpose else ""),
            (_("Note"), attrgetter("note")),
        ],
        lambda case: case.funding.all(),
        True,
    ),
    (
        _("Commitments"),
        [
            (_("Who undertakes"), lambda row: row.get_party_kind_display()),
            (_("Party"), attrgetter("party_text")),
            (_("Kind"), lambda row: row.get_kind_display()),
            (_("What is undertaken"), attrgetter("text")),
            (_("Climate goal"), lambda row: row.goal.name if row.goal_id else ""),
        ],
        lambda case: case.commitments.all(),
        True,
    ),
    (
        _("Indicators"),
        [
            (_("Indicator"), attrgetter("name")),
            (_("Unit"), attrgetter("unit")),
            (_("Direction"), lambda row: row.get_direction_display()),
            (_("Baseline value"), attrgetter("baseline_value")),
            (_("Baseline year"), attrgetter("baseline_year")),
            (_("Target value"), attrgetter("target_value")),
            (_("Target year"), attrgetter("target_year")),
            (_("Climate goal"), lambda row: row.goal.name if row.goal_id else ""),
            (_("Note"), attrgetter("note")),
        ],
        lambda case: case.indicators.all(),
        True,
    ),
]
SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)


def sheet_name(label):
    """A sheet's name as Excel allows it: none of []:*?/\\ and at most 31 characters."""
    return SHEET_NAME.sub("", str(label))[:31]


def cell(sheet, value):
    """A formula-safe cell: numbers as numbers, anything else as text that is never
    evaluated (a string cell), and a text a spreadsheet would read as a formula marked as
    text ("quote prefix"), so that editing it does not turn it into one either."""
    if value is None or value == "":
        return WriteOnlyCell(sheet, None)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
        written = WriteOnlyCell(sheet, text)
        written.data_type = "s"  # openpyxl would read a leading "=" as a formula
        if is_formula(text):
            written.quotePrefix = True
        return written
    return WriteOnlyCell(sheet, value)


class Sheet:
    """A write-only worksheet with a bold, frozen header row, set column widths and an
    autofilter over the rows written."""

    def __init__(self, workbook, name, labels, widths):
        self.sheet = workbook.create_sheet(sheet_name(name))
        for i, width in enumerate(widths, start=1):
            self.sheet.column_dimensions[get_column_letter(i)].width = width
        self.sheet.freeze_panes = "A2"
        self.columns, self.rows = len(labels), 0
        header = [cell(self.sheet, str(label)) for label in labels]
        for heading in header:
            heading.font = BOLD
        self.sheet.append(header)
        self.rows += 1

    def append(self, values):
        self.sheet.append([cell(self.sheet, value) for value in values])
        self.rows += 1

    def close(self):
        last = get_column_letter(self.columns)
        self.sheet.auto_filter.ref = f"A1:{last}{self.rows}"


def width(label, long=False):
    return 50 if long else max(10, min(30, len(str(label)) + 4))


def write_xlsx(file, request, filterset, cases):
    """The selection as a workbook written to `file`, row by row in constant memory:
    the cases, their key figures, milestones, funding, commitments and indicators, and a
    sheet on what the file holds."""
    workbook = Workbook(write_only=True)
    labels = [label for _header, label, _value in COLUMNS]
    widths = [width(label, header in LONG_TEXTS) for header, label, _value in COLUMNS]
    widths[:2] = [30, 40]
    main = Sheet(workbook, _("Cases"), labels, widths)
    sheets = []
    for name, columns, rows_of, sourced in ROW_SHEETS:
        labels = [_("Case"), _("Title"), *(label for label, _value in columns)]
        labels += [_("Source")] if sourced else []
        widths = [30, 40, *(width(label) for label in labels[2:])]
        sheets.append((Sheet(workbook, name, labels, widths), columns, rows_of, sourced))
    total = 0
    for case in cases.iterator(chunk_size=CHUNK_SIZE):
        case.page_url = request.build_absolute_uri(case.get_absolute_url())
        main.append([value(case) for _header, _label, value in COLUMNS])
        total += 1
        source = source_of(case)
        for sheet, columns, rows_of, sourced in sheets:
            for row in rows_of(case):
                values = [case.slug, case.title, *(value(row) for _label, value in columns)]
                sheet.append(values + [source(row)] if sourced else values)
    for sheet in [main, *(sheet for sheet, *_rest in sheets)]:
        sheet.close()
    about(workbook, request, filterset, total)
    workbook.save(file)


def xlsx_chunks(request, filterset, cases, size=64 * 1024):
    """The workbook's bytes, written to a temporary file when the first are asked for
    (in the request's language), then read from it piece by piece; the file is gone once
    the response is sent or abandoned."""
    language = page_language()
    with tempfile.TemporaryFile() as file:
        with translation.override(language):
            write_xlsx(file, request, filterset, cases)
        file.seek(0)
        while piece := file.read(size):
            yield piece


def about(workbook, request, filterset, total):
    """The sheet that says what the file holds, when and where it comes from, and under
    which licence it may be reused."""
    sheet = workbook.create_sheet(sheet_name(_("About")))
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 80
    described = filterset.described()
    browse = request.build_absolute_uri(reverse("cases:list") + filterset.query_string())
    for label, value in [
        (_("Contents"), gettext("MAL Nordic: cases")),
        (_("Selection"), "; ".join(described) if described else gettext("All published cases")),
        (_("Cases"), total),
        (_("Compiled"), timezone.localdate().isoformat()),
        (_("Online"), browse),
        (_("This file"), request.build_absolute_uri()),
        (_("Licence"), f"{licence.NAME}, {licence.URL}"),
        ("", str(licence.ATTRIBUTION)),
    ]:
        sheet.append([cell(sheet, str(label)), cell(sheet, value)])


@require_safe
@limit_export()
def export_xlsx(request):
    """The selection as an Excel workbook (see xlsx_file), in the page's language."""
    filterset, cases = selection(request)
    cases = with_facts(cases).prefetch_related("key_figures", "milestones")
    return attachment(XLSX_TYPE, XLSX_FILENAME, xlsx_chunks(request, filterset, cases))


def selection_links(query):
    """The other forms of one selection, by its query string, for the pages' links."""
    return {
        "csv_url": reverse("cases:export-csv") + query,
        "xlsx_url": reverse("cases:export-xlsx") + query,
        "json_url": reverse("cases:export-json") + query,
        "report_url": reverse("cases:report") + query,
        "brief_url": reverse("cases:brief") + query,
    }


class PrintedSelection(TemplateView):
    """A printable page of the selection: at most REPORT_LIMIT cases, so that printing
    stays possible; the page says when the selection holds more, and what of the query
    was left out (such as a `case=` that names no published case)."""

    def cases_of(self, selected):
        """The selected cases with what the page shows of them."""
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        filterset, selected = selection(self.request)
        cases = list(self.cases_of(selected)[: REPORT_LIMIT + 1])
        # Counting only when the page is full spares a query in the usual case.
        total = len(cases) if len(cases) <= REPORT_LIMIT else selected.count()
        cases = add_page_urls(self.request, cases[:REPORT_LIMIT])
        query = filterset.query_string()
        return super().get_context_data(
            cases=cases,
            total=total,
            truncated=total > len(cases),
            selection=filterset.described(),
            problems=filterset.problems(),
            today=timezone.localdate(),
            browse_url=self.request.build_absolute_uri(reverse("cases:list") + query),
            **selection_links(query),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        response["Link"] = LICENCE_LINK
        return response


@method_decorator(limit_export(html=True), name="dispatch")
class ReportView(PrintedSelection):
    """The selection as a printable page: A4, one case a page, sources in full."""

    template_name = "cases/report.html"

    def cases_of(self, selected):
        return with_facts(selected).prefetch_related("key_figures", "milestones")


# What the brief shows of a case, at most, so that it fits one A4 page: characters of
# the longer texts, and lines of each list.
BRIEF_TEXT = {"summary": 900, "lessons_for_finland": 700}
BRIEF_LINES = 4
BRIEF_SOURCES = 5
BRIEF_PARTIES = 6
# The brief's money and commitments: (heading, the lines of a case), as the comparison.
BRIEF_MONEY = [
    (_("Total funding"), compare.funding(Party.ALL)),
    (_("State funding"), compare.funding(Party.STATE)),
    (_("What the state pays for"), compare.state_pays_for),
    (_("Commitments"), compare.commitments),
]


def shortened(text, limit):
    """(text on one line, at most `limit` characters, whether it was cut)."""
    text = " ".join(text.split())
    short = Truncator(text).chars(limit)
    return short, short != text


def first(lines, limit=BRIEF_LINES):
    """(the first `limit` of `lines`, whether some were left out)."""
    return lines[:limit], len(lines) > limit


def brief_of(case):
    """What the brief shows of `case`, each part cut to fit the page; `cut` says whether
    anything was, for the link to the case page that has it all."""
    cut = []
    texts = {}
    for name, limit in BRIEF_TEXT.items():
        texts[name], was_cut = shortened(getattr(case, name), limit)
        cut.append(was_cut)
    parties = []
    for level, organisations in case.parties_by_level():
        names = [organisation.name for organisation in organisations]
        shown, was_cut = first(names, BRIEF_PARTIES)
        parties.append((level, ", ".join(shown) + (" …" if was_cut else "")))
        cut.append(was_cut)
    facts, was_cut = first(compare.figures(case))
    cut.append(was_cut)
    money = []
    for label, cell in BRIEF_MONEY:
        lines, was_cut = first(cell(case))
        if lines:
            money.append((label, lines))
        cut.append(was_cut)
    sources, was_cut = first(list(case.sources.all()), BRIEF_SOURCES)
    cut.append(was_cut)
    return {
        **texts,
        "parties": parties,
        "facts": facts,
        "money": money,
        "sources": sources,
        "cut": any(cut),
    }


@method_decorator(limit_export(html=True), name="dispatch")
class BriefView(PrintedSelection):
    """The selection as a short brief: one A4 page a case, for a workshop's table. The
    longer texts and lists are cut to fit, with a link to the case page that has them all;
    the full report (ReportView) prints everything."""

    template_name = "cases/brief.html"

    def cases_of(self, selected):
        return selected.prefetch_related(
            "parties",
            "sources",
            "key_figures",
            Prefetch("funding", queryset=Funding.objects.select_related("payer")),
            Prefetch("commitments", queryset=Commitment.objects.select_related("party")),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for case in context["cases"]:
            case.brief = brief_of(case)
        return context
