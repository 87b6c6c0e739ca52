"""/cases/export.xlsx: the selection as an Excel workbook in the page's language."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from cases import exports
from cases.facetindex import current_index
from publishing import licence
from tests.factories import (
    bulk_cases,
    make_case,
    make_commitment,
    make_funding,
    make_indicator,
    make_key_figure,
    make_milestone,
    make_source,
    shared_content,
)

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://x.example","click")'
SHEETS_EN = ["Cases", "Key figures", "Milestones", "Funding", "Commitments", "Indicators", "About"]


def workbook(client, query="", language="en"):
    with translation.override(language):
        url = f"{reverse('cases:export-xlsx')}?{query}"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == exports.XLSX_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="mal-nordic-cases.xlsx"'
    return load_workbook(io.BytesIO(response.getvalue()))


def rows(sheet):
    return list(sheet.iter_rows(values_only=True))


@pytest.fixture
def full_case():
    """A case with two rows of every kind and a formula in its title."""
    case = make_case(slug="xlsx-full", title=FORMULA, start_year=2015, end_year=2030)
    source = make_source(case, url="https://source.example/a")
    for n in range(2):
        make_key_figure(case, label=f"Figure {n}", value="12", year=2020 + n)
        make_milestone(case, year=2016 + n, event=f"Event {n}")
        make_funding(case, amount=2_500_000_000, currency="NOK", source=source)
        make_commitment(case, text=f"-Promise {n}")
        make_indicator(case, name=f"Indicator {n}", baseline_value=Decimal("100.5"))
    make_case(slug="xlsx-other")
    return case


def test_the_workbook_has_its_named_sheets_in_the_page_language(client, full_case):
    assert workbook(client, "case=xlsx-full").sheetnames == SHEETS_EN
    # Names the Finnish catalogue already translates.
    finnish = workbook(client, "case=xlsx-full", "fi").sheetnames
    assert finnish[:2] == ["Esimerkit", "Keskeiset luvut"] and finnish[4] == "Sitoumukset"
    header = rows(workbook(client, "case=xlsx-full", "fi")["Esimerkit"])[0]
    assert header[1] == "Otsikko" and header[3] == "Maa"


def test_each_sheet_has_a_header_and_a_row_per_row_of_the_selection(client, full_case):
    book = workbook(client, "case=xlsx-full")
    counts = {name: len(rows(book[name])) - 1 for name in SHEETS_EN[:-1]}
    assert counts == {name: 1 if name == "Cases" else 2 for name in SHEETS_EN[:-1]}
    assert rows(book["Key figures"])[1][:3] == ("xlsx-full", FORMULA, "Figure 0")


def test_the_cases_sheet_has_the_csv_columns(client, full_case):
    header = rows(workbook(client, "case=xlsx-full")["Cases"])[0]
    with translation.override("en"):
        assert list(header) == [str(label) for _h, label, _v in exports.COLUMNS]


def test_every_sheet_has_a_frozen_header_an_autofilter_and_set_widths(client, full_case):
    book = workbook(client, "case=xlsx-full")
    for name in SHEETS_EN[:-1]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert sheet.column_dimensions["A"].width == 30


def test_a_formula_stays_text(client, full_case):
    book = workbook(client, "case=xlsx-full")
    title = book["Cases"]["B2"]
    assert title.value == FORMULA and title.data_type == "s" and title.quotePrefix
    promise = book["Commitments"].cell(2, 6)
    assert promise.value == "-Promise 0" and promise.data_type == "s" and promise.quotePrefix
    plain = book["Cases"]["A2"]
    assert plain.data_type == "s" and not plain.quotePrefix


def test_numbers_are_numbers(client, full_case):
    book = workbook(client, "case=xlsx-full")
    header = rows(book["Cases"])[0]
    case = rows(book["Cases"])[1]
    assert case[header.index("Start year")] == 2015
    funding = dict(zip(rows(book["Funding"])[0], rows(book["Funding"])[1], strict=True))
    assert funding["Amount"] == 2_500_000_000 and funding["Currency"] == "NOK"
    assert funding["Source"] == "https://source.example/a"
    indicator = dict(zip(rows(book["Indicators"])[0], rows(book["Indicators"])[1], strict=True))
    assert indicator["Baseline value"] == pytest.approx(100.5)


def test_the_about_sheet_describes_the_selection_date_url_and_licence(client, full_case):
    about = dict(rows(workbook(client, "case=xlsx-full&country=SE")["About"]))
    assert about["Selection"].startswith("Country: Sweden; Case: ")
    assert about["Cases"] == 1
    assert about["Licence"] == f"{licence.NAME}, {licence.URL}"
    assert about["This file"] == "http://testserver/en/cases/export.xlsx?case=xlsx-full&country=SE"
    assert about["Online"] == "http://testserver/en/cases/?case=xlsx-full&country=SE"
    assert len(about["Compiled"]) == 10


def test_an_empty_selection_is_a_workbook_with_headers_only(client):
    book = workbook(client, "case=no-such-case")
    assert [len(rows(book[name])) for name in SHEETS_EN[:-1]] == [1] * 6


def test_control_characters_do_not_break_the_workbook(client):
    make_case(slug="xlsx-control")
    from cases.models import Case

    Case.objects.filter(slug="xlsx-control").update(summary_en="Bell\x07 and escape\x1b")
    book = workbook(client, "case=xlsx-control")
    header, row = rows(book["Cases"])
    assert row[header.index("Summary")] == "Bell and escape"


def test_sheet_names_are_what_excel_allows():
    assert exports.sheet_name("A/b:c*d?e[f]g\\h" + "x" * 40) == "Abcdefgh" + "x" * 23


# Queries: the same for 10 cases as for 200.

content = shared_content(bulk_cases, params=[10, 200])


def test_the_xlsx_takes_a_fixed_number_of_queries(client, django_assert_num_queries, content):
    current_index()
    # 1 the content version (the filter form's choices come from the facet index)
    # 2 the cases, in chunks of 500 (one here)
    # 3-8 their themes, goals, regions, parties, published networks and sources
    # 9-12 their funding, commitments, indicators and measured values
    # 13-14 their key figures and milestones
    with django_assert_num_queries(14):
        body = client.get(reverse("cases:export-xlsx")).getvalue()
    book = load_workbook(io.BytesIO(body), read_only=True)
    assert len(list(book.worksheets[0].iter_rows())) == len(content) + 1
    book.close()
