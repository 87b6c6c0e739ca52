from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def language_links(request):
    """The current page in each interface language, keeping the query string."""
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        name = get_language_info(code)["name_local"]
        links.append({"code": code, "name": name, "url": f"{url}?{query}" if query else url})
    return {"language_links": links}
