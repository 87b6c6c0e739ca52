"""The page a feedback message concerns: only ever an address on this site.

Framework-free apart from Django's own check of hosts and schemes. A message names the page
as a path (with its query string), so that it can be shown as a link without ever pointing
to another site or running a script.
"""

import re
from urllib.parse import urlsplit, urlunsplit

from django.utils.http import url_has_allowed_host_and_scheme

PAGE_MAX_LENGTH = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def site_path(value, host=None):
    """The path and query of `value` if it is an address on this site, otherwise "".

    `value` may be a path ("/cases/?country=NO") or, when `host` names this site, a full
    http(s) address on it (a Referer). Anything else (another host, "//host", "/\\host",
    javascript: and other schemes, control characters) gives "".
    """
    if not isinstance(value, str):
        return ""
    value = value.strip()
    if not value or len(value) > PAGE_MAX_LENGTH or _CONTROL.search(value) or "\\" in value:
        return ""
    allowed = {host} if host else set()
    if not url_has_allowed_host_and_scheme(value, allowed_hosts=allowed):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if parts.netloc and not host:
        return ""
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return urlunsplit(("", "", parts.path, parts.query, ""))
