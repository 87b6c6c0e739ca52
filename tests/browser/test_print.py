"""What prints: the brief is one A4 page a case, and the comparison of four cases fits A4
landscape without losing a column."""

import re

import pytest

from cases.models import Party
from tests.factories import (
    make_case,
    make_commitment,
    make_funding,
    make_key_figure,
    make_organisation,
    make_source,
)

pytestmark = pytest.mark.browser

SLUGS = ["print-first", "print-second", "print-third", "print-fourth"]
MM = 96 / 25.4  # CSS pixels in a millimetre
# A4 landscape, 297 mm wide, less the compare page's margins of 10 mm (report.css).
LANDSCAPE_WIDTH = round((297 - 2 * 10) * MM)
A4 = (595, 842)  # points, portrait


def long_cases():
    """Four cases with every part of the brief and texts far longer than a page holds."""
    parties = [make_organisation(name=f"Made-up party {n}") for n in range(10)]
    cases = []
    for n, slug in enumerate(SLUGS):
        case = make_case(
            slug=slug,
            title=f"Printed case {n} with a rather long title about trams and homes",
            # A word longer than a column is wide, as compound words and addresses are.
            instrument_detail="Agreement detail " * 10 + "Kommunalfinansiering" * 6,
            parties=parties,
            summary="A long summary sentence about the agreement. " * 80,
            results="Results in many words. " * 80,
            lessons_for_finland="A lesson about tying money to homes. " * 60,
        )
        for i in range(8):
            make_key_figure(case, label=f"Figure {i} of a long label", value=f"{i}00")
            make_funding(
                case,
                payer_kind=Party.STATE,
                amount=10**9 + i,
                currency="NOK",
                note="A note on the funding row " * 8,
            )
            make_commitment(case, text="Build many homes near the stations " * 8)
            make_source(
                case,
                url=f"https://s.example/{slug}/{i}",
                title="A source " * 20,
                publisher="Made-up Institute",
                year=2020,
            )
        cases.append(case)
    return cases


def pdf_pages(pdf):
    """The number of pages of a PDF that Chromium wrote: its page objects."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def page_sizes(pdf):
    """The (width, height) of each page of a PDF, in whole points."""
    found = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    return [(round(float(width)), round(float(height))) for width, height in found]


def test_the_brief_of_three_cases_prints_as_three_a4_pages(page):
    long_cases()
    query = "&".join(f"case={slug}" for slug in SLUGS[:3])
    page.goto(f"/en/cases/brief/?{query}")
    assert page.locator("article.brief-case").count() == 3
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    assert pdf_pages(pdf) == 3
    assert page_sizes(pdf) == [A4] * 3


def test_a_short_brief_case_is_still_a_page_of_its_own(page):
    make_case(slug="print-short-a")
    make_case(slug="print-short-b")
    page.goto("/cases/brief/?case=print-short-a&case=print-short-b")
    assert pdf_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 2


def test_four_compared_cases_fit_a4_landscape(page):
    long_cases()
    query = "&".join(f"case={slug}" for slug in SLUGS)
    page.set_viewport_size({"width": LANDSCAPE_WIDTH, "height": 800})
    page.goto(f"/cases/compare/?{query}")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => {
          const scroll = document.querySelector(".table-scroll");
          const table = document.querySelector("table.compare");
          const headings = [...table.querySelectorAll("thead th")].map(th => {
            const box = th.getBoundingClientRect();
            return {left: box.left, right: box.right};
          });
          return {
            scrollWidth: scroll.scrollWidth, clientWidth: scroll.clientWidth,
            tableWidth: table.scrollWidth, page: document.documentElement.clientWidth,
            bodyScroll: document.documentElement.scrollWidth, headings: headings,
          };
        }"""
    )
    assert len(sizes["headings"]) == 4
    assert sizes["scrollWidth"] <= sizes["clientWidth"], sizes
    assert sizes["tableWidth"] <= sizes["clientWidth"], sizes
    assert sizes["bodyScroll"] <= sizes["page"], sizes
    assert all(h["right"] <= sizes["page"] for h in sizes["headings"]), sizes
    # The page itself is printed landscape, on as many pages as the rows need.
    sizes = page_sizes(page.pdf(prefer_css_page_size=True))
    assert sizes and set(sizes) == {A4[::-1]}


def test_the_screen_compare_page_offers_the_selection_for_a_workshop(page):
    long_cases()
    page.goto(f"/en/cases/compare/?case={SLUGS[0]}&case={SLUGS[1]}")
    links = page.locator(".selection-exports a")
    assert links.count() == 4
    hrefs = [links.nth(i).get_attribute("href") for i in range(4)]
    assert all(href.endswith(f"?case={SLUGS[0]}&case={SLUGS[1]}") for href in hrefs)
    page.emulate_media(media="print")
    assert not page.locator(".selection-exports").is_visible()
