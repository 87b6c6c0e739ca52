"""The API's documentation page works offline and under a strict Content-Security-Policy:
served from the site's own files, with no inline script or style to allow."""

import pytest

from tests.factories import make_case

pytestmark = pytest.mark.browser

# The policy a hardened deployment sends: nothing but the site itself, no inline code.
STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


def test_the_api_documentation_renders_from_our_own_files_under_a_strict_policy(page, live_server):
    make_case(title="Documented case")
    outside, violations = [], []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith(live_server.url) or request.url.startswith("data:")
            else outside.append(request.url)
        ),
    )
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )

    def with_policy(route):
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": STRICT}
        )

    page.route("**/*", with_policy)
    page.goto("/api/v1/docs/")
    # Swagger UI has read the schema and lists the operations.
    page.wait_for_selector(".swagger-ui .opblock-tag", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 11
    assert outside == []
    assert violations == []
