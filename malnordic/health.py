"""Addresses for machines: the health check a load balancer asks, and security.txt."""

from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers and the cache keeps what it is given, else 503: a
    load balancer takes a node that fails out of service. Says nothing else about the
    site."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            checks["database"] = cursor.fetchone() == (1,)
    except Exception:  # any failure of the database is a failed check, not a 500
        checks["database"] = False
    try:
        cache.set("healthz", "ok", 10)
        checks["cache"] = cache.get("healthz") == "ok"
    except Exception:  # the same for the cache
        checks["cache"] = False
    healthy = all(checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503
    )


@require_safe
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): whom to tell of a vulnerability, the
    service's coordinator (the one contact curators keep, feedback.models.ServiceContact)
    and the feedback form; SECURITY.md says what happens next. It expires a year after it
    is read, so it is never stale."""
    from feedback.models import ServiceContact

    contact = ServiceContact.objects.current()
    expires = timezone.now() + timedelta(days=365)
    lines = [
        *([f"Contact: mailto:{contact.coordinator_email}"] if contact.coordinator_email else []),
        f"Contact: {request.build_absolute_uri(reverse('feedback:form'))}",
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fi, sv, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
