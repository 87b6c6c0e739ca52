from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords
from taggit.models import TagBase

from publishing.fields import CleanCharField, CleanTextField
from publishing.links import browse_url
from publishing.models import Linked, LinkedQuerySet, PublicationState, SlugManager
from publishing.translation import TranslatedModel, localised, translated


class Theme(models.Model):
    """One of the five MALPE dimensions; the rows are fixed and created by a migration."""

    class Slug(models.TextChoices):
        LAND_USE = "land-use", _("Land use")
        HOUSING = "housing", _("Housing")
        TRANSPORT = "transport", _("Transport")
        SERVICES = "services", _("Services")
        BUSINESS = "business", _("Business")

    slug = models.SlugField(_("slug"), max_length=20, choices=Slug.choices, db_index=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = SlugManager.from_queryset(LinkedQuerySet)()

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["slug"], name="theme_slug_unique")]

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return self.Slug(self.slug).label

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return browse_url(theme=self.slug)


class ClimateGoalQuerySet(models.QuerySet):
    def with_case_counts(self):
        """Each goal with `case_count`, the number of its published cases, by name."""
        published = Q(tagged_cases__content_object__state=PublicationState.PUBLISHED)
        counted = self.annotate(case_count=models.Count("tagged_cases", filter=published))
        return counted.order_by(localised("name"), "slug")

    def with_published_cases(self):
        """The goals the public sees: those with at least one published case, counted.

        A goal is shown only while it has a published case, so one created for a draft
        stays out of sight until that case is published.
        """
        return self.with_case_counts().filter(case_count__gt=0)


class ClimateGoal(TranslatedModel, TagBase):
    """A climate-goal tag: a kind of target a case serves."""

    CASES_SHOWN = Linked.CASES_SHOWN

    name = translated(CleanCharField(_("name"), unique=True, max_length=100))
    # Declared again after `name`, as in taggit's TagBase, so the fields keep their order.
    slug = models.SlugField(
        verbose_name=pgettext_lazy("A tag slug", "slug"),
        unique=True,
        max_length=100,
        allow_unicode=True,
    )

    description = translated(
        CleanTextField(
            _("description"), blank=True, help_text=_("What the goal means, in a sentence or two.")
        )
    )

    objects = SlugManager.from_queryset(ClimateGoalQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("climate goal")
        verbose_name_plural = _("climate goals")

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("cases:goal-detail", args=[self.slug])
