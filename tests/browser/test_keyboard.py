"""With the keyboard alone: the skip link comes first, every focused element can be seen,
with a focus ring of at least 3:1 against what it is drawn on (WCAG 2.4.7, 1.4.11), and a
user filters, searches and opens a case."""

import pytest

pytestmark = pytest.mark.browser

# The focused element: whether it can be seen, and the contrast of its focus ring.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  // Seen: some part of it (a link may wrap over lines) is on top where it is drawn.
  const hits = [...el.getClientRects()].map((r) =>
    document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  const style = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  let ring = null;
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
    // The ring lies on the parent's background, or on the element's own when drawn inside.
    let up = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement;
    let background = "rgb(255, 255, 255)";
    for (; up; up = up.parentElement) {
      const c = getComputedStyle(up).backgroundColor;
      if (rgb(c).length === 3 || rgb(c)[3] > 0) { background = c; break; }
    }
    const [a, b] = [lum(style.outlineColor), lum(background)].sort((p, q) => q - p);
    ring = (a + 0.05) / (b + 0.05);
  }
  return {
    name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + " " + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    seen: box.width >= 4 && box.height >= 4 && style.visibility !== "hidden"
      && hits.some((hit) => hit && (el === hit || el.contains(hit))),
    ring: ring,
    svg: el instanceof SVGElement,
  };
}"""


def tab(page):
    """Press Tab; what has focus then, or None when focus has left the page."""
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    if focused is None:
        return None
    assert focused["seen"], f"focus is on an element that cannot be seen: {focused}"
    # SVG links show focus by the marker's stroke, not an outline (site.css).
    assert focused["svg"] or (focused["ring"] or 0) >= 3, f"focus ring under 3:1: {focused}"
    return focused


def tab_to(page, selector, limit=150):
    for _ in range(limit):
        assert tab(page) is not None, f"{selector} not reached before the end of the page"
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab")


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(page):
    page.goto("/")
    tab(page)
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


PATHS = [
    "/",
    "/cases/?year_from=abc",
    "/cases/full-case/",
    "/cases/compare/?case=full-case",
    "/regions/",
    "/accessibility/",
    "/feedback/",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_focus_stop_can_be_seen_with_a_ring_of_3_to_1(page, site, path):
    page.goto(path)
    seen = []
    for _ in range(250):
        focused = tab(page)
        if focused is None:
            break
        seen.append(focused["name"])
    assert len(seen) > 10


def test_a_keyboard_user_filters_searches_and_opens_a_case(page, site):
    page.goto("/")
    tab_to(page, "header nav a[href='/cases/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    tab_to(page, "#f-country-SE")
    page.keyboard.press("Space")
    tab_to(page, "#f-theme-housing")
    page.keyboard.press("Space")
    tab_to(page, "#filter-form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "country=SE" in page.url and "theme=housing" in page.url
    tab_to(page, "#id_q")
    page.keyboard.type("rail")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=rail" in page.url and "country=SE" in page.url
    tab_to(page, ".results a[href='/cases/full-case/']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Northport housing and rail deal"
