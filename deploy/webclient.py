"""A small HTTP client for checking the site as a browser uses it: cookies kept by hand,
and forms submitted with the values a browser would send.

The site's cookies are Secure (and may carry the __Host- prefix), which http.cookiejar
sends only over HTTPS, while the nodes of a cluster speak plain HTTP behind the balancer.
Every request says `X-Forwarded-Proto: https`, as the TLS-terminating balancer in front of
production does, so the site treats it as production's (CSRF's origin checks included).
"""

import http.client
import json
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit


class FormMissing(LookupError):
    pass


class Response:
    def __init__(self, status, headers, text):
        self.status, self.headers, self.text = status, headers, text

    def json(self):
        return json.loads(self.text)


class Browser:
    """A client with its own cookies, sent and kept by hand."""

    def __init__(self):
        self.cookies = {}

    def request(self, base, method, path, data=None):
        parts = urlsplit(base)
        headers = {"X-Forwarded-Proto": "https", "User-Agent": "malnordic-cluster-check"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{parts.netloc}"
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        try:
            connection.request(method, path, body, headers)
            answer = connection.getresponse()
            text = answer.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            self.keep(header)
        return Response(answer.status, answer.headers, text)

    def keep(self, header):
        pair, *attributes = (part.strip() for part in header.split(";"))
        name, _sep, value = pair.partition("=")
        attributes = [attribute.lower().replace(" ", "") for attribute in attributes]
        expired = "max-age=0" in attributes or any("1970" in a for a in attributes)
        if expired or not value.strip('"'):
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value

    def get(self, base, path):
        return self.request(base, "GET", path)

    def post(self, base, path, data):
        return self.request(base, "POST", path, data)


def anonymous(base, path):
    return Browser().get(base, path)


class FormFields(HTMLParser):
    """The fields a browser would submit from the form with the given id, in order."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = self.found = False
        self.fields = []  # (name, value)
        self.select = self.option = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            self.found = self.found or self.inside
            return
        name = attrs.get("name")
        if not self.inside or "disabled" in attrs:
            return
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value") or "on"))
                return
            self.fields.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "selected" in attrs, ""]
            self.select["options"].append(self.option)
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        elif self.option is not None:
            self.option[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            # A browser drops the newline that follows <textarea>, as Django writes it.
            self.fields.append((name, value.removeprefix("\r\n").removeprefix("\n")))
            self.textarea = None
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = self.select["options"]
            chosen = [option for option in options if option[1]]
            if not chosen and not self.select["multiple"]:
                chosen = options[:1]  # a single choice without `selected`: the first
            for value, _selected, text in chosen:
                self.fields.append((self.select["name"], value if value is not None else text))
            self.select = None


def form_fields(html, form_id):
    parser = FormFields(form_id)
    parser.feed(html)
    parser.close()
    if not parser.found:
        raise FormMissing(f"no form with the id {form_id!r} on the page")
    return parser.fields


def errors_on(html):
    """The admin's error messages on a page that refused a form, as one line."""
    found = []

    class Errors(HTMLParser):
        depth = 0

        def handle_starttag(self, tag, attrs):
            classes = dict(attrs).get("class") or ""
            if self.depth or "errornote" in classes or "errorlist" in classes:
                self.depth += 1

        def handle_endtag(self, tag):
            self.depth = max(0, self.depth - 1)

        def handle_data(self, data):
            if self.depth and data.strip():
                found.append(data.strip())

    Errors(convert_charrefs=True).feed(html)
    return " ".join(found) or "no error message found"
