"""Headers every response carries."""

from django.utils.cache import patch_vary_headers  # noqa: F401


class ResponseHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
