"""Text as it may be stored and shown: no control characters, no unsafe link schemes.

Framework-free. Curators paste from word processors, which bring vertical tabs, form feeds
and other control characters with them; XML 1.0 (the Atom feed, the sitemap) cannot carry
them, and no reader wants them. Tab, line feed and carriage return are kept.
"""

import re
from urllib.parse import urlsplit

# C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Vertical tab, form feed and the Unicode line and paragraph separators break a line.
_LINE_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")

LINK_SCHEMES = ("http", "https")


def clean_text(value):
    """`value` with control characters dropped and odd line breaks made plain newlines.

    Anything that is not a string (None, numbers) comes back unchanged.
    """
    if not isinstance(value, str):
        return value
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", value))


def link_target(url):
    """`url` if it is safe to render as a link (an http or https address), otherwise "".

    Browsers ignore leading spaces and control characters and strip tabs and newlines
    inside a scheme, so "java\\tscript:" is javascript: to them: judge the URL as they do.
    """
    if not isinstance(url, str):
        return ""
    candidate = re.sub(r"[\t\n\r]", "", url)
    candidate = re.sub(r"^[\x00-\x20]+", "", candidate)
    try:
        scheme = urlsplit(candidate).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in LINK_SCHEMES else ""
