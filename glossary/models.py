from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from networks.models import Country
from publishing.fields import CleanCharField, CleanTextField
from publishing.models import (
    Language,
    PublicationManager,
    PublicationQuerySet,
    PublicationState,
    Publishable,
)
from publishing.translation import TranslatedModel, localised, translated


class TermQuerySet(PublicationQuerySet):
    def for_glossary(self):
        """Published terms with their published cases (by title in the page's language);
        the glossary puts the terms in alphabetical order itself (glossary/views.py)."""
        case = self.model._meta.get_field("cases").related_model
        cases = models.Prefetch(
            "cases",
            queryset=case.objects.published().order_by(localised("title"), "slug"),
            to_attr="published_cases",
        )
        return self.published().prefetch_related(cases)


class Term(TranslatedModel, Publishable, models.Model):
    """A Nordic instrument or key term, with its names in the Nordic languages and English,
    what it means, and how it compares with what Finland has."""

    name = translated(
        CleanCharField(_("name"), max_length=200, help_text=_("The term's name in this language."))
    )
    name_no = CleanCharField(_("name (Norwegian)"), max_length=200, blank=True)
    name_da = CleanCharField(_("name (Danish)"), max_length=200, blank=True)
    other_names = CleanCharField(
        _("other names"),
        max_length=500,
        blank=True,
        help_text=_("Other names and spellings a reader might search for, separated by commas."),
    )
    slug = models.SlugField(_("slug"), max_length=100, db_index=False)
    language = models.CharField(
        _("language of origin"),
        max_length=2,
        choices=Language.choices,
        help_text=_("The language the term comes from."),
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        choices=[(c.value, c.label) for c in Country],
        blank=True,
        help_text=_("Where the instrument is used; empty for a general term."),
    )
    definition = translated(
        CleanTextField(_("definition"), help_text=_("What it is, in a sentence or three."))
    )
    finnish_counterpart = translated(
        CleanTextField(
            _("nearest Finnish counterpart"),
            blank=True,
            help_text=_("What comes nearest in Finland, and how it differs."),
        )
    )
    cases = models.ManyToManyField(
        "cases.Case",
        blank=True,
        related_name="terms",
        verbose_name=_("cases"),
        help_text=_("The cases that use the term."),
    )
    state = models.CharField(
        _("publication state"),
        max_length=20,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublicationManager.from_queryset(TermQuerySet)()
    history = HistoricalRecords(m2m_fields=["cases"])

    class Meta:
        ordering = ["name_en", "slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [models.UniqueConstraint(fields=["slug"], name="term_slug_unique")]

    def __str__(self):
        return str(self.name)

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["cases.case"]

    def get_absolute_url(self):
        return reverse("glossary:list") + f"#{self.slug}"

    def names(self):
        """(name, language code) in every language it has a name in: fi, sv, no, da, en."""
        found = [
            (self.name_fi, "fi"),
            (self.name_sv, "sv"),
            (self.name_no, "no"),
            (self.name_da, "da"),
            (self.name_en, "en"),
        ]
        return [(name, code) for name, code in found if name]

    def named(self):
        """[(language label, name, code)] for the glossary's table of names."""
        labels = dict(Language.choices)
        return [(labels[code], name, code) for name, code in self.names()]

    @property
    def original_name(self):
        """The name in the language the term comes from."""
        return {code: name for name, code in self.names()}.get(self.language, "")
