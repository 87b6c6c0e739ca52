"""Every starter case page fits 320 CSS pixels: their key-figure tables, long names and
source titles are what a narrow screen meets in real content."""

import pytest
from django.core.management import call_command

from cases.models import Case
from tests.browser.test_reflow import NARROW, OVERFLOW

pytestmark = [pytest.mark.browser, pytest.mark.starter]


def test_no_starter_case_page_scrolls_sideways_at_320_px(page):
    call_command("load_starter_content", verbosity=0)
    paths = [case.get_absolute_url() for case in Case.objects.published().order_by("slug")]
    page.set_viewport_size(NARROW)
    found = []
    for path in paths:
        page.goto(path)
        result = page.evaluate(OVERFLOW)
        if result["scrollWidth"] > result["clientWidth"]:
            found.append(f"{path}: {result}")
    assert len(paths) >= 40
    assert not found, f"{len(found)} of {len(paths)} scroll sideways:\n" + "\n".join(found)
