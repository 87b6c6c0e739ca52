"""axe-core finds no WCAG 2.x A or AA violation on any page type, in every language."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.content import admin_session_cookie, build_site

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every rule of these tags runs and every violation is reported in full; the passes and the
# rules that found nothing to check keep one node each, which spares axe the selectors of
# every other node on the page (its `resultTypes`). The tests look at the violations only.
OPTIONS = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
LANGUAGES = ["", "/sv", "/en"]

axe = Axe()

PAGES = {
    "home": "/",
    "browse": "/cases/",
    "browse-three-filters": "/cases/?country=SE&theme=housing&goal=fewer-car-trips",
    "browse-search": "/cases/?q=rail",
    "browse-no-results": "/cases/?q=zeppelin",
    "browse-unknown-value": "/cases/?country=XX&year_from=abc",
    "browse-page-2": "/cases/?page=2",
    "case-full": "/cases/full-case/",
    "case-second": "/cases/{others[0].slug}/",
    "case-third": "/cases/{others[1].slug}/",
    "compare-two": "/cases/compare/?case=full-case&case={others[0].slug}",
    "compare-four": (
        "/cases/compare/?case=full-case&case={others[0].slug}"
        "&case={others[1].slug}&case={others[2].slug}"
    ),
    "networks": "/networks/",
    "network": "/networks/test-cities-network/",
    "regions": "/regions/",
    "region": "/regions/northport/",
    "goals": "/goals/",
    "goal": "/goals/fewer-car-trips/",
    "glossary": "/glossary/",
    "about": "/about/",
    "accessibility": "/accessibility/",
    "report": "/cases/report/?country=SE",
    "not-found": "/no-such-page/",
    "feedback": "/feedback/",
    "feedback-sent": "/feedback/thanks/",
}
ADMIN_PAGES = {
    "admin-login": "/admin/login/",
    "admin-case-list": "/admin/cases/case/",
    "admin-case-form": "/admin/cases/case/{full.pk}/change/",
}


def scan(page, path):
    """axe's violations on `path`, in each language in turn."""
    reports = []
    for language in LANGUAGES:
        page.goto(language + path)
        results = axe.run(page, options=OPTIONS)
        if results.violations_count:
            reports.append(f"{language or '/'}{path}:\n{results.generate_report()}")
    return reports


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations_in_any_language(page, site, name):
    reports = scan(page, PAGES[name].format(**site))
    assert not reports, "\n".join(reports)


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_page_has_no_axe_violations_in_any_language(page, live_server, superuser, name):
    content = build_site()
    if name != "admin-login":
        page.context.add_cookies([admin_session_cookie(live_server, superuser)])
    reports = scan(page, ADMIN_PAGES[name].format(**content))
    assert not reports, "\n".join(reports)


def test_feedback_form_with_errors_has_no_axe_violations_in_any_language(page):
    reports = []
    for language in LANGUAGES:
        page.goto(f"{language}/feedback/")
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(".form-errors").is_visible()
        results = axe.run(page, options=OPTIONS)
        if results.violations_count:
            reports.append(f"{language or '/'}/feedback/ (errors):\n{results.generate_report()}")
    assert not reports, "\n".join(reports)
