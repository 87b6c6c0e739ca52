"""Under the site's own Content-Security-Policy the browser refuses nothing: the public
pages need no inline code, and the admin's inline elements carry the nonce.

A curator signs in through the login form, so the __Host- cookies, which must be Secure,
are also shown to work in Chromium on the live server's http://localhost."""

import pytest

from tests.browser.content import build_site

pytestmark = pytest.mark.browser

# Every violation the page reports, from its first script on.
LISTEN = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(
    `${event.violatedDirective} refused ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
  );
});
"""
PUBLIC_PAGES = {
    "home": "/",
    "browse": "/cases/?country=SE",
    "case": "/cases/full-case/",
    "case in English": "/en/cases/full-case/",
}


@pytest.fixture
def violations(page):
    """What the browser refused on the pages this test opens: the events the pages saw
    and the console's own reports."""
    console = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or "Refused to" in message.text
            else None
        ),
    )

    def seen():
        # Violation events are dispatched as tasks: let the ones already queued run.
        page.evaluate("() => new Promise((done) => setTimeout(done, 0))")
        return [*page.evaluate("() => window.cspViolations"), *console]

    return seen


def open_page(page, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.headers["content-security-policy"]
    page.wait_for_load_state("load")


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES)
def test_public_pages_break_no_rule_of_the_policy(page, site, violations, path):
    open_page(page, path)
    assert violations() == []


def test_the_browser_knows_every_feature_the_permissions_policy_names(page):
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if "Permissions-Policy" in message.text else None
        ),
    )
    open_page(page, "/")
    assert errors == []


def test_the_home_pages_bars_grow_with_their_counts(page, site):
    open_page(page, "/")
    tables = page.locator("table.bars")
    assert tables.count() == 2
    for table in tables.all():
        measured = sorted(
            (
                int(row.locator(".bar-value").inner_text()),
                row.locator(".bar").bounding_box()["width"],
            )
            for row in table.locator("tbody tr").all()
        )
        assert measured[0][1] >= 2
        for (count, width), (next_count, next_width) in zip(measured, measured[1:], strict=False):
            assert next_width > width if next_count > count else next_width == width


def sign_in(page, user):
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw")
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/admin/")


def test_the_admin_sign_in_page_breaks_no_rule_of_the_policy(page, violations):
    open_page(page, "/admin/login/")
    assert violations() == []


def test_a_curator_signs_in_and_edits_a_case_within_the_policy(page, violations, curator):
    content = build_site()
    sign_in(page, curator)
    names = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert names["__Host-sessionid"]["secure"] is True
    assert names["__Host-csrftoken"]["secure"] is True
    for path in ["/admin/cases/case/", f"/admin/cases/case/{content['full'].pk}/change/"]:
        open_page(page, path)
        assert violations() == [], path
    # The form's scripts ran: they draw the autocomplete boxes and the two-list selectors.
    assert page.locator("#case_form .select2-container").count() >= 3
    assert page.locator("#case_form .selector").count() >= 1
