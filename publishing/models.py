"""What every record with a publication state shares, and the version of the content."""

import functools
import threading
import uuid
from contextlib import contextmanager

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from publishing.fields import CleanCharField
from publishing.prefetch import CompiledQuery
from publishing.text import link_target

# Sources and websites must be web addresses, not ftp: or other schemes.
web_address = URLValidator(
    schemes=["http", "https"], message=_("Enter an http:// or https:// address.")
)


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublicationQuerySet(models.QuerySet):
    def published(self):
        """What the public may list: published rows only."""
        return self.filter(state=PublicationState.PUBLISHED)

    def public(self):
        """What the public may open by URL: published and archived rows."""
        return self.filter(state__in=[PublicationState.PUBLISHED, PublicationState.ARCHIVED])


class SlugManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class PublicationManager(SlugManager.from_queryset(PublicationQuerySet)):
    pass


class ChildManager(models.Manager):
    """Finds an inline row by its natural key: the lookups in its model's `natural_key_lookups`
    (the parent's slug, then the fields unique within the parent)."""

    def get_by_natural_key(self, *values):
        return self.get(**dict(zip(self.model.natural_key_lookups, values, strict=True)))


def linking_relation(model):
    """The many-to-many relation by which publishable records (cases) link to `model` (a
    region, a network, a theme): found, not named, so the model's app needs to know
    nothing of the app that links to it."""
    (relation,) = [
        rel
        for rel in model._meta.related_objects
        if rel.many_to_many and issubclass(rel.related_model, Publishable)
    ]
    return relation


class LinkedQuerySet(models.QuerySet):
    """For records that cases link to: how many published cases link to each."""

    def with_case_counts(self):
        """Each row with `case_count`, its number of published cases, in its usual order.

        Meta.ordering does not apply to aggregating queries, hence the explicit order.
        """
        name = linking_relation(self.model).name
        published = Q(**{f"{name}__state": PublicationState.PUBLISHED})
        counted = self.annotate(case_count=Count(name, filter=published))
        return counted.order_by(*self.model._meta.ordering)

    def with_published_cases(self):
        """The rows the public sees: those with at least one published case, counted."""
        return self.with_case_counts().filter(case_count__gt=0)


class Linked:
    """For models that cases link to (see LinkedQuerySet)."""

    # A page of a region, network or goal shows at most this many of its cases, and links
    # to all of them in browse: its cost does not grow with the number of cases.
    CASES_SHOWN = 20

    def published_cases(self):
        """The published cases that link to this record."""
        return getattr(self, linking_relation(type(self)).get_accessor_name()).published()


class Language(models.TextChoices):
    """The languages content is written in: a source's title, a glossary term's origin."""

    ENGLISH = "en", _("English")
    FINNISH = "fi", _("Finnish")
    SWEDISH = "sv", _("Swedish")
    NORWEGIAN = "no", _("Norwegian")
    DANISH = "da", _("Danish")
    GERMAN = "de", _("German")


class SourceBase(models.Model):
    """A cited source; subclassed for each kind of record that cites sources."""

    Language = Language

    title = CleanCharField(_("title"), max_length=300, help_text=_("What the source is."))
    language = models.CharField(
        _("language of the title"),
        max_length=2,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("A title keeps its own language; the page marks it."),
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[web_address],
        help_text=_("A full http(s) address of the source."),
    )
    publisher = CleanCharField(
        _("publisher"), max_length=200, blank=True, help_text=_("Who published it.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("Year of publication, if known.")
    )

    class Meta:
        abstract = True
        ordering = ["url", "pk"]

    def __str__(self):
        return self.title

    @property
    def link(self):
        """The URL if it may be rendered as a link (http or https), otherwise ""."""
        return link_target(self.url)


class Publishable:
    """For models with a `state` field (draft, published, archived), and optionally a
    `published_at` timestamp.

    Every change of state goes through `save()` (the admin's change form and its workflow
    actions alike) or, for fixtures, through `derive_fields()` before a raw save: so the
    fields that follow from the state are always set the same way.
    """

    def derive_fields(self):
        """Set the fields that follow from others: `published_at` when first published."""
        if (
            self.state == PublicationState.PUBLISHED
            and getattr(self, "published_at", False) is None
        ):
            self.published_at = timezone.now()

    def state_fields(self):
        """The fields a change of state writes: for `save(update_fields=…)`."""
        fields = ["state", "updated_at"]
        if hasattr(self, "published_at"):
            fields.append("published_at")
        return fields

    def save(self, *args, **kwargs):
        self.derive_fields()
        super().save(*args, **kwargs)


class ChoiceLabels:
    """`get_<field>_display()` from the field's labels gathered once, not on every call:
    Django builds a dictionary of the choices each time, a fifth of a row in a list of
    cases (three labels a row, sixty a page)."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(value, value), strings_only=True)


@functools.cache
def _choice_labels(field):
    return dict(field.flatchoices)


# This thread's {database alias: whether a renewal was asked for} while `renewed_once`
# collects them (another thread's changes renew the version at once, as ever).
_renewing = threading.local()


def _renewing_once():
    return _renewing.__dict__.setdefault("aliases", {})


class ContentVersion(models.Model):
    """A single row whose token changes with every change to public content.

    Whatever is derived from the whole published content and kept between requests (the
    facet index; caches) is kept under this token and rebuilt when it changes. The token is
    written in the same transaction as the change, so a reader never sees new content
    under an old token; it is random rather than counted, so a rolled-back change cannot
    make an old token stand for new content.
    """

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("content version")
        constraints = [
            models.CheckConstraint(condition=models.Q(id=1), name="contentversion_single_row")
        ]

    def __str__(self):
        return self.token

    @classmethod
    def current(cls, using="default"):
        return cls.current_with_time(using)[0]

    @classmethod
    def current_with_time(cls, using="default"):
        """(token, when the content last changed), in one query."""
        row = _version_row.row(using=using)
        return row or cls._renew(using)

    @classmethod
    def bump(cls, using="default"):
        collecting = _renewing_once()
        if using in collecting:
            collecting[using] = True
            return None
        return cls._renew(using)[0]

    @classmethod
    @contextmanager
    def renewed_once(cls, using="default"):
        """Within it, the version of `using` is renewed once, when it ends without an
        error, however many changes asked for it: a fixture load would otherwise write it
        for every row and link."""
        collecting = _renewing_once()
        if using in collecting:
            yield
            return
        collecting[using] = False
        try:
            yield
        finally:
            asked = collecting.pop(using)
        if asked:
            cls._renew(using)

    @classmethod
    def _renew(cls, using):
        values = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
        if not cls.objects.using(using).filter(pk=1).update(**values):
            cls.objects.using(using).update_or_create(pk=1, defaults=values)
        return values["token"], values["changed_at"]


# Read on every request (the facet index, the page cache): its SQL compiled once, as
# building the query cost four times more than running it.
_version_row = CompiledQuery(
    lambda: ContentVersion.objects.filter(pk=1).values_list("token", "changed_at")
)


class OldSlug(models.Model):
    """A slug a record had before a curator renamed it: its old address redirects to its
    page (publishing/redirects.py), so links and bookmarks to it keep working.

    It names the record by content type and primary key rather than by its new slug, so
    a chain of renames (a → b → c) leads from every old slug straight to the current one.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    old_slug = models.SlugField(_("old slug"), max_length=200, db_index=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("old slug")
        verbose_name_plural = _("old slugs")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "old_slug"], name="oldslug_unique_per_type"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.old_slug
