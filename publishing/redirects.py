"""Addresses that last: a renamed record's old address redirects (301) to its page.

When a curator changes the slug of a case, network, city region or climate goal, the slug
it had is kept as an OldSlug (`remember_old_slug`, a pre_save signal connected in
publishing/apps.py). A request for a page that is not found is then looked up among the
old slugs (`OldSlugRedirectMiddleware`): if the record it names would itself be shown to
the public, the answer is a permanent redirect to its current address, in the request's
language and with its query string.

The models are named here by app label and model name, never imported, so publishing
stays free of imports from the apps built on it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, Subquery
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from publishing.models import OldSlug


@dataclass(frozen=True)
class Renamable:
    """A model whose detail page is addressed by its slug."""

    app_label: str
    model_name: str
    # The method of the model's `objects` that gives the rows the public may open by URL:
    # the same rows its detail view answers 200 for.
    public: str

    @property
    def model(self):
        return apps.get_model(self.app_label, self.model_name)

    def public_rows(self):
        return getattr(self.model.objects, self.public)()


# The detail pages whose old addresses redirect, by URL name.
RENAMABLE = {
    "cases:detail": Renamable("cases", "case", "public"),
    "cases:goal-detail": Renamable("cases", "climategoal", "with_published_cases"),
    "networks:detail": Renamable("networks", "network", "public"),
    "networks:region-detail": Renamable("networks", "cityregion", "with_published_cases"),
}

REDIRECT_METHODS = {"GET", "HEAD"}


def renamable_models():
    return [renamable.model for renamable in RENAMABLE.values()]


# Signals (connected in PublishingConfig.ready()).


def remember_old_slug(sender, instance, raw=False, using=None, update_fields=None, **kwargs):
    """Before a record is saved under a new slug, keep the slug it had; and drop any old
    slug of another record that this one now takes, since the live record wins.

    Fixture loads (raw saves) record nothing; saves that do not write the slug (the
    workflow actions' `update_fields`) cost no query.
    """
    if raw or (update_fields is not None and "slug" not in update_fields):
        return
    content_type = ContentType.objects.db_manager(using).get_for_model(sender)
    old_slugs = OldSlug.objects.using(using).filter(content_type=content_type)
    if instance.pk is not None:
        rows = sender._base_manager.using(using).filter(pk=instance.pk)
        stored = rows.values_list("slug", flat=True).first()
        if stored == instance.slug:
            return
        if stored:
            old_slugs.update_or_create(
                content_type=content_type, old_slug=stored, defaults={"object_id": instance.pk}
            )
    old_slugs.filter(old_slug=instance.slug).delete()


def forget_old_slugs(sender, instance, using=None, **kwargs):
    """A deleted record's old addresses answer 404 like any unknown address."""
    content_type = ContentType.objects.db_manager(using).get_for_model(sender)
    OldSlug.objects.using(using).filter(content_type=content_type, object_id=instance.pk).delete()


# Serving the redirects.


def renamed_record(renamable, slug):
    """The public record that had `slug`, if no record has it now; in one query."""
    old = OldSlug.objects.filter(
        content_type__app_label=renamable.app_label,
        content_type__model=renamable.model_name,
        old_slug=slug,
    )
    live = renamable.model._base_manager.filter(slug=slug)
    rows = renamable.public_rows().filter(pk__in=Subquery(old.values("object_id")))
    return rows.filter(~Exists(live)).first()


def redirect_for(request):
    """The permanent redirect for a request that found no page, or None."""
    if request.method not in REDIRECT_METHODS:
        return None
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    renamable = RENAMABLE.get(match.view_name)
    slug = match.kwargs.get("slug")
    if renamable is None or not slug:
        return None
    record = renamed_record(renamable, slug)
    if record is None:
        return None
    # Reversed under the language LocaleMiddleware activated from the address's prefix.
    url = record.get_absolute_url()
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class OldSlugRedirectMiddleware:
    """Turns a 404 for a renamed record's old address into a 301 to its current one.

    It acts only on 404 responses, so a page that is found costs no query; a 404 for the
    address of a detail page costs one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        return redirect_for(request) or response
