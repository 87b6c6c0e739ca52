from django.conf import settings
from django.urls import get_script_prefix
from django.utils.translation import get_language_info

# The pages whose content the query string selects: their alternates in other languages
# keep it. Elsewhere a query string (a campaign tag, a stray parameter) names no other
# content, and the alternates leave it out.
QUERY_SELECTS_CONTENT = {"cases:list", "cases:compare", "cases:report"}


def path_in_language(path, code):
    """`path` (without the script prefix) under the prefix of language `code`.

    Only the prefix changes, so this also holds for an address that does not resolve (the
    404 page) or whose view failed (the 500 page). The default language has no prefix.
    """
    # One leading slash: "//host/…" would make a link to another site.
    path = "/" + path.lstrip("/")
    # The prefix exactly: Django's own lookup also takes "/sv-fi/" for Swedish.
    first = path.split("/", 2)[1]
    if first in dict(settings.LANGUAGES):
        path = path[len(first) + 1 :] or "/"
    return path if code == settings.LANGUAGE_CODE else f"/{code}{path}"


def language_versions(request, alternates=True):
    """The current page in each interface language, in the order of settings.LANGUAGES.

    Each has `code`, `name` (in the language itself), `url` for the language switcher
    (the page and its whole query string) and, with `alternates`, `alternate` (absolute,
    for hreflang). Nothing here touches the database, so the 500 page can use it.
    """
    prefix = get_script_prefix().rstrip("/")
    query = request.GET.urlencode()
    keep_query = getattr(request.resolver_match, "view_name", None) in QUERY_SELECTS_CONTENT
    versions = []
    for code, _name in settings.LANGUAGES:
        path = prefix + path_in_language(request.path_info, code)
        url = f"{path}?{query}" if query else path
        version = {"code": code, "name": get_language_info(code)["name_local"], "url": url}
        if alternates:
            version["alternate"] = request.build_absolute_uri(url if keep_query else path)
        versions.append(version)
    return versions


def language_links(request):
    """The language switcher's links and the page's hreflang alternates."""
    versions = language_versions(request)
    default = next(v for v in versions if v["code"] == settings.LANGUAGE_CODE)
    return {"language_links": versions, "x_default_url": default["alternate"]}
