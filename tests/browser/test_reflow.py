"""At 320 CSS pixels wide (WCAG 1.4.10, Reflow) no page scrolls sideways: only a table may,
inside its own scroll container."""

import pytest

from tests.browser.content import admin_session_cookie, build_site
from tests.browser.test_axe import ADMIN_PAGES, LANGUAGES, PAGES

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 640}

# What sticks out past the right edge of the page, to name it when a page scrolls; not what
# is inside a box that scrolls or clips it.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5 && box.width > 0) {
      let inside = false;
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (up.matches(".table-scroll, .region-map-frame, .visually-hidden")) {
          inside = true;
          break;
        }
      }
      if (!inside) out.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
        + " right=" + Math.round(box.right));
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: width,
    outside: out.slice(0, 5),
  };
}"""


def sideways(page, path):
    """The pages among `path` in each language that scroll sideways, and why."""
    found = []
    for language in LANGUAGES:
        page.goto(language + path)
        result = page.evaluate(OVERFLOW)
        if result["scrollWidth"] > result["clientWidth"]:
            found.append(f"{language or '/'}{path}: {result}")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_page_does_not_scroll_sideways_at_320_px(page, site, name):
    page.set_viewport_size(NARROW)
    found = sideways(page, PAGES[name].format(**site))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_page_does_not_scroll_sideways_at_320_px(page, live_server, superuser, name):
    content = build_site()
    if name != "admin-login":
        page.context.add_cookies([admin_session_cookie(live_server, superuser)])
    page.set_viewport_size(NARROW)
    found = sideways(page, ADMIN_PAGES[name].format(**content))
    assert not found, "\n".join(found)
