"""Reading a page's language parts as a browser or a crawler sees them."""

from html.parser import HTMLParser


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.alternates = []
        self.navs = []  # (the nav's attributes, [(link text, link attributes)])
        self._open_navs = []
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates.append((attrs["hreflang"], attrs["href"]))
        elif tag == "nav":
            self.navs.append((attrs, []))
            self._open_navs.append(len(self.navs) - 1)
        elif tag == "a" and self._open_navs:
            self._link = ["", attrs]

    def handle_data(self, data):
        if self._link is not None:
            self._link[0] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.navs[self._open_navs[-1]][1].append((self._link[0].strip(), self._link[1]))
            self._link = None
        elif tag == "nav" and self._open_navs:
            self._open_navs.pop()


def read(response):
    page = _Page()
    page.feed(response.content.decode())
    return page


def html_lang(response):
    """The lang attribute of the page's <html>."""
    return read(response).lang


def alternates(response):
    """{hreflang: href} of the page's <link rel="alternate" hreflang=…>."""
    return dict(read(response).alternates)


def nav_links(response, css_class=None):
    """(text, attributes) of the links in the page's navigations, or in the one with the
    given class."""
    return [
        link
        for attrs, links in read(response).navs
        if css_class is None or css_class in attrs.get("class", "").split()
        for link in links
    ]


def language_switcher(response):
    """{language code: (link text, href, attributes)} of the language switcher."""
    return {
        attrs["hreflang"]: (text, attrs["href"], attrs)
        for text, attrs in nav_links(response, "languages")
    }
