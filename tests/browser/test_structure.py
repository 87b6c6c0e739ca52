"""The structure a screen reader user meets: landmarks and headings (ARIA snapshots), the
links between fields and their errors, the map's targets and its legend."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_a_case_page_has_banner_navigation_main_and_its_headings(page, site):
    page.goto("/en/cases/full-case/")
    snapshot = page.locator("body").aria_snapshot()
    assert re.search(r'^- banner:.*?- navigation "Main"', snapshot, re.S | re.M)
    assert '- navigation "Language"' in snapshot
    assert re.search(r"^- main:\n  - article:", snapshot, re.M)
    assert '- heading "Northport housing and rail deal" [level=1]' in snapshot
    assert '- heading "Key figures" [level=2]' in snapshot
    assert '- region "Key figures":' in snapshot
    assert '- complementary "Facts":' in snapshot
    assert "- contentinfo:" in snapshot
    assert snapshot.count("[level=1]") == 1


def test_the_browse_page_has_its_filters_results_and_headings(page, site):
    page.goto("/en/cases/")
    snapshot = page.locator("main").aria_snapshot()
    assert snapshot.count("[level=1]") == 1
    assert '- heading "Cases" [level=1]' in snapshot
    assert '- form "Filter cases":' in snapshot
    assert '- heading "Filter cases" [level=2]' in snapshot
    assert '- region "Results":' in snapshot
    assert '- group "Country":' in snapshot
    assert '- navigation "Pagination"' in snapshot or "- navigation" in snapshot


def test_every_aria_describedby_names_elements_that_exist(page, site):
    page.goto("/cases/?year_from=abc&year_to=99999")
    missing = page.evaluate(
        """() => [...document.querySelectorAll("[aria-describedby]")].flatMap((el) =>
          el.getAttribute("aria-describedby").split(/\\s+/)
            .filter((id) => !document.getElementById(id)).map((id) => el.id + " -> " + id))"""
    )
    assert page.locator("#id_year_from[aria-invalid=true]").count() == 1
    assert missing == []


def test_every_map_marker_is_a_target_of_at_least_24_by_24_px(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/regions/")
    boxes = [marker.bounding_box() for marker in page.locator("a.region-map-marker").all()]
    assert len(boxes) == 2
    assert all(box["width"] >= 24 and box["height"] >= 24 for box in boxes), boxes


def test_the_map_legend_explains_the_marker_size(page, site):
    page.goto("/en/")
    legend = page.locator(".region-map figcaption")
    assert legend.is_visible()
    assert "number of cases" in legend.inner_text()
    assert "no cases yet" in legend.inner_text()
