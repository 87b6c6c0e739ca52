import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from publishing.fields import CleanCharField
from publishing.models import ChildManager, SourceBase
from publishing.translation import TranslatedModel, translated


class Source(SourceBase):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="sources", verbose_name=_("case")
    )

    objects = ChildManager()
    history = HistoricalRecords()
    natural_key_lookups = ("case__slug", "url")

    class Meta(SourceBase.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [models.UniqueConstraint(fields=["case", "url"], name="source_url_unique")]

    def natural_key(self):
        return (self.case.slug, self.url)

    natural_key.dependencies = ["cases.case"]


class KeyFigure(TranslatedModel, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="key_figures", verbose_name=_("case")
    )
    label = translated(
        CleanCharField(_("label"), max_length=200, help_text=_("What is measured."))
    )
    value = translated(
        CleanCharField(_("value"), max_length=50, help_text=_("The number or short value."))
    )
    unit = translated(
        CleanCharField(_("unit"), max_length=50, blank=True, help_text=_("e.g. NOK bn, %."))
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    note = translated(CleanCharField(_("note"), max_length=300, blank=True))
    position = models.PositiveIntegerField(
        _("position"),
        default=0,
        help_text=_("Rows are shown in this order, lowest first; the curator sets it."),
    )

    objects = ChildManager()
    history = HistoricalRecords()
    natural_key_lookups = ("case__slug", "label_en", "year")

    class Meta:
        ordering = [
            "position",
            "label_en",
            models.F("year").asc(nulls_first=True),
            "value_en",
            "pk",
        ]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "label_en", "year"], name="keyfigure_label_year_unique"
            ),
            # A NULL year is never equal to another, so the constraint above lets two
            # figures of one label without a year through; their natural keys would clash.
            models.UniqueConstraint(
                fields=["case", "label_en"],
                condition=Q(year__isnull=True),
                name="keyfigure_label_unique_without_year",
                violation_error_message=_(
                    "This case already has a key figure with this label and no year."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    def natural_key(self):
        return (self.case.slug, self.label_en, self.year)

    natural_key.dependencies = ["cases.case"]


class Milestone(TranslatedModel, models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="milestones", verbose_name=_("case")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), null=True, blank=True)
    event = translated(CleanCharField(_("event"), max_length=300, help_text=_("What happened.")))
    position = models.PositiveIntegerField(
        _("position"),
        default=0,
        help_text=_("Rows are shown in this order, lowest first; the curator sets it."),
    )

    objects = ChildManager()
    history = HistoricalRecords()
    natural_key_lookups = ("case__slug", "year", "event_en")

    class Meta:
        ordering = [
            "position",
            "year",
            models.F("month").asc(nulls_first=True),
            models.F("day").asc(nulls_first=True),
            "event_en",
            "pk",
        ]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [
            models.UniqueConstraint(fields=["case", "year", "event_en"], name="milestone_unique"),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="milestone_month_valid",
            ),
            models.CheckConstraint(
                condition=Q(day__isnull=True) | Q(month__isnull=False, day__gte=1, day__lte=31),
                name="milestone_day_valid",
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.event}"

    @property
    def date(self):
        """The milestone's day, or the first of its month, for formatting per language;
        None with no month, or for a day its month does not have (31 April)."""
        if self.month is None:
            return None
        try:
            return datetime.date(self.year, self.month, self.day or 1)
        except ValueError:
            return None

    def natural_key(self):
        return (self.case.slug, self.year, self.event_en)

    natural_key.dependencies = ["cases.case"]
