"""How money and duties are tied together in a case, as data: who pays how much for what
(Funding), what a party undertakes in return (Commitment), and the numbers a goal is
measured by (Indicator, with its Measurements).

Amounts and values are kept exactly as the sources state them: nominal, in their own
currency, never converted; a fact the sources do not state stays empty. Every row names
its source, or says explicitly that it comes from the case's own sources: a row without
either is refused (`Sourced.clean`), so that no number slips in unsourced.
"""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from cases.models.inlines import Source
from cases.models.vocabulary import ClimateGoal
from networks.models import Organisation
from publishing.fields import CleanCharField
from publishing.models import ChoiceLabels, PublicationState
from publishing.translation import TranslatedModel, translated

POSITION_HELP = _("Rows are shown in this order, lowest first; the curator sets it.")
BILLION, MILLION = 10**9, 10**6


def number(value):
    """A number as the page's language writes it, without trailing zeros: 8,5 or 8.5."""
    value = Decimal(value).normalize()
    if value == value.to_integral():
        value = value.quantize(Decimal(1))
    return number_format(value, force_grouping=True)


def years(start, end):
    """A period of years, "2019–2029", or one end of it."""
    if start and end:
        return str(start) if start == end else f"{start}–{end}"
    if start:
        return gettext("from %(year)s") % {"year": start}
    if end:
        return gettext("until %(year)s") % {"year": end}
    return ""


class Party(models.TextChoices):
    """Who pays, or who undertakes something: a level of government, or another payer."""

    STATE = "state", _("State")
    REGIONAL = "regional", _("Regional")
    MUNICIPAL = "municipal", _("Municipal")
    CHARGES = "charges", _("Tolls and charges")
    PRIVATE = "private", _("Private")
    EU = "eu", _("EU")
    ALL = "all", _("All parties together")


class RowQuerySet(models.QuerySet):
    def of_published_cases(self):
        return self.filter(case__state=PublicationState.PUBLISHED)

    def with_targets(self):
        """The indicators that have a numeric target."""
        return self.filter(target_value__isnull=False)


class RowManager(models.Manager.from_queryset(RowQuerySet)):
    """Finds a row by its natural key, the stable `key` that fixtures carry."""

    def get_by_natural_key(self, key):
        return self.get(key=key)


class CaseRow(TranslatedModel, ChoiceLabels, models.Model):
    """A row of a case kept in the curator's order, with a stable key that fixtures carry
    as its natural key: the money, duty and target rows, and whom to ask (community/)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, verbose_name=_("case"))
    position = models.PositiveIntegerField(_("position"), default=0, help_text=POSITION_HELP)
    key = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    objects = RowManager()

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def natural_key(self):
        return (str(self.key),)

    natural_key.dependencies = ["cases.case"]


class Row(CaseRow):
    """What every money, duty and target row has besides: its source."""

    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("The source of this row's numbers, one of the case's sources."),
    )
    from_case_sources = models.BooleanField(
        _("source: the case's own sources"),
        default=False,
        help_text=_("Tick when the row comes from the case's sources as a whole, not one."),
    )

    class Meta(CaseRow.Meta):
        abstract = True

    def natural_key(self):
        return super().natural_key()

    natural_key.dependencies = ["cases.case", "cases.source"]

    def clean(self):
        super().clean()
        if self.source_id is None and not self.from_case_sources:
            raise ValidationError(
                _(
                    "Name the source of this row, or tick “source: the case's own sources”: "
                    "no number without a source."
                )
            )
        if self.source_id is not None and self.case_id and self.source.case_id != self.case_id:
            raise ValidationError({"source": _("Choose one of this case's own sources.")})


class Funding(Row):
    class Purpose(models.TextChoices):
        WHOLE = "", _("The whole, not split by purpose")
        PUBLIC_TRANSPORT = "public_transport", _("Public transport")
        WALKING_CYCLING = "walking_cycling", _("Walking and cycling")
        RAIL = "rail", _("Rail")
        ROADS = "roads", _("Roads")
        HOUSING = "housing", _("Housing")
        OTHER = "other", _("Other")

    class Qualifier(models.TextChoices):
        EXACT = "", _("as stated")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")
        AT_LEAST = "at_least", _("at least")
        UP_TO = "up_to", _("up to")

    class Currency(models.TextChoices):
        NOK = "NOK", "NOK"
        SEK = "SEK", "SEK"
        DKK = "DKK", "DKK"
        EUR = "EUR", "EUR"

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="funding", verbose_name=_("case")
    )
    payer_kind = models.CharField(_("who pays"), max_length=20, choices=Party.choices)
    payer = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("paying organisation"),
        help_text=_("One of the case's parties, when the source names it."),
    )
    payer_name = translated(
        CleanCharField(
            _("payer's name"),
            max_length=200,
            blank=True,
            help_text=_("When no organisation pays, e.g. “Oslopakke 3 toll revenue”."),
        )
    )
    qualifier = models.CharField(
        _("amount is"), max_length=20, choices=Qualifier.choices, blank=True
    )
    amount = models.PositiveBigIntegerField(
        _("amount"),
        null=True,
        blank=True,
        help_text=_("In whole units of the currency, as stated (8.5 bn is 8500000000)."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    price_year = models.PositiveSmallIntegerField(
        _("price year"), null=True, blank=True, help_text=_("Prices of this year, if stated.")
    )
    share = models.DecimalField(
        _("share, %"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The payer's share of the whole, where the source gives one."),
    )
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    purpose = models.CharField(_("pays for"), max_length=20, choices=Purpose.choices, blank=True)
    note = translated(CleanCharField(_("note"), max_length=300, blank=True))
    history = HistoricalRecords()

    class Meta(Row.Meta):
        verbose_name = _("funding")
        verbose_name_plural = _("funding")
        constraints = [
            models.CheckConstraint(
                condition=Q(share__isnull=True) | Q(share__gte=0, share__lte=100),
                name="funding_share_percent",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | ~Q(currency=""),
                name="funding_amount_has_currency",
                violation_error_message=_("An amount needs its currency."),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="funding_period_in_order",
                violation_error_message=_("The period ends before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.get_payer_kind_display()}: {self.amount_text or self.share_text}"

    @property
    def amount_text(self):
        """The amount as the source states it, in its currency: "about NOK 8.5 bn"; "" when
        the source gives none."""
        if self.amount is None:
            return ""
        values = {"currency": self.currency}
        if self.amount >= BILLION:
            text = gettext("%(currency)s %(number)s bn") % {
                **values,
                "number": number(Decimal(self.amount) / BILLION),
            }
        elif self.amount >= MILLION:
            text = gettext("%(currency)s %(number)s m") % {
                **values,
                "number": number(Decimal(self.amount) / MILLION),
            }
        else:
            text = gettext("%(currency)s %(number)s") % {**values, "number": number(self.amount)}
        if self.qualifier:
            text = f"{self.get_qualifier_display()} {text}"
        if self.price_year:
            text += " " + gettext("(%(year)s prices)") % {"year": self.price_year}
        return text

    @property
    def share_text(self):
        if self.share is None:
            return ""
        text = gettext("%(share)s %% of the whole") % {"share": number(self.share)}
        return (
            f"{self.get_qualifier_display()} {text}"
            if self.qualifier and self.amount is None
            else text
        )

    @property
    def period_text(self):
        return years(self.period_start, self.period_end)

    @property
    def figure_text(self):
        """Amount, share and period in one line, or that the sources state none."""
        parts = [self.amount_text, self.share_text, self.period_text]
        return ", ".join(p for p in parts if p) or gettext("amount not stated in the sources")

    @property
    def payer_text(self):
        """Who pays, in words: the organisation or payer named, else the kind of payer."""
        if self.payer_id:
            return self.payer.name
        return self.payer_name or self.get_payer_kind_display()

    def clean(self):
        super().clean()
        if self.amount is None and self.share is None and not self.note_en:
            raise ValidationError(
                _("Give an amount, a share, or a note saying what the source states.")
            )
        parties = self.case.parties if self.case_id else None
        if self.payer_id and parties is not None and not parties.filter(pk=self.payer_id).exists():
            raise ValidationError({"payer": _("Choose one of this case's parties.")})


class Commitment(Row):
    class Kind(models.TextChoices):
        DENSIFY_HUBS = "densify_hubs", _("Densify at public-transport hubs")
        PARKING = "parking", _("Restrictive parking")
        REGIONAL_PLAN = "regional_plan", _("Follow the regional plan")
        TOLLS = "tolls", _("Tolls and road charges")
        HOUSING = "housing", _("Housing")
        PUBLIC_TRANSPORT = "public_transport", _("Public transport")
        CYCLING_WALKING = "cycling_walking", _("Walking and cycling")
        OTHER = "other", _("Other")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("case")
    )
    party_kind = models.CharField(_("who undertakes"), max_length=20, choices=Party.choices)
    party = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
        help_text=_("One of the case's parties, when the source names it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    text = translated(
        CleanCharField(_("what is undertaken"), max_length=400, help_text=_("One sentence."))
    )
    goal = models.ForeignKey(
        ClimateGoal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("climate goal"),
        help_text=_("The climate goal it serves, if one."),
    )
    history = HistoricalRecords()

    class Meta(Row.Meta):
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")

    def __str__(self):
        return self.text

    @property
    def party_text(self):
        """Who undertakes it, in words: the organisation named, else the kind of party."""
        return self.party.name if self.party_id else self.get_party_kind_display()


class Indicator(Row):
    class Direction(models.TextChoices):
        DOWN = "down", _("less is better")
        UP = "up", _("more is better")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("case")
    )
    goal = models.ForeignKey(
        ClimateGoal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("climate goal"),
        help_text=_("The climate-goal tag this indicator measures."),
    )
    name = translated(
        CleanCharField(_("indicator"), max_length=200, help_text=_("e.g. Passenger car traffic."))
    )
    unit = translated(
        CleanCharField(
            _("unit"), max_length=100, blank=True, help_text=_("e.g. %, t CO2e, homes.")
        )
    )
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=16, decimal_places=3, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    note = translated(CleanCharField(_("note"), max_length=300, blank=True))
    history = HistoricalRecords()

    class Meta(Row.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators and targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_year__isnull=True)
                | Q(target_year__isnull=True)
                | Q(target_year__gte=models.F("baseline_year")),
                name="indicator_target_after_baseline",
                violation_error_message=_("The target year is before the baseline year."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def has_target(self):
        return self.target_value is not None

    @property
    def baseline_text(self):
        return _value_text(self.baseline_value, self.baseline_year, self.unit, "in")

    @property
    def target_text(self):
        return _value_text(self.target_value, self.target_year, self.unit, "by")

    @property
    def points(self):
        """(year, value) of the baseline, the measured values and the target, where both
        are known, in year order: what its chart draws."""
        found = [(m.year, m.value) for m in self.measurements.all()]
        for value, year in [
            (self.baseline_value, self.baseline_year),
            (self.target_value, self.target_year),
        ]:
            if value is not None and year is not None:
                found.append((year, value))
        return sorted(found, key=lambda point: point[0])


def _value_text(value, year, unit, when):
    """ "80 % by 2030", "100 in 2015", "by 2030" when only the year is known, or that the
    sources do not state it."""
    if value is None and year is None:
        return gettext("not stated in the sources")
    text = f"{number(value)} {unit}".strip() if value is not None else ""
    if year is not None:
        phrase = (gettext("in %(year)s") if when == "in" else gettext("by %(year)s")) % {
            "year": year
        }
        text = f"{text} {phrase}".strip()
    if value is None:
        text = gettext("%(when)s, value not stated") % {"when": text}
    return text


class Measurement(TranslatedModel, models.Model):
    """A value of an indicator measured in a year, as a source reports it."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("measured value"), max_digits=16, decimal_places=3)
    note = translated(CleanCharField(_("note"), max_length=300, blank=True))
    source = models.ForeignKey(
        Source,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source"),
        help_text=_("Leave empty when the value comes from the case's own sources."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "pk"]
        verbose_name = _("measured value")
        verbose_name_plural = _("measured values")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="measurement_year_unique")
        ]

    class Manager(models.Manager):
        def get_by_natural_key(self, key, year):
            return self.get(indicator__key=key, year=year)

    objects = Manager()

    def __str__(self):
        return f"{self.year}: {self.value}"

    @property
    def text(self):
        """ "90 % in 2020"."""
        value = f"{number(self.value)} {self.indicator.unit}".strip()
        return gettext("%(value)s in %(year)s") % {"value": value, "year": self.year}

    def natural_key(self):
        return (str(self.indicator.key), self.year)

    natural_key.dependencies = ["cases.indicator"]
