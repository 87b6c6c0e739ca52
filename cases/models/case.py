from django.contrib.postgres.search import SearchVectorField
from django.db import models, router
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager, _TaggableManager
from taggit.models import ItemBase

from cases.models.vocabulary import ClimateGoal, Theme
from networks.models import CityRegion, Country, EvidenceLevel, Network, Organisation, language_of
from publishing.fields import CleanCharField, CleanTextField
from publishing.models import (
    ChildManager,
    ChoiceLabels,
    PublicationManager,
    PublicationQuerySet,
    PublicationState,
    Publishable,
)
from publishing.translation import TranslatedModel, localised, translated

CASE_COUNTRIES = [Country.SWEDEN, Country.NORWAY, Country.DENMARK, Country.FINLAND]


class CaseQuerySet(PublicationQuerySet):
    def for_list(self):
        """Rows for a list of cases, latest start first: one query, and one for the themes."""
        latest = models.F("start_year").desc(nulls_last=True)
        return self.prefetch_related("themes").order_by(latest, localised("title"), "slug")

    def for_detail(self):
        """Everything a case page shows, in a fixed number of queries."""
        return self.prefetch_related(*self.detail_lookups())

    def detail_lookups(self):
        """The relations a case page, the report and the API show, as `prefetch_related`
        takes them."""
        return [
            "themes",
            "regions",
            models.Prefetch("networks", queryset=Network.objects.published()),
            "parties",
            "sources",
            "key_figures",
            "milestones",
            "goals",
            models.Prefetch("terms", queryset=self._published_terms()),
            *self.money_and_targets_lookups(),
        ]

    def with_contacts(self):
        return self.prefetch_related(*self.contact_lookups())

    def contact_lookups(self):
        """With whom to ask (community/), which only the case page shows: found through the
        relation, as the glossary's terms are."""
        contact = self.model._meta.get_field("contacts").related_model
        return [
            models.Prefetch("contacts", queryset=contact.objects.select_related("organisation"))
        ]

    def with_money_and_targets(self):
        """With the funding, commitments and indicators (and their measured values) that a
        case page, the report and the CSV show: four queries."""
        return self.prefetch_related(*self.money_and_targets_lookups())

    def money_and_targets_lookups(self):
        # Found through the relations: cases/models/money.py builds on the Case model.
        def rows(name):
            return self.model._meta.get_field(name).related_model.objects

        return [
            models.Prefetch("funding", queryset=rows("funding").select_related("payer")),
            models.Prefetch(
                "commitments", queryset=rows("commitments").select_related("party", "goal")
            ),
            models.Prefetch(
                "indicators",
                queryset=rows("indicators")
                .select_related("goal")
                .prefetch_related("measurements"),
            ),
        ]

    def _published_terms(self):
        # The glossary's Term, found through the relation: the glossary builds on cases.
        terms = self.model._meta.get_field("terms").related_model
        return terms.objects.published().order_by(localised("name"), "slug")


class GoalTags(_TaggableManager):
    """Taggit's manager for a case's climate goals, whose names are translated (no `name`
    column for taggit to match on): goals are given as ClimateGoal objects and matched by
    primary key. The same signals are sent as taggit sends."""

    def _to_tag_model_instances(self, tags, tag_kwargs):
        model, found = self.through.tag_model(), []
        for tag in tags:
            if not isinstance(tag, model):
                raise ValueError(f"Give climate goals as {model.__name__} objects, not {tag!r}.")
            if tag not in found:
                found.append(tag)
        return found

    def set(self, tags, *, through_defaults=None, **kwargs):
        wanted = self._to_tag_model_instances(tags, {})
        if kwargs.get("clear"):
            self.clear()
            self.add(*wanted, through_defaults=through_defaults)
            return
        current = set(self._links().values_list("tag_id", flat=True))
        self.remove(*(pk for pk in current if pk not in {tag.pk for tag in wanted}))
        self.add(
            *(tag for tag in wanted if tag.pk not in current), through_defaults=through_defaults
        )

    def remove(self, *tags):
        """Remove the given goals (objects or primary keys)."""
        pks = {getattr(tag, "pk", tag) for tag in tags}
        if not pks:
            return
        self._remove_prefetched_objects()
        links = self._links().filter(tag_id__in=pks)
        old_ids = set(links.values_list("tag_id", flat=True))
        signal = {
            "sender": self.through,
            "instance": self.instance,
            "reverse": False,
            "model": self.through.tag_model(),
            "pk_set": old_ids,
            "using": links.db,
        }
        models.signals.m2m_changed.send(action="pre_remove", **signal)
        links.delete()
        models.signals.m2m_changed.send(action="post_remove", **signal)

    def _links(self):
        db = router.db_for_write(self.through, instance=self.instance)
        return self.through._default_manager.using(db).filter(**self._lookup_kwargs())


class CaseManager(PublicationManager.from_queryset(CaseQuerySet)):
    def get_queryset(self):
        # The search columns are most of a row's bytes and only searching needs them, in
        # SQL: rows are read without them (cases/search.py reads and writes them itself).
        return super().get_queryset().defer("search_text", "search_vector")


class Case(TranslatedModel, Publishable, ChoiceLabels, models.Model):
    class Scale(models.TextChoices):
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")
        MUNICIPAL = "municipal", _("Municipal")
        DISTRICT = "district", _("District")

    class Instrument(models.TextChoices):
        AGREEMENT = "agreement", _("Agreement")
        STATUTORY_PLAN = "statutory-plan", _("Statutory plan")
        STRATEGIC_PLAN = "strategic-plan", _("Strategic or structure plan")
        FUNDING_SCHEME = "funding-scheme", _("Funding scheme")
        NATIONAL_POLICY = "national-policy", _("National policy or target")
        DEVELOPMENT_COMPANY = "development-company", _("Development company")
        PARTNERSHIP = "partnership", _("Partnership")
        CLIMATE_CONTRACT = "climate-contract", _("Climate contract")
        INFRASTRUCTURE_PROJECT = "infrastructure-project", _("Infrastructure project")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        DISCONTINUED = "discontinued", _("Discontinued")

    title = translated(CleanCharField(_("title"), max_length=200, help_text=_("The case's name.")))
    original_name = CleanCharField(
        _("original name"), max_length=300, blank=True, help_text=_("Name in its own language.")
    )
    slug = models.SlugField(
        _("slug"), max_length=100, db_index=False, help_text=_("Used in the page address.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=[(c.value, c.label) for c in CASE_COUNTRIES],
        help_text=_("Where the case is; FI for Finnish comparison cases."),
    )
    scale = models.CharField(
        _("scale"), max_length=20, choices=Scale.choices, help_text=_("The area it covers.")
    )
    regions = models.ManyToManyField(
        CityRegion,
        blank=True,
        related_name="cases",
        verbose_name=_("city regions"),
        help_text=_("Leave empty for a national case."),
    )
    parties = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="cases",
        verbose_name=_("parties"),
        help_text=_("The organisations that are party to the case."),
    )
    networks = models.ManyToManyField(
        Network,
        blank=True,
        related_name="cases",
        verbose_name=_("networks"),
        help_text=_("Networks that run, fund or spread the case."),
    )
    instrument = models.CharField(
        _("instrument"),
        max_length=30,
        choices=Instrument.choices,
        help_text=_("The main kind of instrument; say more in the detail field."),
    )
    instrument_detail = translated(
        CleanCharField(
            _("instrument in detail"),
            max_length=300,
            blank=True,
            help_text=_("A phrase that says more than the instrument type."),
        )
    )
    themes = models.ManyToManyField(
        Theme,
        related_name="cases",
        verbose_name=_("MALPE themes"),
        help_text=_("The dimensions the case integrates."),
    )
    goals = TaggableManager(
        through="TaggedCase",
        manager=GoalTags,
        # Taggit leaves a relation's tags unordered unless told: as ClimateGoal sorts them.
        ordering=["name_en", "slug"],
        blank=True,
        verbose_name=_("climate goals"),
        help_text=_("Climate-goal tags the case serves."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, help_text=_("When it began; empty if unknown.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Planned or actual; empty if open.")
    )
    is_ongoing = models.BooleanField(
        _("ongoing"), default=True, help_text=_("Whether the work still goes on.")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.ONGOING,
        help_text=_("Where the case stands now."),
    )
    status_note = translated(
        CleanCharField(
            _("status in detail"),
            max_length=300,
            blank=True,
            help_text=_("What the status means."),
        )
    )
    is_comparison = models.BooleanField(
        _("Finnish comparison case"),
        default=False,
        help_text=_("A Finnish case shown for comparison with the Nordic ones."),
    )
    summary = translated(CleanTextField(_("summary"), help_text=_("One or two sentences.")))
    challenge = translated(
        CleanTextField(_("challenge"), blank=True, help_text=_("What it answers to."))
    )
    how_it_works = translated(
        CleanTextField(
            _("how it works"), blank=True, help_text=_("Parties, mechanism, money and duties.")
        )
    )
    climate_goals = translated(
        CleanTextField(
            _("climate goals in detail"), blank=True, help_text=_("The climate aims in words.")
        )
    )
    results = translated(
        CleanTextField(_("results"), blank=True, help_text=_("What has come of it."))
    )
    lessons_for_finland = translated(
        CleanTextField(
            _("lessons for Finland"),
            blank=True,
            help_text=_("An editorial judgement of what would transfer to Finland."),
        )
    )
    evidence_level = models.CharField(
        _("evidence level"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.PARTLY_SOURCED,
        help_text=_("How well the core facts are confirmed by the cited sources."),
    )
    evidence_note = translated(
        CleanTextField(
            _("evidence note"), blank=True, help_text=_("What is not yet confirmed by a source.")
        )
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked the facts against the sources."),
    )
    state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
        help_text=_("Only published cases are public; archived ones keep their page."),
    )
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, help_text=_("Set when first published.")
    )
    # Derived for full-text search (cases/search.py); never edited, never exported.
    search_text = models.TextField(editable=False, default="", serialize=False)
    search_vector = SearchVectorField(null=True, editable=False, serialize=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CaseManager()
    history = HistoricalRecords(
        m2m_fields=["regions", "parties", "networks", "themes"],
        excluded_fields=["search_text", "search_vector"],
    )

    class Meta:
        ordering = ["title_en", "slug"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["slug"], name="case_slug_unique"),
            models.CheckConstraint(
                condition=Q(country__in=CASE_COUNTRIES), name="case_country_nordic_mal"
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="case_end_year_not_before_start",
                violation_error_message=_("The end year cannot be before the start year."),
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(start_year__gte=1900, start_year__lte=2100),
                name="case_start_year_plausible",
            ),
        ]

    def __str__(self):
        return self.title

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = [
        "networks.cityregion",
        "networks.organisation",
        "networks.network",
        "cases.theme",
    ]

    def get_absolute_url(self):
        return reverse("cases:detail", args=[self.slug])

    @property
    def is_draft(self):
        return self.state == PublicationState.DRAFT

    @property
    def is_archived(self):
        return self.state == PublicationState.ARCHIVED

    @property
    def is_published(self):
        return self.state == PublicationState.PUBLISHED

    @property
    def years(self):
        """The years as every page writes them: "2016–2029", "2016–" while no end is set,
        "?–2020" when the start is not known, and "(ongoing)" after work that goes on."""
        text = f"{self.start_year or '?'}–{self.end_year or ''}"
        return f"{text} ({_('ongoing')})" if self.is_ongoing else text

    @property
    def language(self):
        """The language of the original name."""
        return language_of(self.country)

    def sorted_goals(self):
        """The climate goals by name (taggit gives them in no set order)."""
        return sorted(self.goals.all(), key=lambda goal: str(goal.name))

    def parties_by_level(self):
        """[(level label, organisations)]: state, regional, municipal, then other parties;
        empty groups left out. Uses prefetched parties when there are any."""
        level = Organisation.Level
        groups = {level.STATE: [], level.REGIONAL: [], level.MUNICIPAL: []}
        others = []
        for party in self.parties.all():
            groups.get(party.level, others).append(party)
        grouped = [(level.label, parties) for level, parties in groups.items() if parties]
        if others:
            grouped.append((_("Other parties"), others))
        return grouped


class TaggedCase(ItemBase):
    """Through model for climate goals, with natural keys so fixtures round-trip."""

    content_object = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="tagged_goals", verbose_name=_("case")
    )
    tag = models.ForeignKey(
        ClimateGoal, on_delete=models.CASCADE, related_name="tagged_cases", verbose_name=_("goal")
    )

    objects = ChildManager()
    history = HistoricalRecords()
    natural_key_lookups = ("content_object__slug", "tag__slug")

    class Meta:
        ordering = ["tag__name_en"]
        verbose_name = _("climate goal of a case")
        verbose_name_plural = _("climate goals of cases")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="taggedcase_unique"),
        ]

    def natural_key(self):
        return (self.content_object.slug, self.tag.slug)

    natural_key.dependencies = ["cases.case", "cases.climategoal"]
