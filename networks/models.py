from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from publishing.fields import CleanCharField, CleanTextField
from publishing.models import (
    ChildManager,
    Linked,
    LinkedQuerySet,
    PublicationManager,
    PublicationQuerySet,
    PublicationState,
    Publishable,
    SlugManager,
    SourceBase,
    web_address,
)
from publishing.text import link_target
from publishing.translation import TranslatedModel, translated


class Country(models.TextChoices):
    FINLAND = "FI", _("Finland")
    SWEDEN = "SE", _("Sweden")
    NORWAY = "NO", _("Norway")
    DENMARK = "DK", _("Denmark")
    ICELAND = "IS", _("Iceland")
    FAROE_ISLANDS = "FO", _("Faroe Islands")
    GREENLAND = "GL", _("Greenland")
    ALAND = "AX", _("Åland")
    ESTONIA = "EE", _("Estonia")
    GERMANY = "DE", _("Germany")
    LATVIA = "LV", _("Latvia")
    LITHUANIA = "LT", _("Lithuania")
    POLAND = "PL", _("Poland")
    UKRAINE = "UA", _("Ukraine")

    @property
    def language(self):
        """The main language's code, for `lang` attributes on names in that language."""
        return {
            "FI": "fi",
            "SE": "sv",
            "NO": "no",
            "DK": "da",
            "IS": "is",
            "FO": "fo",
            "GL": "kl",
            "AX": "sv",
            "EE": "et",
            "DE": "de",
            "LV": "lv",
            "LT": "lt",
            "PL": "pl",
            "UA": "uk",
        }[self.value]


def language_of(country_code):
    return Country(country_code).language if country_code in Country.values else ""


class EvidenceLevel(models.TextChoices):
    WELL_SOURCED = "well-sourced", _("Well sourced")
    PARTLY_SOURCED = "partly-sourced", _("Partly sourced")
    WEAK = "weak", _("Weak")

    @property
    def explanation(self):
        return {
            "well-sourced": _("The core facts are confirmed by at least two cited sources."),
            "partly-sourced": _(
                "The core facts are cited, but some details are not yet confirmed by a source."
            ),
            "weak": _("Most facts still lack a cited source."),
        }[self.value]


class CityRegion(TranslatedModel, Linked, models.Model):
    """A city region. It is shown only while it has a published case, so one created for a
    draft stays out of sight until that case is published (LinkedQuerySet)."""

    name = translated(
        CleanCharField(_("name"), max_length=200, help_text=_("The region's usual name."))
    )
    slug = models.SlugField(
        _("slug"), max_length=100, db_index=False, help_text=_("Used in the page address.")
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    latitude = models.FloatField(
        _("latitude"), help_text=_("Of the main city's centre, in decimal degrees (WGS84).")
    )
    longitude = models.FloatField(
        _("longitude"), help_text=_("Of the main city's centre, in decimal degrees (WGS84).")
    )
    description = translated(
        CleanTextField(
            _("description"), blank=True, help_text=_("One or two sentences on the region.")
        )
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SlugManager.from_queryset(LinkedQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en", "slug"]
        verbose_name = _("city region")
        verbose_name_plural = _("city regions")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="cityregion_slug_unique"),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90)
                & Q(longitude__gte=-180, longitude__lte=180),
                name="cityregion_coordinates_valid",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("networks:region-detail", args=[self.slug])


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region or county")
        STATE = "state", _("State agency or ministry")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    class Level(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal")
        REGIONAL = "regional", _("Regional")
        STATE = "state", _("State")

    name = CleanCharField(
        _("name"), max_length=200, help_text=_("Official name in the original language.")
    )
    name_en = CleanCharField(
        _("English name"), max_length=200, blank=True, help_text=_("Name in English, if any.")
    )
    slug = models.SlugField(_("slug"), max_length=200, db_index=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(
        _("government level"),
        max_length=20,
        choices=Level.choices,
        blank=True,
        help_text=_("Leave empty for companies and other non-government parties."),
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = SlugManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="organisation_slug_unique"),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    @property
    def language(self):
        return language_of(self.country)


class NetworkQuerySet(PublicationQuerySet, LinkedQuerySet):
    pass


class Network(TranslatedModel, Linked, Publishable, models.Model):
    class Kind(models.TextChoices):
        NATIONAL_ASSOCIATION = "national-association", _("National association or programme")
        REGIONAL_BODY = "regional-body", _("Regional cooperation body")
        NORDIC = "nordic", _("Nordic")
        EU = "eu", _("EU")
        GLOBAL = "global", _("Global")
        RESEARCH_FUNDING = "research-funding", _("Research or funding")

    name = translated(CleanCharField(_("name"), max_length=200, help_text=_("Its usual name.")))
    original_name = CleanCharField(
        _("original name"), max_length=300, blank=True, help_text=_("Name in its own language.")
    )
    slug = models.SlugField(_("slug"), max_length=100, db_index=False)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    kind_detail = translated(
        CleanCharField(
            _("kind in detail"), max_length=300, blank=True, help_text=_("A phrase on what it is.")
        )
    )
    countries = models.JSONField(
        _("countries"),
        default=list,
        blank=True,
        help_text=_("Country codes of its members; empty for EU-wide or global networks."),
    )
    founded_year = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    members = translated(
        CleanTextField(
            _("members and scale"), blank=True, help_text=_("Who belongs, and how many.")
        )
    )
    summary = translated(CleanTextField(_("summary"), help_text=_("One sentence on what it is.")))
    mal_relevance = translated(
        CleanTextField(
            _("role in MAL work"),
            blank=True,
            help_text=_("What it does for planning land use, housing and transport together."),
        )
    )
    website = models.URLField(_("website"), max_length=300, blank=True, validators=[web_address])
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.PARTLY_SOURCED,
    )
    evidence_note = translated(
        CleanTextField(
            _("evidence note"), blank=True, help_text=_("What is not yet confirmed by a source.")
        )
    )
    state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublicationManager.from_queryset(NetworkQuerySet)()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en", "slug"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="network_slug_unique"),
            models.CheckConstraint(
                condition=Q(founded_year__isnull=True)
                | Q(founded_year__gte=1800, founded_year__lte=2100),
                name="network_founded_year_plausible",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("networks:detail", args=[self.slug])

    def clean(self):
        known = set(Country.values)
        if not isinstance(self.countries, list) or not set(self.countries) <= known:
            raise ValidationError(
                {"countries": _('Give a list of known country codes, such as ["FI", "SE"].')}
            )

    @property
    def website_link(self):
        """The website if it may be rendered as a link (http or https), otherwise ""."""
        return link_target(self.website)

    def get_countries_display(self):
        return [Country(code).label for code in self.countries if code in Country.values]


class NetworkSource(SourceBase):
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="sources", verbose_name=_("network")
    )

    objects = ChildManager()
    history = HistoricalRecords()
    natural_key_lookups = ("network__slug", "url")

    class Meta(SourceBase.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        constraints = [
            models.UniqueConstraint(fields=["network", "url"], name="networksource_url_unique"),
        ]

    def natural_key(self):
        return (*self.network.natural_key(), self.url)

    natural_key.dependencies = ["networks.network"]
